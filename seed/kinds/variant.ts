import type { ServiceDraft } from "../../src/catalog/draft.js";
import { type ScheduleSlot, WEEKDAYS, WEEKDAY_JA, type Weekday, sortDays } from "../../src/domain/schedule.js";
import type { Place, Town } from "../place.js";
import type { Random } from "../random.js";
import { type Reading, join, r } from "../reading.js";

/**
 * A flavour of a resource kind (認可保育園, 小規模保育, 病児保育 …): who runs it and how it reads
 * and behaves. The generator picks a variant, an operator and a town, and the variant fills in
 * the kind-specific part of the draft.
 */
export type OperatorType =
  | "municipal" | "prefecture" | "social-welfare" | "npo" | "general" | "medical" | "school" | "voluntary" | "company";

export interface VariantContext {
  rng: Random;
  place: Place;
  town: Town;
  /** The operator's brand (さくら会 → さくら); services of one organization share it. */
  brand: Reading;
  operator: OperatorType;
}

/** The kind-specific part of a service draft; the generator adds location, contacts and languages. */
export type ServiceSketch = Omit<
  ServiceDraft,
  "name" | "nameKana" | "kind" | "location" | "phone" | "email" | "url" | "languages" | "serviceAreaCodes" | "costFree" | "cost"
> & {
  name: Reading;
  cost: NonNullable<ServiceDraft["cost"]>;
  description: string;
  /** 建物名等 (方書) or the venue a group meets in. */
  building?: string;
};

export interface Variant {
  weight: number;
  operators: readonly (readonly [OperatorType, number])[];
  build(ctx: VariantContext): ServiceSketch;
}

export const MON_FRI: Weekday[] = ["mon", "tue", "wed", "thu", "fri"];
export const MON_SAT: Weekday[] = [...MON_FRI, "sat"];
export const EVERY_DAY: Weekday[] = [...MON_SAT, "sun"];

export function slot(days: Weekday[], opensAt: string, closesAt: string, extra: Partial<ScheduleSlot> = {}): ScheduleSlot {
  return { days, opensAt, closesAt, ...extra };
}

/** 「川口市立」「吉岡町立」: the adjective municipal facilities carry (町立 reads チョウリツ whatever the town). */
export function municipalOwned(place: Place): Reading {
  const { name, short } = place.municipal;
  const suffix = name.ja.slice(-1);
  const reading: Record<string, string> = { 市: "シリツ", 区: "クリツ", 町: "チョウリツ", 村: "ソンリツ" };
  return join(short, r(`${suffix}立`, reading[suffix] ?? "リツ"));
}

/** ¥1,000 style amounts people read in descriptions. */
export function yen(amount: number): string {
  return `${amount.toLocaleString("ja-JP")}円`;
}

/** Rounds to a step so amounts look like real fees (2,500 rather than 2,473). */
export function amount(rng: Random, min: number, max: number, step: number): number {
  return Math.round(rng.int(min, max) / step) * step;
}

/** Capacity with, now and then, the places still free. */
export function capacity(rng: Random, min: number, max: number, availableShare = 0.4): Pick<ServiceSketch, "capacity" | "capacityAvailable"> {
  const total = rng.int(min, max);
  return rng.chance(availableShare) ? { capacity: total, capacityAvailable: rng.int(0, Math.max(1, Math.round(total / 10))) } : { capacity: total };
}

/** 「月〜金」「火・木」「第2・第4土曜」 */
export function daysJa(s: Pick<ScheduleSlot, "days" | "weeksOfMonth">): string {
  const idx = sortDays(s.days).map((d) => WEEKDAYS.indexOf(d));
  const runs: number[][] = [];
  for (const i of idx) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  }
  const text = runs
    .map((run) => (run.length >= 3 ? `${WEEKDAY_JA[WEEKDAYS[run[0]!]!]}〜${WEEKDAY_JA[WEEKDAYS[run[run.length - 1]!]!]}` : run.map((i) => WEEKDAY_JA[WEEKDAYS[i]!]!).join("・")))
    .join("・");
  if (!s.weeksOfMonth?.length) return idx.length === 1 ? `毎週${text}曜` : text;
  return `${s.weeksOfMonth.map((w) => (w === -1 ? "最終" : `第${w}`)).join("・")}${text}曜`;
}

/** 「第2・第4土曜 11:00〜14:00」 */
export function whenJa(s: ScheduleSlot): string {
  return `${daysJa(s)} ${s.opensAt}〜${s.closesAt}`;
}
