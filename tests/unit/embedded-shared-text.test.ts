import { describe, expect, it } from "vitest";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import type { SearchDocument } from "../../src/search/document.js";
import { aDocument } from "../support/documents.js";

/**
 * The embedded engine indexes a description that many documents share once, as a group
 * (text-index.ts). These cases hold it to the same answers as per-document indexing: every
 * document of a group is found, by a kana/kanji word and by a Latin word, and the groups follow
 * updates and the compaction that renumbers slots once enough documents changed.
 */
const ALLERGY = "アレルギー対応の食事を用意しています。";
const ENGLISH = "Staff speak English and Vietnamese.";
const PLAIN = "地域の子どもと親子に温かいごはんを届けます。";

function catalog(n: number): SearchDocument[] {
  return Array.from({ length: n }, (_, i) => aDocument({ name: `食堂${i}`, nameKana: null, description: [ALLERGY, ENGLISH, PLAIN][i % 3]! }));
}

async function total(search: EmbeddedSearch, text: string): Promise<number> {
  return (await search.search({ text, page: 1, size: 20 })).total;
}

describe("embedded engine: descriptions shared by many documents", () => {
  it("finds every document of a shared description, before and after updates and compaction", async () => {
    const search = new EmbeddedSearch();
    const docs = catalog(12_000);
    await search.replaceAll([docs.slice(0, 5000), docs.slice(5000)]);
    expect(await total(search, "アレルギー対応")).toBe(4000);
    expect(await total(search, "vietnamese")).toBe(4000);
    const hit = (await search.search({ text: "アレルギー対応", page: 1, size: 1 })).hits[0]!;
    expect(hit.highlights.name).toBeUndefined();
    expect(hit.document.description).toBe(ALLERGY);

    // 6,001 documents change description (ALLERGY → PLAIN, ENGLISH → ALLERGY, PLAIN → ENGLISH);
    // that many dead slots makes the engine compact, shifting every slot by 6,001 (not a
    // multiple of 3, so a group still holding old slot numbers would find the wrong documents).
    const changed = docs.slice(0, 6001).map((d, i) => ({ ...d, description: [PLAIN, ALLERGY, ENGLISH][i % 3]! }));
    await search.replace({ serviceIds: changed.map((d) => d.serviceId) }, changed);
    const now = [...changed, ...docs.slice(6001)];
    const having = (description: string) => now.filter((d) => d.description === description).length;
    expect((await search.stats()).documents).toBe(12_000);
    expect(await total(search, "アレルギー対応")).toBe(having(ALLERGY));
    expect(await total(search, "english")).toBe(having(ENGLISH));
    expect(await total(search, "温かい")).toBe(having(PLAIN));
    const allergy = await search.search({ text: "アレルギー対応", page: 1, size: 100 });
    expect(allergy.hits.every((h) => h.document.description === ALLERGY)).toBe(true);

    // A description no other document has is found too.
    const single = aDocument({ name: "ひとつだけ", description: "ここだけの説明文です" });
    await search.replace({ serviceIds: [single.serviceId] }, [single]);
    expect((await search.search({ text: "説明文", page: 1, size: 5 })).hits.map((h) => h.document.id)).toEqual([single.id]);
  });
});
