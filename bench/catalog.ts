import { type Kysely, sql } from "kysely";
import { syncTaxonomy } from "../src/catalog/taxonomy-sync.js";
import { type DbKind, createDb } from "../src/db/create-db.js";
import type { Database } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { loadSynthetic } from "../seed/load.js";
import type { BenchContext } from "./harness.js";
import { postgresDatabase } from "./postgres.js";

export interface SyntheticCatalog {
  db: Kysely<Database>;
  kind: DbKind;
  /** Connection string of the PostgreSQL database (absent on PGlite). */
  url?: string;
}

/**
 * Runs `use` on a fresh database holding the synthetic catalog of `ctx.docs` services: a
 * throw-away database on the benchmark's PostgreSQL server, or, with `pgliteFallback` and no
 * server answering, an in-memory PGlite. Undefined when there is neither. The database is
 * dropped afterwards.
 */
export async function withSyntheticCatalog<T>(
  ctx: BenchContext,
  purpose: string,
  options: { pgliteFallback: boolean },
  use: (catalog: SyntheticCatalog) => Promise<T>,
): Promise<T | undefined> {
  const server = await postgresDatabase(ctx, purpose);
  if (!server && !options.pgliteFallback) return undefined;
  const handle = await createDb(server ? { databaseUrl: server.url, poolSize: 8 } : {});
  try {
    await migrateToLatest(handle.db);
    await syncTaxonomy(handle.db);
    const started = performance.now();
    // PGlite is one connection: parallel batches would only queue.
    await loadSynthetic(handle.db, { count: ctx.docs, concurrency: server ? 3 : 1 });
    ctx.log(`loaded ${ctx.docs} services into ${handle.kind} in ${Math.round(performance.now() - started)} ms`);
    // Settle the database as a running one would be, instead of measuring against autovacuum's
    // work on the rows just loaded.
    if (server) await sql`vacuum analyze`.execute(handle.db);
    return await use({ db: handle.db, kind: handle.kind, url: server?.url });
  } finally {
    await handle.close();
    await server?.drop();
  }
}
