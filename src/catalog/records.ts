import type { Kysely } from "kysely";
import { authorize } from "../auth/policy.js";
import type { Principal } from "../auth/principal.js";
import type { Database, VerificationStatus } from "../db/database.js";
import { NotFoundError } from "../domain/errors.js";
import { findKind } from "../domain/taxonomy.js";
import { type ServiceAggregate, loadServiceAggregate } from "./aggregate.js";
import type { OrganizationDraft, ServiceDraft } from "./draft.js";
import { changedFields } from "./patch.js";
import { type Revision, findLatestRevision, findPendingRevision, pendingRevisionOf } from "./revisions.js";
import { organizationDraftOf, serviceDraftOf } from "./snapshot.js";
import { findOrganizationFacts, findServiceFacts } from "./tenancy.js";
import { isStale, verificationDueAt } from "./verification.js";

/**
 * Catalog records as their editors see them (the partner of the organization, staff of the
 * centers it serves): every state, the current values as a draft, the verification and the
 * latest revision. The same state, without the extras, is what the audit stores as before/after.
 */
export interface CatalogDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Months after which a published record is stale. */
  verificationMonths: number;
  requestId?: string;
}

export interface RecordState<D> {
  status: VerificationStatus;
  rejectionReason: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  draft: D;
  pendingRevision: { id: string; draft: D } | null;
}

export async function serviceState(db: Kysely<Database>, id: string): Promise<{ state: RecordState<ServiceDraft>; aggregate: ServiceAggregate }> {
  const aggregate = await loadServiceAggregate(db, id);
  if (!aggregate) throw new NotFoundError("service");
  const s = aggregate.service;
  const pending = await findPendingRevision<ServiceDraft>(db, "service", id);
  return {
    aggregate,
    state: {
      status: s.verification_status,
      rejectionReason: s.rejection_reason,
      verifiedAt: s.verified_at,
      verifiedBy: s.verified_by,
      draft: serviceDraftOf(aggregate),
      pendingRevision: pending ? { id: pending.id, draft: pending.draft } : null,
    },
  };
}

export async function organizationState(db: Kysely<Database>, id: string) {
  const organization = await db.selectFrom("organization").selectAll().where("id", "=", id).executeTakeFirst();
  if (!organization) throw new NotFoundError("organization");
  const [codes, phones, pending] = await Promise.all([
    db.selectFrom("organization_municipality").select("municipality_code").where("organization_id", "=", id).orderBy("municipality_code").execute(),
    db.selectFrom("phone").selectAll().where("organization_id", "=", id).orderBy("id").execute(),
    findPendingRevision<OrganizationDraft>(db, "organization", id),
  ]);
  const state: RecordState<OrganizationDraft> = {
    status: organization.verification_status,
    rejectionReason: organization.rejection_reason,
    verifiedAt: organization.verified_at,
    verifiedBy: organization.verified_by,
    draft: organizationDraftOf(organization, codes.map((c) => c.municipality_code), phones),
    pendingRevision: pending ? { id: pending.id, draft: pending.draft } : null,
  };
  return { state, organization };
}

async function verificationView(deps: CatalogDeps, state: RecordState<unknown>) {
  const by = state.verifiedBy
    ? await deps.db.selectFrom("app_user").select(["id", "display_name", "role"]).where("id", "=", state.verifiedBy).executeTakeFirst()
    : undefined;
  return {
    verifiedAt: state.verifiedAt?.toISOString() ?? null,
    verifiedBy: by ? { id: by.id, displayName: by.display_name, role: by.role } : null,
    dueAt: verificationDueAt(state.verifiedAt, deps.verificationMonths)?.toISOString() ?? null,
    stale: isStale(state.status, state.verifiedAt, deps.verificationMonths, deps.now()),
  };
}

function revisionView<D extends object>(revision: Revision<D> | undefined, current: D) {
  if (!revision) return null;
  return {
    id: revision.id,
    status: revision.status,
    submittedAt: revision.submittedAt.toISOString(),
    submittedBy: revision.submittedBy,
    reviewedAt: revision.reviewedAt?.toISOString() ?? null,
    reason: revision.reason,
    draft: revision.draft,
    changedFields: revision.status === "pending" ? changedFields(current, revision.draft) : [],
  };
}

/** What both kinds of record show their editors. */
async function recordView<D extends object>(
  deps: CatalogDeps,
  entity: "service" | "organization",
  id: string,
  state: RecordState<D>,
  row: { created_at: Date; updated_at: Date },
) {
  return {
    id,
    status: state.status,
    rejectionReason: state.rejectionReason,
    verification: await verificationView(deps, state),
    draft: state.draft,
    revision: revisionView(await findLatestRevision<D>(deps.db, entity, id), state.draft),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getServiceRecord(deps: CatalogDeps, p: Principal, id: string) {
  const facts = await findServiceFacts(deps.db, id);
  if (!facts) throw new NotFoundError("service");
  authorize(p, "read", { type: "service", ...facts });
  const { state, aggregate } = await serviceState(deps.db, id);
  const { service: s, organization: o } = aggregate;
  return {
    ...(await recordView(deps, "service", id, state, s)),
    organizationId: s.organization_id,
    organization: { id: o.id, name: o.name, status: o.verification_status },
    public: state.status === "published" && facts.organizationStatus === "published" && (findKind(s.kind)?.publicListing ?? false),
  };
}

export async function getOrganizationRecord(deps: CatalogDeps, p: Principal, id: string) {
  const facts = await findOrganizationFacts(deps.db, id);
  if (!facts) throw new NotFoundError("organization");
  authorize(p, "read", { type: "organization", ...facts });
  const { state, organization } = await organizationState(deps.db, id);
  return recordView(deps, "organization", id, state, organization);
}

/** Every service of an organization, in every state, for its editors. */
export async function listOrganizationServices(deps: CatalogDeps, p: Principal, organizationId: string) {
  const facts = await findOrganizationFacts(deps.db, organizationId);
  if (!facts) throw new NotFoundError("organization");
  authorize(p, "read", { type: "organization", ...facts });
  const rows = await deps.db
    .selectFrom("service as s")
    .leftJoin("catalog_revision as r", pendingRevisionOf("service", "s.id"))
    .select(["s.id", "s.name", "s.kind", "s.verification_status", "s.rejection_reason", "s.verified_at", "s.updated_at", "r.id as revision_id"])
    .where("s.organization_id", "=", organizationId)
    .orderBy("s.name")
    .orderBy("s.id")
    .execute();
  const now = deps.now();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    status: r.verification_status,
    rejectionReason: r.rejection_reason,
    public: r.verification_status === "published" && facts.status === "published" && (findKind(r.kind)?.publicListing ?? false),
    pendingRevisionId: r.revision_id,
    verifiedAt: r.verified_at?.toISOString() ?? null,
    stale: isStale(r.verification_status, r.verified_at, deps.verificationMonths, now),
    updatedAt: r.updated_at.toISOString(),
  }));
}

/** The audit's before/after of a record: its state with dates as ISO strings. */
export function auditShape<D>(state: RecordState<D>) {
  return { ...state, verifiedAt: state.verifiedAt?.toISOString() ?? null };
}
