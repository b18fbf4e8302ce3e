import { KIND_CODES } from "../../domain/taxonomy.js";
import type { HighlightForm } from "../highlight.js";
import type { TermSpec } from "../query-plan.js";
import type { DocStore } from "./doc-store.js";
import { type KindMatcher, typoBudget } from "./kind-matcher.js";
import { type PostingList, type Restriction, within } from "./postings.js";
import { ATTR_BITS, type TextIndex } from "./text-index.js";

/**
 * One query term evaluated against the index: which documents it matches, in which fields and
 * with how many typos (dense per-slot arrays, reused across queries), which kinds it names
 * through their labels, and which kinds it stands for as an everyday phrase.
 */
export class TermMatches {
  /** Per slot: bit per field matched by the document's own text (bits 0–4), and typos in bits 6–7. 0: no text match. */
  fields: Uint8Array;
  /** Per slot: bit per field matched only through a synonym of the term. */
  synonyms: Uint8Array;
  /** Slots with `fields` set, as a bitset. */
  bits: Uint32Array;
  /** Per field (0–4), the slots whose field matched, as bitsets (for tiered ranking). */
  fieldBits: Uint32Array[];
  /** Some match needed typos or a synonym (tiered ranking assumes neither). */
  typos = false;
  hasSynonyms = false;
  /** Kinds whose labels the term matches as typed. */
  kindMask = 0;
  /** Kinds whose labels one of the term's synonyms matches. */
  kindMaskAlt = 0;
  /** Kinds the term stands for as an everyday phrase (rank below literal matches). */
  expandMask = 0;
  /** The everyday phrase's kinds (indexes), in the dictionary's order: earlier kinds rank first. */
  expandOrder: number[] = [];
  /** Every document the term matches: text, kinds or expansion. */
  all: Uint32Array;
  /** What to highlight. */
  forms: HighlightForm[] = [];
  /**
   * When set, only these slots are evaluated: the arrays above are then valid for them alone
   * (every reader looks only at candidates, which lie within the restriction).
   */
  restrict: Restriction | undefined;
  /** Some slot's `synonyms` may be non-zero (since the last full reset). */
  #synonymsDirty = false;

  constructor(capacity: number) {
    const words = Math.ceil(capacity / 32);
    this.fields = new Uint8Array(capacity);
    this.synonyms = new Uint8Array(capacity);
    this.bits = new Uint32Array(words);
    this.all = new Uint32Array(words);
    this.fieldBits = Array.from({ length: 5 }, () => new Uint32Array(words));
  }

  ensure(capacity: number): void {
    if (this.fields.length < capacity) Object.assign(this, new TermMatches(capacity));
  }

