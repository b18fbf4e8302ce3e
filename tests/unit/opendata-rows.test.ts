import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { mapHeader } from "../../src/importers/opendata/columns.js";
import { decodeCsvBytes } from "../../src/importers/opendata/decode.js";
import { BUILT_IN_KIND_MAP, extendKindMap, findKindRule } from "../../src/importers/opendata/kind-map.js";
import { type RowResult, mapRow } from "../../src/importers/opendata/map-row.js";
import { readOpenDataFile } from "../../src/importers/opendata/read-file.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/opendata/${name}`, import.meta.url));
const VARIANTS = fixture("352071_legacy_variants.csv");

function mapAll(bytes: Uint8Array, extra: Partial<Parameters<typeof mapRow>[2]> = {}): RowResult[] {
  const file = readOpenDataFile(bytes);
  return file.rows.map((r) => mapRow(r.cells, r.line, { layout: file.header.layout, kindMap: BUILT_IN_KIND_MAP, dataset: "test", ...extra }));
}
const ok = (results: RowResult[], line: number) => {
  const r = results.find((x) => (x.ok ? x.row.line : x.line) === line)!;
  if (!r.ok) throw new Error(`line ${line} was rejected: ${r.reason}`);
  return r.row;
};

describe("decoding", () => {
  const text = VARIANTS.toString("utf8");

  it.each([
    ["UTF-8 without BOM", Buffer.from(text, "utf8"), "utf-8", ","],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]), "utf-8-bom", ","],
    ["Shift_JIS (CP932)", iconv.encode(text, "cp932"), "cp932", ","],
    ["UTF-16LE with BOM, tab-separated", iconv.encode(text.replaceAll(",", "\t"), "utf-16le", { addBOM: true }), "utf-16le", "\t"],
  ])("%s decodes to the same text", (_, bytes, encoding, delimiter) => {
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.delimiter).toBe(delimiter);
    expect(decoded.text.replaceAll("\t", ",")).toBe(text);
  });

  it("maps every encoding to the same records", () => {
    const expected = mapAll(VARIANTS);
    expect(mapAll(iconv.encode(VARIANTS.toString("utf8"), "cp932"))).toEqual(expected);
    expect(mapAll(iconv.encode(VARIANTS.toString("utf8").replaceAll(",", "\t"), "utf-16le", { addBOM: true }))).toEqual(expected);
  });

  it("refuses a zip that calls itself .csv, in plain words", () => {
    expect(() => decodeCsvBytes(Buffer.from("PK\u0003\u0004rest"))).toThrow(/zip archive.*unzip/);
  });
});

describe("headers", () => {
  it("reads both むすびえ variants and the legacy layout by name, whatever the order", () => {
    const tokyo = mapHeader(["全国地方公共団体コード", "ID", "名称", "参加費_幼児", "住所"]);
    const okinawa = mapHeader(["NO", "都道府県コード又は市区町村コード", "名称", "参加費_幼児", "住所"]);
    expect(tokyo.layout).toBe("kodomo-shokudo");
    expect(okinawa.layout).toBe("kodomo-shokudo");
    expect(okinawa.index).toMatchObject({ id: 0, publisherCode: 1 });
    expect(mapHeader(["名称＿カナ", "名称", "所在地_連結標記", "建物名等（方書）", "種別"]).index).toMatchObject({ nameKana: 0, name: 1, address: 2, building: 3, type: 4 });
  });

  it("refuses a file without a 名称 column, naming what it found", () => {
    expect(() => mapHeader(["a", "b", "c"])).toThrow(/no 名称 column.*first columns: a, b, c/);
  });
});

