/**
 * Japanese-aware text folding for search: two strings that a family would consider "the same
 * word" fold to the same text. Applied to documents when they are indexed and to queries, so
 * both sides always agree. Steps, per character:
 *
 * - NFKC (full-width ＡＢＣ１２３ → ABC123, half-width ｺﾄﾞﾓ → コドモ, ㈱ → (株)), then lower case;
 * - katakana → hiragana (コドモ ≡ こども), small kana → large (しょ ≡ しよ, ヶ ≡ け);
 * - the katakana middle dot ・ is dropped (ファミリー・サポート ≡ ファミリーサポート);
 * - long vowels: the mark ー is dropped, and so is a vowel kana that only lengthens the one
 *   before it (おう, えい, ああ …), so ショート, しょうと and しょーと all fold to しよと;
 * - anything that is neither a letter nor a digit becomes a space (Unicode P, S, Z: the
 *   separators of Meilisearch's tokenizer, charabia);
 * - written variants of a few everyday words fold to one spelling (子供・子ども → こども,
 *   障がい・障碍 → 障害).
 *
 * The folded text is for matching only, never for display. `foldWithOrigins` also says where
 * each folded character came from, so matches can be highlighted in the original.
 */

/** Written variants that fold to one spelling, applied after the per-character folding. */
const VARIANTS: readonly (readonly [string, string])[] = [
  ["子供", "こども"],
  ["子ども", "こども"],
  ["障がい", "障害"],
  ["障碍", "障害"],
];

const LONG_VOWEL_MARK = 0x30fc;
/** ・ joins the parts of one katakana compound (ファミリー・サポート・センター): dropped, not a separator. */
const MIDDLE_DOT = 0x30fb;
const DAKUTEN = 0x3099;
const HANDAKUTEN = 0x309a;

/** Vowel of each hiragana (1 a, 2 i, 3 u, 4 e, 5 o; 0 for ん and marks), indexed from U+3040. */
const VOWEL = new Uint8Array(0x60);
const ROWS = [
  "あかがさざただなはばぱまやらわ",
  "いきぎしじちぢにひびぴみりゐ",
  "うくぐすずつづぬふぶぷむゆるゔ",
  "えけげせぜてでねへべぺめれゑ",
  "おこごそぞとどのほぼぽもよろを",
];
ROWS.forEach((row, i) => {
  for (const ch of row) VOWEL[ch.charCodeAt(0) - 0x3040] = i + 1;
});
const VOWEL_KANA = [0, 0x3042, 0x3044, 0x3046, 0x3048, 0x304a];

/** Small kana → their full-size kana (after katakana → hiragana). */
const LARGE = new Map<number, number>([
  [0x3041, 0x3042], [0x3043, 0x3044], [0x3045, 0x3046], [0x3047, 0x3048], [0x3049, 0x304a],
  [0x3063, 0x3064], [0x3083, 0x3084], [0x3085, 0x3086], [0x3087, 0x3088], [0x308e, 0x308f],
  [0x3095, 0x304b], [0x3096, 0x3051],
]);

/** 0 unknown, 1 letter/digit/mark, 2 separator; for the Basic Multilingual Plane, filled lazily. */
const CHAR_CLASS = new Uint8Array(0x10000);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordUnit(u: number): boolean {
  if (u >= 0xd800 && u <= 0xdfff) return true; // astral characters (rare kanji): keep as letters
  let c = CHAR_CLASS[u]!;
  if (c === 0) {
    c = WORD_CHAR.test(String.fromCharCode(u)) ? 1 : 2;
    CHAR_CLASS[u] = c;
  }
  return c === 1;
}

/** Characters whose NFKC form differs from themselves (memoised; most text never gets here). */
const NFKC_CACHE = new Map<number, string>();
function needsNfkc(u: number): boolean {
  return (
    (u >= 0x00a0 && u < 0x0250) || (u >= 0x2000 && u < 0x2c00) || (u >= 0x2e80 && u < 0x3000) ||
    u === 0x3000 || u === 0x309b || u === 0x309c || (u >= 0x3190 && u < 0x3400) ||
    (u >= 0xf900 && u < 0xfb00) || (u >= 0xfe30 && u < 0xfe70) || (u >= 0xff00 && u < 0xfff0)
  );
}
function nfkc(u: number): string {
  let s = NFKC_CACHE.get(u);
  if (s === undefined) {
    s = String.fromCharCode(u).normalize("NFKC");
    NFKC_CACHE.set(u, s);
  }
  return s;
}

export interface FoldedText {
  text: string;
  /** `origins[i]` is the index in the source of the character folded into `text[i]`; one extra entry holds the source length. */
  origins: number[];
}

/**
 * The folding core writes UTF-16 code units into one reusable buffer, so that indexing 200,000
 * documents does not allocate a string per field; `fold` and `foldWithOrigins` wrap it.
 */
let buf = new Uint16Array(4096);
let len = 0;
let origins: number[] | null = null;

function put(u: number, at: number) {
  if (len === buf.length) {
    const next = new Uint16Array(buf.length * 2);
    next.set(buf);
    buf = next;
  }
  buf[len++] = u;
  origins?.push(at);
}

/** The folded form of `text` (see the module comment). */
export function fold(text: string): string {
  origins = null;
  foldCore(text);
  return decode(buf, 0, len);
}

/** The folded form of `text` and, for each folded character, its index in `text`. */
export function foldWithOrigins(text: string): FoldedText {
  origins = [];
  foldCore(text);
  const out = { text: decode(buf, 0, len), origins };
  origins = null;
  return out;
}

/**
 * Folds `text` into a shared buffer and returns it with the folded length: for indexing, which
 * reads code units and needs no string. The buffer is overwritten by the next call.
 */
