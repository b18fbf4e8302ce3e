import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMunicipalityCode } from "../../src/domain/municipality-code.js";
import { addressCity, allMunicipalities, findMunicipality } from "../../src/geo/municipalities.js";
import { isKatakana } from "../../seed/reading.js";

describe("municipality reference data", () => {
  const all = allMunicipalities();

  it("covers the country with valid, unique codes", () => {
    expect(all.length).toBeGreaterThan(1700);
    expect(new Set(all.map((m) => m.code)).size).toBe(all.length);
    expect(all.filter((m) => !isMunicipalityCode(m.code))).toEqual([]);
    expect(new Set(all.map((m) => m.prefecture.code)).size).toBeGreaterThanOrEqual(46);
  });

  it("has Tokyo's 23 special wards and designated cities with their wards", () => {
    expect(all.filter((m) => m.type === "special-ward")).toHaveLength(23);
    const wards = all.filter((m) => m.type === "ward");
    expect(wards.length).toBeGreaterThan(100);
    for (const ward of wards) {
      const city = findMunicipality(ward.parentCode!);
      expect(city?.type).toBe("designated-city");
      expect(ward.name.startsWith(city!.name)).toBe(true);
    }
    expect(findMunicipality("141003")).toMatchObject({ name: "横浜市", nameKana: "ヨコハマシ" });
  });

  it("finds the demo municipalities with their readings", () => {
    expect(findMunicipality("112038")).toMatchObject({ name: "川口市", nameKana: "カワグチシ", prefecture: { name: "埼玉県" }, postalCode: "332-0000" });
    expect(findMunicipality("112241")).toMatchObject({ name: "戸田市", nameKana: "トダシ" });
    expect(findMunicipality("999999")).toBeUndefined();
  });

  it("splits a town's 郡 off its name and reading", () => {
    const shinto = findMunicipality("103446")!;
    expect(shinto).toMatchObject({ name: "榛東村", nameKana: "シントウムラ", district: "北群馬郡" });
    expect(addressCity(shinto)).toBe("北群馬郡榛東村");
  });

  it("has katakana readings, points in Japan and a postal code for every non-designated municipality", () => {
    expect(all.filter((m) => !isKatakana(m.nameKana)).map((m) => m.name)).toEqual([]);
    for (const m of all) {
      expect(m.lat).toBeGreaterThan(20);
      expect(m.lat).toBeLessThan(46);
      expect(m.lng).toBeGreaterThan(122);
      expect(m.lng).toBeLessThan(154);
      if (m.type !== "designated-city") expect(m.postalCode).toMatch(/^\d{3}-\d{4}$/);
    }
  });

  it("stays compact", () => {
    expect(statSync(new URL("../../src/geo/municipalities.json", import.meta.url)).size).toBeLessThan(200_000);
  });
});
