import { decode, foldToCodes, isCjkUnit } from "../../domain/japanese.js";
import { PostingList, type Restriction, intersectInto, within } from "./postings.js";

/**
 * The inverted index of the embedded engine. Text is folded first (`domain/japanese.ts`); then
 * kana/kanji runs are indexed as character bigrams (plus an end-of-run bigram so that a single
 * character can be found), which finds words inside unsegmented Japanese without a dictionary,
 * and Latin letters/digits are indexed as whole words (found exactly, by prefix, or with typos).
 *
 * A posting is `slot << 3 | attribute`: every list is sorted by document and field, so
 * intersecting the bigrams of a word finds the documents that have all of them in one field.
 *
 * A text many documents share (a description written once for a chain or a template) is
 * indexed once, as a group, in a nested index whose "slots" are group ids; a lookup expands the
 * groups it finds to their documents. This keeps the postings of such texts from growing with the
 * documents that repeat them: smaller lists to intersect, less memory, less to fold at build.
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

/** uint32 (never 0) → int, open addressing: the bigram table (a Map with number keys is several times slower). */
class IntMap {
  keys = new Uint32Array(1 << 12);
  values = new Int32Array(1 << 12);
  size = 0;
  #shift = 32 - 12;

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.#shift; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key) return this.values[i]!;
      if (k === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.#grow();
    const mask = this.keys.length - 1;
    for (let i = Math.imul(key, 0x9e3779b1) >>> this.#shift; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === 0) {
        this.keys[i] = key;
        this.values[i] = value;
        this.size++;
        return;
      }
      if (k === key) {
        this.values[i] = value;
        return;
      }
    }
  }

  #grow() {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.#shift--;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}

/** Group-level matches of a nested index lookup (a group's field bits, as `TermMatches.fields`). */
class GroupMatches {
  fields: Uint8Array;
  bits: Uint32Array;
  fieldBits: Uint32Array[];
  constructor(groups: number) {
    this.fields = new Uint8Array(groups);
    this.bits = new Uint32Array(Math.ceil(groups / 32));
    this.fieldBits = Array.from({ length: ATTRIBUTES.length }, () => new Uint32Array(this.bits.length));
  }
  markList(list: PostingList): void {
    for (let i = 0; i < list.length; i++) this.fields[list.data[i]! >>> ATTR_BITS]! |= 1 << (list.data[i]! & 7);
  }
}

export class TextIndex {
  readonly #bigramIds = new IntMap();
  readonly lists: PostingList[] = [];
  readonly words = new Map<string, PostingList>();
  #sortedKeys: Uint32Array | null = null;
  #vocabulary: string[] | null = null;
  /** Shared texts, by group id (absent in a nested index). */
  readonly #groups: TextIndex | null;
  readonly #groupIds = new Map<string, number>();
  /** Per group, the slots that have its text, ascending. */
  readonly #groupSlots: PostingList[] = [];

  constructor(nested = false) {
    this.#groups = nested ? null : new TextIndex(true);
  }

  /** Indexes a field whose text other documents may share (descriptions): folded and indexed once per distinct text. */
  addSharedField(slot: number, attr: number, text: string): void {
    if (!text) return;
    let group = this.#groupIds.get(text);
    if (group === undefined) {
      group = this.#groupSlots.length;
      this.#groupIds.set(text, group);
      this.#groupSlots.push(new PostingList(1));
      const f = foldToCodes(text);
      this.#groups!.addField(group, attr, f.codes, f.length);
      this.#vocabulary = null;
    }
    this.#groupSlots[group]!.push(slot);
  }

