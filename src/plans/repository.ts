import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, PlanNeedTable, SupportPlanTable } from "../db/database.js";
import type { Weekday } from "../domain/schedule.js";
import type { Plan, PlanInput, PlanPatch } from "./plan.js";

/**
 * All SQL for support plans. Every read is scoped by center: a plan of another center is
 * indistinguishable from one that does not exist.
 */
type Db = Kysely<Database> | Transaction<Database>;
type PlanRow = Selectable<SupportPlanTable> & { municipality_code: string };

export async function insertPlan(trx: Db, centerId: string, input: PlanInput, createdBy: string): Promise<string> {
  const { id } = await trx
    .insertInto("support_plan")
    .values({
      center_id: centerId,
      case_ref: input.caseRef,
      lead_user_id: input.leadUserId ?? createdBy,
      next_steps: JSON.stringify(input.nextSteps),
      created_by: createdBy,
      ...familyColumns(input.family),
      ...constraintColumns(input.constraints),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await replaceNeeds(trx, id, input.needs);
  return id;
}

export async function updatePlan(trx: Db, id: string, patch: PlanPatch): Promise<void> {
  await trx
    .updateTable("support_plan")
    .set({
      updated_at: new Date(),
      ...(patch.caseRef !== undefined ? { case_ref: patch.caseRef } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.leadUserId !== undefined ? { lead_user_id: patch.leadUserId } : {}),
      ...(patch.nextSteps !== undefined ? { next_steps: JSON.stringify(patch.nextSteps) } : {}),
      ...(patch.family ? familyColumns(patch.family) : {}),
      ...(patch.constraints ? constraintColumns(patch.constraints) : {}),
    })
    .where("id", "=", id)
    .execute();
  if (patch.needs) await replaceNeeds(trx, id, patch.needs);
}

export async function findPlanById(db: Db, centerId: string, id: string): Promise<Plan | undefined> {
  const row = await db
    .selectFrom("support_plan as p")
    .innerJoin("center as c", "c.id", "p.center_id")
    .selectAll("p")
    .select("c.municipality_code")
    .where("p.id", "=", id)
    .where("p.center_id", "=", centerId)
    .executeTakeFirst();
  if (!row) return undefined;
  const needs = await db.selectFrom("plan_need").selectAll().where("plan_id", "=", id).orderBy("position").execute();
  return planRowToPlan(row, needs);
}

/** Locks the plan row for an update, so concurrent edits serialise. */
export async function lockPlan(trx: Transaction<Database>, centerId: string, id: string): Promise<Plan | undefined> {
  const locked = await trx.selectFrom("support_plan").select("id").where("id", "=", id).where("center_id", "=", centerId).forUpdate().executeTakeFirst();
  return locked ? findPlanById(trx, centerId, id) : undefined;
}

export interface PlanListFilter {
  status?: "open" | "closed";
  limit: number;
  offset: number;
}

export async function listPlans(db: Db, centerId: string, filter: PlanListFilter): Promise<{ plans: Plan[]; total: number }> {
  let base = db.selectFrom("support_plan as p").innerJoin("center as c", "c.id", "p.center_id").where("p.center_id", "=", centerId);
  if (filter.status) base = base.where("p.status", "=", filter.status);
  const [rows, count] = await Promise.all([
    base.selectAll("p").select("c.municipality_code").orderBy("p.updated_at", "desc").orderBy("p.id").limit(filter.limit).offset(filter.offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  const needs = rows.length
    ? await db.selectFrom("plan_need").selectAll().where("plan_id", "in", rows.map((r) => r.id)).orderBy("position").execute()
    : [];
  return { plans: rows.map((r) => planRowToPlan(r, needs.filter((n) => n.plan_id === r.id))), total: Number(count.n) };
}

async function replaceNeeds(trx: Db, planId: string, needs: PlanInput["needs"]): Promise<void> {
  await trx.deleteFrom("plan_need").where("plan_id", "=", planId).execute();
  await trx
    .insertInto("plan_need")
    .values(needs.map((n, position) => ({ plan_id: planId, position, kind: n.kind, note: n.note ?? null, urgency: n.urgency ?? "normal" })))
    .execute();
}

function familyColumns(f: PlanInput["family"]) {
  return {
    family_lat: f.lat,
    family_lng: f.lng,
    children_age_months: f.children.map((c) => c.ageMonths),
    pregnancy_weeks: f.pregnancyWeeks ?? null,
    languages: f.languages,
    public_assistance: f.flags.publicAssistance ?? null,
    disability_certificate: f.flags.disabilityCertificate ?? null,
  };
}

function constraintColumns(c: PlanInput["constraints"]) {
  return { max_distance_meters: c.maxDistanceMeters ?? null, max_cost_yen: c.maxCostYen ?? null, days: c.days ?? null };
}

export function planRowToPlan(row: PlanRow, needs: Selectable<PlanNeedTable>[]): Plan {
  return {
    id: row.id,
    centerId: row.center_id,
    municipalityCode: row.municipality_code,
    caseRef: row.case_ref,
    status: row.status,
    leadUserId: row.lead_user_id,
    family: {
      lat: row.family_lat,
      lng: row.family_lng,
      children: row.children_age_months.map((ageMonths) => ({ ageMonths })),
      ...(row.pregnancy_weeks !== null ? { pregnancyWeeks: row.pregnancy_weeks } : {}),
      languages: row.languages,
      flags: {
        ...(row.public_assistance !== null ? { publicAssistance: row.public_assistance } : {}),
        ...(row.disability_certificate !== null ? { disabilityCertificate: row.disability_certificate } : {}),
      },
    },
    needs: needs.map((n) => ({ id: n.id, kind: n.kind, ...(n.note !== null ? { note: n.note } : {}), urgency: n.urgency })),
    constraints: {
      ...(row.max_distance_meters !== null ? { maxDistanceMeters: row.max_distance_meters } : {}),
      ...(row.max_cost_yen !== null ? { maxCostYen: row.max_cost_yen } : {}),
      ...(row.days ? { days: row.days as Weekday[] } : {}),
    },
    nextSteps: row.next_steps,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
