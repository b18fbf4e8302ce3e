/**
 * Builds the browser app into dist/web when it is missing or older than its sources, so that
 * `npm start` on a fresh clone serves a current web app without a separate step and without the
 * network (everything comes from node_modules). `--force` always builds.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));
const marker = join(root, "dist/web/index.html");
/** What the web build reads: its own sources, the shared pure domain, the gazetteer, the lockfile. */
const SOURCES = ["web", "src/domain", "src/geo/municipalities.json", "package-lock.json"];

function newestMtime(path: string): number {
  const abs = join(root, path);
  if (!existsSync(abs)) return 0;
  const stat = statSync(abs);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(abs, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).mtimeMs));
}

export function webBuildIsStale(): boolean {
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

export async function buildWeb(): Promise<void> {
  await build({ configFile: join(root, "web/vite.config.ts"), logLevel: "warn" });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes("--force") || webBuildIsStale()) {
    const started = performance.now();
    await buildWeb();
    console.log(`tsunagu: web app built in ${Math.round(performance.now() - started)} ms (dist/web)`);
  }
}
