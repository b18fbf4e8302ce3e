/**
 * Memory-lean building blocks of the embedded engine: growable sorted integer lists (postings)
 * and bitsets over document slots. Slots only ever grow (an updated document gets a new slot),
 * so appending keeps every list sorted without re-sorting.
 */

/** A growable sorted list of non-negative 32-bit integers. */
export class PostingList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 4) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length < 1024 ? this.data.length * 2 : this.data.length + (this.data.length >> 1));
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  /** Drops spare capacity (after a bulk build). */
  trim(): void {
    if (this.data.length !== this.length) this.data = this.data.slice(0, this.length);
  }

  /** Keeps the entries `map` returns a value ≥ 0 for, replaced by that value (order must be preserved). */
  remap(map: (value: number) => number): void {
    let w = 0;
    for (let r = 0; r < this.length; r++) {
      const v = map(this.data[r]!);
      if (v >= 0) this.data[w++] = v;
    }
    this.length = w;
    this.trim();
  }
}

/**
 * The only slots a query can match (its area's or municipality's documents), when they are few:
 * terms are then evaluated for them alone instead of over whole posting lists.
 */
export interface Restriction {
  /** The slots, ascending. */
  slots: Int32Array;
  length: number;
  /** The same slots as a bitset over the store (no other bit set). */
  words: Uint32Array;
  /** The indexes of `words` that are not zero, ascending. */
  nonZero: Int32Array;
  nonZeroCount: number;
}

/**
 * The entries of `list` whose slot is in `r`, for postings (`shift` 3: `slot << 3 | field`) or
 * plain slot lists (`shift` 0): by seeking each slot when the list is much longer than the
 * restriction, by one pass over the list otherwise.
 */
export function within(list: PostingList, r: Restriction, shift = 3): PostingList {
  const out = new PostingList(Math.min(list.length, r.length * 2) + 1);
  const { data, length } = list;
  if (length > r.length * 8) {
    let at = 0;
    for (let i = 0; i < r.length && at < length; i++) {
      const slot = r.slots[i]!;
      at = seek(data, length, at, slot << shift);
      while (at < length && data[at]! >>> shift === slot) out.push(data[at++]!);
    }
  } else {
    const words = r.words;
    for (let i = 0; i < length; i++) {
      const slot = data[i]! >>> shift;
      if ((words[slot >>> 5]! & (1 << (slot & 31))) !== 0) out.push(data[i]!);
    }
  }
  return out;
}

