import type { DbHandle } from "../../src/db/create-db.js";
import { createApp } from "../../src/api/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { FreshSearch } from "./search.js";

/**
 * The real app over a test database; requests go through `app.request`, no port needed. Its
 * search index is the embedded engine, built from the database on the first search and caught
 * up with the outbox before every search (see `FreshSearch`).
 */
export function createTestApp(handle: DbHandle, env: Record<string, string> = {}) {
  return createSearchTestApp(handle, env).app;
}

/** The test app with its search index, for tests that look at the index or the outbox worker directly. */
export function createSearchTestApp(handle: DbHandle, env: Record<string, string> = {}) {
  const config = loadConfig({ TSUNAGU_SEED: "none", LOG_LEVEL: "silent", ...env });
  const search = new FreshSearch(handle.db);
  const app = createApp({ db: handle.db, dbKind: handle.kind, config, log: createLogger("silent"), search, indexer: search.worker });
  return { app, search };
}

export async function getJson(app: { request: (p: string, i?: RequestInit) => Response | Promise<Response> }, path: string) {
  const res = await app.request(path);
  return { res, body: (await res.json()) as any };
}
