import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncTaxonomy } from "../../src/catalog/taxonomy-sync.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { migrations } from "../../src/db/migrations/index.js";
import { RESOURCE_KINDS } from "../../src/domain/taxonomy.js";
import { TEST_DB, createTestDb } from "../support/db.js";

describe(`migrations on an empty ${TEST_DB} database`, () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb({ empty: true });
  });
  afterAll(() => h.close());

  it("start from no tables", async () => {
    const tables = await h.db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain("service");
  });

  it("apply every migration, then nothing on a second run", async () => {
    const first = await migrateToLatest(h.db);
    expect(first.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).map((n) => [n, "Success"]));
    const second = await migrateToLatest(h.db);
    expect(second).toEqual([]);
  });

  it("create the HSDS core and Tsunagu's own tables", async () => {
    const names = (await h.db.introspection.getTables()).map((t) => t.name);
    for (const table of [
      "organization", "service", "location", "service_at_location", "address", "phone", "schedule", "language",
      "cost_option", "taxonomy", "taxonomy_term", "attribute", "center", "app_user", "audit_log", "outbox",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("seed all 17 kinds idempotently", async () => {
    await syncTaxonomy(h.db);
    await syncTaxonomy(h.db);
    const terms = await h.db.selectFrom("taxonomy_term").select(["code", "public_listing"]).execute();
    expect(terms).toHaveLength(RESOURCE_KINDS.length);
    expect(terms.filter((t) => !t.public_listing).map((t) => t.code)).toEqual(["child-guidance"]);
  });

  it("extract trigrams from Japanese text (needs a UTF-8 ctype)", async () => {
    const { rows } = await sql<{ n: number }>`select array_length(show_trgm('子ども食堂'), 1) as n`.execute(h.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it("reject rows that break the schema's rules", async () => {
    const bad = [
      sql`insert into center (municipality_code, municipality_name, prefecture, name) values ('11203', 'x', 'x', 'x')`,
      sql`insert into taxonomy_term (id, taxonomy_id, code, name, description, label_en, label_easy_ja, easy_ja_ruby, description_en)
          values (gen_random_uuid(), gen_random_uuid(), 'x', 'x', 'x', 'x', 'x', 'x', 'x')`,
      sql`insert into app_user (email, password_hash, role, display_name) values ('a@b.jp', 'x', 'staff', 'x')`,
      sql`insert into app_user (email, password_hash, role, display_name) values ('A@B.jp', 'x', 'partner', 'x')`,
    ];
    for (const statement of bad) {
      await expect(statement.execute(h.db)).rejects.toThrow();
    }
  });
});
