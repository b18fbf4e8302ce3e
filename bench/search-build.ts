import { createDb } from "../src/db/create-db.js";
import { EmbeddedSearch } from "../src/search/embedded/embedded-search.js";
import { rebuildSearchIndex } from "../src/search/rebuild.js";

/**
 * `node --expose-gc dist/bench/search-build.js <postgres-url>` (compiled by the search suite):
 * builds the embedded index
 * from the database in a fresh process, as `npm start` does, and prints the build time and the
 * process' memory with the index loaded (after full collections, until the heap stops shrinking) as JSON. Run by the search suite, so
 * that the memory figure is not inflated by the benchmark's own catalog generation.
 */
const url = process.argv[2];
if (!url) throw new Error("usage: search-build.ts <postgres-url>");
const handle = await createDb({ databaseUrl: url, poolSize: 2 });
const search = new EmbeddedSearch();
const { documents, elapsedMs } = await rebuildSearchIndex(handle.db, search);
await handle.close();
// Full collections until the heap stops shrinking: what the build left behind is freed over a
// few (array buffers are released a collection after their wrappers), the index stays.
const gc = (globalThis as { gc?: () => void }).gc;
for (let i = 0, before = Number.POSITIVE_INFINITY; gc && i < 5; i++) {
  gc();
  const now = process.memoryUsage();
  if (now.heapUsed + now.arrayBuffers >= before * 0.99) break;
  before = now.heapUsed + now.arrayBuffers;
}
const memory = process.memoryUsage();
console.log(JSON.stringify({ documents, buildMs: elapsedMs, rssMb: memory.rss / 2 ** 20, heapMb: memory.heapUsed / 2 ** 20 }));
