import { type ScheduleSlot, WEEKDAYS, type Weekday, sortDays } from "./schedule.js";

/**
 * Opening days and hours as open-data files write them: 利用可能曜日 「月火水木金土」, 開始時間 「7:00」,
 * 開催日 「毎月第4日曜日」, and exceptions in 利用可能日時特記事項 such as
 * 「土曜日の開所時間は07：00から18：00」. Everything is NFKC-normalised first (full-width digits and
 * colons are common).
 */

const DAY_CHAR: Record<string, Weekday> = { 月: "mon", 火: "tue", 水: "wed", 木: "thu", 金: "fri", 土: "sat", 日: "sun" };
const KANJI_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };

/** 「月火水木金土」, 「月・水・金」, 「月～金」, 「平日」, 「毎日」, 「土日祝」 → weekdays (祝 is dropped). */
export function parseWeekdays(input: string): Weekday[] {
  const normalized = input.normalize("NFKC").replace(/毎月|[0-9]+月|[0-9]+日/g, "");
  const days = new Set<Weekday>();
  if (/平日/.test(normalized)) for (const d of WEEKDAYS.slice(0, 5)) days.add(d);
  if (/毎日|全日|年中無休/.test(normalized)) for (const d of WEEKDAYS) days.add(d);
  // With 曜 in the text, only the day characters just before it count (「第4日曜日」 is not 月/日 of a date).
  const text = normalized.includes("曜")
    ? [...normalized.matchAll(/([月火水木金土日・、~〜～\-ー－]+)曜/g)].map((m) => m[1]).join("・")
    : normalized;
  const chars = text.replace(/平日|毎日|全日|[^月火水木金土日~〜～\-ー－]/g, "");
  for (let i = 0; i < chars.length; i++) {
    const day = DAY_CHAR[chars[i]!];
    if (!day) continue;
    const range = /^[~〜～\-ー－]$/.test(chars[i + 1] ?? "") ? DAY_CHAR[chars[i + 2] ?? ""] : undefined;
    if (range) {
      const from = WEEKDAYS.indexOf(day);
      const to = WEEKDAYS.indexOf(range);
      for (let k = from; k !== to; k = (k + 1) % 7) days.add(WEEKDAYS[k]!);
      days.add(range);
      i += 2;
    } else {
      days.add(day);
    }
  }
  return sortDays([...days]);
}

/** 「7:00」, 「07：30」, 「9時」, 「9時30分」, 「0930」 → `HH:MM`; anything else → undefined. */
export function parseClockTime(input: string): string | undefined {
  const text = input.normalize("NFKC").trim();
  const m = /^(\d{1,2})(?::|時|\.)(\d{2})?分?$/.exec(text) ?? /^(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (h > 24 || min > 59 || (h === 24 && min > 0)) return undefined;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** 「毎月第4日曜日」 → [4], 「第2・第4水曜」 → [2, 4], 「第一土曜日」 → [1], 「最終金曜」 → [-1]; none → undefined. */
export function parseWeeksOfMonth(input: string): number[] | undefined {
  const text = input.normalize("NFKC");
  const weeks = new Set<number>();
  for (const m of text.matchAll(/第([1-5一二三四五])/g)) weeks.add(KANJI_NUMBER[m[1]!] ?? Number(m[1]));
  // 「第2・4土曜」: further numbers joined to a 第N.
  for (const m of text.matchAll(/第[1-5一二三四五]((?:[・,、及びと]+[1-5一二三四五])+)/g)) {
    for (const n of m[1]!.matchAll(/[1-5一二三四五]/g)) weeks.add(KANJI_NUMBER[n[0]] ?? Number(n[0]));
  }
  if (/最終|最後/.test(text)) weeks.add(-1);
  return weeks.size ? [...weeks].sort((a, b) => a - b) : undefined;
}

export interface ScheduleCells {
  /** 利用可能曜日 / 開催曜日. */
  days?: string;
  /** 開始時間 / 開催開始時間. */
  opens?: string;
  closes?: string;
  /** 開催日 (「毎月第4日曜日」): its weekdays win over `days`, its 第N makes the slot monthly. */
  dates?: string;
  /** 利用可能日時特記事項: only 「X曜日の開所時間はHH:MMからHH:MM」 is read, the rest stays text. */
  note?: string;
}

export interface ParsedSchedule {
  slots: ScheduleSlot[];
  /** Why cells that were filled in gave no slot (for the import report). */
  problems: string[];
}

const DAY_HOURS = /([月火水木金土日・]+)曜日?(?:は|の)?(?:開所|開館|開園|開室|利用|保育)?(?:時間)?(?:は)?[:：]?(\d{1,2}[:：]\d{2})(?:から|~|〜|～|-|－)(\d{1,2}[:：]\d{2})/gu;

/** The cells of one row → weekly (or monthly) slots; a day the note gives other hours gets its own slot. */
export function parseScheduleCells(cells: ScheduleCells): ParsedSchedule {
  const problems: string[] = [];
  const fromDates = cells.dates ? parseWeekdays(cells.dates) : [];
  const days = fromDates.length ? fromDates : parseWeekdays(cells.days ?? "");
  const weeksOfMonth = cells.dates ? parseWeeksOfMonth(cells.dates) : undefined;
  const opensAt = cells.opens ? parseClockTime(cells.opens) : undefined;
  const closesAt = cells.closes ? parseClockTime(cells.closes) : undefined;

  if (cells.opens?.trim() && !opensAt) problems.push(`start time 「${cells.opens.trim()}」 is not a time`);
  if (cells.closes?.trim() && !closesAt) problems.push(`end time 「${cells.closes.trim()}」 is not a time`);
  if (!opensAt || !closesAt || days.length === 0) {
    if (days.length && (opensAt || closesAt) && !(opensAt && closesAt)) problems.push("only one of the start and end times is given");
    return { slots: [], problems };
  }
  if (opensAt >= closesAt) return { slots: [], problems: [...problems, `end time ${closesAt} is not after start time ${opensAt}`] };

  const exceptions: ScheduleSlot[] = [];
  for (const m of (cells.note ?? "").normalize("NFKC").matchAll(DAY_HOURS)) {
    const exDays = parseWeekdays(m[1]!).filter((d) => days.includes(d));
    const exOpens = parseClockTime(m[2]!);
    const exCloses = parseClockTime(m[3]!);
    const same = exOpens === opensAt && exCloses === closesAt;
    if (exDays.length && exOpens && exCloses && exOpens < exCloses && !same) exceptions.push({ days: exDays, opensAt: exOpens, closesAt: exCloses });
  }
  const special = new Set(exceptions.flatMap((e) => e.days));
  const regular = days.filter((d) => !special.has(d));
  const monthly = weeksOfMonth ? { weeksOfMonth } : {};
  const slots: ScheduleSlot[] = [
    ...(regular.length ? [{ days: regular, opensAt, closesAt, ...monthly }] : []),
    ...exceptions.map((e) => ({ ...e, ...monthly })),
  ];
  return { slots, problems };
}
