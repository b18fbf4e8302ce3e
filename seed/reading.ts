/**
 * A name with its reading (名称カナ). Generated names are built from parts that each carry their
 * own reading, so the reading of the whole is exact rather than guessed from kanji.
 */
export interface Reading {
  ja: string;
  /** Full-width katakana (a space where the name has one). */
  kana: string;
}

export function r(ja: string, kana: string): Reading {
  return { ja, kana };
}

/** Concatenates names and readings; a `" "` part puts a space in both. */
export function join(...parts: (Reading | " ")[]): Reading {
  return {
    ja: parts.map((p) => (p === " " ? " " : p.ja)).join(""),
    kana: parts.map((p) => (p === " " ? " " : p.kana)).join(""),
  };
}

/** Full-width katakana, the long-vowel mark, the middle dot, full-width brackets and spaces only. */
export function isKatakana(text: string): boolean {
  return /^[\u30A1-\u30F6ー・（） ]+$/.test(text);
}

/** カワグチ → かわぐち, for the soft spellings organizations choose (「かわぐち子育てネット」). */
export function toHiragana(kana: string): string {
  return kana.replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}
