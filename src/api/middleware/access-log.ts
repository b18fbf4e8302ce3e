import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";

/**
 * One structured line per request. Only the path is logged, never the query string: families'
 * search words and any identifiers stay out of the logs (no tracking).
 */
export const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  await next();
  c.get("deps").log.info("request", {
    requestId: c.get("requestId"),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
};
