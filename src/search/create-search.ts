import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../log.js";
import { createReferralNotifier } from "../notifications/referral-notifier.js";
import { OutboxWorker } from "../outbox/worker.js";
import { EmbeddedSearch } from "./embedded/embedded-search.js";
import { MeilisearchAdapter } from "./meilisearch/meilisearch-adapter.js";
import type { SearchPort } from "./port.js";
import { countPublicDocuments } from "./projection.js";
import { rebuildSearchIndex } from "./rebuild.js";
import { loadSynonymGroups } from "./synonyms.js";

/** Meilisearch when `MEILISEARCH_URL` is set, the embedded engine otherwise. */
export function createSearchPort(config: Config): SearchPort {
  if (config.MEILISEARCH_URL) return new MeilisearchAdapter({ host: config.MEILISEARCH_URL, apiKey: config.MEILISEARCH_KEY });
  return new EmbeddedSearch();
}

export interface SearchService {
  search: SearchPort;
  worker: OutboxWorker;
}

/**
 * The search side of start-up: the port, an index that reflects the database, and the outbox
 * worker (not started). The embedded index is built from the database every time; a
 * Meilisearch index is rebuilt only when it is empty while the database is not, and otherwise
 * caught up by the outbox.
 */
export async function openSearch(db: Kysely<Database>, config: Config, log: Logger, search = createSearchPort(config)): Promise<SearchService> {
  if (search.engine === "embedded") {
    const { documents, elapsedMs } = await rebuildSearchIndex(db, search);
    log.info("search index built", { engine: search.engine, documents, ms: Math.round(elapsedMs) });
  } else {
    await search.prepare(await loadSynonymGroups(db));
    const { documents } = await search.stats();
    if (documents === 0 && (await countPublicDocuments(db)) > 0) {
      const result = await rebuildSearchIndex(db, search);
      log.info("search index built", { engine: search.engine, documents: result.documents, ms: Math.round(result.elapsedMs) });
    } else {
      log.info("search index in use", { engine: search.engine, documents });
    }
  }
  return { search, worker: new OutboxWorker({ db, search, log, notifyReferrals: createReferralNotifier(db, config, log) }) };
}
