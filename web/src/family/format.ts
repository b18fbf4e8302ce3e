import { LANGUAGES } from "../../../src/domain/languages.js";
import { RESOURCE_KINDS } from "../../../src/domain/taxonomy.js";
import { rruleDays, rruleWeeksOfMonth } from "../../../src/domain/schedule.js";
import type { HsdsSchedule, Weekday } from "../api/types.js";
import type { Lang } from "../i18n/i18n.js";
import { WEEKDAY_LABELS } from "../i18n/messages.js";

/** The kinds a family can search for (児童相談所 is a referral partner only, never listed). */
export const PUBLIC_KINDS = RESOURCE_KINDS.filter((k) => k.publicListing);

/** A kind's label; in やさしい日本語 with `{漢字|かんじ}` furigana markup. */
export function kindLabel(code: string, lang: Lang): string {
  const kind = RESOURCE_KINDS.find((k) => k.code === code);
  if (!kind) return code;
  return lang === "en" ? kind.en : lang === "easy" ? kind.easyJaRuby : kind.ja;
}

export function languageLabel(code: string, lang: Lang): string {
  const l = LANGUAGES[code];
  return l ? (lang === "en" ? l.en : l.ja) : code;
}

export const LANGUAGE_CODES = Object.keys(LANGUAGES).filter((c) => c !== "ja");

/** 350 m, 1.2 km */
export function formatDistance(meters: number): string {
  if (meters < 1000) return `${Math.round(meters / 10) * 10} m`;
  return `${(meters / 1000).toFixed(meters < 10_000 ? 1 : 0)} km`;
}

/** Ages from months: 「0〜5歳」, "0–5 years", 「妊娠中から」 is not expressible here and left to the description. */
export function formatAgeRange(minMonths: number | null | undefined, maxMonths: number | null | undefined, lang: Lang): string | undefined {
  if (minMonths == null && maxMonths == null) return undefined;
  const years = (m: number) => Math.floor(m / 12);
  const unit = lang === "en" ? " years" : "歳";
  const min = minMonths == null ? 0 : years(minMonths);
  if (maxMonths == null) return lang === "en" ? `${min}+ years` : `${min}歳から`;
  const max = years(maxMonths);
  const under1 = maxMonths < 12;
  if (under1) return lang === "en" ? `under 1 year` : `0歳（${maxMonths + 1}か月まで）`;
  return `${min}${lang === "en" ? "–" : "〜"}${max}${unit}`;
}

/** HSDS ages are years: minimum_age 0, maximum_age 17 → 「0〜17歳」. */
export function formatAgeYears(min: number | undefined, max: number | undefined, lang: Lang): string | undefined {
  return formatAgeRange(min === undefined ? undefined : min * 12, max === undefined ? undefined : max * 12 + 11, lang);
}

export function weekdayLabel(day: Weekday, lang: Lang): string {
  return WEEKDAY_LABELS[day][lang];
}

/** One schedule row: 「第2・第4 土曜日 11:00〜14:00」, "2nd & 4th Saturday 11:00–14:00". */
export function formatSchedule(s: HsdsSchedule, lang: Lang): string {
  if (!s.byday) return s.description ?? "";
  const days = rruleDays(s.byday).map((d) => weekdayLabel(d, lang));
  const weeks = s.freq === "MONTHLY" ? rruleWeeksOfMonth(s.byday) : undefined;
  const ordinal = (w: number) =>
    lang === "en" ? (w === -1 ? "last" : `${w}${["th", "st", "nd", "rd"][w] ?? "th"}`) : w === -1 ? "最終" : `第${w}`;
  const weekText = weeks ? weeks.map(ordinal).join(lang === "en" ? " & " : "・") + (lang === "en" ? " " : "") : "";
  const time = s.opens_at && s.closes_at ? ` ${s.opens_at}${lang === "en" ? "–" : "〜"}${s.closes_at}` : "";
  return `${weekText}${days.join(lang === "en" ? ", " : "・")}${time}`;
}

export function formatDate(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ja-JP", { dateStyle: "long", timeZone: "Asia/Tokyo" }).format(d);
}
