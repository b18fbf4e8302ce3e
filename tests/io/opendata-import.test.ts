import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { importOpenData } from "../../src/importers/opendata/import-opendata.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { catalogCounts } from "../support/catalog.js";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/opendata/${name}`, import.meta.url));

const FILES = [
  { name: "112038_preschool.csv", rows: 302, services: 302, organizations: 137, toPin: 1, source: "opendata:112038:preschool" },
  { name: "131083_kotoku_kodomosyokudo.csv", rows: 24, services: 24, organizations: 24, toPin: 24, source: "opendata:131083:kodomo-shokudo" },
  { name: "15_182109_kodomoshokudo.csv", rows: 6, services: 6, organizations: 6, toPin: 0, source: "opendata:182109:kodomo-shokudo" },
  { name: "472115_kodomonoibasyo_20221003.csv", rows: 10, services: 10, organizations: 10, toPin: 0, source: "opendata:472115:kodomo-shokudo" },
] as const;

describe(`open-data import on ${TEST_DB}`, () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(() => h.close());

  it.each(FILES)("$name imports $services services, each with an outbox row and an audit entry", async (f) => {
    const before = await catalogCounts(h.db);
    const report = await importOpenData(h.db, fixture(f.name), { fileName: f.name });
    expect(report).toMatchObject({ rows: f.rows, applied: true, rejected: [], sources: [f.source] });
    expect(report.services).toEqual({ created: f.services, updated: 0, unchanged: 0 });
    expect(report.organizations.created).toBe(f.organizations);
    expect(report.toPin).toHaveLength(f.toPin);
    const after = await catalogCounts(h.db);
    expect(after.service! - before.service!).toBe(f.services);
    expect(after.location! - before.location!).toBe(f.services);
    expect(after.outbox! - before.outbox!).toBe(f.services + f.organizations);
    expect(after.audit_log! - before.audit_log!).toBe(f.services + f.organizations);
    const stored = await h.db.selectFrom("service").select((eb) => eb.fn.countAll<string>().as("n")).where("source", "=", f.source).where("verification_status", "=", "published").executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(f.services);
  });

  it("changes nothing when every file is imported again", async () => {
    const before = await catalogCounts(h.db);
    const stamps = await h.db.selectFrom("service").select(["id", "updated_at"]).orderBy("id").execute();
    for (const f of FILES) {
      const report = await importOpenData(h.db, fixture(f.name), { fileName: f.name });
      expect(report.services).toEqual({ created: 0, updated: 0, unchanged: f.services });
      expect(report.organizations).toMatchObject({ created: 0, updated: 0 });
      expect(report.vanished).toEqual([]);
    }
    expect(await catalogCounts(h.db)).toEqual(before);
    expect(await h.db.selectFrom("service").select(["id", "updated_at"]).orderBy("id").execute()).toEqual(stamps);
  });

  it("places the row without coordinates at 川口市's point, flagged for staff", async () => {
    const row = await h.db
      .selectFrom("service as s")
      .innerJoin("service_at_location as sal", "sal.service_id", "s.id")
      .innerJoin("location as l", "l.id", "sal.location_id")
      .select(["l.latitude", "l.longitude", "l.coord_source", "l.municipality_code"])
      .where("s.name", "=", "汽車ぽっぽ保育園きぞろ")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ latitude: 35.8078, longitude: 139.7241, coord_source: "municipality_centroid", municipality_code: "112038" });
  });

  it("updates a changed row in place, keeps a staff pin, and reports vanished rows without deleting them", async () => {
    const original = fixture("15_182109_kodomoshokudo.csv").toString("utf8");
    const [header, first, , ...rest] = original.split("\r\n");
    const ids = async () => h.db.selectFrom("service").select(["id", "name", "capacity"]).where("source", "=", "opendata:182109:kodomo-shokudo").orderBy("source_id").execute();
    const before = await ids();
    // Staff pin the first row by hand.
    const pinned = before[0]!.id;
    await sql`update location set latitude = 36.2, longitude = 136.2, coord_source = 'manual' where id in (select location_id from service_at_location where service_id = ${pinned})`.execute(h.db);

    const edited = [header, first!.replace(",20,", ",25,"), ...rest].join("\r\n"); // capacity 20 → 25, second row gone
    const report = await importOpenData(h.db, Buffer.from(edited, "utf8"), { fileName: "edited.csv" });
    expect(report.services).toEqual({ created: 0, updated: 1, unchanged: 4 });
    expect(report.vanished).toEqual([{ serviceId: before[1]!.id, sourceId: "2", name: "ふれあい食堂きべ丸" }]);

    const after = await ids();
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id));
    expect(after[0]!.capacity).toBe(25);
    const location = await h.db
      .selectFrom("location as l")
      .innerJoin("service_at_location as sal", "sal.location_id", "l.id")
      .select(["l.latitude", "l.coord_source"])
      .where("sal.service_id", "=", pinned)
      .executeTakeFirstOrThrow();
    expect(location).toEqual({ latitude: 36.2, coord_source: "manual" });
  });

  it("writes nothing on a dry run, but says what would change", async () => {
    const before = await catalogCounts(h.db);
    const report = await importOpenData(h.db, fixture("352071_legacy_variants.csv"), { fileName: "v.csv", dryRun: true });
    expect(report).toMatchObject({ dryRun: true, applied: false, services: { created: 4 } });
    expect(report.changes.map((c) => c.line)).toEqual([2, 3, 4, 9]);
    expect(report.rejected.map((r) => [r.line, r.message])).toEqual([
      [5, expect.stringMatching(/学習塾/)],
      [6, "名称 is empty"],
      [7, "ID 「2」 appears again (first on line 3)"],
    ]);
    expect(await catalogCounts(h.db)).toEqual(before);
  });

  it("refuses the whole file under --strict when a row is rejected", async () => {
    const before = await catalogCounts(h.db);
    const report = await importOpenData(h.db, fixture("352071_legacy_variants.csv"), { fileName: "v.csv", strict: true });
    expect(report).toMatchObject({ applied: false, services: { created: 0 } });
    expect(report.rejected).toHaveLength(3);
    expect(await catalogCounts(h.db)).toEqual(before);
  });

  it("applies nothing when the database refuses one row (one transaction)", async () => {
    await sql`create function refuse_tokuyama() returns trigger language plpgsql as $$
      begin if new.name = 'ほしぞら子育て支援センター' then raise exception 'refused for the test'; end if; return new; end $$`.execute(h.db);
    await sql`create trigger refuse_tokuyama before insert on service for each row execute function refuse_tokuyama()`.execute(h.db);
    const before = await catalogCounts(h.db);
    await expect(importOpenData(h.db, fixture("352071_legacy_variants.csv"), { fileName: "v.csv" })).rejects.toThrow(/refused for the test/);
    expect(await catalogCounts(h.db)).toEqual(before);
    await sql`drop trigger refuse_tokuyama on service`.execute(h.db);
    const report = await importOpenData(h.db, fixture("352071_legacy_variants.csv"), { fileName: "v.csv", status: "pending" });
    expect(report.services.created).toBe(4);
    const statuses = await h.db.selectFrom("service").select("verification_status").where("source", "=", "opendata:352071:preschool").execute();
    expect(statuses.map((s) => s.verification_status)).toEqual(["pending", "pending", "pending", "pending"]);
  });

  it("keeps lists of one publisher apart by dataset", async () => {
    const report = await importOpenData(h.db, fixture("15_182109_kodomoshokudo.csv"), { fileName: "x.csv", dataset: "ibasho", kind: "ibasho", dryRun: true });
    expect(report.sources).toEqual(["opendata:182109:ibasho"]);
    expect(report.services.created).toBe(6);
    expect(report.vanished).toEqual([]);
  });
});
