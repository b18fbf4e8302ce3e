import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * A freshly initialised, empty PGlite cluster, dumped once (at `npm install`, by the postinstall
 * script) and unpacked into a new data directory at first start. initdb inside WebAssembly
 * takes 4–8 s on this kind of machine; unpacking takes under 2 s, which keeps `npm start` on an
 * empty data directory well inside its 10-second budget. Schema and data are NOT in the
 * template: migrations and the seed still run at start.
 */
// The package exports no ./package.json; its main entry lives in dist/.
const pgliteDir = join(dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")), "..");
const pgliteVersion: string = JSON.parse(readFileSync(join(pgliteDir, "package.json"), "utf8")).version;

export function pgliteTemplatePath(): string {
  // node_modules/.cache is the conventional home for derived build artefacts; the version in
  // the name makes an upgraded PGlite build a new template instead of loading an old one.
  return join(pgliteDir, "..", "..", ".cache", "tsunagu", `pglite-${pgliteVersion}-empty.tar.gz`);
}

export async function buildPgliteTemplate(): Promise<string> {
  const path = pgliteTemplatePath();
  if (existsSync(path)) return path;
  const lite = await PGlite.create("memory://", { extensions: { pg_trgm } });
  const dump = await lite.dumpDataDir("gzip");
  await lite.close();
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, Buffer.from(await dump.arrayBuffer()));
  await rename(`${path}.tmp`, path);
  return path;
}

/** The template, when the data directory is new and a template was prepared; otherwise PGlite runs initdb. */
export async function templateForNewDataDir(dataDir: string): Promise<Blob | undefined> {
  if (dataDir.startsWith("memory://") || dataDir.includes("://")) return undefined;
  if (existsSync(join(dataDir, "PG_VERSION"))) return undefined;
  const path = pgliteTemplatePath();
  return existsSync(path) ? new Blob([await readFile(path)]) : undefined;
}
