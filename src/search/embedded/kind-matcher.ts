import { fold, runsOf } from "../../domain/japanese.js";
import { KIND_CODES } from "../../domain/taxonomy.js";
import { kindLabels } from "../document.js";
import { editDistance } from "./text-index.js";

/**
 * Which kinds a query word names, through the kinds' labels (ja, en, やさしい日本語) and synonyms
 * — the `kindLabels` of every document, held once per kind instead of once per document. A
 * kana/kanji word matches a label containing it; a Latin word matches a label word exactly, by
 * prefix, or within the typo budget.
 */
export class KindMatcher {
  readonly #cjk: string[];
  readonly #words: string[][];

  constructor() {
    this.#cjk = KIND_CODES.map((code) => kindLabels(code).map((l) => fold(l).replace(/ /g, "")).join(" "));
    this.#words = KIND_CODES.map((code) => [...new Set(kindLabels(code).flatMap((l) => runsOf(fold(l)).filter((r) => r.kind === "word").map((r) => r.text)))]);
  }

  /** Bit i set: kind `KIND_CODES[i]` matches. */
  match(text: string, kind: "cjk" | "word", opts: { prefix?: boolean; maxTypos?: number } = {}): number {
    let mask = 0;
    for (let i = 0; i < KIND_CODES.length; i++) {
      if (kind === "cjk") {
        if (this.#cjk[i]!.includes(text)) mask |= 1 << i;
        continue;
      }
      for (const w of this.#words[i]!) {
        if (w === text || (opts.prefix && w.startsWith(text)) || (opts.maxTypos && w[0] === text[0] && editDistance(text, w, opts.maxTypos, opts.prefix) <= opts.maxTypos)) {
          mask |= 1 << i;
          break;
        }
      }
    }
    return mask;
  }
}

/** Meilisearch's typo budget: one typo from 5 letters, two from 9. */
export function typoBudget(word: string): number {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}
