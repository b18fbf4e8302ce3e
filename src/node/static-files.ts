import { dirname, relative } from "node:path";
import { createRequire } from "node:module";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../api/env.js";

const require = createRequire(import.meta.url);

/** serveStatic's root is relative to the working directory. */
const fromCwd = (absolute: string) => relative(process.cwd(), absolute) || ".";

/**
 * Static files on Node: Swagger UI's assets for `/api/docs/assets/*`, straight from the
 * swagger-ui-dist package.
 */
export function nodeStaticFiles(): MiddlewareHandler<AppEnv> {
  const swaggerRoot = fromCwd(dirname(require.resolve("swagger-ui-dist/package.json")));
  const swagger = serveStatic<AppEnv>({ root: swaggerRoot, rewriteRequestPath: (p) => p.replace(/^\/api\/docs\/assets/, "") });
  return async (c, next) => {
    if (c.req.path.startsWith("/api/docs/assets/")) return swagger(c, next);
    return next();
  };
}

