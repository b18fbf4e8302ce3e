import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../api/env.js";
import { problemResponse } from "../api/problem.js";
import { isApiPath, isPagePath, webCacheControl } from "../api/web-paths.js";

const require = createRequire(import.meta.url);

/** Where `npm run build` writes the browser app (web/vite.config.ts). */
export const WEB_DIST = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** serveStatic's root is relative to the working directory. */
const fromCwd = (absolute: string) => relative(process.cwd(), absolute) || ".";

/**
 * Static files on Node: Swagger UI's assets for `/api/docs/assets/*`, straight from the
 * swagger-ui-dist package, and the built web app (with `.br`/`.gz` siblings) for everything
 * outside `/api`, where any page address gets `index.html`.
 */
export function nodeStaticFiles(opts: { webDist?: string } = {}): MiddlewareHandler<AppEnv> {
  const swaggerRoot = fromCwd(dirname(require.resolve("swagger-ui-dist/package.json")));
  const swagger = serveStatic<AppEnv>({ root: swaggerRoot, rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, "") });
  const webDist = opts.webDist ?? WEB_DIST;
  const webRoot = fromCwd(webDist);
  const built = existsSync(`${webDist}/index.html`);
  // Only when built: serveStatic complains about a missing root.
  const files = built ? serveStatic<AppEnv>({ root: webRoot, precompressed: true }) : undefined;
  const page = built ? serveStatic<AppEnv>({ root: webRoot, path: "index.html", precompressed: true }) : undefined;
  return async (c, next) => {
    const path = c.req.path;
    if (path.startsWith("/api/docs/assets/")) return swagger(c, next);
    if (isApiPath(path)) return next();
    if (!files || !page) {
      if (!isPagePath(path)) return next();
      return problemResponse(c, 503, { detail: "The web app is not built: run `npm run build` (npm start does it when needed)." });
    }
    // Set before serveStatic builds its response (its onFound runs too late to add headers).
    c.header("Cache-Control", webCacheControl(path));
    return files(c, async () => {
      if (!isPagePath(path)) return next();
      const res = await page(c, next);
      if (res) c.res = res;
    });
  };
}
