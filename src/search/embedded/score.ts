import type { DocStore } from "./doc-store.js";
import type { TermMatches } from "./term-eval.js";

/**
 * The relevance of one document to the query's terms as one number (lower is better), in the
 * spirit of Meilisearch's ranking rules, each one only breaking the ties of the ones before:
 *
 * 1. terms matched only through an everyday phrase's kinds (literal matches first);
 * 2. typos;
 * 3. proximity: consecutive terms that do not share a field;
 * 4. attribute: the best field of each term — name > reading (名称カナ) > kind > organization >
 *    description > address;
 * 5. exactness: the name (or reading) is the query, or starts with its first term.
 *
 * Every document in a result matches the same number of terms (Meilisearch's "words" rule; see
 * `EmbeddedIndex.search`). Ties keep index order.
 */

/** Field bits of `TermMatches.fields`: 0 name, 1 reading, 2 organization, 3 description, 4 address; here 5 is "kind labels". */
export const KIND_FIELD = 1 << 5;
const FIELD_RANK = [0, 1, 3, 4, 5, 2];
const NO_MATCH_RANK = 7;

/** Best (lowest) field rank of a field mask. */
const RANK_OF_MASK = new Uint8Array(64);
for (let m = 0; m < 64; m++) {
  let best = NO_MATCH_RANK;
  for (let b = 0; b < 6; b++) if (m & (1 << b)) best = Math.min(best, FIELD_RANK[b]!);
  RANK_OF_MASK[m] = best;
}

/** Score without exactness (multiply by 4 and add exactness 0–2 for the final score). */
function base(expanded: number, typos: number, proximity: number, attribute: number): number {
  // Widths: attribute 7 bits (≤ 10 terms × 7), proximity 4, typos 5, then everyday.
  return ((expanded * 32 + typos) * 16 + proximity) * 128 + attribute;
}

/** Base scores of a one-term query by `fields | (kind hit ? KIND_FIELD : 0)`. */
export const SINGLE_TERM = new Float64Array(256);
for (let f = 0; f < 256; f++) {
  const mask = f & 0x3f;
  SINGLE_TERM[f] = mask === 0 ? base(1, 0, 0, NO_MATCH_RANK) : base(0, f >>> 6, 0, RANK_OF_MASK[mask]!);
}

export function multiTermBase(store: DocStore, matches: readonly TermMatches[], slot: number): number {
  let expanded = 0;
  let typos = 0;
  let proximity = 0;
  let attribute = 0;
  let prev = -1;
  const kinds = store.kindMask[slot]!;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const f = m.fields[slot]!;
    typos += f >>> 6;
    let fields = f & 0x1f;
    if (kinds & m.kindMask) fields |= KIND_FIELD;
    if (fields === 0) expanded++;
    attribute += RANK_OF_MASK[fields]!;
    if (prev >= 0 && (prev & fields) === 0) proximity++;
    prev = fields;
  }
  return base(expanded, typos, proximity, attribute);
}

/** 0: the name or reading is the query; 1: it starts with the first term; 2: neither. */
export function exactness(store: DocStore, slot: number, queryHash: number, firstKey: number): number {
  if (store.nameHash[slot] === queryHash || store.kanaHash[slot] === queryHash) return 0;
  return firstKey !== 0 && (store.namePrefix[slot] === firstKey || store.kanaPrefix[slot] === firstKey) ? 1 : 2;
}
