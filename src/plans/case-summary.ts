import type { Kysely } from "kysely";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/database.js";
import { findKind } from "../domain/taxonomy.js";
import { type FindNearby, findPlanMatches } from "../matching/find-matches.js";
import { listReferrals } from "../referrals/service.js";
import type { StaffReferralView } from "../referrals/view.js";
import { getPlan } from "./service.js";

/**
 * The one page a ケース会議 (case conference) works from: the needs, the best matches with their
 * reasons, what was referred and how it went, and the next steps with their owners. It gathers
 * the most sensitive view of a case, so every read of it is itself audited.
 */
const MATCHES_SHOWN = 3;

export interface CaseSummaryDeps {
  db: Kysely<Database>;
  findNearby: FindNearby;
  now: () => Date;
  responseDays: number;
  requestId?: string;
}

export async function caseSummary(deps: CaseSummaryDeps, actor: Actor, planId: string) {
  const plan = await getPlan(deps, actor, planId);
  const now = deps.now();
  const [matches, referrals, staff, center] = await Promise.all([
    findPlanMatches(deps.db, deps.findNearby, plan, now),
    listReferrals(deps, actor, { planId, limit: 200, offset: 0 }),
    deps.db.selectFrom("app_user").select(["id", "display_name", "profession"]).where("center_id", "=", plan.centerId).execute(),
    deps.db.selectFrom("center").select(["name"]).where("id", "=", plan.centerId).executeTakeFirstOrThrow(),
  ]);
  await recordAudit(deps.db, actor, { action: "plan.summary.view", entityType: "support_plan", entityId: plan.id, centerId: plan.centerId, requestId: deps.requestId });

  const person = (id: string | null | undefined) => {
    const s = staff.find((u) => u.id === id);
    return s ? { id: s.id, name: s.display_name, profession: s.profession } : null;
  };
  return {
    generatedAt: now.toISOString(),
    center: center.name,
    plan: { id: plan.id, caseRef: plan.caseRef, status: plan.status, lead: person(plan.leadUserId), family: plan.family, constraints: plan.constraints, updatedAt: new Date(plan.updatedAt).toISOString() },
    needs: matches.needs.map((need) => {
      const kind = findKind(need.kind);
      return {
        kind: need.kind,
        label: { ja: kind?.ja ?? need.kind, en: kind?.en ?? need.kind },
        urgency: need.urgency,
        note: need.note ?? null,
        matches: need.matches.slice(0, MATCHES_SHOWN).map((m) => ({ serviceId: m.serviceId, name: m.name, organizationName: m.organizationName, score: m.score, distanceMeters: m.distanceMeters, reasons: m.reasons })),
        excludedCount: need.excluded.length,
        suggested: matches.suggestion.picks.find((p) => p.kind === need.kind) ?? null,
      };
    }),
    referrals: (referrals.items as StaffReferralView[]).map((r) => ({
      id: r.id,
      reference: r.reference,
      serviceName: r.serviceName,
      organizationName: r.organizationName,
      status: r.status,
      overdue: r.overdue,
      events: r.events,
    })),
    nextSteps: plan.nextSteps.map((s) => ({ ...s, owner: person(s.ownerUserId) })),
  };
}
