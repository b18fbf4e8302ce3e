import { useEffect, useRef, useState } from "preact/hooks";
import { formatDate, formatDistance, kindLabel, languageLabel, weekdayLabel } from "../../family/format.js";
import { Ruby, T, t, useLang } from "../../i18n/i18n.js";
import { drawMatchMap } from "../../map/staff-maps.js";
import { Link } from "../../router.js";
import { useLangHref } from "../../ui/layout.js";
import { useFetch } from "../../ui/use-fetch.js";
import { ReferralStatusTag } from "../referrals/referral-status.js";
import { type PlanMatches, type PlanView, getMatches, getPlan, listReferrals, updatePlan } from "../staff-api.js";
import { FetchStatus, SummaryList } from "../staff-ui.js";
import { NeedSection } from "./match-list.js";

/**
 * One support plan: what it holds, its referrals, and per need the ranked matches with their
 * reasons and the near misses, with a map of the matches.
 */
export function PlanPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const [plan, reloadPlan] = useFetch(`plan-${id}`, (signal) => getPlan(id, signal));
  const [matches] = useFetch(`matches-${id}`, (signal) => getMatches(id, signal));
  const [referrals] = useFetch(`plan-referrals-${id}`, (signal) => listReferrals({ planId: id }, signal));
  if (!plan.data) return <FetchStatus state={plan} />;
  const p = plan.data;
  return (
    <>
      <p class="caption">
        <T k="planCaseRef" />: <strong>{p.caseRef}</strong> · <T k={p.status === "open" ? "planStatusOpen" : "planStatusClosed"} />
      </p>
      <PlanSummary plan={p} onChanged={reloadPlan} />

      <section aria-labelledby="plan-referrals">
        <h2 id="plan-referrals">
          <T k="planReferrals" />
        </h2>
        <FetchStatus state={referrals} />
        {referrals.data?.length === 0 && (
          <p>
            <T k="planReferralsNone" />
          </p>
        )}
        {!!referrals.data?.length && <PlanReferrals items={referrals.data} />}
      </section>

      <section aria-labelledby="plan-matches" class="plan-matches">
        <h2 id="plan-matches">
          <T k="matchesTitle" />
        </h2>
        <FetchStatus state={matches} />
        {matches.data && <Matches plan={p} matches={matches.data} />}
      </section>
    </>
  );
}

