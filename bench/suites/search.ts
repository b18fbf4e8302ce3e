import { execFile } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { promisify } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { buildNodeEntry } from "../../scripts/build-server.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import { streamAllDocuments } from "../../src/search/projection.js";
import { rebuildSearchIndex } from "../../src/search/rebuild.js";
import { type SyntheticCatalog, withSyntheticCatalog } from "../catalog.js";
import { type BenchContext, type BenchRow, type BenchSuite, atLeast, atMost, machineLoad, measured, summarize } from "../harness.js";
import { BASELINE_DESCRIPTION, baselineSearch, createBaseline } from "../search-baseline.js";
import { type BenchQuery, QUERY_CLASSES, searchQueryMix } from "../search-queries.js";

/**
 * The embedded engine on the synthetic catalog against the best stock PostgreSQL offers
 * (search-baseline.ts), query class by query class, in the same run on the same documents:
 * latency percentiles, their ratio, and the index build time and memory.
 */

/** Rounds over the whole mix; every round runs each query `ENGINE_RUNS` times on the engine and once on PostgreSQL. */
const ROUNDS = 5;
const ENGINE_RUNS = 8;
const WARMUP_ROUNDS = 1;

const TARGET_P50_MS = 2;
const TARGET_P99_MS = 10;
const TARGET_RATIO = 10;
const TARGET_BUILD_MS = 10_000;
const TARGET_RSS_MB = 500;

export const searchSuite: BenchSuite = {
  name: "search",
  description: "the embedded engine (top 20, exact total, facets) against PostgreSQL pg_trgm + earthdistance on the synthetic catalog; index build time and memory",
  async run(ctx) {
    const rows = await withSyntheticCatalog(ctx, "search", { pgliteFallback: true }, (catalog) => measure(ctx, catalog));
    return rows ?? [];
  },
};

async function measure(ctx: BenchContext, catalog: SyntheticCatalog): Promise<BenchRow[]> {
  const size = `${Math.round(ctx.docs / 1000)}k docs`;
  const build = await buildFigures(ctx, catalog);
  const buildLoad = machineLoad("after the build");
  const search = new EmbeddedSearch();
  await rebuildSearchIndex(catalog.db, search);
  const baselineDocs = await createBaseline(catalog.db, catalog.kind, streamAllDocuments(catalog.db));
  ctx.log(`baseline table: ${baselineDocs} documents on ${catalog.kind}`);

  const mix = searchQueryMix();
  const engine = new Map<string, number[]>();
  const baseline = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, key: string, v: number) => (m.get(key) ?? m.set(key, []).get(key)!).push(v);
  const loads: number[] = [];
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const record = round >= WARMUP_ROUNDS;
    for (const { class: cls, query } of mix) {
      // Interleaved, so both sides see the same load on the shared machine.
      for (let i = 0; i < ENGINE_RUNS; i++) {
        const t = performance.now();
        await search.search(query);
        if (record) push(engine, cls, performance.now() - t);
      }
      const t = performance.now();
      await baselineSearch(catalog.db, catalog.kind, query);
      if (record) push(baseline, cls, performance.now() - t);
    }
    if (record) loads.push(loadavg()[0]!);
    ctx.log(`round ${round + 1}/${WARMUP_ROUNDS + ROUNDS} done (${machineLoad("now")})`);
  }
  await checkSameTotals(ctx, search, catalog, mix);

  const load = `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores during the rounds`;
  const pg = catalog.kind === "postgres" ? "PostgreSQL" : "PGlite";
  const out: BenchRow[] = [];
  for (const cls of QUERY_CLASSES) {
    const e = summarize(engine.get(cls)!);
    const b = summarize(baseline.get(cls)!);
    ctx.log(`${cls}: engine p50 ${e.p50.toFixed(2)} p95 ${e.p95.toFixed(2)} p99 ${e.p99.toFixed(2)} ms; ${pg} p50 ${b.p50.toFixed(1)} p95 ${b.p95.toFixed(1)} p99 ${b.p99.toFixed(1)} ms`);
    const runs = `${e.n} runs of ${mix.length / QUERY_CLASSES.length} queries; ${load}`;
    // The latency targets are for a search as users make it: top 20, exact total, kind counts.
    // The every-facet class shows what the other four facets add, against the ratio target only.
    const latencyTarget = cls !== "text+facets";
    out.push(
      latencyTarget
        ? atMost(`${cls}: engine p50 (${size})`, e.p50, "ms", TARGET_P50_MS, runs)
        : measured(`${cls}: engine p50 (${size})`, e.p50, "ms", `${runs}; every facet (kind, municipality, language, free, openOn), beyond the kind counts the latency targets are set for`),
      measured(`${cls}: engine p95 (${size})`, e.p95, "ms"),
      latencyTarget ? atMost(`${cls}: engine p99 (${size})`, e.p99, "ms", TARGET_P99_MS) : measured(`${cls}: engine p99 (${size})`, e.p99, "ms"),
      measured(`${cls}: ${pg} baseline p50 / p95 / p99 (${size})`, b.p50, "ms", `p95 ${b.p95.toFixed(1)} ms, p99 ${b.p99.toFixed(1)} ms`),
      atLeast(`${cls}: ${pg} p50 ÷ engine p50 (${size})`, b.p50 / e.p50, "×", TARGET_RATIO),
    );
  }
  const all = summarize([...engine.values()].flat());
  const allBaseline = summarize([...baseline.values()].flat());
  out.push(
    atLeast(`all classes: ${pg} p50 ÷ engine p50 (${size})`, allBaseline.p50 / all.p50, "×", TARGET_RATIO, `baseline: ${BASELINE_DESCRIPTION}`),
    atMost(`index build from the database (${size})`, build.buildMs, "ms", TARGET_BUILD_MS, `${build.documents} documents; ${build.where}; ${buildLoad}`),
    atMost(`RSS with the index loaded (${size})`, build.rssMb, "MB", TARGET_RSS_MB, build.where),
    measured(`JS heap used with the index loaded (${size})`, build.heapMb, "MB"),
  );
  return out;
}

