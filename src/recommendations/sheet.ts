import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { type Actor, recordAudit } from "../audit/record.js";
import { loadServiceAggregates } from "../catalog/aggregate.js";
import { isPublicAggregate } from "../catalog/public-catalog.js";
import type { Database, SheetLanguage } from "../db/database.js";
import { NotFoundError, ValidationError } from "../domain/errors.js";
import { findKind } from "../domain/taxonomy.js";
import { type Weekday, rruleDays } from "../domain/schedule.js";
import { getPlan } from "../plans/service.js";

/**
 * 利用勧奨: a handout of recommended services for a family, in Japanese, やさしい日本語 or English,
 * shared as a link. The link names the services and the center that recommends them — never the
 * family, the plan or why.
 */
export const SHEET_DAYS = 180;

export const sheetInputSchema = z
  .object({
    serviceIds: z.array(z.string().uuid()).min(1).max(10),
    language: z.enum(["ja", "easy-ja", "en"]).default("ja"),
  })
  .strict();

export type SheetInput = z.infer<typeof sheetInputSchema>;

export async function createSheet(db: Kysely<Database>, actor: Actor, planId: string, input: SheetInput, requestId?: string) {
  const plan = await getPlan({ db }, actor, planId);
  const services = await loadServiceAggregates(db, input.serviceIds);
  const publicIds = new Set(services.filter(isPublicAggregate).map((s) => s.service.id));
  const issues = input.serviceIds.flatMap((id, i) => (publicIds.has(id) ? [] : [{ path: `serviceIds.${i}`, message: "is not a published service" }]));
  if (issues.length) throw new ValidationError(issues);

  const token = randomBytes(16).toString("base64url");
  const expiresAt = new Date(Date.now() + SHEET_DAYS * 86_400_000);
  const row = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("recommendation_sheet")
      .values({ token, center_id: plan.centerId, plan_id: plan.id, service_ids: [...new Set(input.serviceIds)], language: input.language, created_by: actor.userId, expires_at: expiresAt })
      .returning(["id", "created_at"])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: "recommendation_sheet.create", entityType: "recommendation_sheet", entityId: row.id, after: { planId, ...input }, centerId: plan.centerId, requestId });
    return row;
  });
  return { id: row.id, token, path: `/sheets/${token}`, language: input.language, createdAt: row.created_at.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** The public side of a link: what the family holds in their hand. */
export async function findSheetByToken(db: Kysely<Database>, token: string, now = new Date()) {
  const sheet = await db
    .selectFrom("recommendation_sheet as r")
    .innerJoin("center as c", "c.id", "r.center_id")
    .select(["r.service_ids", "r.language", "r.created_at", "r.expires_at", "c.name as center_name", "c.municipality_name"])
    .where("r.token", "=", token)
    .executeTakeFirst();
  if (!sheet || sheet.expires_at < now) throw new NotFoundError("sheet");
  const aggregates = (await loadServiceAggregates(db, sheet.service_ids)).filter(isPublicAggregate);
  const order = new Map(sheet.service_ids.map((id, i) => [id, i]));
  aggregates.sort((a, b) => order.get(a.service.id)! - order.get(b.service.id)!);
  return {
    language: sheet.language as SheetLanguage,
    center: { name: sheet.center_name, municipalityName: sheet.municipality_name },
    createdAt: sheet.created_at.toISOString(),
    expiresAt: sheet.expires_at.toISOString(),
    services: aggregates.map((a) => {
      const kind = findKind(a.service.kind);
      const site = a.locations[0];
      const address = site?.addresses[0];
      return {
        id: a.service.id,
        name: a.service.name,
        nameKana: a.service.name_kana,
        kind: a.service.kind,
        kindLabel: kind ? { ja: kind.ja, en: kind.en, easyJa: kind.easyJa, easyJaRuby: kind.easyJaRuby } : null,
        description: a.service.description,
        organization: a.organization.name,
        address: address ? `${address.state_province}${address.city}${address.address_1}${address.address_2 ? ` ${address.address_2}` : ""}` : null,
        postalCode: address?.postal_code ?? null,
        lat: site?.location.latitude ?? null,
        lng: site?.location.longitude ?? null,
        transportation: site?.location.transportation ?? null,
        phone: a.phones[0]?.number ?? a.organizationPhones[0]?.number ?? null,
        email: a.service.email,
        url: a.service.url,
        cost: { kind: a.service.cost_kind, amountYen: a.costOptions[0]?.amount ?? null, description: a.service.fees_description },
        schedule: a.schedules.map((s) => ({ days: rruleDays(s.byday) as Weekday[], opensAt: s.opens_at, closesAt: s.closes_at, description: s.description })),
        ageMinMonths: a.service.age_min_months,
        ageMaxMonths: a.service.age_max_months,
        languages: a.languages.map((l) => l.code),
        listingPath: `/?service=${a.service.id}`,
      };
    }),
  };
}
