import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { buildBasemap } from "./build/basemap.js";
import { precompressPlugin } from "./build/precompress.js";
import { BASEMAP_PATH } from "./src/map/basemap-data.js";

const root = fileURLToPath(new URL(".", import.meta.url));
export const WEB_OUT_DIR = fileURLToPath(new URL("../dist/web", import.meta.url));

/** Emits the offline basemap as a static file at build time and serves it in `vite dev`. */
function basemapPlugin(): Plugin {
  let json: string | undefined;
  const source = () => (json ??= JSON.stringify(buildBasemap()));
  return {
    name: "tsunagu-basemap",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: BASEMAP_PATH.slice(1), source: source() });
    },
    configureServer(server) {
      server.middlewares.use(BASEMAP_PATH, (_req, res) => {
        res.setHeader("content-type", "application/json");
        res.end(source());
      });
    },
  };
}

/**
 * The Workers assets upload skips the precompressed siblings: they serve the Node server, and
 * Cloudflare compresses by itself (wrangler.toml `[assets]`).
 */
function workersAssetsIgnorePlugin(): Plugin {
  return {
    name: "tsunagu-workers-assetsignore",
    apply: "build",
    generateBundle() {
      this.emitFile({ type: "asset", fileName: ".assetsignore", source: "*.br\n*.gz\n" });
    },
  };
}

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  plugins: [basemapPlugin(), workersAssetsIgnorePlugin(), precompressPlugin(WEB_OUT_DIR)],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: WEB_OUT_DIR,
    emptyOutDir: true,
    // Leaflet's marker images stay files (not data: URIs) so the CSP needs no exceptions.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: "es2022",
  },
  server: { proxy: { "/api": "http://localhost:8787" } },
});
