import { type Kysely, type Transaction, sql } from "kysely";
import type { Database } from "../db/database.js";
import type { Logger } from "../log.js";
import { type SearchPort, SearchRejectedError } from "../search/port.js";
import { loadOrganizationDocuments, loadServiceDocuments } from "../search/projection.js";
import { loadSynonymGroups } from "../search/synonyms.js";

/**
 * The read side of the transactional outbox: drains `outbox` into the search index, oldest
 * first. A row names an aggregate that changed; the worker re-reads its current state and
 * replaces that aggregate's documents, so applying a row twice is harmless. Rows are marked
 * processed only after the index accepted the change; while the index is down the worker retries
 * the same rows with exponential backoff, and nothing behind them goes first. When the index
 * rejects documents outright (a Meilisearch validation error) the rows are parked: marked
 * processed with the error kept in `last_error`, and logged.
 *
 * For a shared index (Meilisearch) drains are serialized across processes with a transaction
 * advisory lock; the embedded index belongs to its process and drains without one.
 */
export interface OutboxWorkerOptions {
  db: Kysely<Database>;
  search: SearchPort;
  log: Logger;
  /** Rows per drain step. @defaultValue 500 */
  batchSize?: number;
  /** Pause when the outbox is empty, ms. @defaultValue 250 */
  pollMs?: number;
  /** First retry delay after a failure, ms; doubles up to `maxBackoffMs`. @defaultValue 500 */
  backoffMs?: number;
  /** @defaultValue 30000 */
  maxBackoffMs?: number;
  /** Sends the notices of `referral.notify` rows (after the index is updated; a failure retries the batch). */
  notifyReferrals?: (referralIds: readonly string[]) => Promise<void>;
}

export interface OutboxWorkerStatus {
  running: boolean;
  /** The last attempt failed and the worker is waiting to retry. */
  retrying: boolean;
  consecutiveFailures: number;
  lastError?: string;
  /** Rows applied since start. */
  processed: number;
}

/** Arbitrary constant: the advisory lock that serializes drains into a shared index. */
const DRAIN_LOCK = 7_231_905_117;
type Executor = Kysely<Database> | Transaction<Database>;

export class OutboxWorker {
  readonly #db: Kysely<Database>;
  readonly #search: SearchPort;
  readonly #notifyReferrals: OutboxWorkerOptions["notifyReferrals"];
  readonly #log: Logger;
  readonly #batchSize: number;
  readonly #pollMs: number;
  readonly #backoffMs: number;
  readonly #maxBackoffMs: number;
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #failures = 0;
  #lastError: string | undefined;
  #processed = 0;

  constructor(options: OutboxWorkerOptions) {
    this.#db = options.db;
    this.#search = options.search;
    this.#notifyReferrals = options.notifyReferrals;
    this.#log = options.log.child({ component: "outbox" });
    this.#batchSize = options.batchSize ?? 500;
    this.#pollMs = options.pollMs ?? 250;
    this.#backoffMs = options.backoffMs ?? 500;
    this.#maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  status(): OutboxWorkerStatus {
    return {
      running: this.#running,
      retrying: this.#failures > 0,
      consecutiveFailures: this.#failures,
      lastError: this.#lastError,
      processed: this.#processed,
    };
  }

  /** Starts draining in the background until `stop`. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Finishes the step in progress, then stops. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wake?.();
    await this.#loop;
    this.#loop = undefined;
  }

  /** Drain now instead of at the next poll (after a write in this process). */
  poke(): void {
    this.#wake?.();
  }

  /** Applies every pending row; rejects (after recording the failure) when the index fails. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.step();
      total += n;
      if (n < this.#batchSize) return total;
    }
  }

  /** One step: applies up to `batchSize` of the oldest pending rows; returns how many. */
  async step(): Promise<number> {
    try {
      const n = this.#search.engine === "embedded"
        ? await this.#apply(this.#db)
        : await this.#db.transaction().execute(async (trx) => {
            const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${DRAIN_LOCK}) as locked`.execute(trx);
            return rows[0]?.locked ? this.#apply(trx) : 0;
          });
      if (this.#failures > 0) this.#log.info("search index reachable again; outbox draining", { failures: this.#failures });
      this.#failures = 0;
      this.#lastError = undefined;
      this.#processed += n;
      return n;
    } catch (err) {
      this.#failures++;
      this.#lastError = err instanceof Error ? err.message : String(err);
      await this.#recordFailure().catch(() => undefined);
      if (this.#failures === 1 || this.#failures % 10 === 0) this.#log.warn("outbox step failed; will retry", { failures: this.#failures, err });
      throw err;
    }
  }

  async #apply(db: Executor): Promise<number> {
    const rows = await db
      .selectFrom("outbox")
      .select(["id", "topic", "aggregate_id"])
      .where("processed_at", "is", null)
      .orderBy("id")
      .limit(this.#batchSize)
      .execute();
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    try {
      await this.#applyRows(db, rows);
      await db.updateTable("outbox").set({ processed_at: new Date(), last_error: null }).where("id", "in", ids).execute();
    } catch (err) {
      if (!(err instanceof SearchRejectedError)) throw err;
      this.#log.error("search index rejected documents; outbox rows parked", { rows: ids.length, first: ids[0], err });
      await db.updateTable("outbox").set({ processed_at: new Date(), last_error: `parked: ${err.message}`.slice(0, 2000) }).where("id", "in", ids).execute();
    }
    return rows.length;
  }

  async #applyRows(db: Executor, rows: { topic: string; aggregate_id: string }[]) {
    const serviceIds = new Set(rows.filter((r) => r.topic === "service.changed").map((r) => r.aggregate_id));
    const organizationIds = [...new Set(rows.filter((r) => r.topic === "organization.changed").map((r) => r.aggregate_id))];
    if (rows.some((r) => r.topic === "synonyms.changed")) await this.#search.setSynonyms(await loadSynonymGroups(db));
    if (organizationIds.length) {
      for (const id of (await loadOrganizationDocuments(db, organizationIds)).serviceIds) serviceIds.add(id);
    }
    if (serviceIds.size > 0 || organizationIds.length > 0) {
      const documents = await loadServiceDocuments(db, [...serviceIds]);
      await this.#search.replace({ serviceIds: [...serviceIds], organizationIds }, documents);
    }
    const referralIds = [...new Set(rows.filter((r) => r.topic === "referral.notify").map((r) => r.aggregate_id))];
    if (referralIds.length && this.#notifyReferrals) await this.#notifyReferrals(referralIds);
  }

  /** Counts the attempt on the rows at the head of the queue (visible in the table while the index is down). */
  async #recordFailure() {
    const head = await this.#db.selectFrom("outbox").select("id").where("processed_at", "is", null).orderBy("id").limit(this.#batchSize).execute();
    if (head.length === 0) return;
    await this.#db
      .updateTable("outbox")
      .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: (this.#lastError ?? "").slice(0, 2000) }))
      .where("id", "in", head.map((r) => r.id))
      .execute();
  }

  async #run() {
    while (this.#running) {
      let delay = this.#pollMs;
      try {
        const n = await this.step();
        if (n === this.#batchSize) delay = 0;
      } catch {
        delay = Math.min(this.#maxBackoffMs, this.#backoffMs * 2 ** Math.min(this.#failures - 1, 16));
      }
      if (delay > 0 && this.#running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.#wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.#wake = undefined;
      }
    }
  }
}
