import type { FacetName, SearchQuery } from "../src/search/port.js";
import { FACETS } from "../src/search/port.js";
import { allMunicipalities } from "../src/geo/municipalities.js";
import { Random } from "../seed/random.js";

/**
 * The query mix of the search benchmark: what families and staff type (kanji and kana words,
 * facility names, English and romaji, everyday phrases, two-word queries), in four classes, each
 * asking what the search page asks — the top 20, the exact total and kind facet counts.
 */
export const SEARCH_TEXTS: readonly string[] = [
  // Kanji and kana words, kinds by their everyday names.
  "保育園", "子ども食堂", "こども食堂", "一時預かり", "児童館", "小児科", "学童", "放課後", "子育て支援", "ひろば",
  "ファミリーサポート", "ファミサポ", "病児保育", "産後ケア", "発達", "相談", "不登校", "フリースクール", "ショートステイ", "助産",
  // Brand words and facility names as written, with and without a space.
  "さくら", "ひまわり", "たんぽぽ", "にこにこ", "さくら保育園", "ひだまり食堂", "すくすく ひろば", "あおぞら 学童",
  // Places.
  "本町", "川口", "中央 子育て", "栄町 食堂",
  // English, romaji and a typo.
  "daycare", "after school", "pediatric", "children's hall", "sakura", "kodomo shokudo", "daycar",
  // Everyday phrases.
  "休みたい", "ごはん", "疲れた", "rest after birth", "somewhere to eat",
];

export type QueryClass = "text" | "text+radius" | "text+facets" | "distance-sorted";
export const QUERY_CLASSES: readonly QueryClass[] = ["text", "text+radius", "text+facets", "distance-sorted"];

export interface BenchQuery {
  class: QueryClass;
  query: SearchQuery;
}

/** Radius searches are centred on real municipality points (where the synthetic catalog is). */
const RADIUS_METERS = 5_000;
const DISTANCE_RADIUS_METERS = 10_000;

/** Every text in every class; radius and distance queries at municipalities picked by a fixed seed. */
export function searchQueryMix(): BenchQuery[] {
  const rng = new Random("bench-search");
  const places = allMunicipalities();
  const page = { page: 1, size: 20 } as const;
  const kind: FacetName[] = ["kind"];
  return SEARCH_TEXTS.flatMap((text): BenchQuery[] => {
    const near = rng.pick(places);
    const center = { lat: near.lat, lng: near.lng };
    const far = rng.pick(places);
    return [
      { class: "text", query: { text, facets: kind, ...page } },
      { class: "text+radius", query: { text, within: { kind: "radius", center, radiusMeters: RADIUS_METERS }, facets: kind, ...page } },
      { class: "text+facets", query: { text, facets: [...FACETS], ...page } },
      {
        class: "distance-sorted",
        query: {
          text,
          within: { kind: "radius", center: { lat: far.lat, lng: far.lng }, radiusMeters: DISTANCE_RADIUS_METERS },
          sort: "distance",
          facets: kind,
          ...page,
        },
      },
    ];
  });
}
