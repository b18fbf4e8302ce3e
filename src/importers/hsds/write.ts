import { type Insertable, type Kysely, sql } from "kysely";
import type { Database, VerificationStatus } from "../../db/database.js";
import type { ServiceRows } from "./to-rows.js";

/**
 * Writes HSDS records' rows with the records' own ids (a bulk upsert per table), which is what
 * lets an HSDS export → import → export give back the same records. The draft-based writer
 * (catalog/writer.ts) makes its own ids, so HSDS import has this one; both leave an aggregate in
 * the same tables and shape. Everything hanging off a rewritten service is replaced.
 */
export interface WriteBatch {
  /** New and changed services of one source, with the hash of what the source said. */
  items: { rows: ServiceRows; hash: string; organizationHash: string }[];
  source: string;
  verification: { status: VerificationStatus };
  /** Organizations not to rewrite: unchanged since the last import, or another source's. */
  keepOrganizations: Set<string>;
}

const CHILD_TABLES = ["schedule", "language", "cost_option", "service_area", "required_document", "phone"] as const;

/** `col = excluded.col` for each column: the upsert's update half. */
const excluded = (cols: readonly string[]) => Object.fromEntries(cols.map((c) => [c, sql.ref(`excluded.${c}`)]));

async function insertMany<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[], onConflict?: "nothing") {
  for (let i = 0; i < rows.length; i += 500) {
    let q = db.insertInto(table).values(rows.slice(i, i + 500) as any);
    if (onConflict) q = q.onConflict((oc) => oc.column("id" as any).doNothing()) as any;
    await q.execute();
  }
}

export async function writeServiceBatch(db: Kysely<Database>, batch: WriteBatch): Promise<{ organizationsChanged: string[] }> {
  const { items, source, verification } = batch;
  if (items.length === 0) return { organizationsChanged: [] };
  const now = new Date();
  const provenance = (id: string, hash: string) => ({ source, source_id: id, source_hash: hash });
  const status = { verification_status: verification.status, verified_at: verification.status === "published" ? now : null };

  const organizations = new Map<string, Insertable<Database["organization"]>>();
  for (const { rows, organizationHash } of items) {
    const o = rows.organization;
    if (!batch.keepOrganizations.has(o.id) && !organizations.has(o.id)) organizations.set(o.id, { ...o, ...status, ...provenance(o.id, organizationHash), updated_at: now });
  }
  const orgColumns = ["name", "alternate_name", "description", "email", "website", "legal_status", "year_incorporated", "corporate_number", "source_hash", "updated_at"];
  for (const chunk of chunks([...organizations.values()], 500)) {
    await db.insertInto("organization").values(chunk).onConflict((oc) => oc.column("id").doUpdateSet(excluded(orgColumns) as any)).execute();
  }
  await insertAreas(db, items);
  const orgIds = [...organizations.keys()];
  for (const ids of chunks(orgIds, 1000)) await db.deleteFrom("phone").where("organization_id", "in", ids).execute();
  await insertMany(db, "phone", items.flatMap((i) => (organizations.has(i.rows.organization.id) ? i.rows.organizationPhones : [])), "nothing");

  const serviceColumns = Object.keys(items[0]!.rows.service).filter((c) => c !== "id").concat("source_hash");
  const services = items.map(({ rows, hash }) => ({ ...status, ...rows.service, ...provenance(rows.service.id, hash), updated_at: rows.service.updated_at ?? now }));
  for (const chunk of chunks(services, 500)) {
    await db.insertInto("service").values(chunk).onConflict((oc) => oc.column("id").doUpdateSet(excluded([...new Set([...serviceColumns, "updated_at"])]) as any)).execute();
  }
  const serviceIds = items.map((i) => i.rows.service.id);
  for (const ids of chunks(serviceIds, 1000)) {
    for (const table of CHILD_TABLES) await db.deleteFrom(table).where("service_id", "in", ids).execute();
    await db.deleteFrom("attribute").where("link_entity", "=", "service").where("link_type", "=", "kind").where("link_id", "in", ids).execute();
  }

  const locations = new Map(items.flatMap((i) => i.rows.locations.map((l) => [l.location.id, l] as const)));
  const locationColumns = ["organization_id", "name", "name_kana", "description", "location_type", "latitude", "longitude", "transportation", "municipality_code", "coord_source"];
  for (const chunk of chunks([...locations.values()].map((l) => ({ ...l.location, updated_at: now })), 500)) {
    await db.insertInto("location").values(chunk).onConflict((oc) => oc.column("id").doUpdateSet(excluded([...locationColumns, "updated_at"]) as any)).execute();
  }
  for (const ids of chunks([...locations.keys()], 1000)) await db.deleteFrom("address").where("location_id", "in", ids).execute();
  await insertMany(db, "address", [...locations.values()].flatMap((l) => l.addresses), "nothing");

  const sites = items.flatMap((i) => i.rows.sites);
  for (const ids of chunks(serviceIds, 1000)) {
    const keep = sites.filter((s) => ids.includes(s.service_id)).map((s) => s.id);
    let del = db.deleteFrom("service_at_location").where("service_id", "in", ids);
    if (keep.length) del = del.where("id", "not in", keep);
    await del.execute();
  }
  for (const chunk of chunks(sites, 500)) {
    await db.insertInto("service_at_location").values(chunk).onConflict((oc) => oc.column("id").doUpdateSet(excluded(["service_id", "location_id", "description"]) as any)).execute();
  }

  await insertMany(db, "phone", items.flatMap((i) => i.rows.phones), "nothing");
  await insertMany(db, "schedule", items.flatMap((i) => i.rows.schedules), "nothing");
  await insertMany(db, "language", items.flatMap((i) => i.rows.languages), "nothing");
  await insertMany(db, "cost_option", items.flatMap((i) => i.rows.costOptions), "nothing");
  await insertMany(db, "required_document", items.flatMap((i) => i.rows.requiredDocuments), "nothing");
  await insertMany(db, "service_area", items.flatMap((i) => i.rows.serviceAreas), "nothing");
  await insertMany(db, "attribute", items.flatMap((i) => i.rows.attributes), "nothing");
  return { organizationsChanged: orgIds };
}

async function insertAreas(db: Kysely<Database>, items: WriteBatch["items"]) {
  const areas = new Map<string, { organization_id: string; municipality_code: string }>();
  for (const { rows } of items) {
    for (const code of rows.municipalityCodes) areas.set(`${rows.organization.id}:${code}`, { organization_id: rows.organization.id, municipality_code: code });
  }
  for (const chunk of chunks([...areas.values()], 1000)) {
    await db.insertInto("organization_municipality").values(chunk).onConflict((oc) => oc.doNothing()).execute();
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
