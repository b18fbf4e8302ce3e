import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../api/env.js";
import { isApiPath, isPagePath, webCacheControl } from "../api/web-paths.js";

/** The Workers static-assets binding (`[assets] binding` in wrangler.toml). */
export interface AssetsBinding {
  fetch(request: Request): Promise<Response>;
}

/**
 * The built web app from the assets binding, served through the app (wrangler.toml sets
 * `run_worker_first`) so its pages get the same security headers as on Node; any page address
 * gets index.html, as on Node (src/node/static-files.ts).
 */
export function workersStaticAssets(assets: AssetsBinding): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path;
    if (isApiPath(path) || !["GET", "HEAD"].includes(c.req.method)) return next();
    const url = new URL(c.req.url);
    // The binding answers "/" with index.html (html_handling auto-trailing-slash).
    if (isPagePath(path)) url.pathname = "/";
    const found = await assets.fetch(new Request(url, c.req.raw));
    if (found.status === 404) return next();
    // A fresh Response: the binding's headers are immutable and the app's middleware adds to them.
    const res = new Response(found.body, found);
    if (found.ok) res.headers.set("Cache-Control", webCacheControl(isPagePath(path) ? "/" : path));
    return res;
  };
}
