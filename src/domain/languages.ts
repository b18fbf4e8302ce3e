/**
 * Languages a service can be used in, by ISO 639-1 code (639-3 where no two-letter code exists),
 * with their names in Japanese and English. The list covers the languages most spoken by
 * foreign residents in Japan; any other valid code is still accepted and shown by its code.
 */
export const LANGUAGES: Record<string, { ja: string; en: string }> = {
  ja: { ja: "日本語", en: "Japanese" },
  en: { ja: "英語", en: "English" },
  zh: { ja: "中国語", en: "Chinese" },
  ko: { ja: "韓国語", en: "Korean" },
  vi: { ja: "ベトナム語", en: "Vietnamese" },
  tl: { ja: "タガログ語", en: "Tagalog" },
  pt: { ja: "ポルトガル語", en: "Portuguese" },
  es: { ja: "スペイン語", en: "Spanish" },
  ne: { ja: "ネパール語", en: "Nepali" },
  id: { ja: "インドネシア語", en: "Indonesian" },
  th: { ja: "タイ語", en: "Thai" },
  my: { ja: "ミャンマー語", en: "Burmese" },
  ku: { ja: "クルド語", en: "Kurdish" },
  tr: { ja: "トルコ語", en: "Turkish" },
  ru: { ja: "ロシア語", en: "Russian" },
  uk: { ja: "ウクライナ語", en: "Ukrainian" },
  hi: { ja: "ヒンディー語", en: "Hindi" },
  bn: { ja: "ベンガル語", en: "Bengali" },
  si: { ja: "シンハラ語", en: "Sinhala" },
  fr: { ja: "フランス語", en: "French" },
  jsl: { ja: "日本手話", en: "Japanese Sign Language" },
};

/** The language's name (English by default, as HSDS `language.name` carries it), or the code itself for unlisted languages. */
export function languageName(code: string, locale: "ja" | "en" = "en"): string {
  return LANGUAGES[code]?.[locale] ?? code;
}
