import type { Kysely, Selectable } from "kysely";
import type {
  AddressTable,
  AttributeTable,
  CostOptionTable,
  Database,
  LanguageTable,
  LocationRow,
  OrganizationRow,
  PhoneTable,
  RequiredDocumentTable,
  ScheduleRow,
  ServiceAreaTable,
  ServiceRow,
} from "../db/database.js";
import { groupBy } from "../domain/group-by.js";

/**
 * A service with everything that hangs off it, loaded in a fixed number of queries for any
 * number of services. HSDS output, the search projection and exports all read through here.
 */
export interface ServiceAggregate {
  service: ServiceRow;
  organization: OrganizationRow;
  /** The municipalities the organization serves. */
  organizationMunicipalities: string[];
  locations: SiteAggregate[];
  schedules: ScheduleRow[];
  languages: Selectable<LanguageTable>[];
  costOptions: Selectable<CostOptionTable>[];
  serviceAreas: Selectable<ServiceAreaTable>[];
  requiredDocuments: Selectable<RequiredDocumentTable>[];
  phones: Selectable<PhoneTable>[];
  organizationPhones: Selectable<PhoneTable>[];
  /** Kinds beyond the primary `service.kind`, as taxonomy term codes. */
  otherKinds: string[];
  attributes: (Selectable<AttributeTable> & { code: string })[];
}

/** One service_at_location: the place where the service is delivered. */
export interface SiteAggregate {
  serviceAtLocationId: string;
  /** service_at_location.description: how the service runs at this place. */
  description: string | null;
  location: LocationRow;
  addresses: Selectable<AddressTable>[];
}

/** Ids per `IN (…)` list: large enough to keep round trips few, small enough for the planner. */
const CHUNK = 2000;

export async function loadServiceAggregates(db: Kysely<Database>, serviceIds: readonly string[]): Promise<ServiceAggregate[]> {
  const out: ServiceAggregate[] = [];
  for (let i = 0; i < serviceIds.length; i += CHUNK) {
    out.push(...(await loadChunk(db, serviceIds.slice(i, i + CHUNK))));
  }
  return out;
}

export async function loadServiceAggregate(db: Kysely<Database>, serviceId: string): Promise<ServiceAggregate | undefined> {
  return (await loadServiceAggregates(db, [serviceId]))[0];
}

async function loadChunk(db: Kysely<Database>, ids: string[]): Promise<ServiceAggregate[]> {
  if (ids.length === 0) return [];
  const services = await db.selectFrom("service").selectAll().where("id", "in", ids).execute();
  if (services.length === 0) return [];
  const orgIds = [...new Set(services.map((s) => s.organization_id))];

  const [organizations, orgMunicipalities, sites, schedules, languages, costs, areas, docs, phones, orgPhones, attributes] =
    await Promise.all([
      db.selectFrom("organization").selectAll().where("id", "in", orgIds).execute(),
      db.selectFrom("organization_municipality").selectAll().where("organization_id", "in", orgIds).execute(),
      db
        .selectFrom("service_at_location as sal")
        .innerJoin("location as l", "l.id", "sal.location_id")
        .selectAll("l")
        .select(["sal.id as sal_id", "sal.service_id as sal_service_id", "sal.description as sal_description"])
        .where("sal.service_id", "in", ids)
        .orderBy("sal.id")
        .execute(),
      db.selectFrom("schedule").selectAll().where("service_id", "in", ids).orderBy("id").execute(),
      db.selectFrom("language").selectAll().where("service_id", "in", ids).orderBy("code").execute(),
      db.selectFrom("cost_option").selectAll().where("service_id", "in", ids).orderBy("id").execute(),
      db.selectFrom("service_area").selectAll().where("service_id", "in", ids).orderBy("municipality_code").execute(),
      db.selectFrom("required_document").selectAll().where("service_id", "in", ids).orderBy("id").execute(),
      db.selectFrom("phone").selectAll().where("service_id", "in", ids).orderBy("id").execute(),
      db.selectFrom("phone").selectAll().where("organization_id", "in", orgIds).orderBy("id").execute(),
      db
        .selectFrom("attribute as a")
        .innerJoin("taxonomy_term as t", "t.id", "a.taxonomy_term_id")
        .selectAll("a")
        .select("t.code")
        .where("a.link_entity", "=", "service")
        .where("a.link_id", "in", ids)
        .orderBy("a.id")
        .execute(),
    ]);

  const locationIds = sites.map((s) => s.id);
  const addresses = locationIds.length
    ? await db.selectFrom("address").selectAll().where("location_id", "in", locationIds).orderBy("id").execute()
    : [];

  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const byService = <T extends { service_id: string | null }>(rows: T[]) => groupBy(rows, (r) => r.service_id ?? "");
  const schedulesBy = byService(schedules);
  const languagesBy = byService(languages);
  const costsBy = byService(costs);
  const areasBy = byService(areas);
  const docsBy = byService(docs);
  const phonesBy = byService(phones);
  const orgPhonesBy = groupBy(orgPhones, (p) => p.organization_id ?? "");
  const orgMunicipalitiesBy = groupBy(orgMunicipalities, (m) => m.organization_id);
  const attributesBy = groupBy(attributes, (a) => a.link_id);
  const addressesBy = groupBy(addresses, (a) => a.location_id);
  const sitesBy = groupBy(sites, (s) => s.sal_service_id);

  return services.map((service) => {
    const attrs = attributesBy.get(service.id) ?? [];
    return {
      service,
      organization: orgById.get(service.organization_id)!,
      organizationMunicipalities: (orgMunicipalitiesBy.get(service.organization_id) ?? []).map((m) => m.municipality_code),
      locations: (sitesBy.get(service.id) ?? []).map(({ sal_id, sal_service_id: _, sal_description, ...location }) => ({
        serviceAtLocationId: sal_id,
        description: sal_description,
        location,
        addresses: addressesBy.get(location.id) ?? [],
      })),
      schedules: schedulesBy.get(service.id) ?? [],
      languages: languagesBy.get(service.id) ?? [],
      costOptions: costsBy.get(service.id) ?? [],
      serviceAreas: areasBy.get(service.id) ?? [],
      requiredDocuments: docsBy.get(service.id) ?? [],
      phones: phonesBy.get(service.id) ?? [],
      organizationPhones: orgPhonesBy.get(service.organization_id) ?? [],
      otherKinds: attrs.filter((a) => a.link_type === "kind").map((a) => a.code),
      attributes: attrs,
    };
  });
}
