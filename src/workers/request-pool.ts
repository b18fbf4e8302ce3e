import { AsyncLocalStorage } from "node:async_hooks";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import pg from "pg";

/** What a Worker invocation offers for work that outlives its response. */
export interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * A `pg` pool per request behind one kysely instance. Workers forbid using a socket opened by
 * one request from another, so a process-wide pool (as on Node) would fail on its second
 * request; instead each invocation opens its own small pool (cheap behind Hyperdrive, which
 * keeps the real connections) and closes it once the response and its background work are done.
 * kysely asks for connections through `connect()`, which picks the pool of the invocation it is
 * called from.
 */
export class RequestScopedPool implements PostgresPool {
  readonly #current = new AsyncLocalStorage<pg.Pool>();
  readonly #config: pg.PoolConfig;

  constructor(connectionString: string, max: number) {
    this.#config = { connectionString, max };
  }

  /** Runs `fn` with a pool of its own; `after` runs in the background, then the pool closes. */
  run<T>(ctx: WaitUntil, fn: () => Promise<T>, after?: (result: T) => Promise<void>): Promise<T> {
    const pool = new pg.Pool(this.#config);
    // An idle connection that fails (server restart) must not become an uncaught error.
    pool.on("error", () => undefined);
    return this.#current.run(pool, async () => {
      let result: T;
      try {
        result = await fn();
      } catch (err) {
        ctx.waitUntil(pool.end());
        throw err;
      }
      ctx.waitUntil((async () => {
        try {
          await after?.(result);
        } finally {
          await pool.end();
        }
      })());
      return result;
    });
  }

  connect(): Promise<PostgresPoolClient> {
    const pool = this.#current.getStore();
    if (!pool) throw new Error("the database was used outside a request (RequestScopedPool.run)");
    return pool.connect();
  }

  /** Each invocation's pool closes itself; there is nothing process-wide to end. */
  async end(): Promise<void> {}
}
