import type { KindCode } from "../domain/taxonomy.js";
import { MAX_PAGE_SIZE, type SearchPort } from "../search/port.js";
import type { FindNearby } from "./find-matches.js";

/**
 * Matching's question to the search port: the services of a kind within a radius, nearest first.
 * No text and no eligibility filters — the rules judge eligibility themselves, so near misses can
 * be shown with their reasons.
 */
export function nearbyFromSearch(search: SearchPort): FindNearby {
  return async ({ kind, lat, lng, radiusMeters, limit }) => {
    const result = await search.search({
      filter: { kinds: [kind as KindCode] },
      within: { kind: "radius", center: { lat, lng }, radiusMeters },
      sort: "distance",
      page: 1,
      size: Math.min(limit, MAX_PAGE_SIZE),
    });
    return [...new Set(result.hits.map((h) => h.document.serviceId))];
  };
}
