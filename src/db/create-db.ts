import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import pg from "pg";
import type { DbHandle } from "./handle.js";
import { connectPostgres, kyselyOn } from "./postgres.js";
import { templateForNewDataDir } from "./pglite-template.js";

export type { DbHandle, DbKind } from "./handle.js";

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

/**
 * One database for the whole app: kysely on `pg` when a PostgreSQL URL is given, otherwise on
 * PGlite through its node-postgres adapter, so the same SQL and the same kysely dialect run on both.
 */
export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolSize, options.onConnectionLost);
  const dataDir = options.dataDir ?? "memory://";
  const loadDataDir = options.pgliteSnapshot ?? (await templateForNewDataDir(dataDir));
  const lite = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir });
  // PGlite is one connection: with more than one pooled client, two transactions would interleave.
  const db = kyselyOn(new pg.Pool({ ...createPgConfig(lite), max: 1 }));
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
