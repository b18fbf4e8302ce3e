import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";

/**
 * What every importer shares: all writes in one transaction (nothing is half-applied), rolled
 * back again for a dry run, which therefore runs exactly the code a real import runs.
 */
class DryRunRollback extends Error {}

/** Runs `write` in one transaction; with `dryRun` it is rolled back. True when the writes were committed. */
export async function inOneTransaction(db: Kysely<Database>, dryRun: boolean | undefined, write: (trx: Kysely<Database>) => Promise<void>): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      await write(trx);
      if (dryRun) throw new DryRunRollback();
    });
    return true;
  } catch (err) {
    if (err instanceof DryRunRollback) return false;
    throw err;
  }
}

/** A stable hash of what a source said about a record: an unchanged record is not rewritten. */
export function contentHash(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("base64url");
}
