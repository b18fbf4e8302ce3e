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
 *    description > address; for everyday phrases, the order of the phrase's kinds;
 * 5. synonyms: terms whose best field matched only through a synonym (the word as typed first);
 * 6. exactness: the name (or reading) is the query, or starts with its first term.
 *
 * Every document in a result matches the same number of terms (Meilisearch's "words" rule; see
 * `EmbeddedIndex.search`). Ties keep index order.
 */

/** Field bits of `TermMatches.fields`/`synonyms`: 0 name, 1 reading, 2 organization, 3 description, 4 address; 5 kind labels. */
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
export function base(expanded: number, typos: number, proximity: number, attribute: number, synonyms: number): number {
  // Widths: synonyms 4 bits, attribute 7 (≤ 10 terms × 10), proximity 4, typos 5, then everyday.
  return (((expanded * 32 + typos) * 16 + proximity) * 128 + attribute) * 16 + synonyms;
}

/** One term's contribution: field masks with the kind labels folded in, and typos. */
interface TermHit {
  literal: number;
  synonym: number;
  typos: number;
}

const hit: TermHit = { literal: 0, synonym: 0, typos: 0 };

/** How term `m` matched document `slot` (a shared object, valid until the next call). */
function termHit(m: TermMatches, slot: number, kinds: number): TermHit {
  const f = m.fields[slot]!;
  hit.literal = f & 0x1f;
  hit.synonym = m.synonyms[slot]! & 0x1f;
  if (kinds & m.kindMask) hit.literal |= KIND_FIELD;
  else if (kinds & m.kindMaskAlt) hit.synonym |= KIND_FIELD;
  hit.typos = hit.synonym ? 0 : f >>> 6;
  return hit;
}

/** Attribute rank of a term hit, or of its everyday expansion (ranks after every field). */
function attributeOf(h: TermHit, m: TermMatches, kinds: number): number {
  if (h.literal | h.synonym) return Math.min(RANK_OF_MASK[h.literal]!, RANK_OF_MASK[h.synonym]!);
  const order = m.expandOrder;
  for (let i = 0; i < order.length; i++) if (kinds & (1 << order[i]!)) return NO_MATCH_RANK + i;
  return NO_MATCH_RANK + order.length;
}

export function singleTermBase(store: DocStore, m: TermMatches, slot: number): number {
  const kinds = store.kindMask[slot]!;
  const h = termHit(m, slot, kinds);
  const attribute = attributeOf(h, m, kinds);
  const viaSynonym = RANK_OF_MASK[h.synonym]! < RANK_OF_MASK[h.literal]! ? 1 : 0;
  return base(h.literal | h.synonym ? 0 : 1, h.typos, 0, attribute, viaSynonym);
}

export function multiTermBase(store: DocStore, matches: readonly TermMatches[], slot: number): number {
  let expanded = 0;
  let typos = 0;
  let proximity = 0;
  let attribute = 0;
  let synonyms = 0;
  let prev = -1;
  const kinds = store.kindMask[slot]!;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const h = termHit(m, slot, kinds);
    const fields = h.literal | h.synonym;
    if (fields === 0) expanded++;
    typos += h.typos;
    attribute += attributeOf(h, m, kinds);
    if (RANK_OF_MASK[h.synonym]! < RANK_OF_MASK[h.literal]!) synonyms++;
    if (prev >= 0 && (prev & fields) === 0) proximity++;
    prev = fields;
  }
  return base(expanded, typos, proximity, attribute, synonyms);
}

/** Base score of a one-term, typo-free, synonym-free match whose best field has this bit (tiered ranking). */
export function tierBase(field: number): number {
  return base(0, 0, 0, RANK_OF_MASK[field]!, 0);
}

/** Base score of a match through the `position`-th kind of an everyday phrase. */
export function expansionBase(position: number): number {
  return base(1, 0, 0, NO_MATCH_RANK + position, 0);
}

/** 0: the name or reading is the query; 1: it starts with the first term; 2: neither. */
export function exactness(store: DocStore, slot: number, queryHash: number, firstKey: number): number {
  if (store.nameHash[slot] === queryHash || store.kanaHash[slot] === queryHash) return 0;
  return firstKey !== 0 && (store.namePrefix[slot] === firstKey || store.kanaPrefix[slot] === firstKey) ? 1 : 2;
}
