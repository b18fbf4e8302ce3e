import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DbKind } from "../src/db/create-db.js";
import type { Database } from "../src/db/database.js";
import type { SearchDocument } from "../src/search/document.js";
import type { SearchQuery } from "../src/search/port.js";
import { planQuery, SynonymTable } from "../src/search/query-plan.js";

/**
 * The PostgreSQL baseline of the search benchmark: the best stock PostgreSQL offers for the same
 * search. The public documents (the same projection the engine indexes) go into one
 * denormalized table whose `search_text` holds the short fields the engine searches (name,
 * reading, organization, address, kind labels; not the description, which made every query
 * several times slower), with a pg_trgm GIN index on it and, on a
 * PostgreSQL server, an earthdistance GiST index on the point (PGlite cannot load `cube` next to
 * pg_trgm, so there a latitude/longitude b-tree and a haversine check stand in). A query is one
 * statement: every word ILIKE (an everyday phrase also admits its kinds, as the engine's
 * expansion does), the radius, then the exact count, facet GROUP BYs and the top 20 by
 * pg_trgm `similarity` (or by distance) over the materialized matches. No kana/width folding,
 * typo tolerance, description or tiered ranking: the baseline does less than the engine, so the
 * ratio is a lower bound.
 */
export const BASELINE_DESCRIPTION =
  "one denormalized table, pg_trgm GIN on name, reading, organization, address and kind labels (no description), ILIKE per word, earthdistance GiST radius, exact count + GROUP BY facets + top 20 by similarity or distance in one statement";

export async function createBaseline(db: Kysely<Database>, kind: DbKind, batches: AsyncIterable<readonly SearchDocument[]>): Promise<number> {
  if (kind === "postgres") {
    await sql`create extension if not exists cube`.execute(db);
    await sql`create extension if not exists earthdistance`.execute(db);
  }
  await sql`
    create table bench_search_doc (
      id uuid primary key, kind text not null, search_text text not null, municipality_code text,
      lat double precision, lng double precision, cost_kind text not null, languages text not null, days text not null
    )`.execute(db);
  let rows = 0;
  for await (const docs of batches) {
    await sql`
      insert into bench_search_doc
      select * from unnest(
        ${docs.map((d) => d.id)}::uuid[], ${docs.map((d) => d.kind)}::text[], ${docs.map(searchText)}::text[],
        ${docs.map((d) => d.municipalityCode)}::text[], ${docs.map((d) => d.lat)}::float8[], ${docs.map((d) => d.lng)}::float8[],
        ${docs.map((d) => d.costKind)}::text[], ${docs.map((d) => d.languages.join(" "))}::text[], ${docs.map((d) => d.days.join(" "))}::text[]
      )`.execute(db);
    rows += docs.length;
  }
  await sql`create index bench_search_doc_trgm on bench_search_doc using gin (search_text gin_trgm_ops)`.execute(db);
  if (kind === "postgres") await sql`create index bench_search_doc_earth on bench_search_doc using gist (ll_to_earth(lat, lng))`.execute(db);
  else await sql`create index bench_search_doc_latlng on bench_search_doc (lat, lng)`.execute(db);
  await sql`analyze bench_search_doc`.execute(db);
  return rows;
}

function searchText(d: SearchDocument): string {
  return [d.name, d.nameKana, d.organization.name, d.organization.nameKana, d.address, ...d.kindLabels].filter(Boolean).join(" ");
}

const NO_SYNONYMS = new SynonymTable();

/** Runs `q` on the baseline; returns the total (the hits and facets are fetched, not used). */
export async function baselineSearch(db: Kysely<Database>, kind: DbKind, q: SearchQuery): Promise<number> {
  const conditions: RawBuilder<unknown>[] = [];
  const text = q.text?.trim() ?? "";
  if (text) {
    const words = text.split(/\s+/).map((w) => sql`search_text ilike ${`%${w.replace(/[\\%_]/g, "\\$&")}%`}`);
    const kinds = planQuery(text, NO_SYNONYMS).expansions.flatMap((e) => e.kinds);
    const literal = sql`(${sql.join(words, sql` and `)})`;
    conditions.push(kinds.length ? sql`(${literal} or kind = any(${kinds}::text[]))` : literal);
  }
  let distance: RawBuilder<unknown> = sql`null::float8`;
  const center = q.within?.kind === "radius" ? q.within.center : q.origin;
  if (center) {
    distance =
      kind === "postgres"
        ? sql`earth_distance(ll_to_earth(${center.lat}, ${center.lng}), ll_to_earth(lat, lng))`
        : sql`6371008.8 * 2 * asin(sqrt(power(sin(radians(lat - ${center.lat}) / 2), 2) + cos(radians(${center.lat})) * cos(radians(lat)) * power(sin(radians(lng - ${center.lng}) / 2), 2)))`;
  }
  if (q.within?.kind === "radius") {
    const { radiusMeters: r } = q.within;
    if (kind === "postgres") {
      conditions.push(sql`earth_box(ll_to_earth(${center!.lat}, ${center!.lng}), ${r}) @> ll_to_earth(lat, lng)`);
    } else {
      const dLat = r / 111_320;
      const dLng = r / (111_320 * Math.cos((center!.lat * Math.PI) / 180));
      conditions.push(sql`lat between ${center!.lat - dLat} and ${center!.lat + dLat} and lng between ${center!.lng - dLng} and ${center!.lng + dLng}`);
    }
    conditions.push(sql`${distance} <= ${r}`);
  }
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const order = q.sort === "distance" ? sql`distance nulls last, id` : sql`sim desc, id`;
  const facets = new Set(q.facets ?? []);
  const facet = (name: string, expr: RawBuilder<unknown>) =>
    sql`(select json_object_agg(k, n) from (select ${expr} as k, count(*) as n from m group by 1) f) as ${sql.ref(name)}`;
  const facetColumns = [
    facets.has("kind") ? facet("kind", sql`kind`) : null,
    facets.has("municipality") ? facet("municipality", sql`municipality_code`) : null,
    facets.has("free") ? facet("free", sql`cost_kind = 'free'`) : null,
    facets.has("language") ? sql`(select json_object_agg(k, n) from (select k, count(*) as n from m, unnest(string_to_array(languages, ' ')) as k group by 1) f) as language` : null,
    facets.has("openOn") ? sql`(select json_object_agg(k, n) from (select k, count(*) as n from m, unnest(string_to_array(days, ' ')) as k group by 1) f) as open_on` : null,
  ].filter((c): c is RawBuilder<unknown> => c !== null);
  const { rows } = await sql<{ total: string }>`
    with m as materialized (
      select id, kind, municipality_code, cost_kind, languages, days, similarity(search_text, ${text}) as sim, ${distance} as distance
      from bench_search_doc ${where}
    )
    select (select count(*) from m) as total,
      ${sql.join([...facetColumns, sql`(select json_agg(id) from (select id from m order by ${order} limit ${q.size}) t) as ids`])}
  `.execute(db);
  return Number(rows[0]!.total);
}
