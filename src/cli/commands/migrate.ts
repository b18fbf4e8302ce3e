import { Command } from "commander";
import { currentMigration, migrateDownOne } from "../../db/migrate.js";
import { usingDatabase, withDatabaseOptions } from "../context.js";

/**
 * `tsunagu migrate`: brings the schema and the reference taxonomy up to date and does nothing
 * else (every database command does this first, and the Node server at start). For
 * deployments that never run the Node server, such as Workers: run it before deploying new code.
 * `--down` reverts the newest applied migration (repeat it to go further back), for a rollback
 * to an earlier release.
 */
export function migrateCommand(): Command {
  return withDatabaseOptions(new Command("migrate"))
    .description("apply pending migrations and sync the taxonomy (idempotent); --down reverts the newest migration")
    .option("--down", "revert the newest migration (drops what it added; take a backup first)")
    .action(async (opts: { down?: boolean; databaseUrl?: string; dataDir?: string }) => {
      if (opts.down) {
        // Not migrated first: each --down goes one step further back.
        await usingDatabase(opts, async ({ db, kind }) => {
          const [reverted] = await migrateDownOne(db);
          console.log(`reverted ${reverted?.migrationName ?? "nothing"}; ${kind} schema now at ${(await currentMigration(db)) ?? "no migrations"}`);
        }, { migrate: false });
        return;
      }
      await usingDatabase(opts, async ({ db, kind }) => {
        console.log(`${kind} schema is up to date: ${(await currentMigration(db)) ?? "no migrations"}`);
      });
    });
}
