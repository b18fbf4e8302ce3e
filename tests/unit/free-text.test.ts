import { describe, expect, it } from "vitest";
import { parseAgeText } from "../../src/domain/age-text.js";
import { parseYen, saysFree } from "../../src/domain/cost-text.js";
import { parseJapaneseDate } from "../../src/domain/japanese-date.js";
import { parseClockTime, parseScheduleCells, parseWeekdays, parseWeeksOfMonth } from "../../src/domain/schedule-text.js";

describe("受入年齢 → months", () => {
  it.each([
    ["0歳から5歳", 0, 71],
    ["1歳から2歳", 12, 35],
    ["６歳～１２歳（小学校１年生～６年生）", 72, 155],
    ["小学校1年生から6年生", 72, 155],
    ["小学生", 72, 155],
    ["18歳未満", 0, 215],
    ["3ヶ月から", 3, undefined],
    ["11ヶ月から", 11, undefined],
    ["(幼)3歳から(保)1歳6ヶ月から", 18, undefined],
    ["3ヶ月から小学校6年生まで", 3, 155],
    ["3ヶ月から2歳児クラス相当まで", 3, 47],
    ["産休明け～５歳", 1, 71],
    ["生後57日から就学前", 1, 83],
    ["0歳から就学前まで", 0, 83],
    ["未就学児", 0, 83],
    ["小学生4年生から6年生と中学校生", 108, 191],
    ["中学生", 144, 191],
    ["3歳以上", 36, undefined],
    ["5歳まで", 0, 71],
  ])("%s → %s..%s", (text, min, max) => {
    expect(parseAgeText(text)).toEqual({ minMonths: min, maxMonths: max });
  });

  it.each(["", "原則、未就園児", "誰でも", "どなたでも"])("「%s」 says no age", (text) => {
    expect(parseAgeText(text)).toBeUndefined();
  });
});

describe("days and hours", () => {
  it.each([
    ["月火水木金土", ["mon", "tue", "wed", "thu", "fri", "sat"]],
    ["月水木金土日", ["mon", "wed", "thu", "fri", "sat", "sun"]],
    ["月～金", ["mon", "tue", "wed", "thu", "fri"]],
    ["平日", ["mon", "tue", "wed", "thu", "fri"]],
    ["土日祝", ["sat", "sun"]],
    ["月・水・金曜日", ["mon", "wed", "fri"]],
    ["日", ["sun"]],
    ["", []],
  ])("%s", (text, days) => {
    expect(parseWeekdays(text)).toEqual(days);
  });

  it.each([
    ["7:00", "07:00"],
    ["07：30", "07:30"],
    ["１８:３０", "18:30"],
    ["9時", "09:00"],
    ["9時30分", "09:30"],
    ["放課後から", undefined],
    ["25:00", undefined],
  ])("time %s → %s", (text, time) => {
    expect(parseClockTime(text)).toBe(time);
  });

  it.each([
    ["毎月第4日曜日", [4]],
    ["毎月第一土曜日", [1]],
    ["第2・第4水曜日", [2, 4]],
    ["第2・4土曜", [2, 4]],
    ["最終金曜日", [-1]],
    ["毎週", undefined],
  ])("weeks of month %s", (text, weeks) => {
    expect(parseWeeksOfMonth(text)).toEqual(weeks);
  });

  it("splits a day whose hours the note gives differently", () => {
    const parsed = parseScheduleCells({
      days: "月火水木金土",
      opens: "7:00",
      closes: "19:00",
      note: "土曜日の開所時間は07：00から18：00休所日は日曜日及び祝日、12/29から1/3まで",
    });
    expect(parsed.slots).toEqual([
      { days: ["mon", "tue", "wed", "thu", "fri"], opensAt: "07:00", closesAt: "19:00" },
      { days: ["sat"], opensAt: "07:00", closesAt: "18:00" },
    ]);
  });

  it("makes a monthly slot from 開催日", () => {
    expect(parseScheduleCells({ days: "日", dates: "毎月第4日曜日", opens: "10:00", closes: "12:00" }).slots).toEqual([
      { days: ["sun"], opensAt: "10:00", closesAt: "12:00", weeksOfMonth: [4] },
    ]);
  });

  it("gives no slot, and says why, when the times do not make one", () => {
    expect(parseScheduleCells({ days: "月火水木金", opens: "", closes: "" })).toEqual({ slots: [], problems: [] });
    expect(parseScheduleCells({ days: "月", opens: "放課後", closes: "18:00" }).problems[0]).toMatch(/not a time/);
    expect(parseScheduleCells({ days: "月", opens: "18:00", closes: "9:00" }).problems[0]).toMatch(/not after/);
  });
});

describe("fees and dates", () => {
  it.each([
    ["100", 100],
    ["300円", 300],
    ["１，０００円", 1000],
    ["無料", 0],
    ["0", 0],
    [" -", undefined],
    ["", undefined],
    ["要相談", undefined],
  ])("fee %s → %s", (text, yen) => {
    expect(parseYen(text)).toBe(yen);
  });

  it("recognises text that says free", () => {
    expect(saysFree("こどもの利用料は無料です。")).toBe(true);
    expect(saysFree("チケット制")).toBe(false);
  });

  it.each([
    ["1952/1/25", "1952-01-25"],
    ["2024-01-01", "2024-01-01"],
    ["昭32. 7. 1", "1957-07-01"],
    ["平29. 7. 1", "2017-07-01"],
    ["令和３年４月１日", "2021-04-01"],
    ["R6.4.1", "2024-04-01"],
    ["平成元年1月8日", "1989-01-08"],
    ["44698", "2022-05-17"],
    ["2023/2/30", undefined],
    ["令和３年度より休所", undefined],
  ])("date %s → %s", (text, iso) => {
    expect(parseJapaneseDate(text)).toBe(iso);
  });
});