describe("rows of the legacy variants file", () => {
  const results = mapAll(VARIANTS);

  it("normalises a 5-digit code, full-width digits, dashes and times, and reads 和暦", () => {
    const row = ok(results, 2);
    expect(row.source).toBe("opendata:352071:test");
    expect(row.sourceId).toBe("0000000001");
    expect(row.service.location).toMatchObject({ lat: 34.0123, lng: 131.8765, coordSource: "source", municipalityCode: "352071" });
    expect(row.service.location.address).toEqual({ prefecture: "山口県", city: "下松市", line1: "花岡123-4" });
    expect(row.service).toMatchObject({ kind: "daycare", otherKinds: ["temporary-care"], ageMinMonths: 0, ageMaxMonths: 71, capacity: 90 });
    expect(row.service.schedule).toEqual([
      { days: ["mon", "tue", "wed", "thu", "fri"], opensAt: "07:30", closesAt: "18:30" },
      { days: ["sat"], opensAt: "07:30", closesAt: "17:00" },
    ]);
    expect(row.service.description).toContain("認可等年月日: 1957-07-01");
    expect(row.organization.draft).toMatchObject({ name: "下松市", legalStatus: "地方公共団体" });
  });

  it("puts swapped 緯度/経度 right, with a warning", () => {
    const row = ok(results, 3);
    expect(row.service.location).toMatchObject({ lat: 34.0152, lng: 131.8701, coordSource: "source" });
    expect(row.warnings[0]).toMatch(/swapped/);
  });

  it("places rows without coordinates (or with 0,0) at the municipality's point, flagged for a pin", () => {
    for (const line of [4, 9]) {
      const row = ok(results, line);
      expect(row.service.location).toMatchObject({ lat: 34.015, lng: 131.8705, coordSource: "municipality_centroid" });
      expect(row.pin).toMatch(/山口県下松市/);
    }
  });

  it("keys an organization by its 法人番号 and reads 〒, ranges of days and 9時", () => {
    const row = ok(results, 9);
    expect(row.organization).toMatchObject({ sourceId: "jcn:1234567890123", draft: { corporateNumber: "1234567890123", legalStatus: "社会福祉法人" } });
    expect(row.service.location.address).toMatchObject({ postalCode: "744-0074", line1: "末武中10-1" });
    expect(row.service.schedule).toEqual([{ days: ["mon", "tue", "wed", "thu", "fri"], opensAt: "09:00", closesAt: "15:00" }]);
    expect(row.service.url).toBe("http://www.example.jp/hoshizora");
    expect(row.service).toMatchObject({ kind: "hiroba", ageMinMonths: 0, ageMaxMonths: 83, cost: { kind: "free" } });
  });

  it("rejects an unmapped 種別 and an empty 名称, with the reason", () => {
    expect(results.find((r) => !r.ok && r.line === 5)).toMatchObject({ name: "ひかり学習教室", reason: expect.stringMatching(/種別 「学習塾」 is not in the kind mapping/) });
    expect(results.find((r) => !r.ok && r.line === 6)).toMatchObject({ reason: "名称 is empty" });
  });

  it("takes an unmapped 種別 with --kind, or with an extra mapping rule", () => {
    expect(ok(mapAll(VARIANTS, { kind: "ibasho" }), 5).service.kind).toBe("ibasho");
    const kindMap = extendKindMap({ rules: [{ pattern: "学習塾", kind: "ibasho", cost: { kind: "fee" } }] });
    expect(ok(mapAll(VARIANTS, { kindMap }), 5).service).toMatchObject({ kind: "ibasho", cost: { kind: "fee" } });
  });
});

describe("the kind mapping table", () => {
  it.each([
    ["認可公立保育所", "daycare"],
    ["認可外保育所", "daycare"],
    ["認定こども園（幼保連携型）", "daycare"],
    ["私立幼稚園", "kindergarten-support"],
    ["放課後児童クラブ", "after-school"],
    ["放課後等デイサービス", "disability-support"],
    ["児童館", "jidokan"],
    ["子育て支援センター", "hiroba"],
    ["病児保育", "temporary-care"],
    ["東京都認証保育所", "daycare"],
  ])("%s → %s", (type, kind) => {
    expect(findKindRule(BUILT_IN_KIND_MAP, type)?.kind).toBe(kind);
  });

  it("refuses a mapping with an unknown kind", () => {
    expect(() => extendKindMap({ rules: [{ pattern: "x", kind: "nope" }] })).toThrow();
  });
});

describe("the real files", () => {
  it.each([
    ["112038_preschool.csv", 302, 0],
    ["131083_kotoku_kodomosyokudo.csv", 24, 0],
    ["15_182109_kodomoshokudo.csv", 6, 0],
    ["472115_kodomonoibasyo_20221003.csv", 10, 989],
  ])("%s: %i rows, all importable", (name, rows, blank) => {
    const file = readOpenDataFile(fixture(name));
    expect(file.rows).toHaveLength(rows);
    expect(file.blankRows).toBe(blank);
    expect(mapAll(fixture(name)).filter((r) => !r.ok)).toEqual([]);
  });

  it("reads a こども食堂's fees and monthly session", () => {
    const row = ok(mapAll(fixture("15_182109_kodomoshokudo.csv")), 2);
    expect(row.service).toMatchObject({
      kind: "kodomo-shokudo",
      cost: { kind: "fee", amountYen: 100, description: "幼児100円・小学生100円・中学生100円・高校生100円・大人300円" },
      schedule: [{ days: ["sun"], weeksOfMonth: [4], opensAt: "10:00", closesAt: "12:00" }],
    });
  });

  it("keeps line numbers right across quoted cells with line feeds", () => {
    const file = readOpenDataFile(fixture("112038_preschool.csv"));
    const lines = file.rows.map((r) => r.line);
    expect(lines[0]).toBe(2);
    expect(lines.at(-1)).toBeGreaterThan(302 + 1);
    expect(new Set(lines).size).toBe(302);
  });
});
