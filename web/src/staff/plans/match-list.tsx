import { formatDistance, kindLabel } from "../../family/format.js";
import { type Lang, Ruby, T, useLang } from "../../i18n/i18n.js";
import { Link } from "../../router.js";
import { useLangHref } from "../../ui/layout.js";
import type { MatchView, NeedMatches, ReasonView } from "../staff-api.js";

/** The sentence in the page's language; やさしい日本語 falls back to Japanese (staff read it). */
export const reasonText = (r: ReasonView, lang: Lang) => (lang === "en" ? r.detailEn : r.detail);

const STATUS_MARK = { pass: "✓", fail: "✗", unknown: "?" } as const;

export function ReasonList({ reasons }: { reasons: ReasonView[] }) {
  const lang = useLang();
  return (
    <ul class="reasons">
      {reasons.map((r) => (
        <li key={r.criterion + r.detail} class={`reason reason-${r.status}`}>
          <span class="reason-status">
            <span aria-hidden="true">{STATUS_MARK[r.status]} </span>
            <T k={`reason_${r.status}`} />
          </span>{" "}
          {reasonText(r, lang)}
        </li>
      ))}
    </ul>
  );
}

/**
 * One need's matches, best first and numbered as on the map, each with its score, its reasons and
 * a way to refer; then the near candidates that a rule excluded, with why not.
 */
export function NeedSection(props: { planId: string; need: NeedMatches; first: number; suggested?: string; canRefer: boolean }) {
  const { need, planId } = props;
  const lang = useLang();
  const headingId = `need-${need.kind}`;
  return (
    <section class="need" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Ruby text={kindLabel(need.kind, lang)} /> <span class={`tag tag-urgency-${need.urgency}`}>{<T k={`urgency_${need.urgency as "normal"}`} />}</span>
      </h2>
      {"note" in need && typeof need.note === "string" && <p class="need-note">{need.note}</p>}
      {need.matches.length === 0 ? (
        <p class="notice">
          <T k="matchesNone" />
        </p>
      ) : (
        <ol class="matches" start={props.first}>
          {need.matches.map((m, i) => (
            <MatchItem key={m.serviceId} planId={planId} match={m} n={props.first + i} open={i < 3} suggested={m.serviceId === props.suggested} canRefer={props.canRefer} />
          ))}
        </ol>
      )}
      {need.excluded.length > 0 && (
        <details class="excluded">
          <summary>
            <T k="excludedTitle" params={{ n: need.excluded.length }} />
          </summary>
          <ul class="plain-list">
            {need.excluded.map((x) => (
              <li key={x.serviceId} class="excluded-item">
                <p>
                  <strong>{x.name}</strong> {"distanceMeters" in x && typeof x.distanceMeters === "number" && <span class="muted">{formatDistance(x.distanceMeters)}</span>}
                </p>
                <ReasonList reasons={x.reasons} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function MatchItem({ planId, match, n, open, suggested, canRefer }: { planId: string; match: MatchView; n: number; open: boolean; suggested: boolean; canRefer: boolean }) {
  const href = useLangHref();
  const counts = { pass: 0, fail: 0, unknown: 0 };
  for (const r of match.reasons) counts[r.status]++;
  const nameId = `match-${match.serviceId}`;
  return (
    <li class="match">
      <div class="match-head">
        <h3 id={nameId}>
          <span class="match-n" aria-hidden="true">
            {n}
          </span>
          {match.name}
        </h3>
        {suggested && (
          <span class="tag tag-suggested">
            <T k="matchSuggested" />
          </span>
        )}
      </div>
      <p class="match-meta">
        {"organizationName" in match && typeof match.organizationName === "string" && <span>{match.organizationName}</span>}
        <span>
          <T k="distance" />: {formatDistance(match.distanceMeters)}
        </span>
        <span>
          <T k="score" />: <strong>{match.score}</strong>
          <span class="muted"> / 100</span>
        </span>
      </p>
      <details open={open}>
        <summary>
          <T k="reasonsSummary" params={counts} />
        </summary>
        <ReasonList reasons={match.reasons} />
      </details>
      {canRefer && (
        <p>
          <Link class="button button-small" href={href(`/staff/plans/${planId}/refer/${match.serviceId}/safeguarding?location=${match.locationId}`)} aria-describedby={nameId}>
            <T k="referAction" />
          </Link>
        </p>
      )}
    </li>
  );
}
