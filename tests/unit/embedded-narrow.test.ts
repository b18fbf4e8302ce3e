import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KindCode } from "../../src/domain/taxonomy.js";
import type { SearchDocument } from "../../src/search/document.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import type { SearchQuery } from "../../src/search/port.js";
import { aDocument } from "../support/documents.js";

/**
 * A query with a municipality or an area gathers its candidates from that municipality's or
 * the grid cells' slot lists and evaluates its words for those documents alone (engine.ts,
 * `#restrict`). Held here to the whole-index path (`narrow: false`): the same answer (hits in
 * order, total, facets), whatever the words, kinds, updates (dead slots) and compaction.
 */
const MUNICIPALITIES = ["112038", "112241", "131083", "472115"];
const KINDS: KindCode[] = ["kodomo-shokudo", "daycare", "hiroba", "after-school"];
const NAMES = ["さくら食堂", "さくら 食堂", "ひまわり保育園", "子育てひろば", "中央学童", "こども食堂 みなみ", "Sakura Daycare", "川口市 学童クラブ", "みなみ川口市民ひろば"];
const CENTER = { lat: 35.8, lng: 139.72 };
const SYNONYMS = [["食堂", "ごはん"], ["学童", "放課後"], ["daycare", "nursery"]];

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

describe("embedded engine: candidates from municipality and grid lists", () => {
  it("answers like the whole index filtered afterwards", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 1, maxLength: 250 }),
        fc.nat({ max: 100 }),
        fc.array(fc.record({
          text: fc.option(fc.constantFrom("食堂", "さくら", "ひろば", "daycare", "保育", "さくら食堂", "ひまわり 食堂", "みなみ食堂", "子育て学童", "sakura daycare", "ごはん", "放課後 さくら", "nursery", "栄町", "川口市", "埼玉県 食堂"), { nil: undefined }),
          kinds: fc.option(fc.subarray(KINDS, { minLength: 1 }), { nil: undefined }),
          municipality: fc.option(fc.constantFrom(...MUNICIPALITIES, "999999"), { nil: undefined }),
          radius: fc.option(fc.integer({ min: 500, max: 15_000 }), { nil: undefined }),
          sortByDistance: fc.boolean(),
        }), { minLength: 1, maxLength: 8 }),
        async (raw, changedShare, queries) => {
          const narrowed = new EmbeddedSearch();
          const whole = new EmbeddedSearch({ narrow: false });
          const docs = raw.map(toDoc);
          // Move some documents elsewhere (their old slots die; enough of them compacts the store).
          const moved = docs.slice(0, Math.floor((docs.length * changedShare) / 100)).map((d, i) => ({
            ...d,
            municipalityCode: MUNICIPALITIES[i % MUNICIPALITIES.length]!,
            lat: d.lat === null ? null : d.lat + 0.03,
          }));
          for (const search of [narrowed, whole]) {
            await search.setSynonyms(SYNONYMS);
            await search.replaceAll([docs]);
            if (moved.length) await search.replace({ serviceIds: moved.map((d) => d.serviceId) }, moved);
          }
          const answer = async (search: EmbeddedSearch, query: SearchQuery) => {
            const { tookMs: _, ...rest } = await search.search(query);
            return { ...rest, hits: rest.hits.map((h) => [h.document.id, h.distanceMeters]) };
          };
          // Several queries on one index, so that what one leaves in the engine's scratch space meets the next.
          for (const q of queries) {
            const query: SearchQuery = {
              text: q.text,
              filter: { kinds: q.kinds, municipalityCode: q.municipality },
              within: q.radius ? { kind: "radius", center: CENTER, radiusMeters: q.radius } : undefined,
              sort: q.sortByDistance ? "distance" : "relevance",
              facets: ["kind", "municipality", "free"],
              page: 1,
              size: 100,
            };
            expect(await answer(narrowed, query)).toEqual(await answer(whole, query));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("embedded engine: facet counts kept as bitsets", () => {
  it("counts weekdays, cost, languages and municipalities as the live documents say, through updates", async () => {
    const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            days: fc.subarray([...WEEK]),
            free: fc.boolean(),
            languages: fc.subarray(["ja", "en", "vi", "zh"], { minLength: 1 }),
            municipality: fc.option(fc.constantFrom(...MUNICIPALITIES), { nil: null, freq: 8 }),
          }),
          { minLength: 1, maxLength: 200 },
        ),
        fc.nat({ max: 100 }),
        // Sorted by town or not: a town's documents together or spread over the slots.
        fc.boolean(),
        async (raw, changedShare, byTown) => {
          const search = new EmbeddedSearch();
          const rows = byTown ? [...raw].sort((a, b) => String(a.municipality).localeCompare(String(b.municipality))) : raw;
          let docs = rows.map((r) => aDocument({ days: r.days, costKind: r.free ? "free" : "fee", costFree: r.free, languages: r.languages, municipalityCode: r.municipality }));
          await search.replaceAll([docs]);
          const moved = docs.slice(0, Math.floor((docs.length * changedShare) / 100)).map((d) => ({ ...d, days: [], costKind: "fee" as const, costFree: false, languages: ["pt"], municipalityCode: "011002" }));
          if (moved.length) await search.replace({ serviceIds: moved.map((d) => d.serviceId) }, moved);
          docs = [...moved, ...docs.slice(moved.length)];
          const count = (keep: (d: SearchDocument) => boolean) => docs.filter(keep).length;
          const nonZero = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, n]) => n > 0));
          const r = await search.search({ facets: ["free", "openOn", "language", "municipality"], page: 1, size: 1 });
          expect(r.facets).toEqual({
            municipality: nonZero([...MUNICIPALITIES, "011002"].map((m) => [m, count((d) => d.municipalityCode === m)])),
            free: nonZero([["true", count((d) => d.costFree)], ["false", count((d) => !d.costFree)]]),
            openOn: nonZero(WEEK.map((day) => [day, count((d) => d.days.includes(day))])),
            language: nonZero(["ja", "en", "vi", "zh", "pt"].map((l) => [l, count((d) => d.languages.includes(l))])),
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
