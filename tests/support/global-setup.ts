import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { syncTaxonomy } from "../../src/catalog/taxonomy-sync.js";
import { createDb } from "../../src/db/create-db.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { adminUrl, createDatabase, dropDatabase } from "./postgres-admin.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshotPath: string;
    postgresTemplate: string;
  }
}

/**
 * Builds one migrated database per run, so each test file starts from a copy instead of paying
 * for initdb and migrations: a PGlite data-dir dump, and (with DATABASE_URL) a PostgreSQL
 * template database.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.TSUNAGU_TEST_DB;
  const dir = await mkdtemp(join(tmpdir(), "tsunagu-test-"));
  let template = "";
  if (kind === "postgres") {
    // One template per project: the browser project also runs on PostgreSQL in the same process.
    template = `tsunagu_tpl_${project.name}_${process.pid}`;
    await createDatabase(template);
    const pg = await createDb({ databaseUrl: adminUrl(template) });
    await migrateToLatest(pg.db);
    await syncTaxonomy(pg.db);
    await pg.close();
  } else {
    const lite = await createDb({ dataDir: "memory://" });
    await migrateToLatest(lite.db);
    await syncTaxonomy(lite.db);
    const dump = await lite.pglite!.dumpDataDir("none");
    await writeFile(join(dir, "pglite.tar"), Buffer.from(await dump.arrayBuffer()));
    await lite.close();
  }
  project.provide("pgliteSnapshotPath", join(dir, "pglite.tar"));
  project.provide("postgresTemplate", template);

  return async () => {
    if (template) await dropDatabase(template);
    await rm(dir, { recursive: true, force: true });
  };
}
