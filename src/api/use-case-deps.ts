import type { Context } from "hono";
import { signedIn } from "../auth/policy.js";
import type { Principal } from "../auth/principal.js";
import type { ThrottleRule } from "../auth/throttle.js";
import { type CatalogDeps, getOrganizationRecord, getServiceRecord } from "../catalog/records.js";
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

/** An hourly limit on anonymous writes per client address (sign-ups, problem reports). */
export function perHour(bucket: string, limit: number): ThrottleRule {
  return { bucket, limit, windowMs: 3_600_000 };
}

const READ = { service: getServiceRecord, organization: getOrganizationRecord };

/** The record of the path's `{id}` as its editors see it, after running `write` on it if given. */
export async function withRecord(c: Context<AppEnv>, entity: keyof typeof READ, write?: (deps: CatalogDeps, p: Principal, id: string) => Promise<void>) {
  const deps = catalogDeps(c);
  const p = principalOf(c);
  const id = c.req.param("id")!;
  await write?.(deps, p, id);
  return READ[entity](deps, p, id);
}
