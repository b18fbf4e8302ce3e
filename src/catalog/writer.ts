import { randomUUID } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import type { Database, VerificationStatus } from "../db/database.js";
import { type JapaneseAddress, parseJapaneseAddress } from "../domain/address.js";
import { languageName } from "../domain/languages.js";
import { slotToRrule } from "../domain/schedule.js";
import { termId } from "./taxonomy-sync.js";
import { type OrganizationDraft, type ServiceDraft, draftCost } from "./draft.js";

/**
 * Writes catalog aggregates as HSDS rows, many at a time: the seed, importers and the API all
 * go through here, so an organization or a service always has the same shape in the database
 * however it arrived. Callers own the transaction (and add audit and outbox rows to it).
 */

export interface Verification {
  status: VerificationStatus;
  verifiedAt?: Date | null;
  verifiedBy?: string | null;
  /** Why staff rejected it (shown to the partner). */
  rejectionReason?: string | null;
}

export interface Provenance {
  source: string;
  sourceId: string;
  /** Hash of the source's content, compared at the next import (unchanged rows are skipped). */
  hash?: string;
}

export interface NewOrganization {
  id?: string;
  draft: OrganizationDraft;
  verification: Verification;
  provenance?: Provenance;
}

export interface NewService {
  id?: string;
  /** Id of the location (and of its address); generated when absent. */
  locationId?: string;
  organizationId: string;
  draft: ServiceDraft;
  verification: Verification;
  provenance?: Provenance;
  createdAt?: Date;
}

/** Most rows per INSERT: PostgreSQL allows 65,535 bind parameters per statement. */
const CHUNK = 1000;

async function insertChunked<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as any).execute();
  }
}

export async function insertOrganizations(db: Kysely<Database>, items: NewOrganization[]): Promise<string[]> {
  const ids = items.map((o) => o.id ?? randomUUID());
  await insertChunked(
    db,
    "organization",
    items.map((o, i) => ({ id: ids[i], ...organizationColumns(o.draft), ...verificationColumns(o.verification), ...provenanceColumns(o.provenance) })),
  );
  await insertChunked(
    db,
    "organization_municipality",
    items.flatMap((o, i) => [...new Set(o.draft.municipalityCodes)].map((code) => ({ organization_id: ids[i]!, municipality_code: code }))),
  );
  await insertChunked(
    db,
    "phone",
    items.flatMap((o, i) => (o.draft.phone ? [{ organization_id: ids[i]!, number: o.draft.phone, type: "voice" }] : [])),
  );
  return ids;
}

export function organizationColumns(d: OrganizationDraft) {
  return {
    name: d.name,
    name_kana: d.nameKana ?? null,
    description: d.description ?? "",
    legal_status: d.legalStatus ?? null,
    email: d.email ?? null,
    website: d.website ?? null,
    corporate_number: d.corporateNumber ?? null,
  };
}

/** Inserts services with their location, address, schedules, languages, cost, areas and extra kinds. */
export async function insertServices(db: Kysely<Database>, items: NewService[]): Promise<string[]> {
  const ids = items.map((s) => s.id ?? randomUUID());
  const locationIds = items.map((s) => s.locationId ?? randomUUID());
  const organizationIds = items.map((s) => s.organizationId);

  await insertChunked(
    db,
    "service",
    items.map((s, i) => ({
      id: ids[i],
      organization_id: s.organizationId,
      ...serviceColumns(s.draft),
      ...verificationColumns(s.verification),
      ...provenanceColumns(s.provenance),
      ...(s.createdAt ? { created_at: s.createdAt, updated_at: s.createdAt } : {}),
    })),
  );
  await insertChunked(
    db,
    "location",
    items.map((s, i) => ({ id: locationIds[i], organization_id: organizationIds[i], ...locationColumns(s.draft) })),
  );
  await insertChunked(db, "address", items.map((s, i) => ({ location_id: locationIds[i]!, ...addressColumns(s.draft) })));
  await insertChunked(db, "service_at_location", items.map((_, i) => ({ service_id: ids[i]!, location_id: locationIds[i]! })));
  await insertServiceChildren(db, items.map((s, i) => ({ serviceId: ids[i]!, draft: s.draft })));
  return ids;
}

export interface ServiceReplacement {
  id: string;
  organizationId: string;
  draft: ServiceDraft;
  provenance?: Provenance;
  /** Keep the location's coordinates (staff pinned it by hand; a re-import must not move it back). */
  keepCoordinates?: boolean;
}

/** `replaceService` for many services (a re-import's changed rows), also moving them to `organizationId`. */
export async function updateServices(db: Kysely<Database>, items: ServiceReplacement[], now = new Date()): Promise<void> {
  for (const item of items) {
    await replaceService(db, item.id, item.draft, now, item);
  }
}

