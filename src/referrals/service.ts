import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { type Actor, recordAudit } from "../audit/record.js";
import { authorize } from "../auth/policy.js";
import { isCenterStaff } from "../auth/principal.js";
import { loadServiceAggregate } from "../catalog/aggregate.js";
import { isPublicAggregate } from "../catalog/public-catalog.js";
import type { Database } from "../db/database.js";
import { isUniqueViolation } from "../db/sql.js";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors.js";
import { enqueueChanges } from "../outbox/enqueue.js";
import { findPlanById } from "../plans/repository.js";
import type { ReferralEventBody, ReferralInput } from "./input.js";
import { TERMINAL, nextStatus } from "./referral.js";
import * as repo from "./repository.js";
import { type PartnerReferralView, type StaffReferralView, type ViewOptions, partnerView, staffView } from "./view.js";

/**
 * Referral use cases: validate, authorize, then write the referral, its event, the audit entry
 * and the partner's notification (through the outbox) in one transaction.
 */
export interface ReferralDeps {
  db: Kysely<Database>;
  now: () => Date;
  /** Days a partner has to respond before a referral is flagged overdue. */
  responseDays: number;
  requestId?: string;
}

export type ReferralView = StaffReferralView | PartnerReferralView;

export async function createReferral(
  deps: ReferralDeps,
  actor: Actor,
  input: ReferralInput,
  idempotencyKey?: string,
): Promise<{ referral: StaffReferralView; replayed: boolean }> {
  const centerId = staffCenter(actor);
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  if (idempotencyKey) {
    const replay = await replayOf(deps, actor, centerId, idempotencyKey, requestHash);
    if (replay) return replay;
  }

  const plan = await findPlanById(deps.db, centerId, input.planId);
  if (!plan) throw new NotFoundError("plan");
  if (plan.status === "closed") throw new ConflictError("the plan is closed; reopen it to refer", "plan-closed");
  const service = await loadServiceAggregate(deps.db, input.serviceId);
  if (!service || !isPublicAggregate(service)) {
    throw new NotFoundError("service");
  }
  const site = input.locationId ? service.locations.find((l) => l.location.id === input.locationId) : service.locations[0];
  if (input.locationId && !site) throw new ValidationError([{ path: "locationId", message: "is not a location of this service" }]);

  const receivers = await deps.db
    .selectFrom("app_user")
    .select("id")
    .where("organization_id", "=", service.organization.id)
    .where("role", "=", "partner")
    .where("disabled_at", "is", null)
    .execute();
  if (receivers.length === 0) {
    // No one at the organization can receive it in Tsunagu: staff contact it directly instead.
    throw new ConflictError(`${service.organization.name} has no account to receive referrals; contact it directly`, "no-receiving-account", {
      contact: {
        organization: service.organization.name,
        phone: service.phones[0]?.number ?? service.organizationPhones[0]?.number ?? null,
        email: service.service.email ?? service.organization.email ?? null,
        url: service.service.url ?? service.organization.website ?? null,
      },
    });
  }

  const now = deps.now();
  const needKind = plan.needs.find((n) => n.kind === service.service.kind || service.otherKinds.includes(n.kind))?.kind ?? null;
  let id: string;
  try {
    id = await deps.db.transaction().execute(async (trx) => {
      const reference = await repo.nextReference(trx, now);
      const id = await repo.insertReferral(trx, {
        reference,
        center_id: centerId,
        plan_id: plan.id,
        service_id: service.service.id,
        location_id: site?.location.id ?? null,
        organization_id: service.organization.id,
        need_kind: needKind,
        status: "sent",
        message: input.message ?? null,
        contact_preference: input.contactPreference ?? "via_center",
        contact: input.contact ? JSON.stringify(input.contact) : null,
        consent_given: input.consent.given,
        consent_privacy_notice_shared: input.consent.privacyNoticeShared,
        consent_share_contact: input.consent.shareContact,
        consent_share_family_details: input.consent.shareFamilyDetails ?? false,
        consent_wording_version: input.consent.wordingVersion,
        consent_recorded_at: input.consent.recordedAt,
        idempotency_key: idempotencyKey ?? null,
        request_hash: requestHash,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      await repo.insertEvent(trx, { referral_id: id, status: "sent", from_status: null, note: input.message ?? null, reason: null, outcome: null, actor_user_id: actor.userId, actor_role: actor.role });
      await recordAudit(trx, actor, { action: "referral.create", entityType: "referral", entityId: id, after: { reference, planId: plan.id, serviceId: service.service.id, status: "sent", consent: input.consent }, centerId, organizationId: service.organization.id, requestId: deps.requestId });
      await enqueueChanges(trx, "referral.notify", [id]);
      return id;
    });
  } catch (err) {
    // The same key sent again while the first request was still running (a client retrying on a
    // timeout): the first one committed, so this one is its replay, not a failure.
    const replay = idempotencyKey && isUniqueViolation(err, "referral_idempotency_uq") ? await replayOf(deps, actor, centerId, idempotencyKey, requestHash) : undefined;
    if (replay) return replay;
    throw err;
  }
  return { referral: (await getReferral(deps, actor, id)) as StaffReferralView, replayed: false };
}

/** The referral created earlier under this Idempotency-Key, if any; a different body under the same key is a conflict. */
async function replayOf(deps: ReferralDeps, actor: Actor, centerId: string, key: string, requestHash: string): Promise<{ referral: StaffReferralView; replayed: true } | undefined> {
  const seen = await repo.findByIdempotencyKey(deps.db, centerId, key);
  if (!seen) return undefined;
  if (seen.request_hash !== requestHash) throw new ConflictError("this Idempotency-Key was already used for a different referral", "idempotency-key-reused");
  return { referral: (await getReferral(deps, actor, seen.id)) as StaffReferralView, replayed: true };
}

export async function recordReferralEvent(deps: ReferralDeps, actor: Actor, id: string, event: ReferralEventBody): Promise<ReferralView> {
  const scope = scopeOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const referral = await repo.lockReferral(trx, scope, id);
    if (!referral) throw new NotFoundError("referral");
    authorize(actor, "edit", { type: "referral", centerId: referral.center_id, organizationId: referral.organization_id });
    const move = nextStatus(referral.status, event, actor.role === "partner" ? "partner" : "staff");
    if (!move.ok) {
      if (move.conflict) throw new ConflictError(move.reason, "illegal-transition", { currentStatus: referral.status });
      throw new ValidationError([{ path: move.field ?? "status", message: move.reason }]);
    }
    const now = deps.now();
    const firstResponse = actor.role === "partner" && referral.responded_at === null;
    await repo.setStatus(trx, id, event.status, now, firstResponse, TERMINAL.has(event.status));
    await repo.insertEvent(trx, {
      referral_id: id,
      status: event.status,
      from_status: referral.status,
      note: event.note ?? null,
      reason: event.reason ?? null,
      outcome: event.outcome ?? null,
      actor_user_id: actor.userId,
      actor_role: actor.role,
    });
    await recordAudit(trx, actor, {
      action: `referral.${event.status}`,
      entityType: "referral",
      entityId: id,
      before: { status: referral.status },
      after: { status: event.status, reason: event.reason, outcome: event.outcome, note: event.note },
      centerId: referral.center_id,
      organizationId: referral.organization_id,
      requestId: deps.requestId,
    });
    await enqueueChanges(trx, "referral.notify", [id]);
  });
  return getReferral(deps, actor, id);
}

