import type { Kysely } from "kysely";
import type { Actor } from "../../src/audit/record.js";
import type { Database } from "../../src/db/database.js";
import { DEMO_ACCOUNTS } from "../../seed/load.js";

/** A demo account as the actor use cases receive. */
export function demoActor(email: string): Actor {
  const a = DEMO_ACCOUNTS.find((x) => x.email === email);
  if (!a) throw new Error(`no demo account ${email}`);
  return { userId: a.id, role: a.role, centerId: a.centerId ?? null, organizationId: a.organizationId ?? null };
}

/** A published service of the organization (for referrals that a partner can receive). */
export async function publishedServiceOf(db: Kysely<Database>, organizationId: string): Promise<{ id: string; kind: string; name: string }> {
  return db
    .selectFrom("service")
    .select(["id", "kind", "name"])
    .where("organization_id", "=", organizationId)
    .where("verification_status", "=", "published")
    .orderBy("name")
    .executeTakeFirstOrThrow();
}

export const consent = (over: Record<string, unknown> = {}) => ({
  given: true as const,
  privacyNoticeShared: true as const,
  shareContact: false,
  wordingVersion: "2026-11",
  recordedAt: "2026-11-25T10:00:00+09:00",
  ...over,
});
