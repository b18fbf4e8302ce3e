import { ConfigError } from "./config.js";
import { isApiPath } from "./api/web-paths.js";
import { type WorkerEnv, WorkerRuntime } from "./workers/runtime.js";
import type { WaitUntil } from "./workers/request-pool.js";

/**
 * Cloudflare Workers entry point (wrangler.toml): the same Hono app as `src/server.ts`, on
 * PostgreSQL (Hyperdrive or DATABASE_URL) and Meilisearch. `fetch` serves the API and the web
 * app; `scheduled` (the Cron Trigger) drains the outbox into Meilisearch.
 */
let runtime: WorkerRuntime | undefined;
const runtimeFor = (env: WorkerEnv) => (runtime ??= new WorkerRuntime(env));

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: WaitUntil): Promise<Response> {
    let rt: WorkerRuntime;
    try {
      rt = runtimeFor(env);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      console.error(err.message);
      return Response.json({ type: "about:blank", title: "Internal Server Error", status: 500, detail: err.message }, { status: 500, headers: { "content-type": "application/problem+json" } });
    }
    const path = new URL(request.url).pathname;
    return rt.pool.run(
      ctx,
      async () => {
        if (isApiPath(path)) await rt.refreshSynonyms();
        return rt.app.fetch(request);
      },
      // A successful write may have queued outbox rows: index them now rather than at the next cron tick.
      async (res) => {
        // Failures are already logged; the Cron Trigger retries.
        if (WRITES.has(request.method) && res.ok && isApiPath(path)) await rt.drainOutbox({ onlyWhenPending: true }).catch(() => undefined);
      },
    );
  },

  async scheduled(_event: unknown, env: WorkerEnv, ctx: WaitUntil): Promise<void> {
    const rt = runtimeFor(env);
    await rt.pool.run(ctx, () => rt.drainOutbox());
  },
};