  reset(restrict?: Restriction): void {
    this.restrict = restrict;
    if (restrict) {
      for (let i = 0; i < restrict.length; i++) {
        this.fields[restrict.slots[i]!] = 0;
        this.synonyms[restrict.slots[i]!] = 0;
      }
      for (let i = 0; i < restrict.nonZeroCount; i++) {
        const w = restrict.nonZero[i]!;
        this.bits[w] = 0;
        for (const b of this.fieldBits) b[w] = 0;
      }
    } else {
      this.fields.fill(0);
      if (this.#synonymsDirty) this.synonyms.fill(0);
      this.#synonymsDirty = false;
      this.bits.fill(0);
      for (const b of this.fieldBits) b.fill(0);
    }
    this.hasSynonyms = false;
    this.expandOrder = [];
    this.typos = false;
    this.kindMask = 0;
    this.kindMaskAlt = 0;
    this.expandMask = 0;
    this.forms = [];
  }

  /** Marks the fields of a synonym's matches (the slots count as matched). */
  markSynonyms(list: PostingList): void {
    if (this.restrict) list = within(list, this.restrict);
    this.usedSynonyms();
    this.typos = true;
    const { data, length } = list;
    for (let i = 0; i < length; i++) {
      const entry = data[i]!;
      const slot = entry >>> ATTR_BITS;
      this.synonyms[slot]! |= 1 << (entry & 7);
      this.bits[slot >>> 5]! |= 1 << (slot & 31);
    }
  }

  /** Some slot's `synonyms` is being set. */
  usedSynonyms(): void {
    this.hasSynonyms = true;
    this.#synonymsDirty = true;
  }

  markList(list: PostingList, typos: number): void {
    if (this.restrict) list = within(list, this.restrict);
    const { data, length } = list;
    const fields = this.fields;
    const bits = this.bits;
    const fieldBits = this.fieldBits;
    if (typos === 0) {
      for (let i = 0; i < length; i++) {
        const entry = data[i]!;
        const slot = entry >>> ATTR_BITS;
        const field = entry & 7;
        fields[slot] = (fields[slot]! & 0x3f) | (1 << field);
        bits[slot >>> 5]! |= 1 << (slot & 31);
        fieldBits[field]![slot >>> 5]! |= 1 << (slot & 31);
      }
      return;
    }
    this.typos = true;
    for (let i = 0; i < length; i++) {
      const entry = data[i]!;
      const slot = entry >>> ATTR_BITS;
      const f = fields[slot]!;
      const t = f === 0 ? typos : Math.min(f >>> 6, typos);
      fields[slot] = (f & 0x3f) | (1 << (entry & 7)) | (t << 6);
      bits[slot >>> 5]! |= 1 << (slot & 31);
      fieldBits[entry & 7]![slot >>> 5]! |= 1 << (slot & 31);
    }
  }
}

export interface TermContext {
  text: TextIndex;
  kinds: KindMatcher;
  store: DocStore;
}

/** Evaluates `spec` into `out` (for the `restrict`ed slots only, when given); returns false when it matches nothing at all. */
export function evaluateTerm(spec: TermSpec, ctx: TermContext, out: TermMatches, restrict?: Restriction): boolean {
  out.reset(restrict);
  if (spec.literal) {
    const found = matchText(spec.text, spec.kind, spec.prefix, ctx, out);
    out.kindMask |= ctx.kinds.match(spec.text, spec.kind, { prefix: spec.prefix, maxTypos: spec.kind === "word" ? typoBudget(spec.text) : 0 });
    for (const alt of spec.alternatives) {
      // A romaji word is read as kana only when, as a Latin word, it finds nothing.
      if (alt.via === "reading" && (found || out.kindMask)) continue;
      if (alt.via === "synonym") {
        // Marked apart, so the word as typed ranks first.
        matchSynonym(alt.text, alt.kind, ctx, out);
        out.kindMaskAlt |= ctx.kinds.match(alt.text, alt.kind);
      } else {
        matchText(alt.text, alt.kind, false, ctx, out, false);
        out.kindMask |= ctx.kinds.match(alt.text, alt.kind);
      }
    }
    out.kindMaskAlt &= ~out.kindMask;
    if (out.kindMaskAlt) out.typos = true;
  }
  for (const k of spec.expandsTo) {
    const i = KIND_CODES.indexOf(k);
    if (i < 0) continue;
    out.expandMask |= 1 << i;
    out.expandOrder.push(i);
  }
  const all = out.all;
  const masks = out.kindMask | out.kindMaskAlt | out.expandMask;
  const kindWords: Uint32Array[] = [];
  for (let i = 0; i < KIND_CODES.length; i++) if (masks & (1 << i)) kindWords.push(ctx.store.kindBits[i]!.words);
  if (restrict) {
    for (let n = 0; n < restrict.nonZeroCount; n++) {
      const j = restrict.nonZero[n]!;
      let word = out.bits[j]!;
      for (const kb of kindWords) word |= kb[j]!;
      all[j] = word;
    }
  } else {
    all.set(out.bits);
    for (const kb of kindWords) for (let j = 0; j < kb.length; j++) all[j]! |= kb[j]!;
  }
  return out.forms.length > 0 || masks !== 0;
}

/** Text matches of a synonym (kana/kanji: all bigrams in one field; Latin: the exact word). */
function matchSynonym(text: string, kind: "cjk" | "word", ctx: TermContext, out: TermMatches) {
  let found = false;
  if (kind === "cjk") {
    found = ctx.text.cjk(text, { fields: out.synonyms, bits: out.bits, fieldBits: out.fieldBits, restrict: out.restrict, markList: (list) => out.markSynonyms(list) });
    if (found) {
      out.usedSynonyms();
      out.typos = true;
    }
  } else {
    const list = ctx.text.word(text);
    if (list?.length) out.markSynonyms(list);
    found = Boolean(list?.length);
  }
  if (found) out.forms.push({ text, word: kind === "word" });
}

/** Text matches of one spelling; adds what matched to the highlight forms. */
function matchText(text: string, kind: "cjk" | "word", prefix: boolean, ctx: TermContext, out: TermMatches, typos = true): boolean {
  if (kind === "cjk") {
    const found = ctx.text.cjk(text, out);
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
