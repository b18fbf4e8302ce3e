import { createApp } from "../api/app.js";
import { type Config, ConfigError, loadConfig } from "../config.js";
import { createLogger } from "../log.js";
import type { Logger } from "../log.js";
import { kyselyOn } from "../db/postgres.js";
import { logMailer } from "../notifications/mailer.js";
import { createReferralNotifier } from "../notifications/referral-notifier.js";
import { OutboxWorker } from "../outbox/worker.js";
import { MeilisearchAdapter } from "../search/meilisearch/meilisearch-adapter.js";
import { prepareSharedIndex } from "../search/rebuild.js";
import { loadSynonymGroups } from "../search/synonyms.js";
import { RequestScopedPool } from "./request-pool.js";
import { type AssetsBinding, workersStaticAssets } from "./static-assets.js";

/** The Worker's bindings (wrangler.toml): vars and secrets are strings, plus these two. */
export interface WorkerEnv {
  /** Hyperdrive in front of PostgreSQL; preferred over `DATABASE_URL`. */
  HYPERDRIVE?: { connectionString: string };
  /** The built web app (dist/web). */
  ASSETS?: AssetsBinding;
  [variable: string]: unknown;
}

/** Connections one invocation may open (Workers allow six open sockets per request, search included). */
const POOL_PER_REQUEST = 4;
/** How long an isolate plans queries with the synonyms it loaded before reading them again. */
const SYNONYMS_TTL_MS = 5 * 60_000;

/** The Worker's configuration: the same variables as on Node, PostgreSQL and Meilisearch required. */
export function workerConfig(env: WorkerEnv): Config & { DATABASE_URL: string; MEILISEARCH_URL: string } {
  const vars = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === "string"));
  const config = loadConfig({ ...vars, ...(env.HYPERDRIVE ? { DATABASE_URL: env.HYPERDRIVE.connectionString } : {}) });
  const { DATABASE_URL, MEILISEARCH_URL } = config;
  if (!DATABASE_URL) throw new ConfigError("Invalid configuration:\n  DATABASE_URL: a Worker needs PostgreSQL (a HYPERDRIVE binding or DATABASE_URL)");
  if (!MEILISEARCH_URL) throw new ConfigError("Invalid configuration:\n  MEILISEARCH_URL: a Worker searches with Meilisearch (the embedded engine lives in one process)");
  return { ...config, DATABASE_URL, MEILISEARCH_URL };
}

/**
 * What one Worker isolate keeps between invocations: the app, the search adapter and the outbox
 * worker, all stateless towards the database (each invocation brings its own connections, see
 * RequestScopedPool). Compared with Node (src/server.ts): no PGlite, no migrations or seeding
 * (run `tsunagu migrate` before deploying), Meilisearch only, notices written to the log (no
 * SMTP from a Worker), and the outbox drained after each write and by the Cron Trigger instead of
 * a polling loop.
 */
export class WorkerRuntime {
  readonly pool: RequestScopedPool;
  readonly app: ReturnType<typeof createApp>;
  readonly log: Logger;
  readonly #db;
  readonly #search: MeilisearchAdapter;
  readonly #outbox: OutboxWorker;
  #indexPrepared = false;
  #synonymsLoadedAt = Number.NEGATIVE_INFINITY;

  constructor(env: WorkerEnv) {
    const config = workerConfig(env);
    this.log = createLogger(config.LOG_LEVEL, { runtime: "workers" });
    this.pool = new RequestScopedPool(config.DATABASE_URL, POOL_PER_REQUEST);
    this.#db = kyselyOn(this.pool);
    this.#search = new MeilisearchAdapter({ host: config.MEILISEARCH_URL, apiKey: config.MEILISEARCH_KEY });
    const mailer = logMailer(this.log.child({ component: "mail" }));
    this.#outbox = new OutboxWorker({ db: this.#db, search: this.#search, log: this.log, notifyReferrals: createReferralNotifier(this.#db, config, mailer) });
    const deps = { db: this.#db, dbKind: "postgres" as const, config, log: this.log, search: this.#search, indexer: this.#outbox };
    this.app = createApp(deps, { staticFiles: env.ASSETS ? workersStaticAssets(env.ASSETS) : undefined });
  }

  /** Query planning needs the synonym table; this isolate reads it now and then (inside a request). */
  async refreshSynonyms(): Promise<void> {
    if (Date.now() - this.#synonymsLoadedAt < SYNONYMS_TTL_MS) return;
    try {
      this.#search.useSynonyms(await loadSynonymGroups(this.#db));
      this.#synonymsLoadedAt = Date.now();
    } catch (err) {
      this.log.warn("could not load synonyms; searching without them", { err });
    }
  }

  /**
   * Readies the index once per isolate, then applies pending outbox rows. Failures are logged
   * here or by the outbox worker, and rejected; the rows stay pending for the next attempt.
   */
  async drainOutbox(options: { onlyWhenPending?: boolean } = {}): Promise<void> {
    if (options.onlyWhenPending && !(await this.#outboxPending())) return;
    if (!this.#indexPrepared) {
      try {
        await prepareSharedIndex(this.#db, this.#search, this.log);
      } catch (err) {
        this.log.warn("could not prepare the search index; will retry", { err });
        throw err;
      }
      this.#indexPrepared = true;
    }
    await this.#outbox.drain();
  }

  async #outboxPending(): Promise<boolean> {
    return (await this.#db.selectFrom("outbox").select("id").where("processed_at", "is", null).limit(1).executeTakeFirst()) !== undefined;
  }
}
