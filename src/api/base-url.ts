import type { Context } from "hono";
import type { AppEnv } from "./env.js";

/** The URL the public reaches Tsunagu at: configured, or else the request's own origin. */
export function publicBaseUrl(c: Context<AppEnv>): string {
  return (c.get("deps").config.TSUNAGU_PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/$/, "");
}
