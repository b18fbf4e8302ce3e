import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const COMPRESSIBLE = /\.(js|css|html|json|svg|txt)$/;

/**
 * Writes `.br` and `.gz` next to every text file of the build, once, so the server sends
 * compressed files without compressing per request (serveStatic's `precompressed`).
 */
export function precompressPlugin(outDir: string): Plugin {
  return {
    name: "tsunagu-precompress",
    apply: "build",
    async closeBundle() {
      for (const file of await readdir(outDir, { recursive: true })) {
        if (!COMPRESSIBLE.test(file)) continue;
        const path = join(outDir, file);
        const body = await readFile(path);
        if (body.length < 1024) continue;
        await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
        await writeFile(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}
