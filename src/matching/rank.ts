import type { Candidate } from "./candidate.js";
import type { MatchContext } from "./context.js";
import { explain } from "./explain.js";
import { hardFindings } from "./hard-rules.js";
import type { Reason } from "./reason.js";
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
 * entry per service, at its nearest location.
 */
export function rankCandidates(candidates: readonly Candidate[], ctx: MatchContext): NeedMatches {
  const matches: Match[] = [];
  const excluded: Excluded[] = [];
  for (const c of nearestPerService(candidates)) {
    const hard = hardFindings(c, ctx);
    const failed = hard.some((f) => f.status === "fail");
    if (failed) {
      // Only the failures explain an exclusion; passing rules would bury them.
      excluded.push({ serviceId: c.serviceId, locationId: c.locationId, name: c.name, distanceMeters: c.distanceMeters, reasons: hard.filter((f) => f.status === "fail").map(explain) });
      continue;
    }
    const soft = softFindings(c, ctx);
    matches.push({
      serviceId: c.serviceId,
      locationId: c.locationId,
      organizationId: c.organizationId,
      organizationName: c.organizationName,
      name: c.name,
      kind: c.kind,
      lat: c.lat,
      lng: c.lng,
      distanceMeters: c.distanceMeters,
      score: combineScore(soft),
      reasons: [...hard.filter((f) => f.criterion !== "published"), ...soft.filter((f) => f.criterion !== "proximity")].map(explain),
    });
  }
  matches.sort((a, b) => b.score - a.score || a.distanceMeters - b.distanceMeters || a.serviceId.localeCompare(b.serviceId));
  excluded.sort((a, b) => a.distanceMeters - b.distanceMeters || a.serviceId.localeCompare(b.serviceId));
  return { matches: matches.slice(0, TUNING.matchesPerNeed), excluded: excluded.slice(0, TUNING.excludedPerNeed) };
}

function nearestPerService(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    const seen = best.get(c.serviceId);
    if (!seen || c.distanceMeters < seen.distanceMeters) best.set(c.serviceId, c);
  }
  return [...best.values()];
}
