import { ApiError } from "../api/client.js";
import { T } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import type { FetchState } from "../ui/use-fetch.js";

/** "Loading…", a load error with a retry, or "not found" (another center's plan looks the same). */
export function FetchStatus({ state, onRetry, notFound = "dutiesNotFound" }: { state: FetchState<unknown>; onRetry?(): void; notFound?: MessageKey }) {
  if (state.status === "loading" && !state.data) {
    return (
      <p role="status">
        <T k="loading" />
      </p>
    );
  }
  if (state.status !== "error") return null;
  // A malformed id or link (400) is as unknown as a missing one (404).
  if (state.error instanceof ApiError && (state.error.status === 404 || state.error.status === 400)) {
    return (
      <p class="notice">
        <T k={notFound} />
      </p>
    );
  }
  return (
    <p class="notice notice-error" role="alert">
      <T k="loadError" />{" "}
      {onRetry && (
        <button type="button" class="button button-link" onClick={onRetry}>
          <T k="retry" />
        </button>
      )}
    </p>
  );
}
