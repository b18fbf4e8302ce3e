import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { TooManyRequestsError } from "../domain/errors.js";

/**
 * Sliding-window counters in the database, so every API instance counts the same attempts.
 * Keys (an e-mail address, a client address) are stored hashed; rows older than a day are pruned.
 * An attempt is recorded before it is judged, so parallel attempts cannot all slip under the limit.
 */
export interface ThrottleRule {
  bucket: string;
  limit: number;
  windowMs: number;
}

export interface Hit {
  id: string;
  /** Attempts in the window, this one included. */
  count: number;
  /** Seconds until the oldest attempt in the window leaves it. */
  retryAfterSeconds: number;
}

const RETENTION_MS = 24 * 3_600_000;
const keyHash = (bucket: string, key: string) => createHash("sha256").update(`${bucket}\u0000${key}`).digest("hex");

/** Records one attempt and counts the window it falls in. */
export async function hit(db: Kysely<Database>, rule: ThrottleRule, key: string, now = new Date()): Promise<Hit> {
  const hash = keyHash(rule.bucket, key);
  await db.deleteFrom("throttle_event").where("at", "<", new Date(now.getTime() - RETENTION_MS)).execute();
  const { id } = await db.insertInto("throttle_event").values({ bucket: rule.bucket, key_hash: hash, at: now }).returning("id").executeTakeFirstOrThrow();
  const since = new Date(now.getTime() - rule.windowMs);
  const row = await db
    .selectFrom("throttle_event")
    .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.min("at").as("oldest")])
    .where("bucket", "=", rule.bucket)
    .where("key_hash", "=", hash)
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  const oldest = row.oldest ? new Date(row.oldest as Date | string) : now;
  return { id, count: Number(row.n), retryAfterSeconds: Math.max(1, Math.ceil((oldest.getTime() + rule.windowMs - now.getTime()) / 1000)) };
}

export function isOver(rule: ThrottleRule, h: Hit): boolean {
  return h.count > rule.limit;
}

/** Takes back attempts: one that was refused anyway, or one that turned out legitimate. */
export async function forget(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length) await db.deleteFrom("throttle_event").where("id", "in", ids).execute();
}

/** Clears a key's window (a successful sign-in clears the account's failures). */
export async function clear(db: Kysely<Database>, rule: ThrottleRule, key: string): Promise<void> {
  await db.deleteFrom("throttle_event").where("bucket", "=", rule.bucket).where("key_hash", "=", keyHash(rule.bucket, key)).execute();
}

/** Counts one anonymous write (a report, a sign-up) and refuses it once the window is full. */
export async function consume(db: Kysely<Database>, rule: ThrottleRule, key: string, what: string, now = new Date()): Promise<void> {
  const h = await hit(db, rule, key, now);
  if (!isOver(rule, h)) return;
  await forget(db, [h.id]);
  throw new TooManyRequestsError(`too many ${what} from your network; try again in ${Math.ceil(h.retryAfterSeconds / 60)} minutes`, h.retryAfterSeconds);
}
