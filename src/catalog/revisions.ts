import type { JoinBuilder, Kysely } from "kysely";
import type { CatalogRevisionRow, Database, RevisionEntity, RevisionStatus } from "../db/database.js";

/**
 * Pending edits of published records (`catalog_revision`). At most one revision per record is
 * pending (a unique partial index); a further edit before review replaces its draft.
 */
export interface Revision<D> {
  id: string;
  status: RevisionStatus;
  draft: D;
  submittedBy: string | null;
  submittedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reason: string | null;
}

function toRevision<D>(row: CatalogRevisionRow): Revision<D> {
  return {
    id: row.id,
    status: row.status,
    // jsonb arrives parsed from pg, as text from some drivers: accept both.
    draft: (typeof row.draft === "string" ? JSON.parse(row.draft) : row.draft) as D,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reason: row.reason,
  };
}

/** The newest revision of a record, pending or decided (a rejected one tells the partner why). */
export function findLatestRevision<D>(db: Kysely<Database>, entity: RevisionEntity, entityId: string): Promise<Revision<D> | undefined> {
  return findRevision(db, entity, entityId, false);
}

export function findPendingRevision<D>(db: Kysely<Database>, entity: RevisionEntity, entityId: string): Promise<Revision<D> | undefined> {
  return findRevision(db, entity, entityId, true);
}

async function findRevision<D>(db: Kysely<Database>, entity: RevisionEntity, entityId: string, pendingOnly: boolean): Promise<Revision<D> | undefined> {
  let q = db.selectFrom("catalog_revision").selectAll().where("entity_type", "=", entity).where("entity_id", "=", entityId);
  if (pendingOnly) q = q.where("status", "=", "pending");
  const row = await q.orderBy("submitted_at", "desc").orderBy("id", "desc").executeTakeFirst();
  return row ? toRevision<D>(row) : undefined;
}

/** Join condition for `leftJoin("catalog_revision as r", …)`: the pending revision of each row, if any. */
export function pendingRevisionOf(entity: RevisionEntity, idColumn: "s.id" | "o.id") {
  return (j: JoinBuilder<any, any>) => j.onRef("r.entity_id", "=", idColumn).on("r.entity_type", "=", entity).on("r.status", "=", "pending");
}

export async function submitRevision(
  db: Kysely<Database>,
  r: { entity: RevisionEntity; entityId: string; organizationId: string; draft: unknown; submittedBy: string },
  now: Date,
): Promise<string> {
  const pending = await findPendingRevision(db, r.entity, r.entityId);
  if (pending) {
    await db
      .updateTable("catalog_revision")
      .set({ draft: JSON.stringify(r.draft), submitted_by: r.submittedBy, submitted_at: now })
      .where("id", "=", pending.id)
      .execute();
    return pending.id;
  }
  const row = await db
    .insertInto("catalog_revision")
    .values({ entity_type: r.entity, entity_id: r.entityId, organization_id: r.organizationId, draft: JSON.stringify(r.draft), submitted_by: r.submittedBy, submitted_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function decideRevision(
  db: Kysely<Database>,
  id: string,
  d: { status: "approved" | "rejected"; reviewedBy: string; reason?: string | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable("catalog_revision")
    .set({ status: d.status, reviewed_by: d.reviewedBy, reviewed_at: now, reason: d.reason ?? null })
    .where("id", "=", id)
    .execute();
}