/** Rows hanging off a service that an edit replaces wholesale. */
export const SERVICE_CHILD_TABLES = ["schedule", "language", "cost_option", "service_area", "required_document", "phone"] as const;

export async function insertServiceChildren(db: Kysely<Database>, items: { serviceId: string; draft: ServiceDraft }[]) {
  await insertChunked(db, "schedule", items.flatMap(({ serviceId, draft }) => scheduleRows(serviceId, draft)));
  await insertChunked(
    db,
    "language",
    items.flatMap(({ serviceId, draft }) =>
      [...new Set(draft.languages ?? ["ja"])].map((code) => ({ service_id: serviceId, code, name: languageName(code) })),
    ),
  );
  await insertChunked(db, "cost_option", items.flatMap(({ serviceId, draft }) => costRows(serviceId, draft)));
  await insertChunked(
    db,
    "service_area",
    items.flatMap(({ serviceId, draft }) =>
      [...new Set(draft.serviceAreaCodes ?? [])].map((code) => ({ service_id: serviceId, municipality_code: code, name: code })),
    ),
  );
  await insertChunked(
    db,
    "required_document",
    items.flatMap(({ serviceId, draft }) =>
      draft.certificateRequired ? [{ service_id: serviceId, document: "通所受給者証 (disability services recipient certificate)" }] : [],
    ),
  );
  await insertChunked(
    db,
    "phone",
    items.flatMap(({ serviceId, draft }) => (draft.phone ? [{ service_id: serviceId, number: draft.phone, type: "voice" }] : [])),
  );
  await insertChunked(
    db,
    "attribute",
    items.flatMap(({ serviceId, draft }) =>
      [...new Set(draft.otherKinds ?? [])]
        .filter((k) => k !== draft.kind)
        .map((k) => ({ link_id: serviceId, link_entity: "service", link_type: "kind", taxonomy_term_id: termId(k) })),
    ),
  );
}

/**
 * Replaces a service's values with a draft: its own columns, its (first) location and address,
 * and every child row. Verification columns are left alone: callers decide what an edit means.
 */
export async function replaceService(
  db: Kysely<Database>,
  serviceId: string,
  draft: ServiceDraft,
  now = new Date(),
  opts: Partial<Pick<ServiceReplacement, "organizationId" | "provenance" | "keepCoordinates">> = {},
): Promise<void> {
  const moved = opts.organizationId ? { organization_id: opts.organizationId } : {};
  await db.updateTable("service").set({ ...serviceColumns(draft), ...moved, ...provenanceColumns(opts.provenance), updated_at: now }).where("id", "=", serviceId).execute();
  const site = await db.selectFrom("service_at_location").select("location_id").where("service_id", "=", serviceId).orderBy("id").executeTakeFirst();
  if (site) {
    const { latitude, longitude, coord_source, ...place } = locationColumns(draft);
    const point = opts.keepCoordinates ? {} : { latitude, longitude, coord_source };
    await db.updateTable("location").set({ ...place, ...point, ...moved, updated_at: now }).where("id", "=", site.location_id).execute();
    await db.deleteFrom("address").where("location_id", "=", site.location_id).execute();
    await db.insertInto("address").values({ location_id: site.location_id, ...addressColumns(draft) }).execute();
  } else {
    const { organization_id } = await db.selectFrom("service").select("organization_id").where("id", "=", serviceId).executeTakeFirstOrThrow();
    const locationId = randomUUID();
    await db.insertInto("location").values({ id: locationId, organization_id, ...locationColumns(draft) }).execute();
    await db.insertInto("address").values({ location_id: locationId, ...addressColumns(draft) }).execute();
    await db.insertInto("service_at_location").values({ service_id: serviceId, location_id: locationId }).execute();
  }
  for (const table of SERVICE_CHILD_TABLES) await db.deleteFrom(table).where("service_id", "=", serviceId).execute();
  await db.deleteFrom("attribute").where("link_entity", "=", "service").where("link_id", "=", serviceId).execute();
  await insertServiceChildren(db, [{ serviceId, draft }]);
}

/** Replaces an organization's values, the municipalities it serves and its phone. */
export async function replaceOrganization(db: Kysely<Database>, organizationId: string, draft: OrganizationDraft, now = new Date()): Promise<void> {
  await db.updateTable("organization").set({ ...organizationColumns(draft), updated_at: now }).where("id", "=", organizationId).execute();
  await db.deleteFrom("organization_municipality").where("organization_id", "=", organizationId).execute();
  await db
    .insertInto("organization_municipality")
    .values([...new Set(draft.municipalityCodes)].map((code) => ({ organization_id: organizationId, municipality_code: code })))
    .execute();
  await db.deleteFrom("phone").where("organization_id", "=", organizationId).execute();
  if (draft.phone) await db.insertInto("phone").values({ organization_id: organizationId, number: draft.phone, type: "voice" }).execute();
}

