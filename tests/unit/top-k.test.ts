import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TopK } from "../../src/search/embedded/top-k.js";

/** The engine's page heap: the same best `k` whatever order the slots come in (rings of cells come out of slot order). */
describe("TopK", () => {
  it("keeps the k best by (primary, secondary, slot), offered in any order", () => {
    fc.assert(
      fc.property(
        // Few distinct keys, so that ties on both keys are common.
        fc.uniqueArray(fc.record({ slot: fc.nat({ max: 500 }), p: fc.integer({ min: 0, max: 3 }), s: fc.integer({ min: 0, max: 2 }) }), { selector: (e) => e.slot, maxLength: 60 }),
        fc.nat({ max: 70 }),
        (entries, k) => {
          const top = new TopK(k);
          for (const e of entries) top.offer(e.slot, e.p, e.s);
          const expected = [...entries].sort((a, b) => a.p - b.p || a.s - b.s || a.slot - b.slot).slice(0, k).map((e) => e.slot);
          expect(top.sorted()).toEqual(expected);
        },
      ),
    );
  });
});
