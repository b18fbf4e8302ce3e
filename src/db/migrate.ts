import { type Kysely, type MigrationResult, Migrator } from "kysely";
import type { Database } from "./database.js";
import { migrations } from "./migrations/index.js";

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Brings the schema to the latest version; a no-op when it is already there. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === "Error");
    throw new MigrationError(`migration ${failed?.migrationName ?? "?"} failed: ${String((error as Error).message ?? error)}`, {
      cause: error,
    });
  }
  return results;
}
