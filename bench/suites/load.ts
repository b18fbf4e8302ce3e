import { cpus, loadavg } from "node:os";
import { sql } from "kysely";
import { syncTaxonomy } from "../../src/catalog/taxonomy-sync.js";
import { createDb } from "../../src/db/create-db.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { loadDemo, loadSynthetic } from "../../seed/load.js";
import { type BenchContext, type BenchRow, type BenchSuite, atLeast, atMost, measured } from "../harness.js";
import { loadFixtureIds, signInStaff } from "../load/fixtures.js";
import { mixedRequests, searchRequests } from "../load/mix.js";
import { type LoadResult, runRequests } from "../load/run-requests.js";
import { postgresDatabase } from "../postgres.js";
import { startServer } from "../server-process.js";

/**
 * HTTP load on the real Node server (`src/server.ts`, a process of its own) on PostgreSQL, with
 * the demo city and the synthetic catalog: a mixed run (public search, HSDS reads, signed-in
 * staff flows) where every answer's status is checked, then a search-only run; then the
 * search-only run again on a regional catalog, what one small server holds for one center's
 * area. autocannon runs in the bench process, so client and server share the machine's cores.
 */
const MIXED_REQUESTS = 12_000;
const SEARCH_REQUESTS = 20_000;
const CONNECTIONS = 16;
const SEARCH_TARGET = 3_000;
const MEMORY_TARGET_MIB = 1_024;
/** The regional catalog: over fifty times the demo city's 355 services. */
const REGIONAL_DOCS = 20_000;

export const loadSuite: BenchSuite = {
  name: "load",
  description: `HTTP load on the Node server on PostgreSQL (demo city + synthetic catalog), autocannon over ${CONNECTIONS} connections: a mixed run and a search-only run, then the search-only run on a ${REGIONAL_DOCS / 1000}k regional catalog (the mix is in bench/README.md)`,
  async run(ctx) {
    const rows = await nationwide(ctx);
    if (rows.length && ctx.docs > REGIONAL_DOCS) rows.push(...(await regional(ctx)));
    return rows;
  },
};

/** Both runs on `ctx.docs` services, with cold start and memory. */
async function nationwide(ctx: BenchContext): Promise<BenchRow[]> {
  const server = await postgresDatabase(ctx, "load");
  if (!server) {
    ctx.log("no PostgreSQL server: load suite skipped");
    return [];
  }
  try {
    const fixtures = await prepareDatabase(ctx, server.url, ctx.docs);
    const app = await startServer({ DATABASE_URL: server.url, TSUNAGU_SEED: "none" });
    try {
      ctx.log(`server healthy after ${Math.round(app.startMs)} ms, ${(await app.memory()).rssMiB.toFixed(0)} MiB resident`);
      const staffToken = await signInStaff(app.url);
      await runRequests(app.url, searchRequests(1_000, "bench-load-warm-up"), CONNECTIONS);

      const mixed = await runRequests(app.url, mixedRequests(MIXED_REQUESTS, { ...fixtures, staffToken }), CONNECTIONS);
      report(ctx, "mixed", mixed);
      const loadMixed = loadavg()[0]!;
      const search = await runRequests(app.url, searchRequests(SEARCH_REQUESTS), CONNECTIONS);
      report(ctx, "search only", search);
      const loadSearch = loadavg()[0]!;
      const memory = await app.memory();
      ctx.log(`server memory after the runs: ${memory.rssMiB.toFixed(0)} MiB resident, peak ${memory.peakMiB.toFixed(0)} MiB`);

      const size = `${Math.round(ctx.docs / 1000)}k catalog`;
      return [
        atMost(`mixed run: requests answered with an unexpected status or not at all (of ${mixed.requests})`, mixed.errors, "errors", 0, errorNote(mixed)),
        measured(`mixed run: throughput (${size})`, mixed.requestsPerSecond, "req/s", under(loadMixed)),
        measured("mixed run: latency p50", mixed.p50, "ms"),
        measured("mixed run: latency p99", mixed.p99, "ms"),
        atMost(`search-only run: errors (of ${search.requests})`, search.errors, "errors", 0, errorNote(search)),
        atLeast(`search-only run: throughput (${size})`, search.requestsPerSecond, "req/s", SEARCH_TARGET, `${under(loadSearch)}; ${share(search.cacheHits, search.requests)} answered from the search cache`),
        measured("search-only run: latency p50", search.p50, "ms"),
        measured("search-only run: latency p99", search.p99, "ms"),
        measured(`cold start on PostgreSQL (${size}: migrate check + embedded index build)`, app.startMs, "ms"),
        atMost(`server memory after the runs (${size}, resident)`, memory.rssMiB, "MiB", MEMORY_TARGET_MIB, `peak ${Math.round(memory.peakMiB)} MiB`),
      ] satisfies BenchRow[];
    } finally {
      await app.stop();
    }
  } finally {
    await server.drop();
  }
}

