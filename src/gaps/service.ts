import type { Kysely } from "kysely";
import type { Actor } from "../audit/record.js";
import type { Database } from "../db/database.js";
import type { FindNearby } from "../matching/find-matches.js";
import { findPlanMatches } from "../matching/find-matches.js";
import { listPlans } from "../plans/repository.js";
import { centerOf } from "../plans/service.js";
import { gridCell } from "../domain/geo.js";
import { type GapReport, type NeedOutcome, buildGapReport } from "./gap-report.js";

export interface GapOptions {
  /** Grid cell size for the area view. */
  cellMeters: number;
  /** Only plans changed since (default: all). */
  since?: Date;
  now: Date;
}

/**
 * The gap analysis of a center: re-run matching for each of its plans against today's catalog,
 * and count, per kind and per area, the needs nothing eligible could meet.
 */
export async function centerGapReport(db: Kysely<Database>, findNearby: FindNearby, actor: Actor, options: GapOptions): Promise<GapReport & { cellMeters: number }> {
  const centerId = centerOf(actor);
  const outcomes: NeedOutcome[] = [];
  for (let offset = 0; ; offset += 200) {
    const { plans } = await listPlans(db, centerId, { limit: 200, offset });
    for (const plan of plans) {
      if (options.since && plan.updatedAt < options.since) continue;
      const result = await findPlanMatches(db, findNearby, plan, options.now);
      const cell = gridCell(plan.family.lat, plan.family.lng, options.cellMeters);
      for (const need of result.needs) {
        outcomes.push({
          planId: plan.id,
          kind: need.kind,
          cell,
          matches: need.matches.length,
          matchesWithPlaces: need.matches.filter((m) => !m.reasons.some((r) => r.criterion === "capacity" && r.status === "fail")).length,
          nearMisses: need.excluded.map((e) => ({ serviceId: e.serviceId, name: e.name, distanceMeters: e.distanceMeters, criteria: e.reasons.map((r) => r.criterion) })),
        });
      }
    }
    if (plans.length < 200) break;
  }
  const declined = await db
    .selectFrom("referral as r")
    .innerJoin("referral_event as e", "e.referral_id", "r.id")
    .select(["r.need_kind", (eb) => eb.fn.countAll<string>().as("n")])
    .where("r.center_id", "=", centerId)
    .where("e.status", "=", "declined")
    .where("e.reason", "=", "no_capacity")
    .groupBy("r.need_kind")
    .execute();
  const declinedByKind = new Map(declined.filter((d) => d.need_kind).map((d) => [d.need_kind!, Number(d.n)]));
  return { ...buildGapReport(outcomes, declinedByKind), cellMeters: options.cellMeters };
}
