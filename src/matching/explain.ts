import { WEEKDAY_JA, type Weekday } from "../domain/schedule.js";
import { languageName } from "../domain/languages.js";
import type { Finding, HardCriterion, Reason } from "./reason.js";

/**
 * Sentences for people: staff read them in the console and may read them out to a family, so
 * they are short, plain and concrete (distances, ages, days). Japanese first, English beside it.
 */
type Facts = Record<string, string | number>;
type Sentences = (f: Facts) => [ja: string, en: string];

const MESSAGES: Record<string, Sentences> = {
  "published.yes": () => ["確認済みで公開されています", "Verified and published"],
  "published.no": () => ["まだ確認されていない、または公開が止まっています", "Not verified or no longer published"],
  "age.no_limit": () => ["年齢の制限はありません", "No age limit"],
  "age.in_range": (f) => [`${ageJa(Number(f.age))}のお子さんが対象年齢（${rangeJa(f)}）に入っています`, `A child aged ${ageEn(Number(f.age))} is within the age range (${rangeEn(f)})`],
  "age.out_of_range": (f) => [`対象年齢は${rangeJa(f)}で、お子さん（${ageJa(Number(f.age))}）は対象外です`, `For ages ${rangeEn(f)}; the child (${ageEn(Number(f.age))}) is outside it`],
  "age.no_children": (f) => [`対象年齢は${rangeJa(f)}です（お子さんの年齢が未入力）`, `For ages ${rangeEn(f)} (no child's age recorded)`],
  "pregnancy.during": (f) => [`妊娠中（${f.weeks}週）から利用できます`, `Available during pregnancy (now week ${f.weeks})`],
  "pregnancy.from_week": (f) => [`妊娠${f.from}週から利用でき、いまは${f.weeks}週です`, `Available from week ${f.from} of pregnancy; now week ${f.weeks}`],
  "pregnancy.too_early": (f) => [`妊娠${f.from}週から利用できます（いまは${f.weeks}週）`, `Available from week ${f.from} of pregnancy (now week ${f.weeks})`],
  "pregnancy.after_birth": (f) => [`出産後（生後${f.months}か月まで）に利用できます`, `Available after the birth (until the baby is ${f.months} months)`],
  "residence.resident": () => ["住んでいる市区町村の人が使えます", "Open to residents of the family's municipality"],
  "residence.not_resident": () => ["この市区町村に住んでいる人は使えません（対象地域外）", "Only for residents of other areas"],
  "certificate.has": () => ["受給者証が必要で、お持ちです", "Needs a 受給者証 (disability services certificate); the family has one"],
  "certificate.missing": () => ["受給者証が必要ですが、お持ちではありません", "Needs a 受給者証 (disability services certificate); the family has none"],
  "certificate.unknown": () => ["受給者証が必要です。お持ちか確認してください", "Needs a 受給者証 (disability services certificate): check whether the family has one"],
  "distance.within": (f) => [`約${kmJa(Number(f.meters))}（上限${kmJa(Number(f.max))}以内）`, `About ${kmEn(Number(f.meters))} away (within ${kmEn(Number(f.max))})`],
  "distance.too_far": (f) => [`約${kmJa(Number(f.meters))}で、上限の${kmJa(Number(f.max))}より遠いです`, `About ${kmEn(Number(f.meters))} away, beyond the ${kmEn(Number(f.max))} limit`],
  "proximity.meters": (f) => [`家から約${kmJa(Number(f.meters))}`, `About ${kmEn(Number(f.meters))} from home`],
  "schedule.overlap": (f) => [`希望の曜日（${daysJa(f.days)}）に開いています`, `Open on the family's days (${daysEn(f.days)})`],
  "schedule.none": (f) => [`希望の曜日には開いていません（開いているのは${daysJa(f.days)}）`, `Not open on the family's days (open ${daysEn(f.days)})`],
  "schedule.unknown": () => ["開いている曜日がわかりません", "Opening days unknown"],
  "cost.free": () => ["無料です", "Free"],
  "cost.fee": () => ["費用がかかります（金額は要確認）", "There is a fee (amount to check)"],
  "cost.fee_amount": (f) => [`費用は${yen(f.yen)}からです`, `Costs from ${yenEn(f.yen)}`],
  "cost.within_cap": (f) => [`費用は${yen(f.yen)}で、上限${yen(f.cap)}以内です`, `Costs ${yenEn(f.yen)}, within the ${yenEn(f.cap)} limit`],
  "cost.over_cap": (f) => [`費用は${yen(f.yen)}で、上限${yen(f.cap)}を超えます`, `Costs ${yenEn(f.yen)}, over the ${yenEn(f.cap)} limit`],
  "cost.unknown": () => ["費用がわかりません", "Cost unknown"],
  "language.spoken": (f) => [`${langsJa(f.languages)}で対応できます`, `Can help in ${langsEn(f.languages)}`],
  "language.not_spoken": (f) => [`${langsJa(f.languages)}での対応はありません`, `No help in ${langsEn(f.languages)}`],
  "language.unknown": (f) => [`${langsJa(f.languages)}で対応できるかわかりません`, `Unknown whether it can help in ${langsEn(f.languages)}`],
  "capacity.available": (f) => [`空きがあります（${f.places}人分）`, `Has places free (${f.places})`],
  "capacity.full": () => ["いまは空きがありません", "No places free now"],
  "capacity.unknown": () => ["空き状況はわかりません", "Availability unknown"],
  "verified.recent": (f) => [`${f.months}か月前に情報を確認済みです`, `Details verified ${f.months} months ago`],
  "verified.stale": (f) => [`情報の確認から${f.months}か月たっています。連絡前に確認してください`, `Details last verified ${f.months} months ago: check before contacting`],
  "verified.never": () => ["情報はまだ確認されていません", "Details not yet verified"],
};

