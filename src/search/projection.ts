import { CompiledQuery, type Kysely, type QueryResult, sql } from "kysely";
import { publicServices } from "../catalog/public-catalog.js";
import type { Database } from "../db/database.js";
import { type ProjectionRow, type SearchDocument, toSearchDocument } from "./document.js";

/**
 * The projection from the database to search documents. What is public is decided by
 * `publicServices` (catalog/public-catalog.ts), never here. One query gives whole documents: the
 * service-at-location rows with their address, and the service's languages, schedule days and
 * further kinds as arrays (correlated subqueries: index probes inside the database, no round
 * trips). It reads only what a document needs (the full aggregate also loads phones, costs,
 * areas and documents, which made a 200k rebuild several times slower).
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
      sql<string[] | null>`(select array_agg(lang.code) from language as lang where lang.service_id = s.id)`.as("languages"),
      sql<string[] | null>`(select array_agg(sch.byday) from schedule as sch where sch.service_id = s.id)`.as("bydays"),
      sql<string[] | null>`(
        select array_agg(kt.code order by at.id) from attribute as at join taxonomy_term as kt on kt.id = at.taxonomy_term_id
        where at.link_entity = 'service' and at.link_type = 'kind' and at.link_id = s.id
      )`.as("otherKinds"),
    ])
    .orderBy("s.id")
    .orderBy("sal.id");
}

/** The current documents of these services (none for a service that is gone or not public). */
export async function loadServiceDocuments(db: Kysely<Database>, serviceIds: readonly string[]): Promise<SearchDocument[]> {
  const out: SearchDocument[] = [];
  for (let i = 0; i < serviceIds.length; i += CHUNK) {
    const rows = await documentRows(db).where("s.id", "in", serviceIds.slice(i, i + CHUNK)).execute();
    for (const row of rows) out.push(toSearchDocument(row));
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
 * Every public document, a batch at a time (a full rebuild never holds all rows at once): one
 * query, read through a cursor in a read-only transaction, so the database makes one pass with
 * hash joins over whole tables. Fetching documents by id lists instead costs an index probe per
 * table per document and a round trip per list: about 14 s rather than 3 s for 200k documents.
 */
export async function* streamAllDocuments(db: Kysely<Database>, batchSize = BATCH): AsyncGenerator<SearchDocument[]> {
  const trx = await db.startTransaction().setAccessMode("read only").execute();
  let next: Promise<QueryResult<unknown>> | undefined;
  try {
    // Plan for reading every row, not the first few (a cursor's default), and skip JIT
    // compilation, which took longer than the query itself.
    await sql`set local cursor_tuple_fraction = 1`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    const query = documentRows(trx).compile();
    await trx.executeQuery(CompiledQuery.raw(`declare search_documents no scroll cursor for ${query.sql}`, [...query.parameters]));
    const fetch = CompiledQuery.raw(`fetch ${batchSize} from search_documents`);
    next = trx.executeQuery(fetch);
    for (;;) {
      const { rows } = await next;
      if (rows.length === 0) break;
      // The database reads the next batch while this one is indexed.
      next = trx.executeQuery(fetch);
      yield (rows as ProjectionRow[]).map(toSearchDocument);
    }
  } finally {
    await next?.catch(() => undefined);
    await trx.rollback().execute();
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
