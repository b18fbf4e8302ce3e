import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { syncTaxonomy } from "../../src/catalog/taxonomy-sync.js";
import { type DbHandle, createDb } from "../../src/db/create-db.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { importOpenData } from "../../src/importers/opendata/import-opendata.js";
import { readOpenDataFile } from "../../src/importers/opendata/read-file.js";
import { type BenchContext, type BenchRow, type BenchSuite, measured } from "../harness.js";
import { standardLayoutCsv } from "../opendata-file.js";

/**
 * `tsunagu import opendata` throughput: a generated 100,000-row 子育て施設一覧 in the standard
 * layout (fewer with `--docs`), imported into an empty catalog (every row created, one
 * transaction) and then again (every row unchanged), on a PGlite data directory and, when a
 * server answers, on PostgreSQL.
 */
const ROWS = 100_000;

export const importSuite: BenchSuite = {
  name: "import",
  description: "open-data import throughput (rows/s) of a generated 100k-row standard-layout 子育て施設一覧, first import and re-import, PGlite and PostgreSQL",
  async run(ctx) {
    const rows = Math.min(ROWS, ctx.docs);
    const started = performance.now();
    const bytes = standardLayoutCsv(rows);
    ctx.log(`generated ${rows} rows (${(bytes.length / 2 ** 20).toFixed(1)} MiB) in ${Math.round(performance.now() - started)} ms`);
    const readStarted = performance.now();
    const file = readOpenDataFile(bytes);
    const readMs = performance.now() - readStarted;
    ctx.log(`decoded and parsed in ${Math.round(readMs)} ms`);

    const results: BenchRow[] = [measured(`decode + parse (${rows} rows)`, rows / (readMs / 1000), "rows/s")];
    const dir = await mkdtemp(join(tmpdir(), "tsunagu-bench-import-"));
    try {
      const lite = await freshDb({ dataDir: join(dir, "data") });
      results.push(...(await measure(ctx, "PGlite", lite, file, rows)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const server = await postgresDatabase(ctx);
    if (server) {
      try {
        results.push(...(await measure(ctx, "PostgreSQL", await freshDb({ databaseUrl: server.url }), file, rows)));
      } finally {
        await server.drop();
      }
    } else {
      ctx.log("no PostgreSQL at DATABASE_URL / 127.0.0.1: PostgreSQL rows skipped");
    }
    return results;
  },
};

async function freshDb(opts: { dataDir?: string; databaseUrl?: string }): Promise<DbHandle> {
  const handle = await createDb(opts);
  await migrateToLatest(handle.db);
  await syncTaxonomy(handle.db);
  return handle;
}

async function measure(ctx: BenchContext, engine: string, handle: DbHandle, file: ReturnType<typeof readOpenDataFile>, rows: number): Promise<BenchRow[]> {
  try {
    const first = performance.now();
    const created = await importOpenData(handle.db, file, { fileName: "bench.csv" });
    const firstMs = performance.now() - first;
    if (created.services.created !== rows || created.rejected.length) throw new Error(`expected ${rows} created, got ${JSON.stringify(created.services)} and ${created.rejected.length} rejected`);
    ctx.log(`${engine}: first import ${Math.round(firstMs)} ms (${created.toPin.length} rows placed at a municipality's point)`);
    const again = performance.now();
    const unchanged = await importOpenData(handle.db, file, { fileName: "bench.csv" });
    const againMs = performance.now() - again;
    if (unchanged.services.unchanged !== rows) throw new Error(`re-import changed rows: ${JSON.stringify(unchanged.services)}`);
    ctx.log(`${engine}: re-import ${Math.round(againMs)} ms`);
    // The machine is shared: the load average says how much of it the run had.
    const load = `load average ${loadavg()[0]!.toFixed(1)}`;
    return [
      measured(`${engine}: first import, every row created (${rows} rows, one transaction)`, rows / (firstMs / 1000), "rows/s", load),
      measured(`${engine}: re-import, nothing changed (${rows} rows)`, rows / (againMs / 1000), "rows/s", load),
    ];
  } finally {
    await handle.close();
  }
}

/** A database of its own on the PostgreSQL server, or undefined when none answers. */
async function postgresDatabase(ctx: BenchContext): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: ctx.postgresUrl });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `tsunagu_bench_import_${randomBytes(4).toString("hex")}`;
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  await admin.end();
  const url = new URL(ctx.postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ctx.postgresUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