interface BuildFigures {
  documents: number;
  buildMs: number;
  rssMb: number;
  heapMb: number;
  where: string;
}

/**
 * Build time and memory in a fresh process, as at `npm start` (PostgreSQL); on PGlite, which
 * another process cannot open, in this one after a full GC.
 */
async function buildFigures(ctx: BenchContext, catalog: SyntheticCatalog): Promise<BuildFigures> {
  if (catalog.url) {
    // Compiled and run by plain node, as `npm start` runs the server.
    const script = await buildNodeEntry("bench/search-build.ts", "dist/bench/search-build.js");
    const { stdout } = await promisify(execFile)(process.execPath, ["--expose-gc", script, catalog.url], { maxBuffer: 1 << 20 });
    const figures = JSON.parse(stdout.trim().split("\n").pop()!) as Omit<BuildFigures, "where">;
    ctx.log(`index built in a fresh process: ${figures.documents} documents in ${Math.round(figures.buildMs)} ms, RSS ${Math.round(figures.rssMb)} MB`);
    return { ...figures, where: "fresh process (plain node, as npm start), after full GCs until the heap stops shrinking" };
  }
  const search = new EmbeddedSearch();
  const { documents, elapsedMs } = await rebuildSearchIndex(catalog.db, search);
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  const memory = process.memoryUsage();
  return { documents, buildMs: elapsedMs, rssMb: memory.rss / 2 ** 20, heapMb: memory.heapUsed / 2 ** 20, where: "benchmark process with PGlite, after a full GC" };
}

/** Logs both totals for two one-word queries: a sanity check that both sides find about the same documents. */
async function checkSameTotals(ctx: BenchContext, search: EmbeddedSearch, catalog: SyntheticCatalog, mix: BenchQuery[]) {
  for (const text of ["さくら", "ひまわり"]) {
    const q = mix.find((m) => m.class === "text" && m.query.text === text)!.query;
    const [e, b] = [(await search.search(q)).total, await baselineSearch(catalog.db, catalog.kind, q)];
    ctx.log(`totals for ${text}: engine ${e}, baseline ${b}`);
  }
}
