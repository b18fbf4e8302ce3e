import { isKana, toHiragana } from "wanakana";
import { EVERYDAY_WORDS } from "../domain/everyday-words.js";
import { fold, runsOf } from "../domain/japanese.js";
import type { KindCode } from "../domain/taxonomy.js";
import type { QueryExpansion, SynonymGroups } from "./port.js";

/**
 * Turns what a family typed into search terms, the same way for every adapter:
 *
 * 1. everyday phrases (「休みたい」「rest after birth」) become terms that also stand for kinds;
 * 2. the rest splits at spaces into chunks; a chunk is first tried whole (「子ども食堂」,
 *    「はとがや」) and, when nothing in the index has it, as the words `Intl.Segmenter` finds,
 *    without particles (「川口市の子ども食堂」 → 川口市 · こども食堂 → 川口 · 市 · こども · 食堂);
 * 3. each term carries its alternatives: synonyms, and the kana of a romaji word (「sangokea」 → さんごけあ).
 *
 * At most `MAX_TERMS` terms count, like Meilisearch's ten words.
 */
export const MAX_TERMS = 10;

export type TermKind = "cjk" | "word";

export interface Alternative {
  text: string;
  kind: TermKind;
  via: "synonym" | "reading";
}

export interface TermSpec {
  /** Folded text. */
  text: string;
  kind: TermKind;
  /** The query's last word: a Latin word also matches words it begins. */
  prefix: boolean;
  alternatives: Alternative[];
  /** Kinds an everyday phrase stands for (matches through them rank below literal ones). */
  expandsTo: KindCode[];
  /** False for everyday phrases of several words, which only expand. */
  literal: boolean;
}

export interface ChunkPlan {
  /** The chunk as typed (its script runs). */
  whole: TermSpec[];
  /** The chunk as separate words, tried when `whole` finds nothing; null when it would be the same. Computed on demand (the segmenter is not free). */
  split(): TermSpec[] | null;
}

export interface QueryPlan {
  /** Folded query, spaces collapsed. */
  folded: string;
  chunks: ChunkPlan[];
  expansions: QueryExpansion[];
}

const PARTICLES = new Set(
  ["の", "を", "に", "が", "は", "で", "と", "や", "へ", "も", "か", "ね", "よ", "から", "まで", "より", "など", "です", "ます", "たい", "ない",
    "ください", "ほしい", "ある", "いる", "する", "したい", "こと", "ところ", "近く", "ちかく", "近所", "探して", "さがして", "探す", "さがす",
    "教えて", "おしえて", "the", "a", "an", "for", "in", "of", "to", "near", "me", "my", "with", "and", "or", "i", "want", "need", "find"].map(fold),
);

interface EverydayPhrase {
  folded: string;
  phrase: string;
  kinds: KindCode[];
  latin: boolean;
}

/** Longest phrases first, so 「学校に行けない」 wins over 「行けない」. */
const PHRASES: EverydayPhrase[] = EVERYDAY_WORDS.flatMap((w) =>
  w.phrases.map((p) => ({ folded: fold(p).trim(), phrase: p, kinds: [...w.kinds] as KindCode[], latin: /^[\x20-\x7e]+$/.test(p) })),
).sort((a, b) => b.folded.length - a.folded.length);

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

export class SynonymTable {
  readonly #byTerm = new Map<string, string[]>();

  constructor(groups: SynonymGroups = []) {
    for (const group of groups) {
      const folded = [...new Set(group.map((t) => fold(t).trim()).filter(Boolean))];
      for (const t of folded) {
        const others = folded.filter((o) => o !== t);
        this.#byTerm.set(t, [...new Set([...(this.#byTerm.get(t) ?? []), ...others])]);
      }
    }
  }

  /** Other words of the groups `folded` belongs to. */
  of(folded: string): string[] {
    return this.#byTerm.get(folded) ?? [];
  }
}

export function planQuery(text: string, synonyms: SynonymTable = new SynonymTable()): QueryPlan {
  const folded = fold(text).replace(/\s+/g, " ").trim();
  const expansions: QueryExpansion[] = [];
  const chunks: ChunkPlan[] = [];
  const pieces = findPhrases(folded);
  for (const piece of pieces) {
    if (piece.phrase) {
      const p = piece.phrase;
      if (!expansions.some((e) => e.phrase === p.phrase)) expansions.push({ phrase: p.phrase, kinds: p.kinds });
      const runs = runsOf(p.folded);
      const literal = runs.length === 1;
      chunks.push({
        whole: [{ text: p.folded, kind: runs[0]?.kind ?? "cjk", prefix: false, alternatives: [], expandsTo: p.kinds, literal }],
        split: () => null,
      });
      continue;
    }
    for (const chunk of originalChunks(text, piece.text)) chunks.push(planChunk(chunk.folded, chunk.original, synonyms));
  }
  // Particles and stop words count only when the query has nothing else.
  const meaningful = chunks.filter((c) => c.whole.some((t) => !PARTICLES.has(t.text) || t.expandsTo.length > 0));
  const plan = { folded, chunks: meaningful.length > 0 ? meaningful : chunks, expansions };
  markLastPrefix(plan);
  return plan;
}

