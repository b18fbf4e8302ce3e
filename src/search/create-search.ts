import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { Logger } from "../log.js";
import { createReferralNotifier } from "../notifications/referral-notifier.js";
import { createMailer } from "../notifications/smtp-mailer.js";
import { OutboxWorker } from "../outbox/worker.js";
import { EmbeddedSearch } from "./embedded/embedded-search.js";
import { ThreadedSearch } from "./embedded/thread/threaded-search.js";
import { MeilisearchAdapter } from "./meilisearch/meilisearch-adapter.js";
import type { SearchPort } from "./port.js";
import { prepareSharedIndex, rebuildSearchIndex } from "./rebuild.js";

/** Meilisearch when `MEILISEARCH_URL` is set, the embedded engine otherwise (on a thread of its own unless configured inline). */
export function createSearchPort(config: Config, log?: Logger): SearchPort {
  if (config.MEILISEARCH_URL) return new MeilisearchAdapter({ host: config.MEILISEARCH_URL, apiKey: config.MEILISEARCH_KEY });
  if (config.TSUNAGU_SEARCH_THREAD === "inline") return new EmbeddedSearch();
  return new ThreadedSearch({
    onCrash: (err) => log?.error("the search thread stopped: searches answer 503 until the server restarts", { error: err.message }),
  });
}

export interface SearchService {
  search: SearchPort;
  worker: OutboxWorker;
}

/**
 * The search side of start-up: the port, an index that reflects the database, and the outbox
 * worker (not started). The embedded index is built from the database every time; a
 * Meilisearch index is readied by `prepareSharedIndex`. Node only (the Worker composes its own:
 * src/workers/runtime.ts).
 */
export async function openSearch(db: Kysely<Database>, config: Config, log: Logger, search = createSearchPort(config, log)): Promise<SearchService> {
  if (search.engine === "embedded") {
    const { documents, elapsedMs } = await rebuildSearchIndex(db, search);
    log.info("search index built", { engine: search.engine, documents, ms: Math.round(elapsedMs) });
  } else {
    await prepareSharedIndex(db, search, log);
  }
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.TSUNAGU_MAIL_FROM, log: log.child({ component: "mail" }) });
  return { search, worker: new OutboxWorker({ db, search, log, notifyReferrals: createReferralNotifier(db, config, mailer) }) };
}
