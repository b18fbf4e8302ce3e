import { LRUCache } from "lru-cache";
import type { TermSpec } from "../query-plan.js";
import { KeptPerStore } from "./kept-per-store.js";
import { type TermContext, TermMatches, evaluateTerm } from "./term-eval.js";

/** Terms kept evaluated (≈ 0.7 MB each at 200,000 documents). */
const KEPT_TERMS = 16;
/** Recent terms remembered to tell one asked again. */
const ASKED_TERMS = 2_000;

export interface Evaluated {
  matches: TermMatches;
  /** The term matches something (text, kinds or an expansion). */
  found: boolean;
}

/**
 * Whole-index evaluations of the terms families ask again and again (子ども食堂 near one point,
 * then near another), kept until the store changes: a word near a point then costs its
 * candidates, not its postings. A term is kept the second time it is asked; until then it is
 * evaluated for the query's restriction alone, as a one-off word should be. Kept evaluations are
 * read, never written: every reader looks at candidates only, and a whole-index evaluation is
 * right for any of them.
 */
export class TermCache {
  readonly #kept = new KeptPerStore<Evaluated>(KEPT_TERMS);
  readonly #asked = new LRUCache<string, true>({ max: ASKED_TERMS });

  /** The kept evaluation of `spec`, evaluated and kept now if it was asked before; undefined for a term asked the first time. */
  get(spec: TermSpec, ctx: TermContext): Evaluated | undefined {
    const terms = this.#kept.of(ctx.store);
    const key = JSON.stringify(spec);
    let kept = terms.get(key);
    if (kept) return kept;
    if (!this.#asked.has(key)) {
      this.#asked.set(key, true);
      return undefined;
    }
    const matches = new TermMatches(ctx.store.capacity);
    kept = { matches, found: evaluateTerm(spec, ctx, matches) };
    terms.set(key, kept);
    return kept;
  }
}
