import { type Kysely, sql } from "kysely";
import type { Database } from "../../src/db/database.js";

/**
 * Every row of every table, hashed per table: two equal fingerprints mean nothing was written in
 * between (sessions and sign-in throttling, which reading requests legitimately touch, excepted).
 */
export async function databaseFingerprint(db: Kysely<Database>, except: readonly string[] = ["session", "throttle_event"]): Promise<Record<string, string>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((t) => !except.includes(t)).sort();
  const out: Record<string, string> = {};
  for (const t of tables) {
    const { rows } = await sql<{ n: string; h: string }>`select count(*)::text as n, md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${sql.table(t)} x`.execute(db);
    out[t] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}
