import type { Kysely } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { ServiceAggregate } from "../catalog/aggregate.js";
import type { Database, LocationRow, OrganizationRow, ServiceRow } from "../db/database.js";

/**
 * The slice of a `ServiceAggregate` that the matching rules and the matches response read. A full
 * aggregate is also a `MatchFacts`, so `candidatesFromFacts` is the one mapping for both.
 */
export interface MatchFacts {
  service: Pick<ServiceRow, (typeof SERVICE_FACTS)[number]>;
  organization: Pick<OrganizationRow, "id" | "name" | "verification_status">;
  organizationMunicipalities: ServiceAggregate["organizationMunicipalities"];
  locations: { location: Pick<LocationRow, "id" | "latitude" | "longitude"> }[];
  schedules: Pick<ServiceAggregate["schedules"][number], "byday">[];
  languages: Pick<ServiceAggregate["languages"][number], "code">[];
  costOptions: Pick<ServiceAggregate["costOptions"][number], "amount">[];
  serviceAreas: Pick<ServiceAggregate["serviceAreas"][number], "municipality_code">[];
}

const SERVICE_FACTS = [
  "id",
  "organization_id",
  "name",
  "kind",
  "verification_status",
  "age_min_months",
  "age_max_months",
  "accepts_prenatal",
  "accepts_postnatal",
  "pregnancy_min_weeks",
  "residence_required",
  "certificate_required",
  "cost_kind",
  "capacity_available",
  "verified_at",
] as const;

/**
 * The match facts of these services in one query (the child lists as JSON arrays, in the
 * aggregate's order). Matching runs on every plan view: `loadServiceAggregates` spends a dozen
 * round trips on phones, addresses and documents no rule reads, and on a busy server the round
 * trips, not the rows, are what cost (200k catalog, busy 2-core machine: p50 ~25 ms a plan → ~13 ms).
 */
export async function loadMatchFacts(db: Kysely<Database>, serviceIds: readonly string[]): Promise<MatchFacts[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db
    .selectFrom("service as s")
    .innerJoin("organization as o", "o.id", "s.organization_id")
    .select(SERVICE_FACTS.map((column) => `s.${column}` as const))
    .select(["o.name as organization_name", "o.verification_status as organization_verification_status"])
    .select((eb) => [
      jsonArrayFrom(eb.selectFrom("organization_municipality as om").select("om.municipality_code").whereRef("om.organization_id", "=", "s.organization_id")).as(
        "organization_municipalities",
      ),
      jsonArrayFrom(
        eb
          .selectFrom("service_at_location as sal")
          .innerJoin("location as l", "l.id", "sal.location_id")
          .select(["l.id", "l.latitude", "l.longitude"])
          .whereRef("sal.service_id", "=", "s.id")
          .orderBy("sal.id"),
      ).as("locations"),
      jsonArrayFrom(eb.selectFrom("schedule as sc").select("sc.byday").whereRef("sc.service_id", "=", "s.id").orderBy("sc.id")).as("schedules"),
      jsonArrayFrom(eb.selectFrom("language as la").select("la.code").whereRef("la.service_id", "=", "s.id").orderBy("la.code")).as("languages"),
      jsonArrayFrom(eb.selectFrom("cost_option as co").select("co.amount").whereRef("co.service_id", "=", "s.id").orderBy("co.id")).as("cost_options"),
      jsonArrayFrom(
        eb.selectFrom("service_area as sa").select("sa.municipality_code").whereRef("sa.service_id", "=", "s.id").orderBy("sa.municipality_code"),
      ).as("service_areas"),
    ])
    // One array parameter: an IN list of hundreds of ids costs more to plan than to run.
    .where("s.id", "=", (eb) => eb.fn.any(eb.val([...serviceIds])))
    .execute();

  return rows.map(
    ({ organization_name, organization_verification_status, organization_municipalities, locations, schedules, languages, cost_options, service_areas, ...service }) => ({
      service,
      organization: { id: service.organization_id, name: organization_name, verification_status: organization_verification_status },
      organizationMunicipalities: organization_municipalities.map((m) => m.municipality_code),
      locations: locations.map((location) => ({ location })),
      schedules,
      languages,
      costOptions: cost_options,
      serviceAreas: service_areas,
    }),
  );
}
