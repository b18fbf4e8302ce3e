import { describe, expect, it } from "vitest";
import { fold, foldWithOrigins, runsOf } from "../../src/domain/japanese.js";
import { SynonymTable, planQuery } from "../../src/search/query-plan.js";
import { highlightRanges } from "../../src/search/highlight.js";

describe("fold", () => {
  it.each([
    ["子ども食堂", "こども食堂"],
    ["子供食堂", "こども食堂"],
    ["コドモショクドウ", "こどもしよくど"],
    ["ｺﾄﾞﾓｼｮｸﾄﾞｳ", "こどもしよくど"],
    ["ショートステイ", "しよとすて"],
    ["しょうとすてい", "しよとすて"],
    ["しょーとすてい", "しよとすて"],
    ["ファミリー・サポート・センター", "ふあみりさぽとせんた"],
    ["ＡＢＣ１２３ Daycare", "abc123 daycare"],
    ["鳩ヶ谷", "鳩け谷"],
    ["鳩ケ谷", "鳩け谷"],
    ["障がい児", "障害児"],
    ["産後ケア（宿泊型）", "産後けあ 宿泊型 "],
    ["㈱みらい", " 株 みらい"],
  ])("%s → %s", (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it("maps every folded character back to the source", () => {
    const { text, origins } = foldWithOrigins("子供食堂 ｺﾄﾞﾓ");
    expect(text).toBe("こども食堂 こども");
    expect(origins).toHaveLength(text.length + 1);
    expect(origins[text.length]).toBe("子供食堂 ｺﾄﾞﾓ".length);
    expect(highlightRanges("北原台子供食堂", [{ text: "こども", word: false }])).toEqual([[3, 5]]);
    expect(highlightRanges("ｺﾄﾞﾓ食堂", [{ text: "こども", word: false }])).toEqual([[0, 4]]);
  });

  it("splits runs at spaces and where the script changes", () => {
    expect(runsOf(fold("NPO法人 ひだまり")).map((r) => [r.kind, r.text])).toEqual([["word", "npo"], ["cjk", "法人"], ["cjk", "ひだまり"]]);
  });
});

describe("planQuery", () => {
  const words = (text: string) => planQuery(text, new SynonymTable([["ファミサポ", "ファミリーサポート"]])).chunks.map((c) => c.whole.map((t) => t.text));

  it("keeps a chunk whole and offers the segmenter's words as a fallback", () => {
    const plan = planQuery("川口市の子ども食堂");
    expect(plan.chunks[0]!.whole.map((t) => t.text)).toEqual(["川口市のこども食堂"]);
    expect(plan.chunks[0]!.split()!.map((t) => t.text)).toEqual(["川口市", "こども", "食堂"]);
  });

  it("turns everyday phrases into expansions", () => {
    const plan = planQuery("子どもを預けたい");
    expect(plan.expansions).toEqual([{ phrase: "預けたい", kinds: ["temporary-care", "daycare"] }]);
    expect(planQuery("rest after birth").expansions[0]!.kinds).toContain("postpartum-care");
  });

  it("reads romaji as kana, adds synonyms, and treats the last Latin word as a prefix", () => {
    const [term] = planQuery("sangokea").chunks[0]!.whole;
    expect(term).toMatchObject({ text: "sangokea", prefix: true, alternatives: [{ text: "さんごけあ", via: "reading" }] });
    const synonyms = new SynonymTable([["ファミサポ", "ファミリーサポート"]]);
    expect(planQuery("ファミサポ", synonyms).chunks[0]!.whole[0]!.alternatives.map((a) => a.text)).toEqual(["ふあみりさぽと"]);
    expect(planQuery("npo").chunks[0]!.whole[0]!.alternatives).toEqual([]);
  });

  it("drops stop words unless nothing else is left", () => {
    expect(words("the nursery")).toEqual([["nursery"]]);
    expect(words("の")).toEqual([["の"]]);
  });
});
