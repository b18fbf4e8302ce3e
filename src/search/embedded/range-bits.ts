import { type DocStore, FLAG_PRENATAL } from "./doc-store.js";
import { KeptPerStore } from "./kept-per-store.js";

/** Values kept at once (the family page asks a dozen ages, or expecting). */
const MAX_KEPT = 64;

/**
 * Bitsets of the filters that are ranges per document, a child's age and weeks of pregnancy:
 * built over the live slots the first time a value is asked and kept until the store changes. A
 * query then narrows by them with bitset passes, as by kinds, free or a weekday, and keeps the
 * paths that need no test per document (totals and kind counts from the bits, nearest first).
 * The rules of who an age or a pregnancy admits live here and nowhere else.
 */
export class RangeBits {
  readonly #kept = new KeptPerStore<Uint32Array>(MAX_KEPT);

  /** Live slots open to a child of `months`: no bound, or `ageMin ≤ months ≤ ageMax` for the bounds a service sets. */
  age(store: DocStore, months: number): Uint32Array {
    const { ageMin, ageMax } = store;
    return this.#bits(store, `age ${months}`, (slot) => {
      const lo = ageMin[slot]!;
      const hi = ageMax[slot]!;
      return (lo < 0 || months >= lo) && (hi < 0 || months <= hi);
    });
  }

  /** Live slots that accept expecting parents from `weeks` of pregnancy on. */
  pregnancy(store: DocStore, weeks: number): Uint32Array {
    const { flags, pregMin } = store;
    return this.#bits(store, `pregnancy ${weeks}`, (slot) => (flags[slot]! & FLAG_PRENATAL) !== 0 && (pregMin[slot]! < 0 || weeks >= pregMin[slot]!));
  }

  #bits(store: DocStore, key: string, admits: (slot: number) => boolean): Uint32Array {
    const kept = this.#kept.of(store);
    let bits = kept.get(key);
    if (bits) return bits;
    const alive = store.alive.words;
    bits = new Uint32Array(alive.length);
    for (let w = 0; w < alive.length; w++) {
      let out = 0;
      for (let word = alive[w]!; word !== 0; word &= word - 1) {
        const bit = word & -word;
        if (admits((w << 5) | (31 - Math.clz32(bit)))) out |= bit;
      }
      bits[w] = out;
    }
    kept.set(key, bits);
    return bits;
  }
}
