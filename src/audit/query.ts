import { type Kysely, sql } from "kysely";
import { staffCenter } from "../auth/policy.js";
import type { Principal } from "../auth/principal.js";
import { organizationsServing } from "../catalog/tenancy.js";
import type { Database } from "../db/database.js";

/**
 * The audit log as a center admin reads it: every entry written for the center (its plans,
 * referrals, staff), plus entries about the catalog records of organizations serving its
 * municipality — whoever wrote them (a partner, staff of a neighbouring center, the public's
 * reports). Entries about another center's plans or referrals never match, even when they
 * concern an organization both centers share.
 */
export const CATALOG_ENTITY_TYPES = ["organization", "service", "service_report", "app_user"] as const;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  page: number;
  size: number;
}

export async function listAudit(db: Kysely<Database>, p: Principal, f: AuditFilter) {
  const { centerId, municipalityCode } = staffCenter(p, "audit");
  let q = db
    .selectFrom("audit_log as a")
    .where((eb) =>
      eb.or([
        eb("a.center_id", "=", centerId),
        eb.and([
          eb("a.center_id", "is", null),
          eb("a.entity_type", "in", [...CATALOG_ENTITY_TYPES]),
          eb("a.organization_id", "in", organizationsServing(db, municipalityCode)),
        ]),
      ]),
    );
  if (f.entityType) q = q.where("a.entity_type", "=", f.entityType);
  if (f.entityId) q = q.where("a.entity_id", "=", f.entityId);
  if (f.actorId) q = q.where("a.actor_user_id", "=", f.actorId);
  if (f.action) q = q.where("a.action", "=", f.action);

  const [{ total }] = (await q.select((eb) => eb.fn.countAll<string>().as("total")).execute()) as [{ total: string }];
  const rows = await q
    .leftJoin("app_user as u", "u.id", "a.actor_user_id")
    .selectAll("a")
    .select(["u.display_name", "u.email"])
    .orderBy(sql`a.id desc`)
    .limit(f.size)
    .offset((f.page - 1) * f.size)
    .execute();
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      occurredAt: r.occurred_at.toISOString(),
      actor: r.actor_user_id ? { id: r.actor_user_id, role: r.actor_role, displayName: r.display_name, email: r.email } : null,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      organizationId: r.organization_id,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.request_id,
    })),
    total: Number(total),
    page: f.page,
    size: f.size,
  };
}
