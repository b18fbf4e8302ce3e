import { describe, expect, it } from "vitest";
import { parseJapaneseAddress } from "../../src/domain/address.js";
import { normalizeMunicipalityCode, isMunicipalityCode } from "../../src/domain/municipality-code.js";
import { describeSlotJa, rruleDays, rruleWeeksOfMonth, slotToRrule } from "../../src/domain/schedule.js";
import { monthsToYears } from "../../src/catalog/hsds.js";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("全国地方公共団体コード", () => {
  it.each([
    ["112038", "112038"],
    ["11203", "112038"],
    ["１１２０３", "112038"],
    ["11224", "112241"],
    ["1100", "011002"],
    ["131083", "131083"],
    ["112039", undefined],
    ["abc", undefined],
    ["1234567", undefined],
  ])("%s → %s", (input, expected) => {
    expect(normalizeMunicipalityCode(input)).toBe(expected);
  });

  it("accepts only six digits with the right check digit", () => {
    expect(isMunicipalityCode("112038")).toBe(true);
    expect(isMunicipalityCode("11203")).toBe(false);
  });
});

describe("addresses", () => {
  it.each([
    ["埼玉県川口市栄町3-1-1", { prefecture: "埼玉県", city: "川口市", line1: "栄町3-1-1" }],
    ["〒332-0012 埼玉県川口市本町４－１－８ 川口ビル2F", { postalCode: "332-0012", city: "川口市", line1: "本町4-1-8", line2: "川口ビル2F" }],
    ["東京都江東区東陽4丁目11-28", { prefecture: "東京都", city: "江東区", line1: "東陽4丁目11-28" }],
    ["埼玉県さいたま市浦和区常盤6-4-4", { city: "さいたま市浦和区", line1: "常盤6-4-4" }],
    ["北海道虻田郡倶知安町北1条東3丁目", { prefecture: "北海道", city: "虻田郡倶知安町" }],
  ])("%s", (input, expected) => {
    expect(parseJapaneseAddress(input)).toMatchObject(expected);
  });

  it("falls back to the municipality when the line omits it", () => {
    expect(parseJapaneseAddress("沖縄市上地3-20-12", { prefecture: "沖縄県", city: "沖縄市" })).toMatchObject({
      prefecture: "沖縄県",
      city: "沖縄市",
      line1: "上地3-20-12",
    });
    expect(parseJapaneseAddress("上地3-20-12")).toBeUndefined();
  });
});

describe("schedules as RRULE parts", () => {
  it.each([
    [{ days: ["mon", "tue", "wed", "thu", "fri"], opensAt: "09:30", closesAt: "15:30" }, { freq: "WEEKLY", byday: "MO,TU,WE,TH,FR" }],
    [{ days: ["sat"], weeksOfMonth: [2, 4], opensAt: "11:00", closesAt: "14:00" }, { freq: "MONTHLY", byday: "2SA,4SA" }],
    [{ days: ["fri", "mon"], weeksOfMonth: [-1], opensAt: "11:00", closesAt: "14:00" }, { freq: "MONTHLY", byday: "-1MO,-1FR" }],
  ] as const)("%o → %o", (slot, expected) => {
    expect(slotToRrule({ ...slot, days: [...slot.days], weeksOfMonth: "weeksOfMonth" in slot ? [...slot.weeksOfMonth] : undefined })).toEqual(expected);
  });

  it("reads weekdays and weeks back", () => {
    expect(rruleDays("2SA,4SA")).toEqual(["sat"]);
    expect(rruleWeeksOfMonth("2SA,4SA")).toEqual([2, 4]);
    expect(rruleWeeksOfMonth("MO,TU")).toBeUndefined();
    expect(rruleDays("-1FR,MO")).toEqual(["mon", "fri"]);
  });

  it("describes a slot in Japanese", () => {
    expect(describeSlotJa({ days: ["sat"], weeksOfMonth: [2, 4], opensAt: "11:00", closesAt: "14:00" })).toBe("第2・第4土 11:00–14:00");
  });
});

describe("HSDS ages from months", () => {
  it.each([
    [0, "min", 0],
    [6, "min", 0.5],
    [71, "max", 5],
    [215, "max", 17],
    [12, "max", 1],
    [null, "min", undefined],
  ] as const)("%s months (%s) → %s years", (months, bound, years) => {
    expect(monthsToYears(months, bound)).toBe(years);
  });
});

describe("configuration", () => {
  it("has working defaults", () => {
    expect(loadConfig({})).toMatchObject({ PORT: 8787, TSUNAGU_DATA_DIR: "./data", TSUNAGU_SEED: "demo" });
  });
  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });
});
