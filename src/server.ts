import { serve } from "@hono/node-server";
import { resolve } from "node:path";
import { createApp } from "./api/app.js";
import { openDatabase, openSearchIndex, seedIfEmpty } from "./bootstrap.js";
import { loadConfig } from "./config.js";
import { createLogger } from "./log.js";
import { bufferedLogSink } from "./node/buffered-log-sink.js";
import { nodeStaticFiles } from "./node/static-files.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../seed/load.js";

/** `npm start`: the Node server, with the embedded database and the demo city unless configured otherwise. */
const started = performance.now();
const config = loadConfig();
const log = createLogger(config.LOG_LEVEL, {}, bufferedLogSink());

const handle = await openDatabase(config, log);
const seeded = await seedIfEmpty(handle, config, log);
const { search, worker } = await openSearchIndex(handle, config, log);
const searchDocuments = (await search.stats()).documents;
const app = createApp({ db: handle.db, dbKind: handle.kind, config, log, search, indexer: worker }, { staticFiles: nodeStaticFiles() });

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  const host = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  const url = `http://${host}:${info.port}`;
  const where = handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${resolve(config.TSUNAGU_DATA_DIR)}`;
  const lines = [
    "",
    `  Tsunagu つなぐ is running at ${url}`,
    `  API ${url}/api/v1   docs ${url}/api/docs   health ${url}/api/v1/health`,
    `  Data: ${where}${seeded ? " (demo city loaded just now)" : ""}`,
    `  Search: ${search.engine === "meilisearch" ? `Meilisearch at ${config.MEILISEARCH_URL}` : "embedded"}, ${searchDocuments} documents`,
    `  Started in ${Math.round(performance.now() - started)} ms`,
  ];
  if (config.TSUNAGU_SEED === "demo") {
    lines.push(`  Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(22)} ${a.role.padEnd(13)} ${a.belongsTo}`);
  }
  console.log(lines.join("\n") + "\n");
  worker.start();
  log.info("listening", { port: info.port, host: config.HOST, db: handle.kind, startupMs: Math.round(performance.now() - started) });
});

/** Stop taking connections, let in-flight requests finish, stop the outbox worker, then close the index and the database. */
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  const force = setTimeout(() => {
    log.error("shutdown timed out; exiting");
    process.exit(1);
  }, 10_000);
  force.unref();
  await new Promise<void>((done) => server.close(() => done()));
  await worker.stop();
  await search.close();
  await handle.close();
  log.info("stopped");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
