import type { Selectable } from "kysely";
import { v5 as uuidv5 } from "uuid";
import type { OrganizationRow, PhoneTable, TaxonomyTermRow } from "../db/database.js";
import { describeSlotJa, rruleDays, rruleWeeksOfMonth } from "../domain/schedule.js";
import { findKind, TAXONOMY } from "../domain/taxonomy.js";
import { findMunicipality } from "../geo/municipalities.js";
import type { ServiceAggregate, SiteAggregate } from "./aggregate.js";
import { TAXONOMY_ID, TSUNAGU_NAMESPACE, termId } from "./taxonomy-sync.js";

/**
 * Catalog rows → Open Referral HSDS 3.0 objects (shared/data/hsds/v3.0/schema). HSDS types its
 * optional fields as plain `string`, so a missing value is omitted, never `null`.
 */
export const HSDS_VERSION = "3.0";

type Json = Record<string, unknown>;

/** Drops null/undefined members so optional HSDS fields are absent rather than invalid. */
function compact<T extends Json>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** Derived records (the primary kind's attribute, 法人番号 identifiers) get stable ids. */
function derivedId(...parts: string[]): string {
  return uuidv5(parts.join(":"), TSUNAGU_NAMESPACE);
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

/** HSDS ages are in years; Tsunagu keeps months. A maximum such as 71 months ("up to 5") is 5 years. */
export function monthsToYears(months: number | null, bound: "min" | "max"): number | undefined {
  if (months === null) return undefined;
  if (bound === "max" && (months + 1) % 12 === 0) return (months + 1) / 12 - 1;
  return Math.round((months / 12) * 100) / 100;
}

export function hsdsOrganization(o: OrganizationRow, opts: { full?: boolean; phones?: Selectable<PhoneTable>[] } = {}): Json {
  const base = compact({
    id: o.id,
    name: o.name,
    alternate_name: o.alternate_name ?? o.name_kana,
    description: o.description || o.name,
    email: o.email,
    website: o.website,
    legal_status: o.legal_status,
    year_incorporated: o.year_incorporated,
  });
  if (!opts.full) return base;
  return {
    ...base,
    phones: (opts.phones ?? []).map(hsdsPhone),
    organization_identifiers: o.corporate_number
      ? [{ id: derivedId(o.id, "jcn"), identifier_scheme: "JP-JCN", identifier_type: "法人番号", identifier: o.corporate_number }]
      : [],
    funding: [],
    contacts: [],
    locations: [],
    programs: [],
  };
}

function hsdsPhone(p: Selectable<PhoneTable>): Json {
  return compact({ id: p.id, number: p.number, extension: p.extension, type: p.type, description: p.description, languages: [] });
}

export function hsdsTaxonomyTerm(t: Pick<TaxonomyTermRow, "code" | "name" | "description">): Json {
  return {
    id: termId(t.code),
    code: t.code,
    name: t.name,
    description: t.description,
    taxonomy: TAXONOMY.name,
    taxonomy_id: TAXONOMY_ID,
    language: "ja",
    taxonomy_detail: { id: TAXONOMY_ID, name: TAXONOMY.name, description: TAXONOMY.description, uri: TAXONOMY.uri, version: TAXONOMY.version },
  };
}

function kindAttribute(serviceId: string, code: string, attributeId?: string): Json {
  const kind = findKind(code);
  return {
    id: attributeId ?? derivedId(serviceId, "kind", code),
    link_id: serviceId,
    link_type: "kind",
    link_entity: "service",
    taxonomy_term_id: termId(code),
    taxonomy_term: hsdsTaxonomyTerm({ code, name: kind?.ja ?? code, description: kind?.descriptionJa ?? code }),
  };
}

/**
 * HSDS requires an address's postal_code. When the source gave none, the municipality's general
 * code (Japan Post's 「以下に掲載がない場合」, e.g. 332-0000 for 川口市) stands in. A designated
 * city itself has none (its wards do), so an address placed only in such a city keeps "".
 */
function municipalityPostalCode(code: string | null): string {
  return (code && findMunicipality(code)?.postalCode) || "";
}

function hsdsLocation(site: SiteAggregate): Json {
  const l = site.location;
  return compact({
    id: l.id,
    location_type: l.location_type,
    name: l.name,
    alternate_name: l.name_kana,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    addresses: site.addresses.map((a) =>
      compact({
        id: a.id,
        address_1: a.address_1,
        address_2: a.address_2,
        city: a.city,
        region: a.region,
        state_province: a.state_province,
        postal_code: a.postal_code || municipalityPostalCode(l.municipality_code),
        country: a.country,
        address_type: a.address_type,
      }),
    ),
    languages: [],
    phones: [],
    schedules: [],
    accessibility: [],
    contacts: [],
    attributes: [],
  });
}

/** A `/services` list item (HSDS compiled/service_list: no arrays, the organization nested). */
export function hsdsServiceListItem(a: ServiceAggregate): Json {
  const s = a.service;
  return compact({
    id: s.id,
    name: s.name,
    alternate_name: s.alternate_name ?? s.name_kana,
    description: s.description || undefined,
    url: s.url,
    email: s.email,
    status: s.status,
    interpretation_services: s.interpretation_services,
    application_process: s.application_process,
    fees_description: s.fees_description,
    eligibility_description: s.eligibility_description,
    minimum_age: monthsToYears(s.age_min_months, "min"),
    maximum_age: monthsToYears(s.age_max_months, "max"),
    assured_date: isoDate(s.verified_at),
    last_modified: s.updated_at.toISOString(),
    organization: hsdsOrganization(a.organization),
  });
}

/** The fully nested service of `GET /services/{id}` (HSDS compiled/service.json). */
export function hsdsService(a: ServiceAggregate): Json {
  const s = a.service;
  return {
    ...hsdsServiceListItem(a),
    organization: hsdsOrganization(a.organization, { full: true, phones: a.organizationPhones }),
    phones: a.phones.map(hsdsPhone),
    schedules: a.schedules.map((sch) =>
      compact({
        id: sch.id,
        freq: sch.freq,
        byday: sch.byday,
        opens_at: sch.opens_at,
        closes_at: sch.closes_at,
        // HSDS `timezone` is the UTC offset in hours; every Tsunagu time is JST.
        timezone: 9,
        valid_from: sch.valid_from,
        valid_to: sch.valid_to,
        description:
          sch.description ??
          (sch.opens_at && sch.closes_at
            ? describeSlotJa({ days: rruleDays(sch.byday), weeksOfMonth: rruleWeeksOfMonth(sch.byday), opensAt: sch.opens_at, closesAt: sch.closes_at })
            : undefined),
      }),
    ),
    service_areas: a.serviceAreas.map((sa) =>
      compact({ id: sa.id, name: sa.name, description: `全国地方公共団体コード ${sa.municipality_code}`, extent: sa.municipality_code, extent_type: "text" }),
    ),
    service_at_locations: a.locations.map((site) =>
      compact({ id: site.serviceAtLocationId, description: site.description, location: hsdsLocation(site), contacts: [], phones: [], schedules: [], attributes: [] }),
    ),
    languages: a.languages.map((l) => compact({ id: l.id, name: l.name, code: l.code, note: l.note })),
    cost_options: a.costOptions.map((c) =>
      compact({ id: c.id, option: c.option, currency: c.currency, amount: c.amount, amount_description: c.amount_description }),
    ),
    required_documents: a.requiredDocuments.map((d) => compact({ id: d.id, document: d.document, uri: d.uri })),
    contacts: [],
    funding: [],
    attributes: [
      kindAttribute(s.id, s.kind),
      ...a.attributes.filter((at) => at.link_type === "kind").map((at) => kindAttribute(s.id, at.code, at.id)),
    ],
  };
}

/** `GET /` of the HSDS API: the version and where the OpenAPI document lives. */
export function hsdsRoot(baseUrl: string): Json {
  return {
    version: HSDS_VERSION,
    profile: "https://docs.openreferral.org/en/latest/hsds/",
    openapi_url: `${baseUrl}/api/v1/openapi.json`,
  };
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** The HSDS page envelope; `page` is 1-based, `size` is the number of items on this page. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
