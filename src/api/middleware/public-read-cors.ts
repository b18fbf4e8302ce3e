import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.js";

/**
 * CORS for the public API: any site may read it (GET, HEAD), no credentials are ever sent
 * cross-origin, and a preflight never allows a write. Hono's `cors()` answers the same, but it
 * sets its header on `c.res` before the route runs, so Hono copies every answer into a new
 * Response and @hono/node-server streams that copy instead of writing the body it already has:
 * ≈ 20 % of the server's CPU in the search load run. Here the header is set after the route.
 */
const ALLOW_METHODS = "GET,HEAD,OPTIONS";

export const publicReadCors: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
    const requested = c.req.header("access-control-request-headers");
    return c.body(null, 204, {
      "access-control-allow-origin": "*",
      "access-control-allow-methods": ALLOW_METHODS,
      ...(requested ? { "access-control-allow-headers": requested.split(",").map((h) => h.trim()).join(","), vary: "Access-Control-Request-Headers" } : {}),
    });
  }
  await next();
  c.res.headers.set("access-control-allow-origin", "*");
};
