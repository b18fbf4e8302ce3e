import type { Settings } from "meilisearch";
import { EVERYDAY_WORDS } from "../../domain/everyday-words.js";
import { fold, isCjkUnit } from "../../domain/japanese.js";
import { RESOURCE_KINDS } from "../../domain/taxonomy.js";
import type { SynonymGroups } from "../port.js";
import { SEARCHABLE } from "./record.js";

/**
 * The index settings Tsunagu needs from Meilisearch (shared/research/meilisearch.md):
 * searchable fields in ranking order (name > reading > kind labels > organization >
 * description > address), filterable and sortable fields for the typed query, the ranking
 * rules, Meilisearch's default typo thresholds (1 typo from 5 letters, 2 from 9), Japanese for
 * every searchable field (so Lindera segments them and kana are folded), domain words kept whole,
 * and synonyms. Searchable fields hold folded text (`domain/japanese.ts`) and the query is folded
 * the same way, so both engines treat 子ども/子供/こども, kana and long vowels alike.
 */
export const FILTERABLE = [
  "id", "serviceId", "organizationId", "kinds", "municipalityCode", "ageMinMonths", "ageMaxMonths", "acceptsPrenatal",
  "pregnancyMinWeeks", "languages", "costFree", "days", "_geo",
] as const;
export const SORTABLE = ["_geo", "verifiedAtTs", "id"] as const;
export const RANKING_RULES = ["words", "typo", "proximity", "attribute", "sort", "exactness"] as const;
/** High enough that `totalHits` is always exact (Meilisearch caps it at `maxTotalHits`). */
export const MAX_TOTAL_HITS = 1_000_000;

export function meiliSettings(synonyms: SynonymGroups): Settings {
  return {
    searchableAttributes: [...SEARCHABLE],
    filterableAttributes: [...FILTERABLE],
    sortableAttributes: [...SORTABLE],
    rankingRules: [...RANKING_RULES],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    localizedAttributes: [{ attributePatterns: [...SEARCHABLE], locales: ["jpn"] }],
    dictionary: domainDictionary(),
    synonyms: meiliSynonyms(synonyms),
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: 2000 },
  };
}

/** Japanese domain words Lindera should not split (子ども食堂, 産後ケア, ショートステイ …), folded. */
export function domainDictionary(): string[] {
  const words = RESOURCE_KINDS.flatMap((k) => [k.ja, ...k.synonyms]);
  return [...new Set(words.map((w) => fold(w).trim()).filter((w) => w.length > 1 && !w.includes(" ") && isCjkUnit(w.charCodeAt(0))))].sort();
}

/**
 * Mutual synonyms from the groups, and one-way ones from each everyday phrase to the Japanese
 * labels of its kinds (so 「休みたい」 finds 産後ケア). Meilisearch ranks synonym matches like
 * literal ones; the embedded engine ranks everyday matches lower.
 */
export function meiliSynonyms(groups: SynonymGroups): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (!from || !to || from === to) return;
    let set = out.get(from);
    if (!set) out.set(from, (set = new Set()));
    set.add(to);
  };
  for (const group of groups) {
    const folded = group.map((t) => fold(t).trim());
    for (const a of folded) for (const b of folded) add(a, b);
  }
  const labels = new Map(RESOURCE_KINDS.map((k) => [k.code as string, fold(k.ja).trim()]));
  for (const word of EVERYDAY_WORDS) {
    for (const phrase of word.phrases) for (const kind of word.kinds) add(fold(phrase).trim(), labels.get(kind)!);
  }
  return Object.fromEntries([...out].map(([k, v]) => [k, [...v].sort()]));
}
