/**
 * Compiles a Node entry point (the server by default) into one ES module under dist/, so that
 * `npm start` runs plain `node` without a TypeScript loader: it starts faster and the process
 * holds about 80 MB less (the loader's own isolate and caches). npm packages stay imports.
 * Files that find their assets through `import.meta.url` (HSDS schemas, dist/web) keep their
 * source file's URL, so paths resolve exactly as they do from src/ under tsx. The search thread
 * (src/search/embedded/thread) is compiled beside the entry, and the entry told where it is.
 */
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Plugin, build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));

const sourceRelativeUrls: Plugin = {
  name: "source-relative-import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta.url")) return undefined;
      return { contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};

/** Bundles `entry` (relative to the project root) into `outfile`; returns the output's absolute path. */
export async function buildNodeEntry(entry = "src/server.ts", outfile = "dist/server/server.js"): Promise<string> {
  const thread = join(dirname(outfile), "search-thread.js");
  await build({
    entryPoints: [
      { in: `${root}${entry}`, out: outfile.replace(/\.js$/, "") },
      { in: `${root}src/search/embedded/thread/search-thread.ts`, out: thread.replace(/\.js$/, "") },
    ],
    outdir: root,
    define: { TSUNAGU_SEARCH_THREAD: JSON.stringify(pathToFileURL(`${root}${thread}`).href) },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
    plugins: [sourceRelativeUrls],
  });
  return `${root}${outfile}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  await buildNodeEntry();
  console.log(`tsunagu: server built in ${Math.round(performance.now() - started)} ms (dist/server)`);
}