/** What a review or a confirmation changes; a field left undefined keeps its value. */
export interface VerificationChange {
  status?: VerificationStatus;
  rejectionReason?: string | null;
  verifiedAt?: Date;
  verifiedBy?: string | null;
}

export async function setVerification(db: Kysely<Database>, table: "service" | "organization", id: string, change: VerificationChange, now = new Date()): Promise<void> {
  await db
    .updateTable(table)
    .set({
      updated_at: now,
      ...(change.status ? { verification_status: change.status } : {}),
      ...(change.rejectionReason !== undefined ? { rejection_reason: change.rejectionReason } : {}),
      ...(change.verifiedAt ? { verified_at: change.verifiedAt } : {}),
      ...(change.verifiedBy !== undefined ? { verified_by: change.verifiedBy } : {}),
    })
    .where("id", "=", id)
    .execute();
}

export function serviceColumns(d: ServiceDraft) {
  const cost = draftCost(d);
  return {
    name: d.name,
    name_kana: d.nameKana || null,
    description: d.description ?? "",
    kind: d.kind,
    status: d.status ?? "active",
    url: d.url ?? null,
    email: d.email ?? null,
    interpretation_services: d.interpretationServices ?? null,
    application_process: d.applicationProcess ?? null,
    fees_description: cost.description ?? null,
    eligibility_description: d.eligibilityDescription ?? null,
    age_min_months: d.ageMinMonths ?? null,
    age_max_months: d.ageMaxMonths ?? null,
    accepts_prenatal: d.acceptsPrenatal ?? false,
    accepts_postnatal: d.acceptsPostnatal ?? false,
    pregnancy_min_weeks: d.pregnancyMinWeeks ?? null,
    residence_required: d.residenceRequired ?? false,
    certificate_required: d.certificateRequired ?? false,
    capacity: d.capacity ?? null,
    capacity_available: d.capacityAvailable ?? null,
    cost_kind: cost.kind,
  } as const;
}

export function locationColumns(d: ServiceDraft) {
  return {
    name: d.location.name ?? d.name,
    latitude: d.location.lat,
    longitude: d.location.lng,
    transportation: d.location.transportation ?? null,
    municipality_code: d.location.municipalityCode ?? null,
    coord_source: d.location.coordSource ?? "source",
  } as const;
}

export function addressColumns(d: ServiceDraft) {
  const a = draftAddress(d);
  return {
    address_1: a.line1,
    address_2: a.line2 ?? null,
    city: a.city,
    state_province: a.prefecture,
    postal_code: a.postalCode ? a.postalCode.replace(/^(\d{3})-?(\d{4})$/, "$1-$2") : "",
  };
}

function draftAddress(d: ServiceDraft): JapaneseAddress {
  const address = d.location.address;
  if (typeof address !== "string") return address;
  // An address the parser cannot split is kept whole in address_1, so nothing typed is lost.
  return parseJapaneseAddress(address) ?? { prefecture: "", city: "", line1: address };
}

function scheduleRows(serviceId: string, d: ServiceDraft) {
  return (d.schedule ?? []).map((slot) => ({
    service_id: serviceId,
    ...slotToRrule(slot),
    opens_at: slot.opensAt,
    closes_at: slot.closesAt,
    description: slot.description ?? null,
  }));
}

function costRows(serviceId: string, d: ServiceDraft) {
  const cost = draftCost(d);
  if (cost.kind === "free") return [{ service_id: serviceId, option: "無料 (free)", amount: 0, amount_description: cost.description ?? null }];
  return [
    {
      service_id: serviceId,
      option: cost.kind === "sliding" ? "所得に応じた負担 (sliding scale)" : "有料 (fee)",
      amount: cost.amountYen ?? null,
      amount_description: cost.description ?? null,
    },
  ];
}

function verificationColumns(v: Verification) {
  return {
    verification_status: v.status,
    verified_at: v.verifiedAt ?? (v.status === "published" ? new Date() : null),
    verified_by: v.verifiedBy ?? null,
    rejection_reason: v.rejectionReason ?? null,
  };
}

function provenanceColumns(p: Provenance | undefined) {
  return p ? { source: p.source, source_id: p.sourceId, ...(p.hash ? { source_hash: p.hash } : {}) } : {};
}