const HARD: ReadonlySet<string> = new Set<HardCriterion>(["published", "age", "pregnancy", "residence", "certificate", "distance"]);

export function explain(finding: Finding): Reason {
  const sentences = MESSAGES[finding.code];
  if (!sentences) throw new Error(`no wording for matching code ${finding.code}`);
  const [detail, detailEn] = sentences(finding.facts ?? {});
  return { criterion: finding.criterion, status: finding.status, detail, detailEn, hard: HARD.has(finding.criterion) };
}

export function ageJa(months: number): string {
  if (months < 12) return `${months}か月`;
  const rest = months % 12;
  return rest ? `${Math.floor(months / 12)}歳${rest}か月` : `${months / 12}歳`;
}

export function ageEn(months: number): string {
  if (months < 12) return `${months} month${months === 1 ? "" : "s"}`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return `${years} year${years === 1 ? "" : "s"}${rest ? ` ${rest} month${rest === 1 ? "" : "s"}` : ""}`;
}

/** Age ranges are stored inclusive in months: 0–71 reads as 「0か月〜5歳」 (up to the 6th birthday). */
function rangeJa(f: Facts): string {
  const [min, max] = [Number(f.min), Number(f.max)];
  return max < 0 ? `${ageJa(min)}から` : `${ageJa(min)}〜${ageJa(wholeYears(max))}`;
}

function rangeEn(f: Facts): string {
  const [min, max] = [Number(f.min), Number(f.max)];
  return max < 0 ? `${ageEn(min)} and over` : `${ageEn(min)} to ${ageEn(wholeYears(max))}`;
}

/** 71 months (the day before the 6th birthday) reads as "5 years". */
const wholeYears = (months: number) => (months % 12 === 11 ? months - 11 : months);

function kmJa(m: number): string {
  return m < 1000 ? `${Math.round(m / 10) * 10}m` : `${(m / 1000).toFixed(1)}km`;
}

function kmEn(m: number): string {
  return m < 1000 ? `${Math.round(m / 10) * 10} m` : `${(m / 1000).toFixed(1)} km`;
}

function yen(v: string | number | undefined): string {
  return `${Number(v).toLocaleString("ja-JP")}円`;
}

function yenEn(v: string | number | undefined): string {
  return `¥${Number(v).toLocaleString("en")}`;
}

const WEEKDAY_EN: Record<Weekday, string> = { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" };
const days = (v: string | number | undefined) => String(v ?? "").split(",").filter(Boolean) as Weekday[];
const daysJa = (v: string | number | undefined) => days(v).map((d) => WEEKDAY_JA[d]).join("・");
const daysEn = (v: string | number | undefined) => days(v).map((d) => WEEKDAY_EN[d]).join(", ");
const langs = (v: string | number | undefined) => String(v ?? "").split(",").filter(Boolean);
const langsJa = (v: string | number | undefined) => langs(v).map((l) => languageName(l, "ja")).join("・");
const langsEn = (v: string | number | undefined) => langs(v).map((l) => languageName(l, "en")).join(", ");
