import { KIND_CODES } from "../../domain/taxonomy.js";
import type { LatLng } from "../port.js";
import type { DocStore } from "./doc-store.js";
import { CellRings, chord2ForMeters, unitVector } from "./geo.js";
import { popcount } from "./postings.js";
import { KIND_FIELD, exactness, expansionBase, multiTermBase, singleTermBase, tierBase } from "./score.js";
import type { TermMatches } from "./term-eval.js";
import { TopK } from "./top-k.js";

/**
 * Ways of picking the best `k` candidates without scoring more documents than needed. All of
 * them take the candidates as bitset words.
 */
export interface RankContext {
  store: DocStore;
  candidates: Candidates;
  matches: readonly TermMatches[];
  k: number;
  queryHash: number;
  firstKey: number;
}

/** Candidate slots as bitset words, with the indexes of the non-zero words (sparse results skip the rest). */
export interface Candidates {
  words: Uint32Array;
  nonZero: Int32Array;
  nonZeroCount: number;
}

/** Number of candidates. */
export function countBits(c: Candidates): number {
  let n = 0;
  for (let i = 0; i < c.nonZeroCount; i++) n += popcount(c.words[c.nonZero[i]!]!);
  return n;
}

/** Candidates that are also in the bitset `bits` (a facet value's documents). */
export function countIn(c: Candidates, bits: Uint32Array): number {
  const { words, nonZero, nonZeroCount } = c;
  let n = 0;
  for (let i = 0; i < nonZeroCount; i++) {
    const w = nonZero[i]!;
    const x = words[w]! & bits[w]!;
    if (x !== 0) n += popcount(x);
  }
  return n;
}

/** Candidates per kind index (a document counts once for each of its kinds). */
export function countKinds(store: DocStore, c: Candidates, into: Int32Array): void {
  for (let k = 0; k < KIND_CODES.length; k++) into[k] = countIn(c, store.kindBits[k]!.words);
}

/** Calls `fn` for every candidate slot, ascending. */
export function forEachSlot(c: Candidates, fn: (slot: number) => void): void {
  for (let i = 0; i < c.nonZeroCount; i++) {
    const w = c.nonZero[i]!;
    let word = c.words[w]!;
    while (word !== 0) {
      const low = word & -word;
      word ^= low;
      fn((w << 5) | (31 - Math.clz32(low)));
    }
  }
}

/** Relevance of every candidate (multi-word queries, typo matches). */
export function rankByScore(ctx: RankContext): TopK {
  const { store, matches, queryHash, firstKey } = ctx;
  const top = new TopK(ctx.k);
  const single = matches.length === 1 ? matches[0]! : undefined;
  forEachSlot(ctx.candidates, (slot) => {
    const base = single ? singleTermBase(store, single, slot) : multiTermBase(store, matches, slot);
    if (top.wants(base * 4)) top.offer(slot, base * 4 + exactness(store, slot, queryHash, firstKey), 0);
  });
  return top;
}

/**
 * Relevance of a one-word query without typos or synonyms, tier by tier: documents whose best
 * field is the name, then the reading, kind labels, organization, description, address, and last
 * those found only through an everyday phrase, kind by kind. Every document of a tier outranks every one of the next, so
 * the scan stops at the first tier that fills the page; within a tier only exactness differs.
 */
export function rankTiered(ctx: RankContext): TopK {
  const { store, candidates, queryHash, firstKey } = ctx;
  const m = ctx.matches[0]!;
  const top = new TopK(ctx.k);
  const { words, nonZero, nonZeroCount } = candidates;
  // In rank order; a tier's documents exclude those of the tiers before it.
  const [name, reading, organization, description, address] = m.fieldBits as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const tiers: [Uint32Array | null, number, number][] = [
    [name, tierBase(1), 0],
    [reading, tierBase(1 << 1), 0],
    [null, tierBase(KIND_FIELD), m.kindMask],
    [organization, tierBase(1 << 2), 0],
    [description, tierBase(1 << 3), 0],
    [address, tierBase(1 << 4), 0],
    // Everyday phrases: their kinds in the dictionary's order.
    ...m.expandOrder.map((k, i): [null, number, number] => [null, expansionBase(i), 1 << k]),
  ];
  const seen = new Uint32Array(nonZeroCount);
  for (const [bits, tierScore, kinds] of tiers) {
    const base = tierScore * 4;
    if (!bits && kinds === 0) continue;
    for (let i = 0; i < nonZeroCount; i++) {
      const w = nonZero[i]!;
      let word = words[w]! & ~seen[i]!;
      if (bits) word &= bits[w]!;
      else if (kinds) word &= kindWord(store, kinds, w);
      seen[i]! |= word;
      while (word !== 0) {
        const low = word & -word;
        word ^= low;
        const slot = (w << 5) | (31 - Math.clz32(low));
        top.offer(slot, base + exactness(store, slot, queryHash, firstKey), 0);
        // Nothing later in this tier can beat k exact names.
        if (top.size === ctx.k && top.worst() === base) return top;
      }
    }
    if (top.size === ctx.k) return top;
  }
  return top;
}

