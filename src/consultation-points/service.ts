import type { Kysely } from "kysely";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database } from "../db/database.js";
import { ConflictError, NotFoundError, ValidationError } from "../domain/errors.js";
import type { LatLng } from "../domain/geo.js";
import { centerOf } from "../plans/service.js";
import { type ConsultationPoint, DEFAULT_COVERAGE_METERS, DESIGNATABLE_KINDS, type DesignationInput } from "./consultation-point.js";
import { type NearestPoint, type UncoveredCell, nearestPoints, uncoveredCells } from "./coverage.js";
import { listActivePoints } from "./repository.js";

/**
 * Designating 地域子育て相談機関 (staff of the center), finding the nearest one (anyone), and
 * showing staff the populated areas that none covers.
 */
export async function designatePoint(db: Kysely<Database>, actor: Actor, input: DesignationInput, requestId?: string): Promise<ConsultationPoint> {
  const centerId = centerOf(actor);
  const center = await db.selectFrom("center").select("municipality_code").where("id", "=", centerId).executeTakeFirstOrThrow();
  const site = await db
    .selectFrom("service as s")
    .innerJoin("organization as o", "o.id", "s.organization_id")
    .innerJoin("service_at_location as sal", "sal.service_id", "s.id")
    .innerJoin("location as l", "l.id", "sal.location_id")
    .select(["s.id", "s.kind", "s.verification_status", "o.verification_status as org_status", "l.id as location_id", "l.municipality_code"])
    .where("s.id", "=", input.serviceId)
    .$if(input.locationId !== undefined, (q) => q.where("l.id", "=", input.locationId!))
    .orderBy("sal.id")
    .executeTakeFirst();
  if (!site || site.verification_status !== "published" || site.org_status !== "published") {
    throw new ValidationError([{ path: input.locationId ? "locationId" : "serviceId", message: "is not a published service (or not one of its places)" }]);
  }
  if (!(DESIGNATABLE_KINDS as readonly string[]).includes(site.kind)) {
    throw new ValidationError([{ path: "serviceId", message: `a consultation point must be one of: ${DESIGNATABLE_KINDS.join(", ")}` }]);
  }
  if (site.municipality_code !== center.municipality_code) {
    throw new ValidationError([{ path: "serviceId", message: "is not in your center's municipality" }]);
  }
  const id = await db.transaction().execute(async (trx) => {
    const active = await trx.selectFrom("consultation_point").select("id").where("center_id", "=", centerId).where("location_id", "=", site.location_id).where("ended_at", "is", null).executeTakeFirst();
    if (active) throw new ConflictError("this place is already a consultation point", "already-designated", { id: active.id });
    const row = await trx
      .insertInto("consultation_point")
      .values({ center_id: centerId, service_id: site.id, location_id: site.location_id, coverage_radius_meters: input.coverageRadiusMeters ?? DEFAULT_COVERAGE_METERS, note: input.note ?? null, designated_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: "consultation_point.designate", entityType: "consultation_point", entityId: row.id, after: { ...input, locationId: site.location_id }, centerId, requestId });
    return row.id;
  });
  return (await listActivePoints(db, { id }))[0]!;
}

export async function endDesignation(db: Kysely<Database>, actor: Actor, id: string, requestId?: string): Promise<void> {
  const centerId = centerOf(actor);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom("consultation_point").selectAll().where("id", "=", id).where("center_id", "=", centerId).where("ended_at", "is", null).forUpdate().executeTakeFirst();
    if (!row) throw new NotFoundError("consultation point");
    const endedAt = new Date();
    await trx.updateTable("consultation_point").set({ ended_at: endedAt }).where("id", "=", id).execute();
    await recordAudit(trx, actor, { action: "consultation_point.end", entityType: "consultation_point", entityId: id, before: { endedAt: null }, after: { endedAt }, centerId, requestId });
  });
}

export function listPoints(db: Kysely<Database>, municipalityCode?: string): Promise<ConsultationPoint[]> {
  return listActivePoints(db, municipalityCode ? { municipalityCode } : {});
}

export async function findNearestPoints(db: Kysely<Database>, from: LatLng, limit: number): Promise<NearestPoint[]> {
  return nearestPoints(await listActivePoints(db, {}), from, limit);
}

/** The center's populated area (cells with listed places) that no point covers. */
export async function coverageGaps(db: Kysely<Database>, actor: Actor, cellMeters: number): Promise<{ points: number; cells: number; uncovered: UncoveredCell[] }> {
  const centerId = centerOf(actor);
  const points = await listActivePoints(db, { centerId });
  const places = await db
    .selectFrom("location as l")
    .innerJoin("center as c", "c.municipality_code", "l.municipality_code")
    .select(["l.latitude", "l.longitude"])
    .where("c.id", "=", centerId)
    .where("l.latitude", "is not", null)
    .execute();
  const { cells, uncovered } = uncoveredCells(points, places.map((p) => ({ lat: p.latitude!, lng: p.longitude! })), cellMeters);
  return { points: points.length, cells, uncovered };
}