  /** The document postings of group postings (`group << 3 | attr` → `slot << 3 | attr` for each slot of the group), appended to `into`. */
  #expand(groupPostings: PostingList, into: PostingList): void {
    for (let i = 0; i < groupPostings.length; i++) {
      const entry = groupPostings.data[i]!;
      const attr = entry & 7;
      const slots = this.#groupSlots[entry >>> ATTR_BITS]!;
      for (let j = 0; j < slots.length; j++) into.push((slots.data[j]! << ATTR_BITS) | attr);
    }
  }

  /**
   * Indexes one field of one document from its folded code units (`foldToCodes`). Fields of a
   * document must be added in attribute order, and documents in slot order.
   */
  addField(slot: number, attr: number, codes: Uint16Array, length: number): void {
    const entry = (slot << ATTR_BITS) | attr;
    let start = 0;
    while (start < length) {
      const u = codes[start]!;
      if (u === 0x20) {
        start++;
        continue;
      }
      const cjk = isCjkUnit(u);
      let end = start + 1;
      while (end < length && codes[end] !== 0x20 && isCjkUnit(codes[end]!) === cjk) end++;
      if (cjk) {
        for (let i = start; i < end; i++) this.#push(this.#bigram(bigramKey(codes[i]!, i + 1 < end ? codes[i + 1]! : END)), entry);
      } else {
        this.#push(this.#word(decode(codes, start, end)), entry);
      }
      start = end;
    }
  }

  /** Appends unless this field of this document is already there (a bigram repeated in one field). */
  #push(list: PostingList, entry: number) {
    if (list.length === 0 || list.data[list.length - 1] !== entry) list.push(entry);
  }

  #bigram(key: number): PostingList {
    const id = this.#bigramIds.get(key);
    if (id >= 0) return this.lists[id]!;
    const list = new PostingList();
    this.#bigramIds.set(key, this.lists.length);
    this.lists.push(list);
    this.#sortedKeys = null;
    return list;
  }

  bigramList(key: number): PostingList | undefined {
    const id = this.#bigramIds.get(key);
    return id >= 0 ? this.lists[id] : undefined;
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
   * Marks the documents (per field) holding all the bigrams of a kana/kanji term, counting
   * `typos` for them; a single character is looked up as the first character of any bigram.
   * Returns false when nothing matches.
   */
  cjk(
    term: string,
    out: { fields: Uint8Array; bits: Uint32Array; fieldBits: Uint32Array[]; restrict?: Restriction | undefined; markList(list: PostingList, typos: number): void },
    typos = 0,
  ): boolean {
    const own = this.#cjkOwn(term, out, typos);
    return this.#cjkShared(term, out, typos) || own;
  }

  /** `cjk` over the shared texts: finds the groups, then marks their documents. */
  #cjkShared(term: string, out: { restrict?: Restriction | undefined; markList(list: PostingList, typos: number): void }, typos: number): boolean {
    if (!this.#groups || this.#groupSlots.length === 0) return false;
    const groups = new GroupMatches(this.#groupSlots.length);
    if (!this.#groups.#cjkOwn(term, groups, 0)) return false;
    const found = new PostingList();
    // Whether any document has the text, wherever it is (a restricted query only marks its own).
    let any = false;
    for (let g = 0; g < groups.fields.length; g++) {
      const fields = groups.fields[g]! & 0x1f;
      if (fields === 0) continue;
      const slots = out.restrict ? within(this.#groupSlots[g]!, out.restrict, 0) : this.#groupSlots[g]!;
      any ||= this.#groupSlots[g]!.length > 0;
      for (let attr = 0; attr < ATTRIBUTES.length; attr++) {
        if ((fields & (1 << attr)) === 0) continue;
        for (let j = 0; j < slots.length; j++) found.push((slots.data[j]! << ATTR_BITS) | attr);
      }
    }
    if (found.length > 0) out.markList(found, typos);
    return any;
  }

  #cjkOwn(
    term: string,
    out: { fields: Uint8Array; bits: Uint32Array; fieldBits: Uint32Array[]; restrict?: Restriction | undefined; markList(list: PostingList, typos: number): void },
    typos: number,
  ): boolean {
    if (term.length === 0) return false;
    if (term.length === 1) {
      const first = term.charCodeAt(0);
      const keys = this.#keys();
      let i = lowerBound(keys, bigramKey(first, 0));
      const end = bigramKey(first, 0xffff);
      let any = false;
      for (; i < keys.length && keys[i]! <= end; i++) {
        const list = this.bigramList(keys[i]!)!;
        out.markList(list, typos);
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
      const list = this.bigramList(key);
      if (!list || list.length === 0) return false;
      lists.push(list);
    }
    if (lists.length === 1) {
      out.markList(lists[0]!, typos);
      return true;
    }
    return intersectInto(lists, out, typos) > 0;
  }

  /** Postings of a Latin word (with those of the shared texts that have it). */
  word(word: string): PostingList | undefined {
    const own = this.words.get(word);
    const shared = this.#groups?.words.get(word);
    if (!shared || shared.length === 0) return own;
    const all = new PostingList((own?.length ?? 0) + shared.length);
    for (let i = 0; i < (own?.length ?? 0); i++) all.push(own!.data[i]!);
    this.#expand(shared, all);
    return all;
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
    if (!this.#sortedKeys) this.#sortedKeys = this.#bigramIds.keys.filter((k) => k !== 0).sort();
    return this.#sortedKeys;
  }

  #vocab(): string[] {
    if (!this.#vocabulary) this.#vocabulary = [...new Set([...this.words.keys(), ...(this.#groups?.words.keys() ?? [])])].sort();
    return this.#vocabulary;
  }

  /** Applies a slot renumbering (compaction): `map(slot)` is the new slot, or -1 for a removed one. */
  remap(map: Int32Array): void {
    const fix = (entry: number) => {
      const slot = map[entry >>> ATTR_BITS]!;
      return slot < 0 ? -1 : (slot << ATTR_BITS) | (entry & ((1 << ATTR_BITS) - 1));
    };
    for (const list of this.lists) list.remap(fix);
    for (const [word, list] of this.words) {
      list.remap(fix);
      if (list.length === 0) this.words.delete(word);
    }
    for (const slots of this.#groupSlots) slots.remap((slot) => map[slot]!);
    this.#sortedKeys = null;
    this.#vocabulary = null;
  }

  trim(): void {
    for (const list of this.lists) list.trim();
    for (const list of this.words.values()) list.trim();
    for (const slots of this.#groupSlots) slots.trim();
    this.#groups?.trim();
  }

  postingCount(): number {
    let n = this.#groups?.postingCount() ?? 0;
    for (const list of this.lists) n += list.length;
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