export function foldToCodes(text: string): { codes: Uint16Array; length: number } {
  origins = null;
  foldCore(text);
  return { codes: buf, length: len };
}

/** A string from code units (short runs through `fromCharCode`, long ones in slices). */
export function decode(codes: Uint16Array, from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i += 2048) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(to, i + 2048)) as unknown as number[]);
  return out;
}

function foldCore(text: string) {
  len = 0;
  let variants = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) {
      // ASCII fast path.
      if ((u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39)) put(u, i);
      else if (u >= 0x41 && u <= 0x5a) put(u + 32, i);
      else put(0x20, i);
      continue;
    }
    if (u === 0x5b50 || u === 0x969c) variants = true; // 子, 障
    if (needsNfkc(u)) {
      const n = nfkc(u);
      for (let j = 0; j < n.length; j++) foldUnit(n.charCodeAt(j), i);
    } else {
      foldUnit(u, i);
    }
  }
  origins?.push(text.length);
  if (variants) applyVariants();
}

function foldUnit(unit: number, at: number) {
  let u = unit;
  if (u === LONG_VOWEL_MARK || u === MIDDLE_DOT) return;
  if (u < 0x80) {
    // ASCII from NFKC (full-width ＡＢＣ１２３): the same rules as the fast path.
    if (u >= 0x41 && u <= 0x5a) u += 32;
    else if (!((u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39))) u = 0x20;
    put(u, at);
    return;
  }
  if (u === DAKUTEN || u === HANDAKUTEN) {
    // A voiced mark left alone by NFKC (from half-width ﾞ ﾟ): join it to the kana before it.
    if (len > 0) {
      const joined = (String.fromCharCode(buf[len - 1]!) + String.fromCharCode(u)).normalize("NFC");
      if (joined.length === 1) buf[len - 1] = joined.charCodeAt(0);
    }
    return;
  }
  if (u >= 0x30a1 && u <= 0x30f6) u -= 0x60; // katakana → hiragana
  else if (u === 0x30fd || u === 0x30fe) u -= 0x60; // ヽヾ → ゝゞ
  if (u >= 0x3040 && u < 0x30a0) {
    const large = LARGE.get(u);
    if (large !== undefined) u = large;
    const v = VOWEL[u - 0x3040]!;
    if (v && u === VOWEL_KANA[v] && len > 0) {
      const prev = buf[len - 1]!;
      if (prev >= 0x3040 && prev < 0x30a0) {
        const pv = VOWEL[prev - 0x3040]!;
        if (pv === v || (pv === 5 && v === 3) || (pv === 4 && v === 2)) return; // lengthens the previous kana
      }
    }
    put(u, at);
    return;
  }
  if (!isWordUnit(u)) {
    put(0x20, at);
    return;
  }
  if (u < 0x2000) {
    const lower = String.fromCharCode(u).toLowerCase();
    if (lower.length === 1) u = lower.charCodeAt(0);
  }
  put(u, at);
}

const VARIANT_CODES = VARIANTS.map(([from, to]) => [codesOf(from), codesOf(to)] as const);
function codesOf(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/** Rewrites written variants in the buffer (and their origins). */
function applyVariants() {
  for (const [from, to] of VARIANT_CODES) {
    for (let at = 0; at + from.length <= len; at++) {
      let match = true;
      for (let k = 0; k < from.length; k++) if (buf[at + k] !== from[k]) match = false;
      if (!match) continue;
      const tail = Array.from(buf.subarray(at + from.length, len));
      const saved = origins;
      origins = null;
      len = at;
      for (const u of to) put(u, 0);
      for (const u of tail) put(u, 0);
      origins = saved;
      if (origins) {
        const start = origins[at]!;
        const end = origins[at + from.length]!;
        // Every character of the replacement points into the replaced span.
        origins.splice(at, from.length, ...to.map((_, k) => (k === 0 ? start : Math.min(end - 1, start + k))));
      }
      at += to.length - 1;
    }
  }
}

/** A run of folded text that a word index treats as one unit. */
export interface TextRun {
  /** `cjk`: kana and kanji, matched by character bigrams; `word`: Latin letters and digits, matched as words. */
  kind: "cjk" | "word";
  text: string;
  /** Offset in the folded text. */
  start: number;
}

/** Kana, kanji and the iteration marks 々〆 (surrogate halves count: astral kanji). */
export function isCjkUnit(u: number): boolean {
  return (
    (u >= 0x3040 && u <= 0x30ff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x4e00 && u <= 0x9fff) ||
    (u >= 0xf900 && u <= 0xfaff) || (u >= 0xd800 && u <= 0xdfff) || u === 0x3005 || u === 0x3006
  );
}

/** Splits folded text at spaces and where the script changes (「npo法人」 → npo | 法人). */
export function runsOf(folded: string): TextRun[] {
  const runs: TextRun[] = [];
  let start = -1;
  let cjk = false;
  for (let i = 0; i <= folded.length; i++) {
    const u = i < folded.length ? folded.charCodeAt(i) : 0x20;
    if (u === 0x20) {
      if (start >= 0) runs.push({ kind: cjk ? "cjk" : "word", text: folded.slice(start, i), start });
      start = -1;
      continue;
    }
    const c = isCjkUnit(u);
    if (start >= 0 && c !== cjk) {
      runs.push({ kind: cjk ? "cjk" : "word", text: folded.slice(start, i), start });
      start = -1;
    }
    if (start < 0) {
      start = i;
      cjk = c;
    }
  }
  return runs;
}

/** True for text made only of kana (after folding): readings such as 名称カナ. */
export function isKanaOnly(folded: string): boolean {
  return /^[\u3040-\u309f\s]+$/.test(folded);
}
