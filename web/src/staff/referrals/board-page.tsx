import { useState } from "preact/hooks";
import { REFERRAL_STATUSES, type ReferralStatus } from "../../../../src/referrals/referral.js";
import { formatDate, kindLabel } from "../../family/format.js";
import { Ruby, T, t, useLang } from "../../i18n/i18n.js";
import type { MessageKey } from "../../i18n/messages.js";
import { Link, navigate, useLocation } from "../../router.js";
import { useLangHref } from "../../ui/layout.js";
import { useFetch } from "../../ui/use-fetch.js";
import { type StaffReferralView, listReferrals } from "../staff-api.js";
import { FetchStatus } from "../staff-ui.js";
import { ReferralStatusTag } from "./referral-status.js";

/** The board's columns: the three open states, then everything that has ended. */
const COLUMNS: { title: MessageKey; statuses: readonly ReferralStatus[] }[] = [
  { title: "refStatus_sent", statuses: ["sent"] },
  { title: "refStatus_accepted", statuses: ["accepted"] },
  { title: "refStatus_in_progress", statuses: ["in_progress"] },
  { title: "boardClosed", statuses: ["declined", "completed", "not_completed", "withdrawn"] },
];

/**
 * The center's referrals by status (`GET /api/v1/referrals`), overdue ones flagged: those still
 * waiting for the partner's first answer past the response time. Filters live in the URL.
 */
export function BoardPage() {
  const lang = useLang();
  const href = useLangHref();
  const query = useLocation().query;
  const status = REFERRAL_STATUSES.find((s) => s === query.get("status"));
  const overdue = query.get("overdue") === "1";
  const [referrals] = useFetch(`referrals-${status ?? ""}-${overdue}`, (signal) => listReferrals({ status, overdue: overdue || undefined }, signal));
  const [form, setForm] = useState({ status: status ?? "", overdue });
  const apply = (e: Event) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (form.status) q.set("status", form.status);
    if (form.overdue) q.set("overdue", "1");
    navigate(href(`/staff/referrals?${q.toString()}`));
  };
  const items = referrals.data ?? [];
  const overdueCount = items.filter((r) => r.overdue).length;
  return (
    <>
      <form class="filter-bar" onSubmit={apply} role="search" aria-label={t(lang, "boardFilter")}>
        <div class="field">
          <label for="board-status">
            <T k="status" />
          </label>
          <select id="board-status" value={form.status} onChange={(e) => setForm({ ...form, status: e.currentTarget.value })}>
            <option value="">{t(lang, "filterAll")}</option>
            {REFERRAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(lang, `refStatus_${s}`)}
              </option>
            ))}
          </select>
        </div>
        <label class="check">
          <input id="board-overdue" type="checkbox" checked={form.overdue} onChange={(e) => setForm({ ...form, overdue: e.currentTarget.checked })} />
          <T k="overdueOnly" />
        </label>
        <button type="submit" class="button">
          <T k="applyFilter" />
        </button>
      </form>
      <FetchStatus state={referrals} />
      {overdueCount > 0 && !overdue && (
        <p class="notice notice-error">
          <T k="boardOverdueCount" params={{ n: overdueCount }} /> <Link href={href("/staff/referrals?overdue=1")}>
            <T k="overdueOnly" />
          </Link>
        </p>
      )}
      {referrals.data && (
        <div class="board">
          {COLUMNS.map((col) => {
            const cards = items.filter((r) => col.statuses.includes(r.status));
            if (status && cards.length === 0) return null;
            const id = `column-${col.statuses[0]}`;
            return (
              <section class="board-column" aria-labelledby={id} key={id}>
                <h2 id={id}>
                  <T k={col.title} /> <span class="count">({cards.length})</span>
                </h2>
                {cards.length === 0 ? (
                  <p class="muted">
                    <T k="boardEmpty" />
                  </p>
                ) : (
                  <ul class="plain-list">
                    {cards.map((r) => (
                      <BoardCard key={r.id} r={r} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}

function BoardCard({ r }: { r: StaffReferralView }) {
  const lang = useLang();
  const href = useLangHref();
  return (
    <li class={`board-card${r.overdue ? " is-overdue" : ""}`}>
      <p class="board-card-title">
        <Link href={href(`/staff/referrals/${r.id}`)}>{r.reference}</Link>
      </p>
      <p>{r.serviceName}</p>
      <p class="muted">{r.organizationName}</p>
      <p class="muted">
        <T k="planCaseRef" />: {r.caseRef}
        {r.needKind && (
          <>
            {" · "}
            <Ruby text={kindLabel(r.needKind, lang)} />
          </>
        )}
      </p>
      <p class="muted">
        <T k="sentOn" params={{ date: formatDate(r.createdAt, lang) }} />
      </p>
      <p>
        <ReferralStatusTag status={r.status} overdue={r.overdue} />
      </p>
    </li>
  );
}
