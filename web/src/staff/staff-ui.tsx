import type { ComponentChildren } from "preact";
import { T } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link } from "../router.js";
import type { FetchState } from "../ui/use-fetch.js";

/** Small pieces every staff page uses: the loading and error lines, and the GOV.UK summary list. */
export function FetchStatus({ state }: { state: FetchState<unknown> }) {
  if (state.status === "loading" && !state.data)
    return (
      <p role="status">
        <T k="loading" />
      </p>
    );
  if (state.status === "error")
    return (
      <p class="notice notice-error" role="alert">
        <T k="loadError" />
      </p>
    );
  return null;
}

export interface SummaryRow {
  key: MessageKey;
  value: ComponentChildren;
  /** A change link (check-your-answers, the plan's edit form). */
  change?: { href: string; label: string; id?: string };
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl class="summary-list">
      {rows.map((r) => (
        <div class="summary-row" key={r.key + (r.change?.id ?? "")}>
          <dt>
            <T k={r.key} />
          </dt>
          <dd>{r.value}</dd>
          {r.change && (
            <dd class="summary-action">
              <Link href={r.change.href} id={r.change.id}>
                <T k="change" />
                <span class="visually-hidden"> {r.change.label}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
