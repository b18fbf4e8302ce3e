import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../../../src/api/app.js";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
import { nodeStaticFiles } from "../../../src/node/static-files.js";
import { loadDemo } from "../../../seed/load.js";
import { createTestDb } from "../../support/db.js";
import { FreshSearch } from "../../support/search.js";

/**
 * The real app on a random local port: a test database of its own with the demo city, the built
 * web app, the same static-file handler as `npm start`.
 */
export async function startDemoApp() {
  const handle = await createTestDb();
  await loadDemo(handle.db);
  const config = loadConfig({ TSUNAGU_SEED: "none", LOG_LEVEL: "silent" });
  const search = new FreshSearch(handle.db);
  const app = createApp({ db: handle.db, dbKind: handle.kind, config, log: createLogger("silent"), search, indexer: search.worker }, { staticFiles: nodeStaticFiles() });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: handle.db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}
