import { apiGet } from "../api/client.js";
import { formatDate, formatDistance, languageLabel } from "../family/format.js";
import { type Lang, T, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icon.js";
import { useLangHref } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";
import { FetchStatus } from "./fetch-status.js";
import { StaffPage } from "./staff-page.js";
import type { CaseSummary, Reason } from "./types.js";

/**
 * The ケース会議 one-pager of a plan (`GET /api/v1/plans/{id}/summary`): needs, the best matches
 * with their reasons, referrals with their history, next steps with owners. Loaded once per
 * visit, since every load is written to the audit log; printed on one A4 page.
 */
export default function CaseSummaryPage({ params }: { params: Record<string, string> }) {
  return (
    <StaffPage>
      <Summary planId={params.id ?? ""} />
    </StaffPage>
  );
}

const STATUS_MARK: Record<Reason["status"], string> = { pass: "✓", fail: "✗", unknown: "?" };
const URGENCY: Record<string, MessageKey> = {
  low: "caseSummaryUrgencyLow",
  normal: "caseSummaryUrgencyNormal",
  high: "caseSummaryUrgencyHigh",
  urgent: "caseSummaryUrgencyUrgent",
};
const REFERRAL_STATUS: Record<string, MessageKey> = {
  sent: "caseSummaryStatusSent",
  accepted: "caseSummaryStatusAccepted",
  declined: "caseSummaryStatusDeclined",
  in_progress: "caseSummaryStatusInProgress",
  completed: "caseSummaryStatusCompleted",
  not_completed: "caseSummaryStatusNotCompleted",
  withdrawn: "caseSummaryStatusWithdrawn",
};
/** A code as its label, or the code itself if a newer API sends one this page does not know. */
const label = (lang: Lang, table: Record<string, MessageKey>, code: string) => (table[code] ? t(lang, table[code]) : code);

function Summary({ planId }: { planId: string }) {
  const lang = useLang();
  const href = useLangHref();
  const [res, reload] = useFetch(planId, (signal) => apiGet<CaseSummary>(`/plans/${encodeURIComponent(planId)}/summary`, {}, signal));
  const s = res.data;
  const local = (label: { ja: string; en: string }) => (lang === "en" ? label.en : label.ja);
  return (
    <article class="case-summary duties" aria-labelledby="summary-title">
      <h2 id="summary-title">
        <T k="caseSummaryTitle" />
      </h2>
      <FetchStatus state={res} onRetry={reload} />
      {s && (
        <>
          <p class="notice summary-audited">
            <T k="caseSummaryAudited" />
          </p>
          <div class="button-row summary-actions">
            <button type="button" class="button button-small" onClick={() => window.print()}>
              <Icon name="print" />
              <T k="print" />
            </button>
            <Link class="button button-small" href={href(`/staff/plans/${planId}/sheet`)}>
              <T k="sheetMake" />
            </Link>
          </div>
          <dl class="summary-head">
            <dt><T k="caseSummaryCase" /></dt>
            <dd>{s.plan.caseRef} ({s.plan.status})</dd>
            <dt><T k="caseSummaryLead" /></dt>
            <dd>{s.plan.lead ? personName(s.plan.lead) : "—"}</dd>
            <dt><T k="caseSummaryFamily" /></dt>
            <dd>{familyText(s, lang)}</dd>
            <dt><T k="caseSummaryPrepared" /></dt>
            <dd>
              {s.center} ・ {formatDate(s.generatedAt, lang)}
            </dd>
          </dl>

          <h3><T k="caseSummaryNeeds" /></h3>
          <ol class="summary-needs">
            {s.needs.map((need) => (
              <li key={need.kind}>
                <p class="summary-need">
                  <strong>{local(need.label)}</strong> <span class="tag">{label(lang, URGENCY, need.urgency)}</span>
                  {need.note && <> — {need.note}</>}
                </p>
                {need.matches.length === 0 ? (
                  <p><T k="sheetNoMatches" /></p>
                ) : (
                  <ul class="summary-matches">
                    {need.matches.map((m) => (
                      <li key={m.serviceId}>
                        <strong>{m.name}</strong> ({m.organizationName}, {formatDistance(m.distanceMeters)}, {t(lang, "caseSummaryScore", { score: m.score })})
                        {need.suggested?.serviceId === m.serviceId && <span class="tag"><T k="caseSummarySuggested" /></span>}
                        <ul class="reasons">
                          {m.reasons.map((r) => (
                            <li key={r.criterion} class={`reason-${r.status}`}>
                              <span aria-label={t(lang, r.status === "pass" ? "caseSummaryPass" : r.status === "fail" ? "caseSummaryFail" : "caseSummaryUnknown")}>
                                {STATUS_MARK[r.status]}
                              </span>{" "}
                              {lang === "en" ? r.detailEn : r.detail}
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                )}
                {need.excludedCount > 0 && (
                  <p class="hint">
                    <T k="caseSummaryExcluded" params={{ n: need.excludedCount }} />
                  </p>
                )}
              </li>
            ))}
          </ol>

          <h3><T k="caseSummaryReferrals" /></h3>
          {s.referrals.length === 0 ? (
            <p><T k="caseSummaryNone" /></p>
          ) : (
            <ul class="summary-referrals">
              {s.referrals.map((r) => (
                <li key={r.id}>
                  <p>
                    <strong>{r.reference}</strong> {r.serviceName} ({r.organizationName}) — <span class="tag">{label(lang, REFERRAL_STATUS, r.status)}</span>
                    {r.overdue && <span class="tag tag-warn"><T k="caseSummaryOverdue" /></span>}
                  </p>
                  <ol class="timeline">
                    {r.events.map((e, i) => (
                      <li key={i}>
                        <time dateTime={e.at}>{formatDate(e.at, lang)}</time> {e.fromStatus ? `${label(lang, REFERRAL_STATUS, e.fromStatus)} → ` : ""}
                        {label(lang, REFERRAL_STATUS, e.status)}
                        {e.by && ` (${e.by})`}
                        {[e.reason, e.outcome, e.note].filter(Boolean).map((x) => ` ・ ${x}`)}
                      </li>
                    ))}
                  </ol>
                </li>
              ))}
            </ul>
          )}

          <h3><T k="caseSummaryNextSteps" /></h3>
          {s.nextSteps.length === 0 ? (
            <p><T k="caseSummaryNone" /></p>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col"><T k="caseSummaryAction" /></th>
                  <th scope="col"><T k="caseSummaryOwner" /></th>
                  <th scope="col"><T k="caseSummaryDue" /></th>
                  <th scope="col"><T k="caseSummaryDone" /></th>
                </tr>
              </thead>
              <tbody>
                {s.nextSteps.map((step, i) => (
                  <tr key={i}>
                    <td>{step.action}</td>
                    <td>{step.owner ? personName(step.owner) : "—"}</td>
                    <td>{step.due ?? "—"}</td>
                    <td>{step.done ? "✓" : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </article>
  );
}

const personName = (p: { name: string; profession: string | null }) => (p.profession ? `${p.name}（${p.profession}）` : p.name);

/** 「1歳5か月」, "1 y 5 m". */
const childAge = (months: number, lang: Lang) => {
  const y = Math.floor(months / 12);
  const m = months % 12;
  return lang === "en" ? `${y} y ${m} m` : `${y}歳${m}か月`;
};

/** Children's ages, pregnancy and languages: what the meeting needs, no location. */
function familyText(s: CaseSummary, lang: Lang): string {
  const parts = s.plan.family.children.map((c) => childAge(c.ageMonths, lang));
  if (s.plan.family.pregnancyWeeks !== undefined) parts.push(t(lang, "caseSummaryPregnancy", { w: s.plan.family.pregnancyWeeks }));
  if (s.plan.family.languages.length) parts.push(s.plan.family.languages.map((l) => languageLabel(l, lang)).join("・"));
  return parts.filter(Boolean).join(" ／ ") || "—";
}
