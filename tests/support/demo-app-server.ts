import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../../src/api/app.js";
import { openSearchIndex } from "../../src/bootstrap.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { nodeStaticFiles } from "../../src/node/static-files.js";
import { loadDemo } from "../../seed/load.js";
import { createTestDb } from "./db.js";

/**
 * The real app on a random local port, put together as `npm start` does: a test database of its
 * own with the demo city, the embedded search index built from it with its outbox worker running,
 * and the built web app behind the same static-file handler.
 */
export async function startDemoApp() {
  const handle = await createTestDb();
  await loadDemo(handle.db);
  const config = loadConfig({ TSUNAGU_SEED: "none", LOG_LEVEL: "silent" });
  const log = createLogger("silent");
  const { search, worker } = await openSearchIndex(handle, config, log);
  const app = createApp({ db: handle.db, dbKind: handle.kind, config, log, search, indexer: worker }, { staticFiles: nodeStaticFiles() });
  worker.start();
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: handle.db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await worker.stop();
      await search.close();
      await handle.close();
    },
  };
}