function PlanSummary({ plan, onChanged }: { plan: PlanView; onChanged(): void }) {
  const lang = useLang();
  const href = useLangHref();
  const [busy, setBusy] = useState(false);
  const { family, constraints } = plan;
  const edit = { href: href(`/staff/plans/${plan.id}/edit`), label: t(lang, "planTitle") };
  const sep = lang === "en" ? ", " : "、";
  const setStatus = async (status: "open" | "closed") => {
    setBusy(true);
    await updatePlan(plan.id, { status }).finally(() => setBusy(false));
    onChanged();
  };
  return (
    <section aria-labelledby="plan-details">
      <h2 id="plan-details">
        <T k="planDetails" />
      </h2>
      <SummaryList
        rows={[
          { key: "planLocation", value: `${family.lat}, ${family.lng}`, change: edit },
          {
            key: "planChildren",
            value: family.children.length ? family.children.map((c) => t(lang, "ageYearsMonths", { y: Math.floor(c.ageMonths / 12), m: c.ageMonths % 12 })).join(sep) : "—",
          },
          { key: "planPregnancy", value: family.pregnancyWeeks === undefined ? "—" : t(lang, "weeksN", { n: family.pregnancyWeeks }) },
          { key: "planLanguages", value: family.languages.map((l) => languageLabel(l, lang)).join(sep) || "—" },
          {
            key: "planFlags",
            value: [family.flags.publicAssistance && t(lang, "planPublicAssistance"), family.flags.disabilityCertificate && t(lang, "planDisabilityCertificate")].filter(Boolean).join(sep) || "—",
          },
          {
            key: "planNeeds",
            value: (
              <ul class="plain-list">
                {plan.needs.map((n) => (
                  <li key={n.kind}>
                    <Ruby text={kindLabel(n.kind, lang)} /> (<T k={`urgency_${n.urgency}`} />){n.note ? `: ${n.note}` : ""}
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: "planConstraints",
            value:
              [
                constraints.maxDistanceMeters !== undefined && `${t(lang, "planMaxDistanceShort")} ${formatDistance(constraints.maxDistanceMeters)}`,
                constraints.maxCostYen !== undefined && `${t(lang, "planMaxCostShort")} ${constraints.maxCostYen.toLocaleString("ja-JP")}${lang === "en" ? " yen" : "円"}`,
                constraints.days?.length && constraints.days.map((d) => weekdayLabel(d, lang)).join(sep),
              ]
                .filter(Boolean)
                .join(" / ") || "—",
          },
          { key: "updatedAt", value: formatDate(plan.updatedAt, lang) },
        ]}
      />
      <div class="button-row">
        <Link class="button" href={edit.href}>
          <T k="planEdit" />
        </Link>
        <Link class="button" href={href(`/staff/plans/${plan.id}/summary`)}>
          <T k="caseSummaryLink" />
        </Link>
        <Link class="button" href={href(`/staff/plans/${plan.id}/sheet`)}>
          <T k="sheetMake" />
        </Link>
        <button type="button" class="button" disabled={busy} onClick={() => setStatus(plan.status === "open" ? "closed" : "open")}>
          <T k={plan.status === "open" ? "planClose" : "planReopen"} />
        </button>
      </div>
    </section>
  );
}

function PlanReferrals({ items }: { items: { id: string; reference: string; serviceName: string; status: Parameters<typeof ReferralStatusTag>[0]["status"]; overdue: boolean }[] }) {
  const href = useLangHref();
  return (
    <ul class="plain-list referral-lines">
      {items.map((r) => (
        <li key={r.id}>
          <Link href={href(`/staff/referrals/${r.id}`)}>{r.reference}</Link> {r.serviceName} <ReferralStatusTag status={r.status} overdue={r.overdue} />
        </li>
      ))}
    </ul>
  );
}

function Matches({ plan, matches }: { plan: PlanView; matches: PlanMatches }) {
  const lang = useLang();
  const firsts: number[] = [];
  let n = 1;
  for (const need of matches.needs) {
    firsts.push(n);
    n += need.matches.length;
  }
  const picks = new Map(matches.suggestion.picks.map((p) => [p.kind, p.serviceId]));
  return (
    <>
      {matches.suggestion.uncovered.length > 0 && (
        <p class="notice">
          <T k="matchesUncovered" params={{ kinds: matches.suggestion.uncovered.map((k) => kindLabel(k, lang === "easy" ? "ja" : lang)).join(lang === "en" ? ", " : "、") }} />
        </p>
      )}
      <MatchMap plan={plan} matches={matches} />
      {matches.needs.map((need, i) => (
        <NeedSection key={need.kind} planId={plan.id} need={need} first={firsts[i]!} suggested={picks.get(need.kind)} canRefer={plan.status === "open"} />
      ))}
    </>
  );
}

function MatchMap({ plan, matches }: { plan: PlanView; matches: PlanMatches }) {
  const lang = useLang();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const points = matches.needs.flatMap((need) => need.matches).map((m, i) => ({ lat: m.lat, lng: m.lng, name: m.name, n: i + 1 }));
    const map = drawMatchMap(el.current!, { label: t(lang, "matchMapLabel"), familyLabel: t(lang, "familyPoint"), family: plan.family, matches: points });
    return () => map.remove();
  }, [matches, lang]);
  return (
    <figure class="match-map">
      <div ref={el} class="map map-matches" />
      <figcaption class="hint">
        <T k="matchMapCaption" />
      </figcaption>
    </figure>
  );
}
