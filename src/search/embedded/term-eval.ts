import { KIND_CODES } from "../../domain/taxonomy.js";
import type { HighlightForm } from "../highlight.js";
import type { TermSpec } from "../query-plan.js";
import type { DocStore } from "./doc-store.js";
import { type KindMatcher, typoBudget } from "./kind-matcher.js";
import { Bitset, type PostingList } from "./postings.js";
import { ATTR_BITS, type TextIndex } from "./text-index.js";

/**
 * One query term evaluated against the index: which documents it matches, in which fields and
 * with how many typos (dense per-slot arrays, reused across queries), which kinds it names
 * through their labels, and which kinds it stands for as an everyday phrase.
 */
export class TermMatches {
  /** Documents matched through their own text. */
  bits: Bitset;
  /** Per slot (valid where `bits` is set): bit per attribute matched. */
  attrs: Uint8Array;
  /** Per slot: fewest typos of a match. */
  typos: Uint8Array;
  /** Kinds whose labels the term matches. */
  kindMask = 0;
  /** Kinds the term stands for as an everyday phrase (rank below literal matches). */
  expandMask = 0;
  /** Every document the term matches: text, kinds or expansion. */
  all: Bitset;
  /** What to highlight. */
  forms: HighlightForm[] = [];

  constructor(capacity: number) {
    this.bits = new Bitset(capacity);
    this.all = new Bitset(capacity);
    this.attrs = new Uint8Array(capacity);
    this.typos = new Uint8Array(capacity);
  }

  ensure(capacity: number): void {
    if (this.attrs.length >= capacity) return;
    this.bits = new Bitset(capacity);
    this.all = new Bitset(capacity);
    this.attrs = new Uint8Array(capacity);
    this.typos = new Uint8Array(capacity);
  }

  reset(): void {
    this.bits.clear();
    this.kindMask = 0;
    this.expandMask = 0;
    this.forms = [];
  }

  mark(entry: number, typos: number): void {
    const slot = entry >>> ATTR_BITS;
    const bit = 1 << (entry & ((1 << ATTR_BITS) - 1));
    if (this.bits.has(slot)) {
      this.attrs[slot]! |= bit;
      if (typos < this.typos[slot]!) this.typos[slot] = typos;
    } else {
      this.bits.add(slot);
      this.attrs[slot] = bit;
      this.typos[slot] = typos;
    }
  }

  markList(list: PostingList, typos: number): void {
    for (let i = 0; i < list.length; i++) this.mark(list.data[i]!, typos);
  }
}

export interface TermContext {
  text: TextIndex;
  kinds: KindMatcher;
  store: DocStore;
}

/** Evaluates `spec` into `out`; returns false when it matches nothing at all. */
export function evaluateTerm(spec: TermSpec, ctx: TermContext, out: TermMatches): boolean {
  out.reset();
  if (spec.literal) {
    const found = matchText(spec.text, spec.kind, spec.prefix, ctx, out);
    out.kindMask |= ctx.kinds.match(spec.text, spec.kind, { prefix: spec.prefix, maxTypos: spec.kind === "word" ? typoBudget(spec.text) : 0 });
    for (const alt of spec.alternatives) {
      // A romaji word is read as kana only when, as a Latin word, it finds nothing.
      if (alt.via === "reading" && (found || out.kindMask)) continue;
      matchText(alt.text, alt.kind, false, ctx, out, false);
      out.kindMask |= ctx.kinds.match(alt.text, alt.kind);
    }
  }
  for (const k of spec.expandsTo) {
    const i = KIND_CODES.indexOf(k);
    if (i >= 0) out.expandMask |= 1 << i;
  }
  const all = out.all;
  all.words.set(out.bits.words);
  const masks = out.kindMask | out.expandMask;
  if (masks) {
    for (let i = 0; i < KIND_CODES.length; i++) {
      if ((masks & (1 << i)) === 0) continue;
      const kb = ctx.store.kindBits[i]!.words;
      const w = all.words;
      for (let j = 0; j < kb.length; j++) w[j]! |= kb[j]!;
    }
  }
  return out.forms.length > 0 || masks !== 0;
}

/** Text matches of one spelling; adds what matched to the highlight forms. */
function matchText(text: string, kind: "cjk" | "word", prefix: boolean, ctx: TermContext, out: TermMatches, typos = true): boolean {
  if (kind === "cjk") {
    const found = ctx.text.cjk(text, (entry) => out.mark(entry, 0));
    if (found) out.forms.push({ text, word: false });
    return found;
  }
  let found = false;
  const exact = ctx.text.word(text);
  if (exact && exact.length > 0) {
    out.markList(exact, 0);
    found = true;
  }
  if (prefix) {
    for (const w of ctx.text.completions(text)) {
      out.markList(ctx.text.word(w)!, 0);
      found = true;
    }
  }
  if (found) out.forms.push({ text, word: true });
  const budget = typos ? typoBudget(text) : 0;
  if (budget > 0) {
    for (const m of ctx.text.typoMatches(text, budget, prefix)) {
      out.markList(ctx.text.word(m.word)!, m.typos);
      out.forms.push({ text: m.word, word: true });
      found = true;
    }
  }
  return found;
}
