import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type DbHandle, type DbKind, createDb } from "../../src/db/create-db.js";
import { adminUrl, createDatabase, dropDatabase } from "./postgres-admin.js";

/** Which database this vitest project runs its suites on (set per project in vitest.config.ts). */
export const TEST_DB: DbKind = process.env.TSUNAGU_TEST_DB === "postgres" ? "postgres" : "pglite";

let snapshot: Blob | undefined;

/**
 * A fresh, migrated database of its own for a test file: a copy of the run's template, or with
 * `{ empty: true }` a database with no schema at all (to test migrations themselves).
 */
export async function createTestDb(opts: { empty?: boolean } = {}): Promise<DbHandle> {
  if (TEST_DB === "postgres") {
    const name = `tsunagu_t_${randomBytes(6).toString("hex")}`;
    await createDatabase(name, opts.empty ? "template0" : inject("postgresTemplate"));
    const handle = await createDb({ databaseUrl: adminUrl(name), poolSize: 4 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await dropDatabase(name);
      },
    };
  }
  if (opts.empty) return createDb({ dataDir: "memory://" });
  snapshot ??= new Blob([await readFile(inject("pgliteSnapshotPath"))]);
  return createDb({ dataDir: "memory://", pgliteSnapshot: snapshot });
}
