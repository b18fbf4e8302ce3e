import type { Kysely } from "kysely";
import { type Actor, recordAudit } from "../audit/record.js";
import { authorize } from "../auth/policy.js";
import { isCenterStaff } from "../auth/principal.js";
import type { Database } from "../db/database.js";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors.js";
import type { Plan, PlanInput, PlanPatch } from "./plan.js";
import * as repo from "./repository.js";

/**
 * Support-plan use cases. A plan belongs to the center, not to one worker: any staff member of
 * the center (保健師 or 子ども家庭支援員) may read and edit it, and one of them leads it.
 */
export interface PlanDeps {
  db: Kysely<Database>;
  requestId?: string;
}

export async function createPlan(deps: PlanDeps, actor: Actor, input: PlanInput): Promise<Plan> {
  const centerId = centerOf(actor);
  await assertColleagues(deps.db, centerId, input);
  const id = await deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom("support_plan").select("id").where("center_id", "=", centerId).where("case_ref", "=", input.caseRef).executeTakeFirst();
    if (taken) throw new ConflictError(`the center already has a plan for case ${input.caseRef}`, "case-ref-taken", { planId: taken.id });
    const id = await repo.insertPlan(trx, centerId, input, actor.userId);
    const plan = (await repo.findPlanById(trx, centerId, id))!;
    await recordAudit(trx, actor, { action: "plan.create", entityType: "support_plan", entityId: id, after: auditShape(plan), centerId, requestId: deps.requestId });
    return id;
  });
  return getPlan(deps, actor, id);
}

export async function getPlan(deps: PlanDeps, actor: Actor, id: string): Promise<Plan> {
  const plan = await repo.findPlanById(deps.db, centerOf(actor), id);
  if (!plan) throw new NotFoundError("plan");
  authorize(actor, "read", { type: "plan", centerId: plan.centerId });
  return plan;
}

export async function updatePlan(deps: PlanDeps, actor: Actor, id: string, patch: PlanPatch): Promise<Plan> {
  const centerId = centerOf(actor);
  await assertColleagues(deps.db, centerId, patch);
  await deps.db.transaction().execute(async (trx) => {
    const before = await repo.lockPlan(trx, centerId, id);
    if (!before) throw new NotFoundError("plan");
    authorize(actor, "edit", { type: "plan", centerId: before.centerId });
    if (patch.caseRef && patch.caseRef !== before.caseRef) {
      const taken = await trx.selectFrom("support_plan").select("id").where("center_id", "=", centerId).where("case_ref", "=", patch.caseRef).executeTakeFirst();
      if (taken) throw new ConflictError(`the center already has a plan for case ${patch.caseRef}`, "case-ref-taken");
    }
    await repo.updatePlan(trx, id, patch);
    const after = (await repo.findPlanById(trx, centerId, id))!;
    await recordAudit(trx, actor, { action: "plan.update", entityType: "support_plan", entityId: id, before: auditShape(before), after: auditShape(after), centerId, requestId: deps.requestId });
  });
  return getPlan(deps, actor, id);
}

export async function listPlans(deps: PlanDeps, actor: Actor, filter: repo.PlanListFilter): Promise<{ plans: Plan[]; total: number }> {
  return repo.listPlans(deps.db, centerOf(actor), filter);
}

/** Plans belong to staff of one center (reads are scoped to it; the policy checks each record); to anyone else, no plan exists. */
export function centerOf(actor: Actor): string {
  if (!isCenterStaff(actor) || !actor.centerId) throw new NotFoundError("plan");
  return actor.centerId;
}

/** The lead and the owners of next steps must be active staff of the same center. */
async function assertColleagues(db: Kysely<Database>, centerId: string, p: Pick<PlanPatch, "leadUserId" | "nextSteps">): Promise<void> {
  const named = [
    ...(p.leadUserId ? [{ path: "leadUserId", id: p.leadUserId }] : []),
    ...(p.nextSteps ?? []).flatMap((s, i) => (s.ownerUserId ? [{ path: `nextSteps.${i}.ownerUserId`, id: s.ownerUserId }] : [])),
  ];
  if (named.length === 0) return;
  const found = await db
    .selectFrom("app_user")
    .select("id")
    .where("id", "in", named.map((n) => n.id))
    .where("center_id", "=", centerId)
    .where("disabled_at", "is", null)
    .execute();
  const ok = new Set(found.map((u) => u.id));
  const issues = named.filter((n) => !ok.has(n.id)).map((n) => ({ path: n.path, message: "is not an active staff member of your center" }));
  if (issues.length) throw new ValidationError(issues);
}

/** The audit keeps the plan's content, not its timestamps (they are the entry's own). */
function auditShape(plan: Plan) {
  const { createdAt: _c, updatedAt: _u, ...rest } = plan;
  return { ...rest, needs: plan.needs.map(({ id: _id, ...n }) => n) };
}
