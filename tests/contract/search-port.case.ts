import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchDocument } from "../../src/search/document.js";
import type { SearchPort, SearchQuery } from "../../src/search/port.js";
import { BUILT_IN_SYNONYMS } from "../../src/search/synonyms.js";
import { aDocument } from "../support/documents.js";

/**
 * The behaviour every search adapter must have, written once (like hono's router
 * `common.case.test.ts`): run with `runSearchPortContract(name, makePort)` per adapter. Cases
 * stick to behaviour both engines share; ranking details that depend on the segmenter live in
 * the embedded engine's relevance suite.
 */
export function runSearchPortContract(name: string, makePort: () => Promise<SearchPort>) {
  describe(`search port contract: ${name}`, () => {
    let port: SearchPort;
    const SAKAE = { lat: 35.8035, lng: 139.7205 };
    const org2 = { id: "00000000-0000-4000-8000-000000000002", name: "社会福祉法人 みらい学園", nameKana: "ミライガクエン" };
    const docs = {
      shokudo: aDocument({ name: "栄町子ども食堂", nameKana: "サカエチョウコドモショクドウ" }),
      shokudo2: aDocument({ name: "みんなの食堂 にじいろ", nameKana: "ミンナノショクドウ ニジイロ", lat: 35.81, lng: 139.73, languages: ["ja", "vi"], days: ["wed"] }),
      postpartum: aDocument({
        kind: "postpartum-care", name: "ほほえみ助産院 産後ケア（日帰り型）", nameKana: "ホホエミジョサンイン サンゴケア（ヒガエリガタ）",
        ageMinMonths: 0, ageMaxMonths: 12, acceptsPrenatal: true, pregnancyMinWeeks: 20, costKind: "fee", costFree: false,
        lat: 35.86, lng: 139.72, days: ["mon", "tue"], organization: org2, verifiedAt: "2026-11-01T00:00:00.000Z",
      }),
      daycare: aDocument({
        kind: "daycare", name: "星の子保育園", nameKana: "ホシノコホイクエン", ageMinMonths: 6, ageMaxMonths: 71, costKind: "sliding", costFree: false,
        lat: 35.84, lng: 139.70, days: ["mon", "tue", "wed", "thu", "fri"], organization: org2, languages: ["ja", "en"],
      }),
      toda: aDocument({
        kind: "hiroba", name: "親子ひろば そよかぜ", nameKana: "オヤコヒロバ ソヨカゼ", municipalityCode: "112241", address: "埼玉県戸田市上戸田3-1-22",
        lat: 35.817, lng: 139.678, ageMaxMonths: 47, verifiedAt: null,
      }),
      faraway: aDocument({ kind: "jidokan", name: "札幌市児童会館", nameKana: "サッポロシジドウカイカン", municipalityCode: "011002", address: "北海道札幌市中央区", lat: 43.06, lng: 141.35 }),
      nowhere: aDocument({ kind: "consult-point", name: "オンライン子育て相談", nameKana: "オンラインコソダテソウダン", lat: null, lng: null, municipalityCode: null, address: "" }),
    } satisfies Record<string, SearchDocument>;
    const all = Object.values(docs);
    const q = (query: Partial<SearchQuery>): Promise<ReturnType<SearchPort["search"]> extends Promise<infer R> ? R : never> =>
      port.search({ page: 1, size: 20, ...query });
    const names = async (query: Partial<SearchQuery>) => (await q(query)).hits.map((h) => h.document.name);

    beforeAll(async () => {
      port = await makePort();
      await port.prepare(BUILT_IN_SYNONYMS);
      await port.replaceAll([all.slice(0, 3), all.slice(3)]);
    }, 120_000);
    afterAll(() => port.close());

    it("holds every document it was given, unchanged", async () => {
      expect((await port.stats()).documents).toBe(all.length);
      const back = await port.getDocuments([docs.postpartum.id, docs.nowhere.id]);
      expect(back.sort((a, b) => a.id.localeCompare(b.id))).toEqual([docs.postpartum, docs.nowhere].sort((a, b) => a.id.localeCompare(b.id)));
    });

    it("answers on an empty index: no hits, a zero total, zero facet counts", async () => {
      const empty = await makePort();
      try {
        await empty.prepare(BUILT_IN_SYNONYMS);
        await empty.replaceAll([]);
        for (const query of [{}, { text: "こども食堂" }, { filter: { kinds: ["daycare" as const] } }]) {
          const r = await empty.search({ page: 1, size: 20, facets: ["kind"], ...query });
          expect(r.total).toBe(0);
          expect(r.hits).toEqual([]);
        }
      } finally {
        await empty.close();
      }
    });

    it("lists everything without words, with an exact total", async () => {
      const r = await q({});
      expect(r.total).toBe(all.length);
      expect(r.hits).toHaveLength(all.length);
    });

    it("finds 子ども食堂 written 子供・こども・コドモ and in half-width kana", async () => {
      for (const text of ["子ども食堂", "子供食堂", "こども食堂", "コドモショクドウ", "ｺﾄﾞﾓｼｮｸﾄﾞｳ"]) {
        expect(await names({ text })).toContain("栄町子ども食堂");
      }
    });

    it("finds kanji names from their reading typed in hiragana", async () => {
      expect(await names({ text: "ほしのこ" })).toContain("星の子保育園");
      expect(await names({ text: "さんごけあ" })).toContain(docs.postpartum.name);
    });

    it("finds services by their kind's English label, with a typo", async () => {
      expect(await names({ text: "nursery" })).toContain("星の子保育園");
      expect(await names({ text: "postpartum" })).toContain(docs.postpartum.name);
      expect(await names({ text: "postpartun" })).toContain(docs.postpartum.name);
    });

    it("reports everyday phrases and finds their kinds", async () => {
      const r = await q({ text: "休みたい" });
      expect(r.expansions).toEqual([{ phrase: "休みたい", kinds: ["postpartum-care", "short-stay"] }]);
      expect(r.hits.map((h) => h.document.name)).toContain(docs.postpartum.name);
    });

    it("filters by kind, organization and municipality", async () => {
      expect((await q({ filter: { kinds: ["daycare", "hiroba"] } })).total).toBe(2);
      expect((await q({ filter: { organizationId: org2.id } })).total).toBe(2);
      expect(await names({ filter: { municipalityCode: "112241" } })).toEqual(["親子ひろば そよかぜ"]);
    });

    it("filters by age, pregnancy, language, cost and weekday", async () => {
      expect(await names({ filter: { kinds: ["daycare", "postpartum-care"], ageMonths: 3 } })).toEqual([docs.postpartum.name]);
      expect(await names({ filter: { pregnancyWeeks: 24 } })).toEqual([docs.postpartum.name]);
      expect(await names({ filter: { pregnancyWeeks: 12 } })).toEqual([]);
      expect((await names({ filter: { languages: ["vi", "en"] } })).sort()).toEqual(["みんなの食堂 にじいろ", "星の子保育園"].sort());
      expect((await q({ filter: { freeOnly: true } })).total).toBe(all.length - 2);
      expect((await names({ filter: { openOn: "wed" } })).sort()).toEqual(["みんなの食堂 にじいろ", "星の子保育園"].sort());
    });

    it("filters by radius and by box, and measures distances from the origin", async () => {
      const r = await q({ within: { kind: "radius", center: SAKAE, radiusMeters: 4300 } });
      const within = r.hits.map((h) => h.document.name).sort();
      expect(within).toEqual(["みんなの食堂 にじいろ", "栄町子ども食堂", "親子ひろば そよかぜ"].sort());
      for (const h of r.hits) expect(h.distanceMeters).toBeLessThanOrEqual(4300);
      const box = await names({ within: { kind: "bbox", minLng: 139.69, minLat: 35.80, maxLng: 139.75, maxLat: 35.85 } });
      expect(box.sort()).toEqual(["みんなの食堂 にじいろ", "星の子保育園", "栄町子ども食堂"].sort());
      const sapporo = (await q({ text: "札幌", origin: SAKAE })).hits[0]!;
      expect(sapporo.distanceMeters).toBeGreaterThan(800_000);
      expect(sapporo.distanceMeters).toBeLessThan(850_000);
    });

    it("sorts by distance, documents without coordinates last", async () => {
      const r = await q({ origin: SAKAE, sort: "distance" });
      expect(r.hits[0]!.document.name).toBe("栄町子ども食堂");
      expect(r.hits[0]!.distanceMeters).toBe(0);
      const d = r.hits.filter((h) => h.distanceMeters !== undefined).map((h) => h.distanceMeters!);
      expect(d).toEqual([...d].sort((a, b) => a - b));
      expect(r.hits[r.hits.length - 1]!.document.name).toBe("オンライン子育て相談");
    });

    it("counts facets over every match, not just the page", async () => {
      const r = await q({ size: 1, facets: ["kind", "municipality", "language", "free", "openOn"] });
      expect(r.total).toBe(all.length);
      expect(r.facets.kind).toMatchObject({ "kodomo-shokudo": 2, daycare: 1, "postpartum-care": 1, hiroba: 1, jidokan: 1, "consult-point": 1 });
      expect(r.facets.municipality).toMatchObject({ "112038": 4, "112241": 1, "011002": 1 });
      expect(r.facets.language).toMatchObject({ ja: all.length, vi: 1, en: 1 });
      expect(r.facets.free).toEqual({ true: all.length - 2, false: 2 });
      expect(r.facets.openOn).toMatchObject({ sat: 4, wed: 2, mon: 2 });
    });

    it("pages stably, without overlap, with the same total", async () => {
      const seen = new Set<string>();
      for (let page = 1; page <= 4; page++) {
        const r = await q({ page, size: 2 });
        expect(r.total).toBe(all.length);
        for (const h of r.hits) {
          expect(seen.has(h.document.id)).toBe(false);
          seen.add(h.document.id);
        }
      }
      expect(seen.size).toBe(all.length);
      const again = await q({ page: 2, size: 2 });
      expect(again.hits.map((h) => h.document.id)).toEqual((await q({ page: 2, size: 2 })).hits.map((h) => h.document.id));
    });

    it("highlights what matched in the displayed fields", async () => {
      const hit = (await q({ text: "食堂" })).hits.find((h) => h.document.name === "栄町子ども食堂")!;
      expect(hit.highlights.name).toEqual([[5, 7]]);
    });

    it("finds a word only in the description or the address", async () => {
      expect(await names({ text: "ごはん", filter: { kinds: ["kodomo-shokudo"] } })).toContain("栄町子ども食堂");
      expect(await names({ text: "上戸田" })).toEqual(["親子ひろば そよかぜ"]);
    });

    it("applies staff synonyms", async () => {
      expect(await names({ text: "ぷれいぐらうんど" })).toEqual([]);
      await port.setSynonyms([...BUILT_IN_SYNONYMS, ["ぷれいぐらうんど", "ひろば"]]);
      expect(await names({ text: "ぷれいぐらうんど" })).toContain("親子ひろば そよかぜ");
      await port.setSynonyms(BUILT_IN_SYNONYMS);
    });

    it("replaces the documents of a service or an organization, idempotently", async () => {
      const moved = { ...docs.shokudo2, name: "みんなの食堂 にじいろ 本店" };
      const extra = aDocument({ serviceId: docs.shokudo2.serviceId, name: "みんなの食堂 にじいろ 分室", lat: 35.805, lng: 139.71 });
      await port.replace({ serviceIds: [docs.shokudo2.serviceId] }, [moved, extra]);
      await port.replace({ serviceIds: [docs.shokudo2.serviceId] }, [moved, extra]);
      expect((await names({ text: "にじいろ" })).sort()).toEqual(["みんなの食堂 にじいろ 分室", "みんなの食堂 にじいろ 本店"]);
      await port.replace({ serviceIds: [docs.shokudo2.serviceId] }, [moved]);
      expect(await names({ text: "にじいろ" })).toEqual(["みんなの食堂 にじいろ 本店"]);
      await port.replace({ serviceIds: [], organizationIds: [org2.id] }, []);
      expect((await q({ filter: { organizationId: org2.id } })).total).toBe(0);
      expect((await port.stats()).documents).toBe(all.length - 2);
      await port.replace({ serviceIds: [docs.postpartum.serviceId, docs.daycare.serviceId] }, [docs.postpartum, docs.daycare]);
      await port.replace({ serviceIds: [docs.shokudo2.serviceId] }, [docs.shokudo2]);
      expect((await port.stats()).documents).toBe(all.length);
    });

    it("answers an age or a pregnancy asked before with the documents as they are now", async () => {
      const ages = { filter: { ageMonths: 80 } };
      const before = await names(ages);
      expect(before).not.toContain(docs.daycare.name);
      expect(await names({ filter: { pregnancyWeeks: 12 } })).toEqual([]);
      await port.replace({ serviceIds: [docs.daycare.serviceId] }, [{ ...docs.daycare, ageMaxMonths: 95, acceptsPrenatal: true, pregnancyMinWeeks: 10 }]);
      expect(await names(ages)).toContain(docs.daycare.name);
      expect(await names({ filter: { pregnancyWeeks: 12 } })).toEqual([docs.daycare.name]);
      expect((await q({ ...ages, origin: SAKAE, sort: "distance" })).total).toBe(before.length + 1);
      await port.replace({ serviceIds: [docs.daycare.serviceId] }, [docs.daycare]);
      expect(await names(ages)).toEqual(before);
    });
  });
}