/** First index in `data[from, length)` whose value is ≥ `target` (galloping, then binary search). */
export function seek(data: Int32Array, length: number, from: number, target: number): number {
  if (from >= length || data[from]! >= target) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < length && data[hi]! < target) {
    lo = hi;
    step <<= 1;
    hi = from + step;
  }
  if (hi > length) hi = length;
  while (lo + 1 < hi) {
    const mid = (lo + hi) >>> 1;
    if (data[mid]! < target) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * Marks every posting (`slot << 3 | field`) present in all `lists` (at least two): sets the
 * field bit in `fields[slot]` (with `typos`, as `TermMatches.markList` does), the slot in `bits`
 * and in the field's `fieldBits`; with `out.restrict`, for the restricted slots only. Driven by
 * the shortest list; the others advance with galloping cursors (a linear step first, since
 * lists of common bigrams are of similar length). Returns how many postings matched, except
 * that a restricted call with no match inside the restriction returns 1 when the lists still
 * meet outside it: whether a term exists at all must not depend on where one looks.
 */
export function intersectInto(
  lists: PostingList[],
  out: { fields: Uint8Array; bits: Uint32Array; fieldBits: Uint32Array[]; restrict?: Restriction | undefined },
  typos = 0,
): number {
  const { restrict } = out;
  if (!restrict) return intersect(lists, out, typos);
  const matched = intersectWithin(lists, restrict, out, typos);
  return matched > 0 ? matched : intersect(lists, undefined, 0);
}

type Marks = { fields: Uint8Array; bits: Uint32Array; fieldBits: Uint32Array[] };

/** Marks posting `v` (`slot << 3 | field`) as matched with `typos`. */
function mark(out: Marks, v: number, typos: number): void {
  const slot = v >>> 3;
  const f = out.fields[slot]!;
  out.fields[slot] = typos === 0 ? (f & 0x3f) | (1 << (v & 7)) : (f & 0x3f) | (1 << (v & 7)) | ((f === 0 ? typos : Math.min(f >>> 6, typos)) << 6);
  out.bits[slot >>> 5]! |= 1 << (slot & 31);
  out.fieldBits[v & 7]![slot >>> 5]! |= 1 << (slot & 31);
}

/** `intersectInto` without a restriction; with no `out`, only whether the lists meet (1 or 0). */
function intersect(lists: PostingList[], out: Marks | undefined, typos: number): number {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const driver = sorted[0]!;
  const others = sorted.slice(1);
  const cursors = new Int32Array(others.length);
  let matched = 0;
  outer: for (let i = 0; i < driver.length; i++) {
    const v = driver.data[i]!;
    for (let l = 0; l < others.length; l++) {
      const { data, length } = others[l]!;
      let at = cursors[l]!;
      if (at < length && data[at]! < v) at = data[at + 1]! >= v ? at + 1 : seek(data, length, at, v);
      cursors[l] = at;
      if (at >= length) return matched;
      if (data[at] !== v) continue outer;
    }
    if (!out) return 1;
    mark(out, v, typos);
    matched++;
  }
  return matched;
}

/**
 * `intersectInto` for the restricted slots, driven by them: per slot, the fields each list has
 * it in, rarest list first, stopping at the first list without it.
 */
function intersectWithin(lists: PostingList[], r: Restriction, out: Marks, typos: number): number {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  const cursors = new Int32Array(sorted.length);
  let matched = 0;
  for (let i = 0; i < r.length; i++) {
    const slot = r.slots[i]!;
    let fields = 0xff;
    for (let l = 0; l < sorted.length && fields !== 0; l++) {
      const { data, length } = sorted[l]!;
      let at = seek(data, length, cursors[l]!, slot << 3);
      // No posting from this slot on: no later slot can match either.
      if (at >= length) return matched;
      let has = 0;
      while (at < length && data[at]! >>> 3 === slot) has |= 1 << (data[at++]! & 7);
      cursors[l] = at;
      fields &= has;
    }
    for (let f = fields; f !== 0; f &= f - 1) {
      mark(out, (slot << 3) | (31 - Math.clz32(f & -f)), typos);
      matched++;
    }
  }
  return matched;
}

/** A fixed-size bitset over slots. */
export class Bitset {
  words: Uint32Array;
  /** Bits set, kept as they change (whole-index counts without a pass over the words). */
  size = 0;

  constructor(bits: number) {
    this.words = new Uint32Array(Math.ceil(Math.max(bits, 1) / 32));
  }

  get capacity(): number {
    return this.words.length * 32;
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  add(i: number): void {
    const w = this.words[i >>> 5]!;
    const bit = 1 << (i & 31);
    if ((w & bit) !== 0) return;
    this.words[i >>> 5] = w | bit;
    this.size++;
  }

  remove(i: number): void {
    const w = this.words[i >>> 5]!;
    const bit = 1 << (i & 31);
    if ((w & bit) === 0) return;
    this.words[i >>> 5] = w & ~bit;
    this.size--;
  }

  clear(): void {
    this.words.fill(0);
    this.size = 0;
  }

  /** A copy with room for at least `bits` (grows, never shrinks). */
  grown(bits: number): Bitset {
    if (bits <= this.capacity) return this;
    const next = new Bitset(Math.max(bits, this.capacity * 2));
    next.words.set(this.words);
    next.size = this.size;
    return next;
  }

  /** Calls `fn` for each set bit in ascending order. */
  forEach(fn: (i: number) => void): void {
    const words = this.words;
    for (let w = 0; w < words.length; w++) {
      let bits = words[w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        fn((w << 5) + (31 - Math.clz32(low)));
        bits ^= low;
      }
    }
  }
}

export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
