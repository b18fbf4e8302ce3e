import type { Kysely } from "kysely";
import { recordAudit } from "../audit/record.js";
import { authorize } from "../auth/policy.js";
import type { Principal } from "../auth/principal.js";
import type { Database, VerificationStatus } from "../db/database.js";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors.js";
import type { ServiceDraft } from "./draft.js";
import { changedFields } from "./patch.js";
import { ORGANIZATION, type RecordKind, SERVICE } from "./record-kinds.js";
import { type CatalogDeps, type RecordState, auditShape } from "./records.js";
import { decideRevision, submitRevision } from "./revisions.js";
import { type OrganizationFacts, findOrganizationFacts } from "./tenancy.js";
import { insertServices, setVerification } from "./writer.js";

/**
 * Catalog curation use cases: a partner creates and edits its organization's records, staff of the
 * centers it serves review them, and either confirms a record is still correct. Each one
 * authorizes through the tenancy policy, then in one transaction writes the rows, the audit entry
 * (with the record's state before and after) and the outbox row that lets search pick it up.
 *
 * - A partner's new service starts `pending`; staff's starts `published` (staff are the verifiers).
 * - A partner's edit of a published record becomes a pending revision beside it: the published
 *   values stay public until staff approve the revision. An edit of a record still pending (or
 *   rejected) changes it in place and (re)submits it.
 * - A staff edit applies at once and counts as a verification.
 */
export type Decision = { decision: "approve" } | { decision: "reject"; reason: string };

type Step<D> = (trx: Kysely<Database>, before: RecordState<D>, now: Date, facts: OrganizationFacts) => Promise<string | undefined>;

/** Runs one curation step on a locked record and writes its audit entry and outbox row. */
function curate<D, P>(deps: CatalogDeps, p: Principal, kind: RecordKind<D, P>, id: string, action: "edit" | "review", step: Step<D>): Promise<void> {
  return deps.db.transaction().execute((trx) => curateIn(trx, deps, p, kind, id, action, step));
}

async function curateIn<D, P>(
  trx: Kysely<Database>,
  deps: CatalogDeps,
  p: Principal,
  kind: RecordKind<D, P>,
  id: string,
  action: "edit" | "review",
  step: Step<D>,
): Promise<void> {
  const facts = await kind.facts(trx, id);
  if (!facts) throw new NotFoundError(kind.entity);
  authorize(p, action, { type: kind.entity, ...facts });
  await trx.selectFrom(kind.entity).select("id").where("id", "=", id).forUpdate().execute();
  const before = await kind.state(trx, id);
  const change = await step(trx, before, deps.now(), facts);
  if (!change) return;
  const after = await kind.state(trx, id);
  await recordAudit(trx, p, {
    action: `${kind.entity}.${change}`,
    entityType: kind.entity,
    entityId: id,
    before: auditShape(before),
    after: auditShape(after),
    organizationId: facts.organizationId,
    requestId: deps.requestId,
  });
  await kind.enqueue(trx, id);
}

export function editRecord<D extends object, P>(deps: CatalogDeps, p: Principal, kind: RecordKind<D, P>, id: string, patch: P): Promise<void> {
  return curate(deps, p, kind, id, "edit", async (trx, before, now, facts) => {
    const partner = p.role === "partner";
    if (partner && before.status === "published") {
      const base = before.pendingRevision?.draft ?? before.draft;
      const proposed = kind.applyPatch(base, patch);
      if (changedFields(base, proposed).length === 0) return undefined;
      await kind.check(trx, proposed);
      await submitRevision(trx, { entity: kind.entity, entityId: id, organizationId: facts.organizationId, draft: proposed, submittedBy: p.userId }, now);
      return "revise";
    }
    const next = kind.applyPatch(before.draft, patch);
    if (changedFields(before.draft, next).length === 0 && !(partner && before.status === "rejected")) return undefined;
    await kind.check(trx, next);
    await kind.replace(trx, id, next, now);
    if (partner) await setVerification(trx, kind.entity, id, { status: "pending", rejectionReason: null }, now);
    else if (before.status === "published") await setVerification(trx, kind.entity, id, { verifiedAt: now, verifiedBy: p.userId }, now);
    return "update";
  });
}

