import { Command } from "commander";
import { isDatabaseEmpty, loadDemo, loadSynthetic } from "../../../seed/load.js";
import { CliError, EXIT, positiveInt, usingDatabase, withDatabaseOptions } from "../context.js";
import { startProgress } from "../progress.js";

/** `tsunagu seed`: the demo city into an empty database, or the synthetic nationwide catalog (benchmarks). */
export function seedCommand(): Command {
  return withDatabaseOptions(new Command("seed"))
    .description("load the demo city into an empty database, or --synthetic N resources spread over Japan")
    .option("--synthetic <count>", "load N synthetic resources instead of the demo city", positiveInt("--synthetic"))
    .option("--seed <seed>", "seed of the synthetic generator (same seed, same catalog)", "1")
    .action(async (opts: { synthetic?: number; seed: string; databaseUrl?: string; dataDir?: string }) => {
      await usingDatabase(opts, async ({ db, kind }) => {
        if (opts.synthetic) {
          const progress = startProgress("synthetic catalog", opts.synthetic);
          const result = await loadSynthetic(db, { count: opts.synthetic, seed: opts.seed, concurrency: kind === "postgres" ? 3 : 1, onProgress: (p) => progress.update(p.services) });
          progress.stop();
          console.log(
            `loaded ${result.services} services of ${result.organizations} organizations in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
              `(${Math.round(result.servicesPerSecond)} services/s)`,
          );
          return;
        }
        if (!(await isDatabaseEmpty(db))) throw new CliError("the database is not empty; the demo city loads only into an empty one", EXIT.error);
        const result = await loadDemo(db);
        console.log(`loaded the demo city: ${result.centers.length} centers, ${result.organizations} organizations, ${result.services} services, ${result.users.length} accounts`);
      });
    });
}
