import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { CATALOG_CSV_COLUMNS, writeCatalogCsv } from "../../src/exporters/csv-export.js";
import { importOpenData } from "../../src/importers/opendata/import-opendata.js";
import { loadDemo } from "../../seed/load.js";
import { createTestApp } from "../support/app.js";
import { asBearer, signIn } from "../support/auth.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { expectProblem } from "../support/problem.js";

async function csvOf(h: DbHandle, filter: Parameters<typeof writeCatalogCsv>[1]) {
  let text = "";
  await writeCatalogCsv(h.db, filter, (chunk) => void (text += chunk));
  return text;
}

/** A response's body as text with its BOM kept (`Response.text()` drops it). */
async function bodyText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/** The records of a CSV as Excel reads it: BOM first, CRLF between records. */
function records(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text.endsWith("\r\n")).toBe(true);
  const rows = parse(text, { bom: true, columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
  return rows;
}

describe(`staff CSV export on ${TEST_DB}`, () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    await importOpenData(h.db, readFileSync(new URL("../fixtures/opendata/112038_preschool.csv", import.meta.url)), { fileName: "112038_preschool.csv" });
  });
  afterAll(() => h.close());

  it("writes UTF-8 with BOM and CRLF, one record per service and location, line feeds kept inside quoted cells", async () => {
    const text = await csvOf(h, {});
    expect(text.split("\r\n")[0]).toBe(`\ufeff${CATALOG_CSV_COLUMNS.join(",")}`);
    const rows = records(text);
    const services = await h.db.selectFrom("service").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(rows.length).toBeGreaterThanOrEqual(Number(services.n));
    const kisha = rows.find((r) => r.名称 === "汽車ぽっぽ保育園きぞろ")!;
    expect(kisha).toMatchObject({ 種別: "保育所", 掲載状態: "公開", 位置の出所: "市区町村の代表点（要ピン留め）", 所在地コード: "112038", 出典: "opendata:112038:preschool" });
    expect(rows.some((r) => r.開所日時?.includes("／"))).toBe(true);
    expect(kisha.説明).toBe("認可私立保育所\n土曜日の開所時間は07：00から18：00休所日は日曜日及び祝日、12/29から1/3まで\n認可等年月日: 2022-04-01");
  });

  it("filters by kind, text, status and municipality", async () => {
    const daycare = records(await csvOf(h, { kinds: ["daycare"] }));
    expect(daycare.length).toBeGreaterThan(150);
    expect(new Set(daycare.map((r) => r.種別コード))).toEqual(new Set(["daycare"]));
    const text = records(await csvOf(h, { q: "保育園きぞろ" }));
    expect(text.map((r) => r.名称)).toEqual(["汽車ぽっぽ保育園きぞろ"]);
    const pending = records(await csvOf(h, { statuses: ["pending"] }));
    expect(pending.length).toBeGreaterThan(0);
    expect(new Set(pending.map((r) => r.掲載状態))).toEqual(new Set(["審査中"]));
    const toda = records(await csvOf(h, { municipalityCodes: ["112241"] }));
    expect(toda.length).toBeGreaterThan(0);
    expect(toda.some((r) => r.出典 === "opendata:112038:preschool")).toBe(false);
  });

  describe("GET /api/v1/exports/services.csv", () => {
    let app: ReturnType<typeof createTestApp>;
    beforeAll(() => {
      app = createTestApp(h);
    });

    it("gives staff their center's catalog as a download", async () => {
      const { token } = await signIn(app, "staff1@example.jp");
      const res = await app.request("/api/v1/exports/services.csv?kind=daycare&kind=jidokan", asBearer(token));
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="tsunagu-services-112038-\d{4}-\d{2}-\d{2}\.csv"$/);
      const rows = records(await bodyText(res));
      expect(rows.length).toBeGreaterThan(150);
      expect(new Set(rows.map((r) => r.種別コード))).toEqual(new Set(["daycare", "jidokan"]));
    });

    it("shows a center only the unpublished records of organizations serving it", async () => {
      for (const [email, code] of [["staff1@example.jp", "112038"], ["staff2@example.jp", "112241"]] as const) {
        const { token } = await signIn(app, email);
        const rows = records(await bodyText(await app.request("/api/v1/exports/services.csv?status=pending", asBearer(token))));
        const expected = await h.db
          .selectFrom("service as s")
          .innerJoin("organization_municipality as om", "om.organization_id", "s.organization_id")
          .select("s.id")
          .distinct()
          .where("s.verification_status", "=", "pending")
          .where("om.municipality_code", "=", code)
          .execute();
        expect(expected.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.ID))).toEqual(new Set(expected.map((e) => e.id)));
      }
    });

    it("is 401 without a sign-in, 404 for a partner, 400 for an unknown kind", async () => {
      await expectProblem(await app.request("/api/v1/exports/services.csv"), 401);
      const { token } = await signIn(app, "partner1@example.jp");
      await expectProblem(await app.request("/api/v1/exports/services.csv", asBearer(token)), 404);
      const staff = await signIn(app, "staff1@example.jp");
      await expectProblem(await app.request("/api/v1/exports/services.csv?kind=nope", asBearer(staff.token)), 400, "kind");
    });
  });
});
