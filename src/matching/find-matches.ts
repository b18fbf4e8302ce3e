import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { URGENCY_RANK, type Plan } from "../plans/plan.js";
import { type Candidate, candidatesFromFacts } from "./candidate.js";
import type { MatchContext } from "./context.js";
import { loadMatchFacts } from "./match-facts.js";
import { type NeedMatches, rankCandidates } from "./rank.js";
import { type Suggestion, suggestCover } from "./suggest.js";
import { TUNING } from "./weights.js";

/**
 * From a plan to ranked, explained matches per need: the search index finds what is near and of
 * the right kind (cheap, at any scale); the database supplies the facts the rules read; the pure
 * scorer decides. Nothing here knows HTTP.
 */
export interface NearbyQuery {
  kind: string;
  lat: number;
  lng: number;
  radiusMeters: number;
  limit: number;
}

/** Service ids of a kind near a point, nearest first: what matching asks of the search port. */
export type FindNearby = (query: NearbyQuery) => Promise<string[]>;

export interface PlanMatches {
  planId: string;
  needs: (NeedMatches & { kind: string; urgency: string; note?: string })[];
  suggestion: Suggestion;
}

/** How many nearby services are scored per need: enough for the top 20 plus near misses. */
const CANDIDATES_PER_NEED = 100;

export async function findPlanMatches(db: Kysely<Database>, findNearby: FindNearby, plan: Plan, now: Date): Promise<PlanMatches> {
  const maxDistanceMeters = plan.constraints.maxDistanceMeters ?? TUNING.defaultMaxDistanceMeters;
  const ctx: MatchContext = { family: plan.family, constraints: plan.constraints, municipalityCode: plan.municipalityCode, maxDistanceMeters, now };
  const radiusMeters = Math.min(100_000, Math.round(maxDistanceMeters * TUNING.searchBeyondFactor));
  const needs = [...plan.needs].sort((a, b) => URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency]);

  const idsPerNeed = await Promise.all(
    needs.map((n) => findNearby({ kind: n.kind, lat: plan.family.lat, lng: plan.family.lng, radiusMeters, limit: CANDIDATES_PER_NEED })),
  );
  const facts = await loadMatchFacts(db, [...new Set(idsPerNeed.flat())]);
  const candidatesById = new Map<string, Candidate[]>();
  for (const f of facts) candidatesById.set(f.service.id, candidatesFromFacts(f, plan.family));

  const results = needs.map((need, i) => {
    const candidates = idsPerNeed[i]!.flatMap((id) => candidatesById.get(id) ?? []);
    return { kind: need.kind, urgency: need.urgency, ...(need.note ? { note: need.note } : {}), ...rankCandidates(candidates, ctx) };
  });
  return { planId: plan.id, needs: results, suggestion: suggestCover(results) };
}
