import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import { authorize } from "../auth/policy.js";
import type { Principal } from "../auth/principal.js";
import { type ThrottleRule, consume } from "../auth/throttle.js";
import { publicServices } from "../catalog/public-catalog.js";
import { findOrganizationFacts } from "../catalog/tenancy.js";
import type { Database } from "../db/database.js";
import { ConflictError, NotFoundError } from "../domain/errors.js";

/**
 * 「情報の誤りを報告」: anyone may tell the center a listing is wrong, without signing in and
 * without giving any personal data (none is asked for or kept — not even the address the report
 * came from, which only feeds the hashed rate-limit counter). Reports land in the review queue of
 * the centers the organization serves.
 */
export const REPORT_PROBLEMS = ["closed", "wrong_hours", "wrong_phone", "wrong_address", "other"] as const;

export const reportSchema = z
  .object({
    problem: z.enum(REPORT_PROBLEMS),
    /** What is wrong, in the reporter's words; please no names or contact details. */
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((r) => r.problem !== "other" || (r.note?.length ?? 0) > 0, { message: "say what is wrong", path: ["note"] });

export const resolutionSchema = z
  .object({
    outcome: z.enum(["resolved", "dismissed"]),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();

export type ReportInput = z.infer<typeof reportSchema>;
export type Resolution = z.infer<typeof resolutionSchema>;

export async function reportProblem(
  deps: { db: Kysely<Database>; rule: ThrottleRule; requestId?: string },
  serviceId: string,
  input: ReportInput,
  clientAddress: string,
): Promise<{ id: string; status: "open" }> {
  const service = await publicServices(deps.db).select(["s.id", "s.organization_id"]).where("s.id", "=", serviceId).executeTakeFirst();
  if (!service) throw new NotFoundError("service");
  await consume(deps.db, deps.rule, clientAddress, "reports");
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto("service_report")
      .values({ service_id: service.id, organization_id: service.organization_id, problem: input.problem, note: input.note || null })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The note may carry what the reporter should not have written; the audit keeps only the kind.
    await recordAudit(trx, null, {
      action: "report.create",
      entityType: "service_report",
      entityId: id,
      after: { serviceId: service.id, problem: input.problem, status: "open" },
      organizationId: service.organization_id,
      requestId: deps.requestId,
    });
    return { id, status: "open" as const };
  });
}

export async function resolveReport(deps: { db: Kysely<Database>; requestId?: string }, p: Principal, reportId: string, input: Resolution) {
  return deps.db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom("service_report").selectAll().where("id", "=", reportId).forUpdate().executeTakeFirst();
    const facts = report && (await findOrganizationFacts(trx, report.organization_id));
    if (!report || !facts) throw new NotFoundError("report");
    authorize(p, "edit", { type: "report", ...facts });
    if (report.status !== "open") throw new ConflictError(`this report is already ${report.status}`);
    const now = new Date();
    await trx
      .updateTable("service_report")
      .set({ status: input.outcome, resolved_by: p.userId, resolved_at: now, resolution_note: input.note ?? null })
      .where("id", "=", reportId)
      .execute();
    await recordAudit(trx, p, {
      action: `report.${input.outcome === "resolved" ? "resolve" : "dismiss"}`,
      entityType: "service_report",
      entityId: reportId,
      before: { serviceId: report.service_id, problem: report.problem, status: report.status },
      after: { serviceId: report.service_id, problem: report.problem, status: input.outcome, note: input.note ?? null },
      organizationId: report.organization_id,
      requestId: deps.requestId,
    });
    return { id: reportId, status: input.outcome, resolvedAt: now.toISOString() };
  });
}
