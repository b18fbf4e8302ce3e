import type { Context } from "hono";
import { signedIn } from "../auth/policy.js";
import type { Principal } from "../auth/principal.js";
import type { CatalogDeps } from "../catalog/records.js";
import type { AppEnv } from "./env.js";

/** What a catalog use case needs from the request: the database, the clock, the cadence, the request id. */
export function catalogDeps(c: Context<AppEnv>): CatalogDeps {
  const { db, config } = c.get("deps");
  return { db, now: () => new Date(), verificationMonths: config.TSUNAGU_VERIFICATION_MONTHS, requestId: c.get("requestId") };
}

/** The signed-in user, or 401. */
export function principalOf(c: Context<AppEnv>): Principal {
  return signedIn(c.get("principal"));
}

/** Window of the hourly limits on anonymous writes. */
export const HOUR_MS = 3_600_000;