/** 「内容に変更はありません」: the editor confirms a published record is still correct, which verifies it now. */
export function confirmRecord<D, P>(deps: CatalogDeps, p: Principal, kind: RecordKind<D, P>, id: string): Promise<void> {
  return curate(deps, p, kind, id, "edit", async (trx, before, now) => {
    if (before.status !== "published") throw new ConflictError(`only a published ${kind.entity} can be confirmed; this one is ${before.status}`);
    if (before.pendingRevision && p.role === "partner") {
      throw new ConflictError(`an edit of this ${kind.entity} awaits review; it counts as verified once staff approve it`);
    }
    await setVerification(trx, kind.entity, id, { verifiedAt: now, verifiedBy: p.userId }, now);
    return "confirm";
  });
}

/**
 * Staff decide on what awaits review: a pending revision if there is one (approving applies it),
 * otherwise the record itself (approving publishes it, or re-verifies a published one; rejecting
 * hides it, with the reason shown to the partner). Approving a new service of an organization that
 * is still pending approves the organization as well — the reviewer has looked at who runs it, and
 * the service could not be public otherwise; a rejected organization stays rejected.
 */
export function reviewRecord<D, P>(deps: CatalogDeps, p: Principal, kind: RecordKind<D, P>, id: string, d: Decision): Promise<void> {
  if (d.decision === "reject" && !d.reason?.trim()) throw new ValidationError([{ path: "reason", message: "say why it is rejected (the partner sees it)" }]);
  return curate(deps, p, kind, id, "review", async (trx, before, now, facts) => {
    const revision = before.pendingRevision;
    if (revision) {
      if (d.decision === "approve") {
        await kind.check(trx, revision.draft);
        await kind.replace(trx, id, revision.draft, now);
        await setVerification(trx, kind.entity, id, { verifiedAt: now, verifiedBy: p.userId }, now);
      }
      await decideRevision(trx, revision.id, { status: d.decision === "approve" ? "approved" : "rejected", reviewedBy: p.userId, reason: d.decision === "reject" ? d.reason : null }, now);
      return `revision.${d.decision}`;
    }
    if (d.decision === "approve") {
      await setVerification(trx, kind.entity, id, { status: "published", rejectionReason: null, verifiedAt: now, verifiedBy: p.userId }, now);
      if (kind.entity === "service" && (await findOrganizationFacts(trx, facts.organizationId))?.status === "pending") {
        await curateIn(trx, deps, p, ORGANIZATION, facts.organizationId, "review", approveStep(p));
      }
      return "approve";
    }
    if (before.status === "rejected") throw new ConflictError(`this ${kind.entity} is already rejected`);
    await setVerification(trx, kind.entity, id, { status: "rejected", rejectionReason: d.reason }, now);
    return "reject";
  });
}

function approveStep(p: Principal): Step<unknown> {
  return async (trx, _before, now, facts) => {
    await setVerification(trx, "organization", facts.organizationId, { status: "published", rejectionReason: null, verifiedAt: now, verifiedBy: p.userId }, now);
    return "approve";
  };
}

/** A new service of an organization: `pending` when a partner adds it, `published` when staff do. */
export async function createService(deps: CatalogDeps, p: Principal, organizationId: string, draft: ServiceDraft): Promise<{ id: string; status: VerificationStatus }> {
  return deps.db.transaction().execute(async (trx) => {
    const facts = await findOrganizationFacts(trx, organizationId);
    if (!facts) throw new NotFoundError("organization");
    authorize(p, "edit", { type: "organization", ...facts });
    const now = deps.now();
    const status: VerificationStatus = p.role === "partner" ? "pending" : "published";
    const verification = status === "published" ? { status, verifiedAt: now, verifiedBy: p.userId } : { status };
    const [id] = await insertServices(trx, [{ organizationId, draft, verification, createdAt: now }]);
    const after = await SERVICE.state(trx, id!);
    await recordAudit(trx, p, {
      action: "service.create",
      entityType: "service",
      entityId: id!,
      after: auditShape(after),
      organizationId,
      requestId: deps.requestId,
    });
    await SERVICE.enqueue(trx, id!);
    return { id: id!, status };
  });
}
