import { WEEKDAYS } from "../../domain/schedule.js";
import { KIND_CODES } from "../../domain/taxonomy.js";
import type { FacetName, SearchResult } from "../port.js";
import { type DocStore, FLAG_FREE } from "./doc-store.js";
import { type Candidates, countBits, countIn } from "./rank.js";

/** Facet counts over every matching document. */
export class FacetCounter {
  /** Per kind index, when the kind facet is wanted (counted inline by the search loop). */
  readonly kinds: Int32Array | undefined;
  /** Facets other than kind are wanted: call `add` per document. */
  readonly others: boolean;
  readonly #munis: Int32Array | undefined;
  readonly #langs: Int32Array | undefined;
  readonly #free: Int32Array | undefined;
  readonly #days: Int32Array | undefined;
  /** Documents per (weekday mask, free) pair: one increment per document, spread over days and free in `result`. */
  readonly #daysAndFree: Int32Array | undefined;

  constructor(
    private readonly store: DocStore,
    names: readonly FacetName[],
  ) {
    const want = new Set(names);
    this.kinds = want.has("kind") ? new Int32Array(KIND_CODES.length) : undefined;
    this.#munis = want.has("municipality") ? new Int32Array(store.municipalities.values.length) : undefined;
    this.#langs = want.has("language") ? new Int32Array(store.langStride * 32) : undefined;
    this.#free = want.has("free") ? new Int32Array(2) : undefined;
    this.#days = want.has("openOn") ? new Int32Array(7) : undefined;
    this.#daysAndFree = this.#free || this.#days ? new Int32Array(256) : undefined;
    this.others = Boolean(this.#munis || this.#langs || this.#daysAndFree);
  }

  reset(): void {
    for (const counts of [this.kinds, this.#munis, this.#langs, this.#free, this.#days, this.#daysAndFree]) counts?.fill(0);
  }

  add(slot: number): void {
    const s = this.store;
    if (this.#munis && s.muni[slot]! >= 0) this.#munis[s.muni[slot]!]!++;
    if (this.#daysAndFree) this.#daysAndFree[(s.days[slot]! << 1) | (s.flags[slot]! & FLAG_FREE)]!++;
    if (this.#langs) {
      for (let w = 0; w < s.langStride; w++) {
        let bits = s.langs[slot * s.langStride + w]!;
        while (bits) {
          const low = bits & -bits;
          this.#langs[w * 32 + (31 - Math.clz32(low))]!++;
          bits ^= low;
        }
      }
    }
  }

  /**
   * `add` for every candidate: municipalities one document at a time (too many values for a
   * bitset each), the rest by popcount of the candidates against each value's bitset.
   */
  addAll(c: Candidates): void {
    const store = this.store;
    const munis = this.#munis;
    if (munis) {
      const muni = store.muni;
      for (let i = 0; i < c.nonZeroCount; i++) {
        const w = c.nonZero[i]!;
        for (let word = c.words[w]!; word !== 0; word &= word - 1) {
          const m = muni[(w << 5) | (31 - Math.clz32(word & -word))]!;
          if (m >= 0) munis[m]!++;
        }
      }
    }
    if (this.#free) {
      const free = countIn(c, store.freeBits[0]!.words);
      this.#free[0]! += free;
      this.#free[1]! += countBits(c) - free;
    }
    if (this.#days) for (let d = 0; d < this.#days.length; d++) this.#days[d]! += countIn(c, store.dayBits[d]!.words);
    if (this.#langs) store.languageBits.forEach((bits, id) => (this.#langs![id]! += countIn(c, bits.words)));
  }

  result(): SearchResult["facets"] {
    if (this.#daysAndFree) {
      for (let pair = 0; pair < 256; pair++) {
        const n = this.#daysAndFree[pair]!;
        if (n === 0) continue;
        if (this.#free) this.#free[pair & FLAG_FREE ? 0 : 1]! += n;
        if (this.#days) for (let d = 0; d < 7; d++) if ((pair >>> 1) & (1 << d)) this.#days[d]! += n;
      }
      this.#daysAndFree.fill(0);
    }
    const out: SearchResult["facets"] = {};
    // Only the values that occur (of some 1,700 municipalities, a query meets a few).
    const counts = (values: readonly string[], c: Int32Array) => {
      const found: Record<string, number> = {};
      for (let i = 0; i < values.length; i++) if (c[i]! > 0) found[values[i]!] = c[i]!;
      return found;
    };
    if (this.kinds) out.kind = counts(KIND_CODES, this.kinds);
    if (this.#munis) out.municipality = counts(this.store.municipalities.values, this.#munis);
    if (this.#langs) out.language = counts(this.store.languages.values, this.#langs);
    if (this.#free) out.free = counts(["true", "false"], this.#free);
    if (this.#days) out.openOn = counts(WEEKDAYS, this.#days);
    return out;
  }
}
