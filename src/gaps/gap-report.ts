import type { GridCell } from "../domain/geo.js";
import { groupBy } from "../domain/group-by.js";

/**
 * Where needs go unmet (地域資源の開拓): the center's plans, aggregated — never per family. Every
 * count that rests on fewer than `SUPPRESS_BELOW` plans is withheld, so no row can point at a
 * family. Pure: the use case feeds it the matching outcome of each need.
 */
export const SUPPRESS_BELOW = 5;

/** What matching said about one need of one plan. */
export interface NeedOutcome {
  planId: string;
  kind: string;
  /** Grid cell of the family's approximate location. */
  cell: GridCell;
  /** Eligible matches within the plan's distance. */
  matches: number;
  /** Eligible matches that have places free (or unknown capacity). */
  matchesWithPlaces: number;
  /** The nearest services that were excluded, with the criteria that excluded them. */
  nearMisses: { serviceId: string; name: string; distanceMeters: number; criteria: string[] }[];
}


export interface KindGap {
  kind: string;
  suppressed: boolean;
  /** Plans with a need of this kind. */
  plans: number | null;
  /** Needs with no eligible match within the plan's distance. */
  unmet: number | null;
  /** Needs whose eligible matches are all full. */
  capacityShortfall: number | null;
  /** Referrals for this kind declined for lack of capacity. */
  declinedNoCapacity: number | null;
  /** The services most often just out of reach, and why. */
  nearestCandidates: { serviceId: string; name: string; times: number; medianDistanceMeters: number; criteria: Record<string, number> }[];
}

export interface AreaGap {
  cell: GridCell;
  kind: string;
  suppressed: boolean;
  plans: number | null;
  unmet: number | null;
}

export interface GapReport {
  plans: number;
  suppressBelow: number;
  byKind: KindGap[];
  byArea: AreaGap[];
}

export function buildGapReport(outcomes: readonly NeedOutcome[], declinedNoCapacity: ReadonlyMap<string, number>): GapReport {
  const plans = new Set(outcomes.map((o) => o.planId)).size;
  const byKind = [...groupBy(outcomes, (o) => o.kind)].map(([kind, list]) => kindGap(kind, list, declinedNoCapacity.get(kind) ?? 0));
  const byArea = [...groupBy(outcomes, (o) => `${o.cell.id}|${o.kind}`)].map(([, list]) => {
    const planCount = new Set(list.map((o) => o.planId)).size;
    const suppressed = planCount < SUPPRESS_BELOW;
    return {
      cell: list[0]!.cell,
      kind: list[0]!.kind,
      suppressed,
      plans: suppressed ? null : planCount,
      unmet: suppressed ? null : list.filter((o) => o.matches === 0).length,
    };
  });
  byKind.sort((a, b) => (b.unmet ?? -1) - (a.unmet ?? -1) || a.kind.localeCompare(b.kind));
  byArea.sort((a, b) => (b.unmet ?? -1) - (a.unmet ?? -1) || a.cell.id.localeCompare(b.cell.id) || a.kind.localeCompare(b.kind));
  return { plans, suppressBelow: SUPPRESS_BELOW, byKind, byArea };
}

function kindGap(kind: string, list: readonly NeedOutcome[], declined: number): KindGap {
  const planCount = new Set(list.map((o) => o.planId)).size;
  if (planCount < SUPPRESS_BELOW) {
    return { kind, suppressed: true, plans: null, unmet: null, capacityShortfall: null, declinedNoCapacity: null, nearestCandidates: [] };
  }
  const unmet = list.filter((o) => o.matches === 0);
  return {
    kind,
    suppressed: false,
    plans: planCount,
    unmet: unmet.length,
    capacityShortfall: list.filter((o) => o.matches > 0 && o.matchesWithPlaces === 0).length,
    declinedNoCapacity: declined,
    nearestCandidates: nearestCandidates(unmet),
  };
}

/** Services that were nearest to unmet needs: the ones a meeting could ask to widen eligibility or area. */
function nearestCandidates(unmet: readonly NeedOutcome[]): KindGap["nearestCandidates"] {
  const seen = new Map<string, { name: string; distances: number[]; criteria: Record<string, number> }>();
  for (const o of unmet) {
    const miss = o.nearMisses[0];
    if (!miss) continue;
    const entry = seen.get(miss.serviceId) ?? { name: miss.name, distances: [], criteria: {} };
    entry.distances.push(miss.distanceMeters);
    for (const c of miss.criteria) entry.criteria[c] = (entry.criteria[c] ?? 0) + 1;
    seen.set(miss.serviceId, entry);
  }
  return [...seen]
    .filter(([, e]) => e.distances.length >= SUPPRESS_BELOW)
    .map(([serviceId, e]) => ({ serviceId, name: e.name, times: e.distances.length, medianDistanceMeters: median(e.distances), criteria: e.criteria }))
    .sort((a, b) => b.times - a.times || a.medianDistanceMeters - b.medianDistanceMeters)
    .slice(0, 5);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
