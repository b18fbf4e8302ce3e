import { type Kysely, type MigrationResultSet, type MigrationResult, Migrator } from "kysely";
import type { Database } from "./database.js";
import { migrations } from "./migrations/index.js";

export class MigrationError extends Error {
  override name = "MigrationError";
}

const migrator = (db: Kysely<Database>) => new Migrator({ db, provider: { getMigrations: async () => migrations } });

function check({ error, results = [] }: MigrationResultSet): MigrationResult[] {
  if (error) {
    const failed = results.find((r) => r.status === "Error");
    throw new MigrationError(`migration ${failed?.migrationName ?? "?"} failed: ${String((error as Error).message ?? error)}`, {
      cause: error,
    });
  }
  return results;
}

/** Brings the schema to the latest version; a no-op when it is already there. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  return check(await migrator(db).migrateToLatest());
}

/**
 * Reverts the newest applied migration (its `down`), dropping what it added: the step back
 * before running the previous release, which refuses a schema with migrations it does not know.
 */
export async function migrateDownOne(db: Kysely<Database>): Promise<MigrationResult[]> {
  return check(await migrator(db).migrateDown());
}

/** The newest applied migration, or undefined on an empty database. */
export async function currentMigration(db: Kysely<Database>): Promise<string | undefined> {
  const applied = (await migrator(db).getMigrations()).filter((m) => m.executedAt);
  return applied.at(-1)?.name;
}
