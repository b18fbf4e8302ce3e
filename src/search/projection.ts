import type { Kysely } from "kysely";
import { publicServices } from "../catalog/public-catalog.js";
import type { Database } from "../db/database.js";
import { type ProjectionRow, type SearchDocument, toSearchDocument } from "./document.js";

/**
 * The projection from the database to search documents. What is public is decided by
 * `publicServices` (catalog/public-catalog.ts), never here. Reads run in batches: a main query
 * for the service-at-location rows, then one query per child table (languages, schedules,
 * further kinds) for the whole batch — a fixed number of round trips per batch, like
 * `loadServiceAggregates`, but reading only what a document needs (the full aggregate also loads
 * phones, costs, areas and documents, which made a 200k rebuild several times slower).
 */

/** Rows per batch of a full rebuild. */
const BATCH = 5000;
/** Ids per `IN (…)` list. */
const CHUNK = 2000;

function documentRows(db: Kysely<Database>) {
  return publicServices(db)
    .innerJoin("service_at_location as sal", "sal.service_id", "s.id")
    .innerJoin("location as l", "l.id", "sal.location_id")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("address")
          .select(["state_province", "city", "address_1", "address_2"])
          .whereRef("address.location_id", "=", "l.id")
          // A location has one address (catalog/writer.ts). No ORDER BY: with it, a planner
          // without statistics walks the primary key instead of address_location_idx.
          .limit(1)
          .as("a"),
      (join) => join.onTrue(),
    )
    .select([
      "sal.id as salId",
      "s.id as serviceId",
      "l.id as locationId",
      "s.name as name",
      "s.name_kana as nameKana",
      "s.kind as kind",
      "o.id as organizationId",
      "o.name as organizationName",
      "o.name_kana as organizationKana",
      "a.state_province as prefecture",
      "a.city as city",
      "a.address_1 as address1",
      "a.address_2 as address2",
      "l.municipality_code as municipalityCode",
      "s.description as description",
      "l.latitude as lat",
      "l.longitude as lng",
      "s.age_min_months as ageMinMonths",
      "s.age_max_months as ageMaxMonths",
      "s.accepts_prenatal as acceptsPrenatal",
      "s.pregnancy_min_weeks as pregnancyMinWeeks",
      "s.cost_kind as costKind",
      "s.verified_at as verifiedAt",
      "s.updated_at as updatedAt",
    ]);
}

type MainRow = Omit<ProjectionRow, "otherKinds" | "languages" | "bydays">;

/** Adds languages, schedule days and further kinds to a batch of main rows. */
async function complete(db: Kysely<Database>, rows: MainRow[]): Promise<SearchDocument[]> {
  if (rows.length === 0) return [];
  const serviceIds = [...new Set(rows.map((r) => r.serviceId))];
  const languages = new Map<string, string[]>();
  const bydays = new Map<string, string[]>();
  const kinds = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string | null, value: string) => {
    if (key === null) return;
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (let i = 0; i < serviceIds.length; i += CHUNK) {
    const ids = serviceIds.slice(i, i + CHUNK);
    const [langRows, scheduleRows, kindRows] = await Promise.all([
      db.selectFrom("language").select(["service_id", "code"]).where("service_id", "in", ids).execute(),
      db.selectFrom("schedule").select(["service_id", "byday"]).where("service_id", "in", ids).execute(),
      db
        .selectFrom("attribute as at")
        .innerJoin("taxonomy_term as t", "t.id", "at.taxonomy_term_id")
        .select(["at.link_id", "t.code"])
        .where("at.link_entity", "=", "service")
        .where("at.link_type", "=", "kind")
        .where("at.link_id", "in", ids)
        .orderBy("at.id")
        .execute(),
    ]);
    for (const r of langRows) add(languages, r.service_id, r.code);
    for (const r of scheduleRows) add(bydays, r.service_id, r.byday);
    for (const r of kindRows) add(kinds, r.link_id, r.code);
  }
  return rows.map((r) =>
    toSearchDocument({ ...r, languages: languages.get(r.serviceId) ?? [], bydays: bydays.get(r.serviceId) ?? [], otherKinds: kinds.get(r.serviceId) ?? [] }),
  );
}

/** The current documents of these services (none for a service that is gone or not public). */
export async function loadServiceDocuments(db: Kysely<Database>, serviceIds: readonly string[]): Promise<SearchDocument[]> {
  const out: SearchDocument[] = [];
  for (let i = 0; i < serviceIds.length; i += CHUNK) {
    const rows = await documentRows(db).where("s.id", "in", serviceIds.slice(i, i + CHUNK)).orderBy("s.id").orderBy("sal.id").execute();
    out.push(...(await complete(db, rows)));
  }
  return out;
}

/** The current documents of every service of these organizations, and those services' ids (public or not). */
export async function loadOrganizationDocuments(
  db: Kysely<Database>,
  organizationIds: readonly string[],
): Promise<{ serviceIds: string[]; documents: SearchDocument[] }> {
  const serviceIds: string[] = [];
  for (let i = 0; i < organizationIds.length; i += CHUNK) {
    const rows = await db.selectFrom("service").select("id").where("organization_id", "in", organizationIds.slice(i, i + CHUNK)).execute();
    serviceIds.push(...rows.map((r) => r.id));
  }
  return { serviceIds, documents: await loadServiceDocuments(db, serviceIds) };
}

/**
 * Every public document, a batch at a time (a full rebuild never holds all rows at once). The
 * public service ids are read first, then their documents by id: keyset paging over the joined
 * rows would make the database redo the whole join for every batch.
 */
export async function* streamAllDocuments(db: Kysely<Database>, batchSize = BATCH): AsyncGenerator<SearchDocument[]> {
  const ids = (await publicServices(db).select("s.id").orderBy("s.id").execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += batchSize) {
    yield await loadServiceDocuments(db, ids.slice(i, i + batchSize));
  }
}

/** How many public documents the database holds (for progress bars and consistency checks). */
export async function countPublicDocuments(db: Kysely<Database>): Promise<number> {
  const row = await publicServices(db)
    .innerJoin("service_at_location as sal", "sal.service_id", "s.id")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
