import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/database.js";
import type { ConsultationPoint } from "./consultation-point.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Active designations, with what a family needs to find the place. */
export async function listActivePoints(db: Db, where: { centerId?: string; municipalityCode?: string; id?: string }): Promise<ConsultationPoint[]> {
  let q = db
    .selectFrom("consultation_point as cp")
    .innerJoin("center as c", "c.id", "cp.center_id")
    .innerJoin("service as s", "s.id", "cp.service_id")
    .innerJoin("organization as o", "o.id", "s.organization_id")
    .innerJoin("location as l", "l.id", "cp.location_id")
    .leftJoin("address as a", "a.location_id", "l.id")
    .select([
      "cp.id", "cp.center_id", "c.municipality_code", "cp.service_id", "cp.location_id", "s.name", "s.kind", "o.name as organization_name",
      "a.state_province", "a.city", "a.address_1", "l.latitude", "l.longitude", "cp.coverage_radius_meters", "cp.note", "cp.designated_at",
    ])
    .select((eb) =>
      eb.selectFrom("phone as p").select("p.number").where((w) => w.or([w("p.service_id", "=", w.ref("s.id")), w("p.organization_id", "=", w.ref("o.id"))])).orderBy("p.service_id").limit(1).as("phone"),
    )
    .where("cp.ended_at", "is", null)
    // A point is shown only while its service is public.
    .where("s.verification_status", "=", "published")
    .where("o.verification_status", "=", "published")
    .where("s.status", "=", "active");
  if (where.centerId) q = q.where("cp.center_id", "=", where.centerId);
  if (where.municipalityCode) q = q.where("c.municipality_code", "=", where.municipalityCode);
  if (where.id) q = q.where("cp.id", "=", where.id);
  const rows = await q.orderBy("s.name").orderBy("cp.id").execute();
  return rows.map((r) => ({
    id: r.id,
    centerId: r.center_id,
    municipalityCode: r.municipality_code,
    serviceId: r.service_id,
    locationId: r.location_id,
    name: r.name,
    kind: r.kind,
    organizationName: r.organization_name,
    address: r.city ? `${r.state_province ?? ""}${r.city}${r.address_1 ?? ""}` : null,
    phone: r.phone ?? null,
    lat: r.latitude!,
    lng: r.longitude!,
    coverageRadiusMeters: r.coverage_radius_meters,
    note: r.note,
    designatedAt: r.designated_at.toISOString(),
  }));
}
