import type { Candidate } from "./candidate.js";
import type { MatchContext } from "./context.js";
import { explain } from "./explain.js";
import { hardFindings } from "./hard-rules.js";
import type { Finding, Reason, ScoredFinding } from "./reason.js";
import { combineScore, softFindings } from "./soft-scores.js";
import { TUNING } from "./weights.js";

export interface Match {
  serviceId: string;
  locationId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  kind: string;
  lat: number;
  lng: number;
  distanceMeters: number;
  score: number;
  reasons: Reason[];
}

export interface Excluded {
  serviceId: string;
  locationId: string;
  name: string;
  distanceMeters: number;
  reasons: Reason[];
}

export interface NeedMatches {
  matches: Match[];
  excluded: Excluded[];
}

/**
 * Ranks the candidates for one need: hard rules split them into matches and excluded, soft scores
 * order the matches (best first; ties by distance, then id, so the order is deterministic). One
 * entry per service, at its nearest location. Sentences are written only for the entries kept.
 */
export function rankCandidates(candidates: readonly Candidate[], ctx: MatchContext): NeedMatches {
  const eligible: { c: Candidate; hard: Finding[]; soft: ScoredFinding[]; score: number }[] = [];
  const failing: { c: Candidate; failed: Finding[] }[] = [];
  for (const c of nearestPerService(candidates)) {
    const hard = hardFindings(c, ctx);
    // Only the failures explain an exclusion; passing rules would bury them.
    const failed = hard.filter((f) => f.status === "fail");
    if (failed.length > 0) {
      failing.push({ c, failed });
      continue;
    }
    const soft = softFindings(c, ctx);
    eligible.push({ c, hard, soft, score: combineScore(soft) });
  }
  eligible.sort((a, b) => b.score - a.score || a.c.distanceMeters - b.c.distanceMeters || a.c.serviceId.localeCompare(b.c.serviceId));
  failing.sort((a, b) => a.c.distanceMeters - b.c.distanceMeters || a.c.serviceId.localeCompare(b.c.serviceId));
  return {
    matches: eligible.slice(0, TUNING.matchesPerNeed).map(({ c, hard, soft, score }) => ({
      serviceId: c.serviceId,
      locationId: c.locationId,
      organizationId: c.organizationId,
      organizationName: c.organizationName,
      name: c.name,
      kind: c.kind,
      lat: c.lat,
      lng: c.lng,
      distanceMeters: c.distanceMeters,
      score,
      reasons: [...hard.filter((f) => f.criterion !== "published"), ...soft.filter((f) => f.criterion !== "proximity")].map(explain),
    })),
    excluded: failing.slice(0, TUNING.excludedPerNeed).map(({ c, failed }) => ({
      serviceId: c.serviceId,
      locationId: c.locationId,
      name: c.name,
      distanceMeters: c.distanceMeters,
      reasons: failed.map(explain),
    })),
  };
}

function nearestPerService(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.serviceId);
    if (!seen || c.distanceMeters < seen.distanceMeters) best.set(c.serviceId, c);
  }
  return [...best.values()];
}
