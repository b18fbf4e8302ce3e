/**
 * Weekly opening hours. Tsunagu stores HSDS schedules (RFC 5545 RRULE parts: `freq`, `byday`,
 * `opens_at`, `closes_at`); this module is the one place that converts between those and the
 * weekdays people and filters use.
 */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const RRULE_DAY: Record<Weekday, string> = { mon: "MO", tue: "TU", wed: "WE", thu: "TH", fri: "FR", sat: "SA", sun: "SU" };
const FROM_RRULE = Object.fromEntries(Object.entries(RRULE_DAY).map(([k, v]) => [v, k])) as Record<string, Weekday>;

export const WEEKDAY_JA: Record<Weekday, string> = { mon: "月", tue: "火", wed: "水", thu: "木", fri: "金", sat: "土", sun: "日" };

/** A slot: these weekdays (optionally only the n-th ones of the month), from `opensAt` to `closesAt`. */
export interface ScheduleSlot {
  days: Weekday[];
  /** `HH:MM`, JST. */
  opensAt: string;
  closesAt: string;
  /** 1–5, or -1 for the last: 「第2・第4水曜」 is `[2, 4]`. Absent means every week. */
  weeksOfMonth?: number[];
  description?: string;
}

export interface RruleParts {
  freq: "WEEKLY" | "MONTHLY";
  byday: string;
}

export function slotToRrule(slot: ScheduleSlot): RruleParts {
  const days = sortDays(slot.days).map((d) => RRULE_DAY[d]);
  if (slot.weeksOfMonth?.length) {
    return { freq: "MONTHLY", byday: slot.weeksOfMonth.flatMap((n) => days.map((d) => `${n}${d}`)).join(",") };
  }
  return { freq: "WEEKLY", byday: days.join(",") };
}

/** The weekdays an RRULE `byday` touches (ordinals dropped: 「第2水曜」 counts as Wednesday). */
export function rruleDays(byday: string): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of byday.split(",")) {
    const day = FROM_RRULE[part.replace(/^-?\d/, "")];
    if (day) days.add(day);
  }
  return sortDays([...days]);
}

export function rruleWeeksOfMonth(byday: string): number[] | undefined {
  const weeks = new Set<number>();
  for (const part of byday.split(",")) {
    const m = /^(-?\d)/.exec(part);
    if (m) weeks.add(Number(m[1]));
  }
  return weeks.size ? [...weeks].sort((a, b) => a - b) : undefined;
}

export function sortDays(days: readonly Weekday[]): Weekday[] {
  return [...new Set(days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

/** 「月水金 10:00–15:00」, 「第2・第4土 11:00–14:00」 */
export function describeSlotJa(slot: ScheduleSlot): string {
  const days = sortDays(slot.days).map((d) => WEEKDAY_JA[d]).join("");
  const weeks = slot.weeksOfMonth?.length
    ? slot.weeksOfMonth.map((w) => (w === -1 ? "最終" : `第${w}`)).join("・")
    : "";
  return `${weeks}${days} ${slot.opensAt}–${slot.closesAt}`;
}
