import type { Match } from "./rank.js";

export interface NeedChoice {
  kind: string;
  matches: readonly Match[];
}

export interface Suggestion {
  /** One pick per need that has any match, in the needs' order. */
  picks: { kind: string; serviceId: string; locationId: string; organizationId: string; name: string; distanceMeters: number; score: number }[];
  /** Needs with no eligible match: the gap staff must fill another way. */
  uncovered: string[];
  providers: number;
  totalDistanceMeters: number;
}

/**
 * The plan-level suggestion: one service per need, covering every need it can with the fewest
 * providers (organizations), then the least total travel, then the best scores. An exact
 * branch-and-bound over each need's top matches; the breadth shrinks as needs grow so a
 * ten-need plan still explores at most 3^10 combinations.
 */
export function suggestCover(needs: readonly NeedChoice[]): Suggestion {
  const breadth = needs.length <= 4 ? 6 : needs.length <= 6 ? 4 : 3;
  const options = needs.map((n) => n.matches.slice(0, breadth));
  const covered = needs.map((n, i) => ({ kind: n.kind, options: options[i]! })).filter((n) => n.options.length > 0);

  let best: { picks: Match[]; providers: number; distance: number; score: number } | undefined;
  const picks: Match[] = [];
  const orgCount = new Map<string, number>();

  const visit = (i: number, distance: number, score: number): void => {
    if (best && (orgCount.size > best.providers || (orgCount.size === best.providers && distance > best.distance))) return;
    if (i === covered.length) {
      if (!best || orgCount.size < best.providers || distance < best.distance || (distance === best.distance && score > best.score)) {
        best = { picks: [...picks], providers: orgCount.size, distance, score };
      }
      return;
    }
    for (const m of covered[i]!.options) {
      picks.push(m);
      orgCount.set(m.organizationId, (orgCount.get(m.organizationId) ?? 0) + 1);
      visit(i + 1, distance + m.distanceMeters, score + m.score);
      const n = orgCount.get(m.organizationId)! - 1;
      if (n === 0) orgCount.delete(m.organizationId);
      else orgCount.set(m.organizationId, n);
      picks.pop();
    }
  };
  visit(0, 0, 0);

  return {
    picks: (best?.picks ?? []).map((m, i) => ({
      kind: covered[i]!.kind,
      serviceId: m.serviceId,
      locationId: m.locationId,
      organizationId: m.organizationId,
      name: m.name,
      distanceMeters: m.distanceMeters,
      score: m.score,
    })),
    uncovered: needs.filter((n) => n.matches.length === 0).map((n) => n.kind),
    providers: best?.providers ?? 0,
    totalDistanceMeters: best?.distance ?? 0,
  };
}
