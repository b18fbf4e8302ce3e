import { Command } from "commander";
import { loadConfig } from "../../config.js";
import { createSearchPort } from "../../search/create-search.js";
import { rebuildSearchIndex } from "../../search/rebuild.js";
import { usingDatabase, withDatabaseOptions } from "../context.js";
import { startProgress } from "../progress.js";

/**
 * `tsunagu reindex`: rebuilds the search index from the database. With Meilisearch
 * (`--meilisearch-url` or MEILISEARCH_URL) the live index is rebuilt beside the old one and
 * swapped in. The embedded index lives inside the server, which rebuilds it at every start;
 * here it is built in this process to check the projection and time it.
 */
export function reindexCommand(): Command {
  return withDatabaseOptions(new Command("reindex"))
    .description("rebuild the search index from the database (Meilisearch: swapped in when complete)")
    .option("--meilisearch-url <url>", "Meilisearch to rebuild (default: MEILISEARCH_URL; without one, the embedded engine is built and checked)")
    .option("--meilisearch-key <key>", "Meilisearch API key (default: MEILISEARCH_KEY)")
    .action(async (opts: { databaseUrl?: string; dataDir?: string; meilisearchUrl?: string; meilisearchKey?: string }) => {
      const config = loadConfig({
        ...process.env,
        ...(opts.meilisearchUrl ? { MEILISEARCH_URL: opts.meilisearchUrl } : {}),
        ...(opts.meilisearchKey ? { MEILISEARCH_KEY: opts.meilisearchKey } : {}),
      });
      const search = createSearchPort(config);
      await usingDatabase(opts, async ({ db }) => {
        let progress: ReturnType<typeof startProgress> | undefined;
        const result = await rebuildSearchIndex(db, search, {
          onProgress: (done, total) => {
            progress ??= startProgress("reindex", total);
            progress.update(done);
          },
        });
        progress?.stop();
        const { documents } = await search.stats();
        const where = search.engine === "meilisearch" ? `Meilisearch at ${config.MEILISEARCH_URL}` : "the embedded engine (this process only; the server builds its own at start)";
        console.log(`indexed ${result.documents} documents into ${where} in ${(result.elapsedMs / 1000).toFixed(1)} s; the index holds ${documents}`);
      });
      await search.close();
    });
}