/** The search-only run on the regional catalog. */
async function regional(ctx: BenchContext): Promise<BenchRow[]> {
  const server = (await postgresDatabase(ctx, "load_regional"))!;
  try {
    await prepareDatabase(ctx, server.url, REGIONAL_DOCS);
    const app = await startServer({ DATABASE_URL: server.url, TSUNAGU_SEED: "none" });
    try {
      await runRequests(app.url, searchRequests(1_000, "bench-load-warm-up"), CONNECTIONS);
      const search = await runRequests(app.url, searchRequests(SEARCH_REQUESTS), CONNECTIONS);
      report(ctx, "search only, regional catalog", search);
      const size = `${Math.round(REGIONAL_DOCS / 1000)}k catalog`;
      return [
        atMost(`search-only run, ${size}: errors (of ${search.requests})`, search.errors, "errors", 0, errorNote(search)),
        atLeast(`search-only run: throughput (${size})`, search.requestsPerSecond, "req/s", SEARCH_TARGET, `${under(loadavg()[0]!)}; ${share(search.cacheHits, search.requests)} answered from the search cache`),
        measured(`search-only run, ${size}: latency p50`, search.p50, "ms"),
        measured(`search-only run, ${size}: latency p99`, search.p99, "ms"),
      ];
    } finally {
      await app.stop();
    }
  } finally {
    await server.drop();
  }
}

const under = (load: number) => `load average ${load.toFixed(1)} on ${cpus().length} cores, client and server on the same machine`;

/** Migrates, loads the demo city and `docs` synthetic services, vacuums, and returns the ids the requests use. */
async function prepareDatabase(ctx: BenchContext, url: string, docs: number) {
  const handle = await createDb({ databaseUrl: url, poolSize: 8 });
  try {
    await migrateToLatest(handle.db);
    await syncTaxonomy(handle.db);
    await loadDemo(handle.db);
    const started = performance.now();
    await loadSynthetic(handle.db, { count: docs, concurrency: 3 });
    ctx.log(`loaded the demo city and ${docs} synthetic services in ${Math.round(performance.now() - started)} ms`);
    // As autovacuum leaves a database that has settled: statistics and visibility map up to date.
    await sql`vacuum analyze`.execute(handle.db);
    return await loadFixtureIds(handle.db);
  } finally {
    await handle.close();
  }
}

function report(ctx: BenchContext, name: string, r: LoadResult) {
  ctx.log(`${name}: ${r.requests} requests in ${r.durationSeconds.toFixed(1)} s, ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.errors} errors, ${r.cacheHits} answered from the search cache`);
  for (const [kind, k] of Object.entries(r.byKind)) ctx.log(`  ${kind}: ${k.n} requests, p50 ${k.p50.toFixed(1)} ms, p99 ${k.p99.toFixed(1)} ms${k.cacheHits ? `, ${k.cacheHits} from the cache` : ""}`);
  for (const [what, n] of Object.entries(r.unexpected)) ctx.log(`  unexpected: ${what} × ${n}`);
}

const share = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))} %`;

function errorNote(r: LoadResult): string | undefined {
  const entries = Object.entries(r.unexpected);
  return entries.length ? entries.map(([what, n]) => `${what} × ${n}`).join(", ") : undefined;
}
