import { Command, CommanderError } from "commander";
import { ConfigError } from "../config.js";
import { CliError, EXIT } from "./context.js";
import { benchCommand } from "./commands/bench.js";
import { exportCommand } from "./commands/export.js";
import { importCommand } from "./commands/import.js";
import { migrateCommand } from "./commands/migrate.js";
import { reindexCommand } from "./commands/reindex.js";
import { seedCommand } from "./commands/seed.js";
import { synonymsCommand } from "./commands/synonyms.js";
import { userCommand } from "./commands/user.js";

/**
 * `tsunagu`: the command line. Every subcommand works the same against PGlite (`--data-dir`,
 * default `TSUNAGU_DATA_DIR` or ./data; an explicit `--data-dir` wins over `DATABASE_URL`) or PostgreSQL (`--database-url`, default `DATABASE_URL`).
 * Exit codes: 0 ok, 1 error, 2 usage.
 */
const program = new Command()
  .name("tsunagu")
  .description("Tsunagu つなぐ: resource directory and referral matching for こども家庭センター")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

for (const command of [migrateCommand(), seedCommand(), userCommand(), importCommand(), exportCommand(), reindexCommand(), synonymsCommand(), benchCommand()]) {
  program.addCommand(command);
}

try {
  await program.parseAsync(process.argv);
  process.exitCode ??= EXIT.ok;
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (err instanceof CliError || err instanceof ConfigError) {
    console.error(`tsunagu: ${err.message}`);
    process.exitCode = err instanceof CliError ? err.exitCode : EXIT.usage;
  } else {
    console.error(`tsunagu: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = EXIT.error;
  }
}
