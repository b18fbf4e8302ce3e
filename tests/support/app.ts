import type { DbHandle } from "../../src/db/create-db.js";
import { createApp } from "../../src/api/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";

/** The real app over a test database; requests go through `app.request`, no port needed. */
export function createTestApp(handle: DbHandle, env: Record<string, string> = {}) {
  const config = loadConfig({ TSUNAGU_SEED: "none", LOG_LEVEL: "silent", ...env });
  return createApp({ db: handle.db, dbKind: handle.kind, config, log: createLogger("silent") });
}

export async function getJson(app: { request: (p: string, i?: RequestInit) => Response | Promise<Response> }, path: string) {
  const res = await app.request(path);
  return { res, body: (await res.json()) as any };
}
