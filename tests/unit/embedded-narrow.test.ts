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
 * `#restrict`); a distance sort with no test per document takes the nearest from the cells
 * around the point, ring by ring (rank.ts, `rankNearest`). Held here to the whole-index path
 * (`narrow: false`): the same answer (hits in order, total, facets), whatever the words, kinds,
 * page sizes, ties in distance, filters, updates (dead slots) and compaction.
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
  // Within about ±11 km of the center, across many 0.02° grid cells, some at one spot (equally
  // far from anywhere) or on a cell's edge; some without a point.
  dLat: fc.oneof(fc.double({ min: -0.1, max: 0.1, noNaN: true }), fc.constantFrom(0.013, 0.02, -0.04)),
  dLng: fc.oneof(fc.double({ min: -0.1, max: 0.1, noNaN: true }), fc.constantFrom(0.013, 0.02, -0.04)),
  placed: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  ages: fc.constantFrom([null, null], [0, 35], [36, 71], [12, null], [null, 143]),
  free: fc.boolean(),
  days: fc.subarray(["mon", "wed", "sat"] as const),
});

const toDoc = (d: ReturnType<typeof docArb.generate>["value"]): SearchDocument =>
  aDocument({
    name: d.name,
    nameKana: null,
    kind: d.kind,
    municipalityCode: d.municipalityCode,
    lat: d.placed ? CENTER.lat + d.dLat : null,
    lng: d.placed ? CENTER.lng + d.dLng : null,
    ageMinMonths: d.ages[0],
    ageMaxMonths: d.ages[1],
    costKind: d.free ? "free" : "fee",
    costFree: d.free,
    days: d.days,
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
          // Half the queries without a town and half without a radius (the nearest-first path).
          municipality: fc.option(fc.constantFrom(...MUNICIPALITIES, "999999"), { nil: undefined, freq: 2 }),
          // A child's age, free, a weekday: filters kept as bitsets.
          ageMonths: fc.option(fc.constantFrom(6, 40, 100), { nil: undefined }),
          freeOnly: fc.option(fc.constant(true), { nil: undefined }),
          openOn: fc.option(fc.constantFrom("wed" as const), { nil: undefined, freq: 3 }),
          radius: fc.option(fc.integer({ min: 500, max: 15_000 }), { nil: undefined, freq: 2 }),
          // Without a radius, sometimes a map's box (half-sides in degrees) around the point.
          box: fc.option(fc.tuple(fc.double({ min: 0.001, max: 0.12, noNaN: true }), fc.double({ min: 0.001, max: 0.12, noNaN: true })), { nil: undefined }),
          sortByDistance: fc.boolean(),
          // A family's point: anywhere among the documents or just beyond them, or on a cell's corner.
          from: fc.oneof(
            fc.record({ lat: fc.double({ min: CENTER.lat - 0.12, max: CENTER.lat + 0.12, noNaN: true }), lng: fc.double({ min: CENTER.lng - 0.12, max: CENTER.lng + 0.12, noNaN: true }) }),
            fc.constant({ lat: 35.82, lng: 139.74 }),
          ),
          size: fc.constantFrom(1, 7, 100),
          page: fc.constantFrom(1, 2),
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
          // Several queries on one index, so that what one leaves in the engine's scratch space meets
          // the next; then, after some documents change again, the same queries (words asked before
          // now come from what the engine kept, which must follow the change).
          const rounds = [queries, queries.slice().reverse()];
          for (const [round, list] of rounds.entries()) {
            if (round > 0 && docs.length > 1) {
              const again = docs.slice(-Math.ceil(docs.length / 3)).map((d, i) => ({ ...d, name: NAMES[(i + 3) % NAMES.length]!, lat: d.lat === null ? null : d.lat - 0.02 }));
              for (const search of [narrowed, whole]) await search.replace({ serviceIds: again.map((d) => d.serviceId) }, again);
            }
            for (const q of list) {
              const query: SearchQuery = {
                text: q.text,
                filter: { kinds: q.kinds, municipalityCode: q.municipality, ageMonths: q.ageMonths, freeOnly: q.freeOnly, openOn: q.openOn },
                within: q.radius
                  ? { kind: "radius", center: q.from, radiusMeters: q.radius }
                  : q.box
                    ? { kind: "bbox", minLat: q.from.lat - q.box[0], maxLat: q.from.lat + q.box[0], minLng: q.from.lng - q.box[1], maxLng: q.from.lng + q.box[1] }
                    : undefined,
                origin: q.from,
                sort: q.sortByDistance ? "distance" : "relevance",
                facets: ["kind", "municipality", "free"],
                page: q.page,
                size: q.size,
              };
              expect(await answer(narrowed, query)).toEqual(await answer(whole, query));
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("embedded engine: facet counts kept as bitsets", () => {
  it("counts kinds, weekdays, cost, languages and municipalities as the live documents say, through updates", async () => {
    const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            days: fc.subarray([...WEEK]),
            free: fc.boolean(),
            languages: fc.subarray(["ja", "en", "vi", "zh"], { minLength: 1 }),
            municipality: fc.option(fc.constantFrom(...MUNICIPALITIES), { nil: null, freq: 8 }),
            kinds: fc.subarray(KINDS, { minLength: 1 }),
          }),
          { minLength: 1, maxLength: 200 },
        ),
        fc.nat({ max: 100 }),
        // Sorted by town or not: a town's documents together or spread over the slots.
        fc.boolean(),
        async (raw, changedShare, byTown) => {
          const search = new EmbeddedSearch();
          const rows = byTown ? [...raw].sort((a, b) => String(a.municipality).localeCompare(String(b.municipality))) : raw;
          let docs = rows.map((r) => aDocument({ days: r.days, costKind: r.free ? "free" : "fee", costFree: r.free, languages: r.languages, municipalityCode: r.municipality, kind: r.kinds[0], kinds: r.kinds }));
          await search.replaceAll([docs]);
          const moved = docs.slice(0, Math.floor((docs.length * changedShare) / 100)).map((d) => ({ ...d, days: [], costKind: "fee" as const, costFree: false, languages: ["pt"], municipalityCode: "011002", kind: "hiroba" as const, kinds: ["hiroba" as const] }));
          if (moved.length) await search.replace({ serviceIds: moved.map((d) => d.serviceId) }, moved);
          docs = [...moved, ...docs.slice(moved.length)];
          const count = (keep: (d: SearchDocument) => boolean) => docs.filter(keep).length;
          const nonZero = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, n]) => n > 0));
          const r = await search.search({ facets: ["kind", "free", "openOn", "language", "municipality"], page: 1, size: 1 });
          expect(r.total).toBe(docs.length);
          expect(r.facets).toEqual({
            kind: nonZero(KINDS.map((k) => [k, count((d) => d.kinds.includes(k))])),
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
