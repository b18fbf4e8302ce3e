import { Command } from "commander";
import { sql } from "kysely";
import { usingDatabase, withDatabaseOptions } from "../context.js";

/**
 * `tsunagu migrate`: brings the schema and the reference taxonomy up to date and does nothing
 * else (every database command does this first; the Node server at start). For deployments
 * that never run the Node server, such as Workers: run it before deploying new code.
 */
export function migrateCommand(): Command {
  return withDatabaseOptions(new Command("migrate"))
    .description("apply pending migrations and sync the taxonomy (idempotent), then print the schema version")
    .action(async (opts: { databaseUrl?: string; dataDir?: string }) => {
      await usingDatabase(opts, async ({ db, kind }) => {
        const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
        console.log(`${kind} schema is up to date: ${rows[0]?.name ?? "no migrations"}`);
      });
    });
}