/** Splits folded text into everyday phrases and the text between them. */
function findPhrases(folded: string): { text: string; phrase?: EverydayPhrase }[] {
  const out: { text: string; phrase?: EverydayPhrase }[] = [];
  let rest = folded;
  while (rest.length > 0) {
    let best: { at: number; p: EverydayPhrase } | undefined;
    for (const p of PHRASES) {
      const at = p.latin ? wordIndex(rest, p.folded) : rest.indexOf(p.folded);
      if (at >= 0 && (!best || at < best.at || (at === best.at && p.folded.length > best.p.folded.length))) best = { at, p };
    }
    if (!best) {
      out.push({ text: rest });
      break;
    }
    if (best.at > 0) out.push({ text: rest.slice(0, best.at) });
    out.push({ text: best.p.folded, phrase: best.p });
    rest = rest.slice(best.at + best.p.folded.length);
  }
  return out.filter((p) => p.phrase || p.text.trim());
}

/** Index of `phrase` in `text` as whole words, or -1. */
function wordIndex(text: string, phrase: string): number {
  let at = text.indexOf(phrase);
  while (at >= 0) {
    const before = at === 0 || text[at - 1] === " ";
    const after = at + phrase.length === text.length || text[at + phrase.length] === " ";
    if (before && after) return at;
    at = text.indexOf(phrase, at + 1);
  }
  return -1;
}

/**
 * The space-separated chunks of folded text, each with the original characters it came from
 * when they can be recovered (the segmenter understands 「子ども」 better than 「こども」).
 */
function originalChunks(original: string, foldedPart: string): { folded: string; original: string }[] {
  const originals = original.split(/[\s\u3000]+/).filter(Boolean);
  return foldedPart
    .split(" ")
    .filter(Boolean)
    .map((f) => ({ folded: f, original: originals.find((o) => fold(o).replace(/\s+/g, "") === f) ?? f }));
}

function planChunk(folded: string, original: string, synonyms: SynonymTable): ChunkPlan {
  const runs = runsOf(folded);
  const content = runs.filter((r) => !PARTICLES.has(r.text));
  const whole = (content.length > 0 ? content : runs).map((r) => term(r.text, r.kind, synonyms));
  let split: TermSpec[] | null | undefined;
  return {
    whole,
    split() {
      if (split !== undefined) return split;
      const words = segmentWords(original);
      split = words.length > 0 ? words.flatMap((w) => runsOf(w).map((r) => term(r.text, r.kind, synonyms))) : null;
      if (split && split.length === whole.length && split.every((t, i) => t.text === whole[i]!.text)) split = null;
      // The query's last word is a prefix, as in `whole`.
      const last = split?.[split.length - 1];
      if (last && whole[whole.length - 1]?.prefix && last.kind === "word") last.prefix = true;
      return split;
    },
  };
}

/** Words of a chunk without particles; a single character left over by the segmenter sticks to the word before (預|か|り → 預かり, 川口|市 → 川口市). */
function segmentWords(original: string): string[] {
  const words: string[] = [];
  let lastWasWord = false;
  for (const s of segmenter.segment(original)) {
    const f = fold(s.segment).trim();
    if (!f || !s.isWordLike) {
      lastWasWord = false;
      continue;
    }
    if (PARTICLES.has(f)) {
      lastWasWord = false;
      continue;
    }
    if (lastWasWord && f.length === 1 && words.length > 0) {
      words[words.length - 1] += f;
      continue;
    }
    words.push(f);
    lastWasWord = true;
  }
  return words.map((w) => w.replace(/\s+/g, "")).filter(Boolean);
}

function term(text: string, kind: TermKind, synonyms: SynonymTable): TermSpec {
  const alternatives: Alternative[] = synonyms.of(text).map((s) => ({ text: s.replace(/\s+/g, ""), kind: runsOf(s)[0]?.kind ?? "cjk", via: "synonym" as const }));
  if (kind === "word" && /^[a-z]+$/.test(text) && text.length >= 2) {
    const kana = toHiragana(text);
    // 「npo」 would read as 「んぽ」: a reading never starts with ん.
    if (isKana(kana) && !kana.startsWith("ん")) alternatives.push({ text: fold(kana), kind: "cjk", via: "reading" });
  }
  return { text, kind, prefix: false, alternatives, expandsTo: [], literal: true };
}

/** Meilisearch treats the query's last word as a prefix; so do we (when the query does not end in a space). */
function markLastPrefix(plan: QueryPlan) {
  const last = plan.chunks[plan.chunks.length - 1];
  if (!last) return;
  const t = last.whole[last.whole.length - 1];
  if (t && t.kind === "word" && t.literal && t.expandsTo.length === 0) t.prefix = true;
}
