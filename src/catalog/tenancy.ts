import type { Kysely } from "kysely";
import type { CatalogTenancy } from "../auth/policy.js";
import type { Database, VerificationStatus } from "../db/database.js";

/** The facts the tenancy policy needs about a catalog record, loaded before anything else is. */
export interface OrganizationFacts extends CatalogTenancy {
  status: VerificationStatus;
}

export interface ServiceFacts extends OrganizationFacts {
  serviceId: string;
  organizationStatus: VerificationStatus;
}

export async function findOrganizationFacts(db: Kysely<Database>, organizationId: string): Promise<OrganizationFacts | undefined> {
  const org = await db.selectFrom("organization").select(["id", "verification_status"]).where("id", "=", organizationId).executeTakeFirst();
  if (!org) return undefined;
  return { organizationId: org.id, status: org.verification_status, municipalityCodes: await servedMunicipalities(db, org.id) };
}

export async function findServiceFacts(db: Kysely<Database>, serviceId: string): Promise<ServiceFacts | undefined> {
  const row = await db
    .selectFrom("service as s")
    .innerJoin("organization as o", "o.id", "s.organization_id")
    .select(["s.id", "s.organization_id", "s.verification_status", "o.verification_status as organization_status"])
    .where("s.id", "=", serviceId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    serviceId: row.id,
    organizationId: row.organization_id,
    status: row.verification_status,
    organizationStatus: row.organization_status,
    municipalityCodes: await servedMunicipalities(db, row.organization_id),
  };
}

async function servedMunicipalities(db: Kysely<Database>, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("organization_municipality")
    .select("municipality_code")
    .where("organization_id", "=", organizationId)
    .orderBy("municipality_code")
    .execute();
  return rows.map((r) => r.municipality_code);
}

/** Organizations a center's staff look after: those serving the center's municipality. */
export function organizationsServing(db: Kysely<Database>, municipalityCode: string) {
  return db.selectFrom("organization_municipality").select("organization_id").where("municipality_code", "=", municipalityCode);
}
