import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KindCode } from "../../src/domain/taxonomy.js";
import type { SearchDocument } from "../../src/search/document.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import type { SearchQuery } from "../../src/search/port.js";
import { distanceMeters } from "../../src/search/embedded/geo.js";
import { aDocument } from "../support/documents.js";

/**
 * A query with a municipality or an area gathers its candidates from that municipality's or
 * the grid cells' slot lists instead of whole-index bitsets (engine.ts, `#narrowLists`). Held
 * here to the whole-index answer: the same query without the municipality or area, filtered
 * afterwards, must give the same documents in the same order, whatever the words, kinds,
 * updates (dead slots) and compaction.
 */
const MUNICIPALITIES = ["112038", "112241", "131083", "472115"];
const KINDS: KindCode[] = ["kodomo-shokudo", "daycare", "hiroba", "after-school"];
const NAMES = ["さくら食堂", "ひまわり保育園", "子育てひろば", "中央学童", "こども食堂 みなみ", "Sakura Daycare"];
const CENTER = { lat: 35.8, lng: 139.72 };

const docArb = fc.record({
  name: fc.constantFrom(...NAMES),
  kind: fc.constantFrom(...KINDS),
  municipalityCode: fc.constantFrom(...MUNICIPALITIES),
  // Within about ±11 km of the center, across many 0.05° grid cells; some without a point.
  dLat: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  dLng: fc.double({ min: -0.1, max: 0.1, noNaN: true }),
  placed: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
});

const toDoc = (d: ReturnType<typeof docArb.generate>["value"]): SearchDocument =>
  aDocument({
    name: d.name,
    nameKana: null,
    kind: d.kind,
    municipalityCode: d.municipalityCode,
    lat: d.placed ? CENTER.lat + d.dLat : null,
    lng: d.placed ? CENTER.lng + d.dLng : null,
  });

async function everyHit(search: EmbeddedSearch, query: Omit<SearchQuery, "page" | "size">): Promise<SearchDocument[]> {
  const out: SearchDocument[] = [];
  for (let page = 1; ; page++) {
    const r = await search.search({ ...query, page, size: 100 });
    out.push(...r.hits.map((h) => h.document));
    if (out.length >= r.total || r.hits.length === 0) return out;
  }
}

describe("embedded engine: candidates from municipality and grid lists", () => {
  it("answers like the whole index filtered afterwards", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 1, maxLength: 250 }),
        fc.nat({ max: 100 }),
        fc.record({
          text: fc.option(fc.constantFrom("食堂", "さくら", "ひろば", "daycare", "保育"), { nil: undefined }),
          kinds: fc.option(fc.subarray(KINDS, { minLength: 1 }), { nil: undefined }),
          municipality: fc.option(fc.constantFrom(...MUNICIPALITIES, "999999"), { nil: undefined }),
          radius: fc.option(fc.integer({ min: 500, max: 15_000 }), { nil: undefined }),
        }),
        async (raw, changedShare, q) => {
          const search = new EmbeddedSearch();
          const docs = raw.map(toDoc);
          await search.replaceAll([docs]);
          // Move some documents elsewhere (their old slots die; enough of them compacts the store).
          const moved = docs.slice(0, Math.floor((docs.length * changedShare) / 100)).map((d, i) => ({
            ...d,
            municipalityCode: MUNICIPALITIES[i % MUNICIPALITIES.length]!,
            lat: d.lat === null ? null : d.lat + 0.03,
          }));
          if (moved.length) await search.replace({ serviceIds: moved.map((d) => d.serviceId) }, moved);

          const base = { text: q.text, filter: { kinds: q.kinds }, facets: ["kind" as const] };
          const whole = await everyHit(search, base);
          const narrowed = await everyHit(search, {
            ...base,
            filter: { ...base.filter, municipalityCode: q.municipality },
            within: q.radius ? { kind: "radius", center: CENTER, radiusMeters: q.radius } : undefined,
          });
          const distance = (d: SearchDocument) => (d.lat === null ? Number.POSITIVE_INFINITY : distanceMeters(CENTER, { lat: d.lat, lng: d.lng! }));
          // A document within a metre of the circle may fall either way (chord against haversine rounding): left out of both.
          const clear = (d: SearchDocument) => q.radius === undefined || Math.abs(distance(d) - q.radius) > 1;
          const expected = whole.filter(
            (d) => (q.municipality === undefined || d.municipalityCode === q.municipality) && (q.radius === undefined || distance(d) <= q.radius),
          );
          expect(narrowed.filter(clear).map((d) => d.id)).toEqual(expected.filter(clear).map((d) => d.id));
        },
      ),
      { numRuns: 60 },
    );
  });
});
