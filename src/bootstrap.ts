import { syncTaxonomy } from "./catalog/taxonomy-sync.js";
import type { Config } from "./config.js";
import { type DbHandle, createDb } from "./db/create-db.js";
import { migrateToLatest } from "./db/migrate.js";
import type { Logger } from "./log.js";
import { type SearchService, openSearch } from "./search/create-search.js";
import { type DemoLoadResult, isDatabaseEmpty, loadDemo } from "../seed/load.js";

/** Opens the configured database and brings its schema and reference data up to date. */
export async function openDatabase(config: Config, log: Logger): Promise<DbHandle> {
  const handle = await createDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.TSUNAGU_DATA_DIR,
    onConnectionLost: (err) => log.warn("database connection lost; the pool will reconnect", { err }),
  });
  const applied = await migrateToLatest(handle.db);
  if (applied.length) log.info("migrations applied", { migrations: applied.map((m) => m.migrationName) });
  await syncTaxonomy(handle.db);
  return handle;
}

/** Loads the demo city into an empty database when configured to (`TSUNAGU_SEED=demo`, the default). */
export async function seedIfEmpty(handle: DbHandle, config: Config, log: Logger): Promise<DemoLoadResult | undefined> {
  if (config.TSUNAGU_SEED !== "demo" || !(await isDatabaseEmpty(handle.db))) return undefined;
  const result = await loadDemo(handle.db);
  log.info("demo data loaded", { organizations: result.organizations, services: result.services });
  return result;
}

/**
 * The search index for this process: Meilisearch when `MEILISEARCH_URL` is set, the embedded
 * engine (built from the database now) otherwise; plus the outbox worker that keeps it current,
 * not yet started. Call after `seedIfEmpty`: the seed writes no outbox rows.
 */
export function openSearchIndex(handle: DbHandle, config: Config, log: Logger): Promise<SearchService> {
  return openSearch(handle.db, config, log);
}
