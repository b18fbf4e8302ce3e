import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { Principal } from "./principal.js";

/**
 * Sessions. A sign-in creates one row with two secrets: the bearer token handed to API clients
 * and the value of the HttpOnly cookie set for the browser (different, so a script that reads the
 * token cannot read the cookie). Only their sha256 is stored; revoking the row ends both.
 */
export type Credential = "bearer" | "cookie";

export interface NewSession {
  sessionId: string;
  token: string;
  cookie: string;
  expiresAt: Date;
}

const secret = () => `tsn_${randomBytes(32).toString("base64url")}`;
export const hashSecret = (value: string) => createHash("sha256").update(value).digest("hex");

export async function createSession(db: Kysely<Database>, userId: string, ttlHours: number, now = new Date()): Promise<NewSession> {
  const token = secret();
  const cookie = secret();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  const row = await db
    .insertInto("session")
    .values({ user_id: userId, token_hash: hashSecret(token), cookie_hash: hashSecret(cookie), created_at: now, expires_at: expiresAt })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { sessionId: row.id, token, cookie, expiresAt };
}

/** The principal of a live session (not revoked, not expired, user not disabled), or undefined. */
export async function findPrincipal(db: Kysely<Database>, value: string, via: Credential, now = new Date()): Promise<Principal | undefined> {
  if (!/^tsn_[A-Za-z0-9_-]{43}$/.test(value)) return undefined;
  const row = await db
    .selectFrom("session as s")
    .innerJoin("app_user as u", "u.id", "s.user_id")
    .leftJoin("center as c", "c.id", "u.center_id")
    .select(["s.id as session_id", "u.id", "u.role", "u.email", "u.display_name", "u.center_id", "u.organization_id", "c.municipality_code"])
    .where(via === "bearer" ? "s.token_hash" : "s.cookie_hash", "=", hashSecret(value))
    .where("s.revoked_at", "is", null)
    .where("s.expires_at", ">", now)
    .where("u.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    sessionId: row.session_id,
    userId: row.id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    centerId: row.center_id,
    organizationId: row.organization_id,
    municipalityCode: row.municipality_code,
  };
}

export async function revokeSession(db: Kysely<Database>, sessionId: string, now = new Date()): Promise<void> {
  await db.updateTable("session").set({ revoked_at: now }).where("id", "=", sessionId).where("revoked_at", "is", null).execute();
}

/** Ends every session of a user (password changed, account disabled), optionally but one. */
export async function revokeUserSessions(db: Kysely<Database>, userId: string, opts: { except?: string; now?: Date } = {}): Promise<void> {
  let q = db.updateTable("session").set({ revoked_at: opts.now ?? new Date() }).where("user_id", "=", userId).where("revoked_at", "is", null);
  if (opts.except) q = q.where("id", "!=", opts.except);
  await q.execute();
}
