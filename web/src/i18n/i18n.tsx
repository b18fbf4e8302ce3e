import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { JSX } from "preact";
import { MESSAGES, type MessageKey } from "./messages.js";

/**
 * The three languages of every page: Japanese first, English, and やさしい日本語 ("easy
 * Japanese": short sentences, furigana). The language lives in the URL (`?lang=en`, `?lang=easy`)
 * so a shared or printed link opens in the language it was made in; nothing is stored.
 */
export type Lang = "ja" | "en" | "easy";
export const LANGS: readonly Lang[] = ["ja", "en", "easy"];

export function parseLang(value: string | null | undefined): Lang {
  return value === "en" || value === "easy" ? value : "ja";
}

/** The `lang` attribute: やさしい日本語 is Japanese. */
export const htmlLang = (lang: Lang) => (lang === "en" ? "en" : "ja");

export const LangContext = createContext<Lang>("ja");
export const useLang = () => useContext(LangContext);

const RUBY = /\{([^{}|]+)\|([^{}]+)\}/g;

/** `{漢字|かんじ}` → `漢字`: for attributes (placeholder, aria-label) and page titles, where `<ruby>` cannot go. */
export function plain(text: string): string {
  return text.replace(RUBY, "$1");
}

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ""));
}

/** A message as plain text. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return plain(fill(MESSAGES[key][lang], params));
}

/** Renders `{漢字|かんじ}` markup as `<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>`. */
export function Ruby({ text }: { text: string }): JSX.Element {
  const parts: (string | JSX.Element)[] = [];
  let last = 0;
  for (const m of text.matchAll(RUBY)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(
      <ruby key={m.index}>
        {m[1]}
        <rp>(</rp>
        <rt>{m[2]}</rt>
        <rp>)</rp>
      </ruby>,
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts}</>;
}

/** A message as rich text: furigana in やさしい日本語. */
export function T({ k, params }: { k: MessageKey; params?: Record<string, string | number> }): JSX.Element {
  const lang = useLang();
  return <Ruby text={fill(MESSAGES[k][lang], params)} />;
}
