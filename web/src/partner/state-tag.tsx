import { T } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import type { ServiceState } from "./partner-api.js";

const LABELS: Record<ServiceState, MessageKey> = {
  pending: "statePending",
  published: "statePublished",
  changesPending: "stateChangesPending",
  rejected: "stateRejected",
};

/** A record's verification state as a coloured tag (the words carry the meaning, the colour only helps). */
export function StateTag({ state }: { state: ServiceState }) {
  return (
    <span class={`tag tag-state-${state}`}>
      <T k={LABELS[state]} />
    </span>
  );
}
