import type { Context } from "hono";
import type { AppEnv } from "./env.js";

/**
 * The client's network address, for rate limits only (it is hashed there and never stored with
 * anything else). Behind a reverse proxy (`TSUNAGU_TRUST_PROXY=true`) the proxy appends the
 * address it saw as the last X-Forwarded-For entry; earlier entries are the client's to forge.
 * On Node the socket's address; elsewhere (tests, Workers without a proxy header) "unknown".
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get("deps").config.TSUNAGU_TRUST_PROXY) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1]!;
  }
  // @hono/node-server's bindings (as its getConnInfo reads them), without importing Node-only code.
  type Bindings = { incoming?: { socket?: { remoteAddress?: string } } };
  const env = c.env as (Bindings & { server?: Bindings }) | undefined;
  return (env?.server ?? env)?.incoming?.socket?.remoteAddress ?? "unknown";
}