export async function getReferral(deps: ReferralDeps, actor: Actor, id: string): Promise<ReferralView> {
  const row = await repo.findReferral(deps.db, scopeOf(actor), id);
  if (!row) throw new NotFoundError("referral");
  authorize(actor, "read", { type: "referral", centerId: row.center_id, organizationId: row.organization_id });
  const [view] = await views(deps, actor, [row]);
  return view!;
}

export interface ReferralListFilter extends Omit<repo.ReferralFilter, "overdue"> {
  overdue?: boolean;
}

export async function listReferrals(deps: ReferralDeps, actor: Actor, filter: ReferralListFilter): Promise<{ items: ReferralView[]; total: number }> {
  const { overdue, ...rest } = filter;
  const sentBefore = new Date(deps.now().getTime() - deps.responseDays * 24 * 3600 * 1000);
  const { rows, total } = await repo.listReferrals(deps.db, scopeOf(actor), { ...rest, ...(overdue !== undefined ? { overdue: { value: overdue, sentBefore } } : {}) });
  return { items: await views(deps, actor, rows), total };
}

async function views(deps: ReferralDeps, actor: Actor, rows: repo.ReferralRow[]): Promise<ReferralView[]> {
  const events = await repo.findEvents(deps.db, rows.map((r) => r.id));
  const opts: ViewOptions = { now: deps.now(), responseDays: deps.responseDays };
  if (actor.role !== "partner") return rows.map((r) => staffView(r, events.get(r.id) ?? [], opts));

  const centerIds = [...new Set(rows.map((r) => r.center_id))];
  const centers = centerIds.length ? await deps.db.selectFrom("center").select(["id", "name"]).where("id", "in", centerIds).execute() : [];
  const centerById = new Map(centers.map((c) => [c.id, c]));
  const out: ReferralView[] = [];
  for (const r of rows) {
    const plan = r.consent_share_family_details ? await findPlanById(deps.db, r.center_id, r.plan_id) : undefined;
    out.push(partnerView(r, events.get(r.id) ?? [], centerById.get(r.center_id)!, plan, opts));
  }
  return out;
}

function scopeOf(actor: Actor): repo.ReferralScope {
  if (actor.role === "partner") {
    if (!actor.organizationId) throw new NotFoundError("referral");
    return { organizationId: actor.organizationId };
  }
  return { centerId: staffCenter(actor) };
}

function staffCenter(actor: Actor): string {
  if (!isCenterStaff(actor) || !actor.centerId) throw new NotFoundError("referral");
  return actor.centerId;
}
