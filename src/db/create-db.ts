import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import { templateForNewDataDir } from "./pglite-template.js";

export type DbKind = "pglite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  kind: DbKind;
  /** The embedded database itself, when that is what runs (for dumps and snapshots). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DbOptions {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir?: string;
  /** Connections in the pg pool (PGlite is single-connection by nature). */
  poolSize?: number;
  /** A PGlite data directory dump to start from (tests start from a migrated snapshot). */
  pgliteSnapshot?: Blob;
  /** Told when an idle pooled connection to PostgreSQL dies (the server restarted, the network dropped). */
  onConnectionLost?: (err: Error) => void;
}

// int8 (bigserial ids, count(*)) as a JS number would lose precision past 2^53; keep them as strings
// and let callers convert counts explicitly. numeric stays a string for the same reason.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * One database for the whole app: kysely on `pg` when a PostgreSQL URL is given, otherwise on
 * PGlite through its node-postgres adapter, so the same SQL and the same kysely dialect run on both.
 */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A connection that dies (PostgreSQL restarted, the network dropped) emits 'error' on its
    // client, and for an idle one on the pool too; unheard, either ends the process. The query in
    // flight fails on its own (→ 503) and the pool replaces dead connections, so noting it is all
    // there is to do.
    pool.on("connect", (client) => client.on("error", (err) => options.onConnectionLost?.(err)));
    pool.on("error", () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? "memory://";
  const loadDataDir = options.pgliteSnapshot ?? (await templateForNewDataDir(dataDir));
  const lite = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir });
  // PGlite is one connection: with more than one pooled client, two transactions would interleave.
  const pool = new pg.Pool({ ...createPgConfig(lite), max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "pglite",
    pglite: lite,
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}
