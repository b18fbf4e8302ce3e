import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { HsdsService } from "../../api/types.js";
import { T } from "../../i18n/i18n.js";
import type { MessageKey } from "../../i18n/messages.js";
import type { Step } from "./referral-draft.js";
import type { ReferralDraft } from "./referral-draft.js";

/** What every page of the referral flow shares. */
export interface FlowContext {
  planId: string;
  serviceId: string;
  locationId?: string;
  draft: ReferralDraft;
  service?: HsdsService;
  /** The href of a step, keeping the location (and `return=check` when asked). */
  stepHref(step: string, opts?: { returnToCheck?: boolean; extra?: string }): string;
  /** Where a question goes on: back to check-your-answers when it was changed from there. */
  next(step: Step): void;
}

export function ServiceCaption({ service }: { service?: HsdsService }) {
  if (!service) return null;
  return (
    <p class="caption">
      <T k="referTo" />: <strong>{service.name}</strong> ({service.organization.name})
    </p>
  );
}

/** A new step's heading takes the focus, so a screen reader announces the page that came in. */
export function FocusedHeading({ k }: { k: MessageKey }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [k]);
  return (
    <h2 ref={ref} tabIndex={-1} class="question">
      <T k={k} />
    </h2>
  );
}


/**
 * The safeguarding warning of the flow: Tsunagu is not where abuse is reported. `text` says what to
 * do instead; `children` add to it (the stop page's 189 link).
 */
export function NotAnAbuseReport({ text, children }: { text: MessageKey; children?: ComponentChildren }) {
  return (
    <div class="inset-warning">
      <p>
        <strong>
          <T k="notAnAbuseReport" />
        </strong>
      </p>
      <p>
        <T k={text} />
      </p>
      {children}
    </div>
  );
}