/** The slots of word `w` that have one of `kinds`. */
function kindWord(store: DocStore, kinds: number, w: number): number {
  let word = 0;
  for (let m = kinds; m !== 0; m &= m - 1) word |= store.kindBits[31 - Math.clz32(m & -m)]!.words[w]!;
  return word;
}

/** No words: the most recently verified first (the store keeps that order). */
export function rankRecent(ctx: RankContext): TopK {
  const { store, candidates } = ctx;
  const top = new TopK(ctx.k);
  const { order, covered } = store.recentOrder();
  const words = candidates.words;
  const has = (slot: number) => (words[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  const key = (slot: number) => {
    const v = store.verifiedAt[slot]!;
    return v === v ? -v : Number.POSITIVE_INFINITY;
  };
  // Offered out of slot order: TopK breaks ties by slot whatever the order.
  for (let i = 0; i < order.length && top.size < ctx.k; i++) if (has(order[i]!)) top.offer(order[i]!, key(order[i]!), 0);
  // Slots added since the order was built.
  for (let slot = covered; slot < store.size; slot++) if (has(slot)) top.offer(slot, key(slot), 0);
  return top;
}

/**
 * A candidate's relevance as a sort key (lower first): for a query without words the most
 * recently verified first, otherwise how and where its words match, then how exactly.
 */
function relevanceKey(ctx: RankContext, slot: number): number {
  const { store, matches } = ctx;
  if (matches.length === 0) {
    const v = store.verifiedAt[slot]!;
    return v === v ? -v : Number.POSITIVE_INFINITY;
  }
  const base = (matches.length === 1 ? singleTermBase(store, matches[0]!, slot) : multiTermBase(store, matches, slot)) * 4;
  return base + exactness(store, slot, ctx.queryHash, ctx.firstKey);
}

/** Rings looked through before a distance sort gives up on nearest-first (≈ 50 km) and scans. */
const MAX_RINGS = 25;

/**
 * The `k` candidates nearest to `origin` (ties by relevance), from the grid's cells ring by
 * ring, stopping at the first ring that cannot come nearer than the k-th found: a page of the
 * nearest services costs the documents around the point, not the whole index. Undefined when
 * that is not enough (fewer than `k` within reach, or a ring past the grid's edge): scan then.
 */
export function rankNearest(ctx: RankContext, origin: LatLng): TopK | undefined {
  const { store, candidates } = ctx;
  const top = new TopK(ctx.k);
  if (ctx.k === 0) return top;
  const rings = new CellRings(origin);
  const [ox, oy, oz] = unitVector(origin.lat, origin.lng);
  const { x, y, z } = store;
  const words = candidates.words;
  for (let r = 0; r <= MAX_RINGS && rings.fits(r); r++) {
    // A centimetre off the bound: rounding must not stop the search short of a document on the line.
    const reach = rings.clearance(r) - 0.01;
    if (top.size === ctx.k && reach > 0 && chord2ForMeters(reach) > top.worst()) return top;
    for (const cell of rings.ring(r)) {
      const list = store.grid.get(cell);
      if (!list) continue;
      const { data, length } = list;
      for (let i = 0; i < length; i++) {
        const slot = data[i]!;
        if ((words[slot >>> 5]! & (1 << (slot & 31))) === 0) continue;
        const dx = x[slot]! - ox;
        const dy = y[slot]! - oy;
        const dz = z[slot]! - oz;
        top.offer(slot, dx * dx + dy * dy + dz * dz, relevanceKey(ctx, slot));
      }
    }
  }
  return undefined;
}
