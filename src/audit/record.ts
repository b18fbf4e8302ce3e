import type { Kysely, Transaction } from "kysely";
import type { Database, UserRole } from "../db/database.js";

/** Who is acting: a signed-in user, as every use case receives it. */
export interface Actor {
  userId: string;
  role: UserRole;
  centerId: string | null;
  organizationId: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The tenant the record belongs to (whose admin may read the entry). */
  centerId?: string | null;
  organizationId?: string | null;
  requestId?: string | null;
}

/** Writes one audit entry; call it inside the transaction that makes the change. */
export async function recordAudit(trx: Kysely<Database> | Transaction<Database>, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await recordAuditMany(trx, actor, [entry]);
}

/** Many entries by one actor in few statements (an import's thousands of records); same shape as `recordAudit`. */
export async function recordAuditMany(trx: Kysely<Database> | Transaction<Database>, actor: Actor | null, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await trx
      .insertInto("audit_log")
      .values(
        entries.slice(i, i + 1000).map((entry) => ({
          actor_user_id: actor?.userId ?? null,
          actor_role: actor?.role ?? null,
          center_id: entry.centerId ?? actor?.centerId ?? null,
          organization_id: entry.organizationId ?? actor?.organizationId ?? null,
          action: entry.action,
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          before: entry.before === undefined ? null : JSON.stringify(entry.before),
          after: entry.after === undefined ? null : JSON.stringify(entry.after),
          request_id: entry.requestId ?? null,
        })),
      )
      .execute();
  }
}
