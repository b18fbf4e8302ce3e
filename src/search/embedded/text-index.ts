import { runsOf } from "../../domain/japanese.js";
import { PostingList, intersect } from "./postings.js";

/**
 * The inverted index of the embedded engine. Text is folded first (`domain/japanese.ts`); then
 * kana/kanji runs are indexed as character bigrams (plus an end-of-run bigram so that a single
 * character can be found), which finds words inside unsegmented Japanese without a dictionary,
 * and Latin letters/digits are indexed as whole words (found exactly, by prefix, or with typos).
 *
 * A posting is `slot << 3 | attribute`: every list is sorted by document and field, so
 * intersecting the bigrams of a word finds the documents that have all of them in one field.
 */
export const ATTRIBUTES = ["name", "nameKana", "organization", "description", "address"] as const;
export type AttributeName = (typeof ATTRIBUTES)[number];
export const ATTR_BITS = 3;

const END = 0;

export function bigramKey(a: number, b: number): number {
  return ((a << 16) | b) >>> 0;
}

export interface WordMatch {
  word: string;
  typos: number;
}

export class TextIndex {
  readonly bigrams = new Map<number, PostingList>();
  readonly words = new Map<string, PostingList>();
  #sortedKeys: Uint32Array | null = null;
  #vocabulary: string[] | null = null;

  /** Indexes one document: `fields[a]` is the folded text of attribute `a`. */
  add(slot: number, fields: readonly string[]): void {
    const seenKeys = new Set<number>();
    const seenWords = new Set<string>();
    for (let a = 0; a < fields.length; a++) {
      const text = fields[a];
      if (!text) continue;
      seenKeys.clear();
      seenWords.clear();
      const entry = (slot << ATTR_BITS) | a;
      for (const run of runsOf(text)) {
        if (run.kind === "word") {
          if (!seenWords.has(run.text)) {
            seenWords.add(run.text);
            this.#word(run.text).push(entry);
          }
          continue;
        }
        const t = run.text;
        for (let i = 0; i < t.length; i++) {
          const key = bigramKey(t.charCodeAt(i), i + 1 < t.length ? t.charCodeAt(i + 1) : END);
          if (seenKeys.has(key)) continue;
          seenKeys.add(key);
          this.#bigram(key).push(entry);
        }
      }
    }
  }

  #bigram(key: number): PostingList {
    let list = this.bigrams.get(key);
    if (!list) {
      list = new PostingList();
      this.bigrams.set(key, list);
      this.#sortedKeys = null;
    }
    return list;
  }

  #word(word: string): PostingList {
    let list = this.words.get(word);
    if (!list) {
      list = new PostingList();
      this.words.set(word, list);
      this.#vocabulary = null;
    }
    return list;
  }

  /**
   * Postings of a kana/kanji term: the documents (per field) holding all its bigrams; a single
   * character is looked up as the first character of any bigram. Returns false when nothing matches.
   */
  cjk(term: string, emit: (entry: number) => void): boolean {
    if (term.length === 0) return false;
    if (term.length === 1) {
      const first = term.charCodeAt(0);
      const keys = this.#keys();
      let i = lowerBound(keys, bigramKey(first, 0));
      const end = bigramKey(first, 0xffff);
      let any = false;
      for (; i < keys.length && keys[i]! <= end; i++) {
        const list = this.bigrams.get(keys[i]!)!;
        for (let j = 0; j < list.length; j++) emit(list.data[j]!);
        any ||= list.length > 0;
      }
      return any;
    }
    const lists: PostingList[] = [];
    const seen = new Set<number>();
    for (let i = 0; i + 1 < term.length; i++) {
      const key = bigramKey(term.charCodeAt(i), term.charCodeAt(i + 1));
      if (seen.has(key)) continue;
      seen.add(key);
      const list = this.bigrams.get(key);
      if (!list || list.length === 0) return false;
      lists.push(list);
    }
    let any = false;
    intersect(lists, (entry) => {
      any = true;
      emit(entry);
    });
    return any;
  }

  /** Postings of a Latin word. */
  word(word: string): PostingList | undefined {
    return this.words.get(word);
  }

  /** Indexed words that start with `prefix` (the word itself excluded). */
  completions(prefix: string, limit = 2000): string[] {
    const vocab = this.#vocab();
    const out: string[] = [];
    for (let i = lowerBoundString(vocab, prefix); i < vocab.length && out.length < limit; i++) {
      const w = vocab[i]!;
      if (!w.startsWith(prefix)) break;
      if (w !== prefix) out.push(w);
    }
    return out;
  }

  /**
   * Indexed words within `maxTypos` edits of `word` (Damerau–Levenshtein, adjacent
   * transpositions count once), or of one of their prefixes when `prefix`. The first letter must
   * match: Meilisearch counts a typo on it twice, which the 1- and 2-typo budgets make moot.
   */
  typoMatches(word: string, maxTypos: number, prefix: boolean): WordMatch[] {
    if (maxTypos <= 0 || word.length === 0) return [];
    const vocab = this.#vocab();
    const first = word[0]!;
    const out: WordMatch[] = [];
    for (let i = lowerBoundString(vocab, first); i < vocab.length; i++) {
      const w = vocab[i]!;
      if (w[0] !== first) break;
      if (w === word) continue;
      if (!prefix && Math.abs(w.length - word.length) > maxTypos) continue;
      if (prefix && w.length < word.length - maxTypos) continue;
      const d = editDistance(word, w, maxTypos, prefix);
      if (d > 0 && d <= maxTypos) out.push({ word: w, typos: d });
    }
    return out;
  }

  #keys(): Uint32Array {
    if (!this.#sortedKeys) this.#sortedKeys = Uint32Array.from(this.bigrams.keys()).sort();
    return this.#sortedKeys;
  }

  #vocab(): string[] {
    if (!this.#vocabulary) this.#vocabulary = [...this.words.keys()].sort();
    return this.#vocabulary;
  }

  /** Applies a slot renumbering (compaction): `map(slot)` is the new slot, or -1 for a removed one. */
  remap(map: Int32Array): void {
    const fix = (entry: number) => {
      const slot = map[entry >>> ATTR_BITS]!;
      return slot < 0 ? -1 : (slot << ATTR_BITS) | (entry & ((1 << ATTR_BITS) - 1));
    };
    for (const [key, list] of this.bigrams) {
      list.remap(fix);
      if (list.length === 0) this.bigrams.delete(key);
    }
    for (const [word, list] of this.words) {
      list.remap(fix);
      if (list.length === 0) this.words.delete(word);
    }
    this.#sortedKeys = null;
    this.#vocabulary = null;
  }

  trim(): void {
    for (const list of this.bigrams.values()) list.trim();
    for (const list of this.words.values()) list.trim();
  }

  postingCount(): number {
    let n = 0;
    for (const list of this.bigrams.values()) n += list.length;
    for (const list of this.words.values()) n += list.length;
    return n;
  }
}

function lowerBound(keys: Uint32Array, target: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBoundString(sorted: readonly string[], target: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Optimal-string-alignment distance between `a` (typed) and `b`, or between `a` and the closest
 * prefix of `b` when `prefix`; gives up (returns max + 1) once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number, prefix = false): number {
  const n = a.length;
  const m = b.length;
  let prev2 = new Int32Array(m + 1);
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0]!;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  if (!prefix) return prev[m]!;
  let best = max + 1;
  for (let j = 0; j <= m; j++) best = Math.min(best, prev[j]!);
  return best;
}
