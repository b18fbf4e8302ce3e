import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import type { KindCode } from "../../src/domain/taxonomy.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import type { SearchFilter, SearchResult } from "../../src/search/port.js";
import { rebuildSearchIndex } from "../../src/search/rebuild.js";
import { loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";

/**
 * What families and staff type, on the demo city (川口市 and 戸田市), and what they should see:
 * kana and kanji variants, readings, English labels, romaji and typos, everyday phrases,
 * text plus place, and lists without words. Each case names what the first page must show.
 */
interface Case {
  q?: string;
  filter?: SearchFilter;
  /** A kind of the first hit (its primary kind or another of its kinds). */
  first?: KindCode;
  /** Name of the first hit. */
  top?: string;
  /** Every hit on the first page has one of these kinds. */
  kinds?: KindCode[];
  /** Names that must be on the first page. */
  includes?: string[];
  /** Names that must not be found. */
  excludes?: string[];
  /** Every name on the first page contains this. */
  names?: string;
  /** Every hit's address contains this. */
  in?: string;
  minTotal?: number;
  maxTotal?: number;
  expands?: KindCode[];
}

const TODA = "戸田市";
const KAWAGUCHI = "川口市";

const CASES: Case[] = [
  // 子ども・子供・こども, katakana, half-width, long vowels
  { q: "子ども食堂", first: "kodomo-shokudo", kinds: ["kodomo-shokudo"], minTotal: 25 },
  { q: "子供食堂", first: "kodomo-shokudo", kinds: ["kodomo-shokudo"], minTotal: 25 },
  { q: "こども食堂", first: "kodomo-shokudo", kinds: ["kodomo-shokudo"], minTotal: 25 },
  { q: "コドモショクドウ", first: "kodomo-shokudo", minTotal: 25 },
  { q: "ｺﾄﾞﾓｼｮｸﾄﾞｳ", first: "kodomo-shokudo", minTotal: 25 },
  { q: "しょーとすてい", first: "short-stay", kinds: ["short-stay"] },
  { q: "ショートステー", first: "short-stay", kinds: ["short-stay"] },
  { q: "ｻﾝｺﾞｹｱ", first: "postpartum-care", kinds: ["postpartum-care"] },
  // readings: hiragana finds kanji names
  { q: "さんごけあ", first: "postpartum-care", kinds: ["postpartum-care"] },
  { q: "ほしのこ", includes: ["星の子保育園", "星の子保育園 里園", "星の子キッズクラブ"] },
  { q: "はとがや", top: "はとがや みんなの食堂" },
  { q: "ひだまり", top: "ひだまり食堂", includes: ["産前産後ヘルパー ひだまり"] },
  { q: "いちじほいく", first: "temporary-care", kinds: ["temporary-care"] },
  // names, organizations, kinds in Japanese
  { q: "一時預かり", first: "temporary-care", kinds: ["temporary-care"] },
  { q: "一時保育", first: "temporary-care", kinds: ["temporary-care"] },
  { q: "病児保育", first: "temporary-care", includes: ["本町こどもクリニック 病児保育室"] },
  { q: "放課後児童クラブ", first: "after-school", kinds: ["after-school"], minTotal: 40 },
  { q: "学童", first: "after-school", kinds: ["after-school"] },
  { q: "放デイ", first: "disability-support", kinds: ["disability-support"] },
  { q: "ファミサポ", top: "川口市ファミリー・サポート・センター" },
  { q: "保育園", first: "daycare", names: "保育園", minTotal: 50 },
  { q: "児童館", first: "jidokan", kinds: ["jidokan"] },
  { q: "助産院", first: "postpartum-care" },
  { q: "トワイライト", first: "short-stay", kinds: ["short-stay"] },
  { q: "発達相談", first: "disability-support" },
  { q: "不登校", first: "school-consult" },
  { q: "あらかわ子ども食堂ネットワーク", includes: ["もとごう子ども食堂", "かわぎし こども食堂", "しもとだ 子どもの居場所"], minTotal: 5 },
  { q: "埼玉県南児童相談所", excludes: ["埼玉県南児童相談所"] },
  // English labels, romaji, typos
  { q: "after school club", first: "after-school", kinds: ["after-school"] },
  { q: "nursery", first: "daycare", kinds: ["daycare"] },
  { q: "postpartum care", first: "postpartum-care", kinds: ["postpartum-care"] },
  { q: "children's cafeteria", first: "kodomo-shokudo", kinds: ["kodomo-shokudo"] },
  { q: "temporary childcare", first: "temporary-care" },
  { q: "kodomo shokudo", first: "kodomo-shokudo", kinds: ["kodomo-shokudo"] },
  { q: "sangokea", first: "postpartum-care", kinds: ["postpartum-care"] },
  { q: "hoikuen", names: "保育園" },
  { q: "daycre", first: "daycare", kinds: ["daycare"] },
  { q: "nursary", first: "daycare", kinds: ["daycare"] },
  { q: "postpartun", first: "postpartum-care" },
  { q: "kindergarden", first: "kindergarten-support" },
  { q: "pediatrcian", first: "medical", kinds: ["medical"] },
  // everyday phrases (expansion, reported)
  { q: "休みたい", kinds: ["postpartum-care", "short-stay"], expands: ["postpartum-care", "short-stay"], minTotal: 15 },
  { q: "子どもを預けたい", kinds: ["temporary-care", "daycare"], expands: ["temporary-care", "daycare"] },
  { q: "学校に行けない", kinds: ["school-consult", "ibasho"], expands: ["school-consult", "ibasho"] },
  { q: "ことばが遅い", kinds: ["disability-support"], expands: ["disability-support"] },
  { q: "rest after birth", first: "postpartum-care", expands: ["postpartum-care", "short-stay"] },
  { q: "someone to cook", first: "home-help", expands: ["home-help"] },
  { q: "遊び場", expands: ["jidokan", "hiroba"], minTotal: 20 },
  // text plus place
  { q: "産後ケア 戸田市", first: "postpartum-care", kinds: ["postpartum-care"], in: TODA, minTotal: 3 },
  { q: "子ども食堂 戸田", first: "kodomo-shokudo", in: TODA },
  { q: "川口市の子ども食堂", first: "kodomo-shokudo", kinds: ["kodomo-shokudo"], in: KAWAGUCHI },
  { q: "美女木", in: "美女木", minTotal: 3 },
  { q: "児童館 戸田市", first: "jidokan", kinds: ["jidokan"], in: TODA },
  // lists without words
  { filter: { kinds: ["daycare"], ageMonths: 3 }, kinds: ["daycare"], minTotal: 20 },
  { filter: { kinds: ["hiroba"], municipalityCode: "112241" }, kinds: ["hiroba"], in: TODA, minTotal: 3 },
  { filter: { languages: ["vi"], freeOnly: true }, minTotal: 3 },
];

describe(`relevance on the demo city, ${TEST_DB}`, () => {
  let h: DbHandle;
  const search = new EmbeddedSearch();

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    await rebuildSearchIndex(h.db, search);
  });
  afterAll(() => h.close());

  it(`covers at least 40 queries (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES.map((c) => [c.q ?? JSON.stringify(c.filter), c] as const))("%s", async (_, c) => {
    const r: SearchResult = await search.search({ text: c.q, filter: c.filter, page: 1, size: 20, facets: ["kind"] });
    const hits = r.hits.map((x) => x.document);
    if (c.maxTotal !== undefined) expect(r.total).toBeLessThanOrEqual(c.maxTotal);
    if (c.maxTotal === 0) return;
    expect(hits.length).toBeGreaterThan(0);
    if (c.first) expect(hits[0]!.kinds, hits[0]!.name).toContain(c.first);
    if (c.top) expect(hits[0]!.name).toBe(c.top);
    if (c.kinds) for (const d of hits) expect(d.kinds.some((k) => c.kinds!.includes(k)), d.name).toBe(true);
    if (c.includes) expect(hits.map((d) => d.name)).toEqual(expect.arrayContaining(c.includes));
    if (c.excludes) for (const d of hits) expect(c.excludes).not.toContain(d.name);
    if (c.names) for (const d of hits) expect(d.name).toContain(c.names);
    if (c.in) for (const d of hits) expect(d.address, d.name).toContain(c.in);
    if (c.minTotal !== undefined) expect(r.total).toBeGreaterThanOrEqual(c.minTotal);
    if (c.expands) expect(r.expansions.flatMap((e) => e.kinds)).toEqual(c.expands);
    else expect(r.expansions).toEqual([]);
  });

  it("ranks literal matches above everyday-word expansions", async () => {
    const r = await search.search({ text: "お弁当", page: 1, size: 100 });
    expect(r.expansions).toEqual([{ phrase: "お弁当", kinds: ["kodomo-shokudo"] }]);
    const literal = r.hits.map((x) => x.document.description.includes("お弁当"));
    expect(literal[0]).toBe(true);
    // Once the literal matches end, none follow.
    expect(literal.slice(literal.indexOf(false)).every((l) => !l)).toBe(true);
    expect(literal.includes(false)).toBe(true);
  });

  it("gives the same total for 子ども食堂, 子供食堂 and こども食堂", async () => {
    const totals = await Promise.all(["子ども食堂", "子供食堂", "こども食堂"].map(async (text) => (await search.search({ text, page: 1, size: 1 })).total));
    expect(new Set(totals).size).toBe(1);
  });
});
