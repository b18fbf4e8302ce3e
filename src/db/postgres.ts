import { Kysely, PostgresDialect, type PostgresPool } from "kysely";
import pg from "pg";
import type { Database } from "./database.js";
import type { DbHandle } from "./handle.js";

/**
 * kysely on a `pg` pool: the one way Tsunagu talks SQL, on PostgreSQL and (through PGlite's
 * node-postgres adapter) on PGlite. Free of PGlite and Node-only modules, so the Workers entry
 * point can use it too.
 */

// int8 (bigserial ids, count(*)) as a JS number would lose precision past 2^53; keep them as strings
// and let callers convert counts explicitly. numeric stays a string for the same reason. A date
// stays its ISO text: a JS Date would shift it by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export function kyselyOn(pool: PostgresPool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** PostgreSQL through a connection string. */
export function connectPostgres(databaseUrl: string, poolSize = 10, onConnectionLost?: (err: Error) => void): DbHandle {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // A connection that dies (PostgreSQL restarted, the network dropped) emits 'error' on its
  // client, and for an idle one on the pool too; unheard, either ends the process. The query in
  // flight fails on its own (→ 503) and the pool replaces dead connections, so noting it is all
  // there is to do.
  pool.on("connect", (client) => client.on("error", (err) => onConnectionLost?.(err)));
  pool.on("error", () => undefined);
  const db = kyselyOn(pool);
  return { db, kind: "postgres", close: () => db.destroy() };
}
