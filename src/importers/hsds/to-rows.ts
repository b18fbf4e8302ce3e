import type { Insertable } from "kysely";
import { termId } from "../../catalog/taxonomy-sync.js";
import type {
  AddressTable,
  AttributeTable,
  CostKind,
  CostOptionTable,
  LanguageTable,
  LocationTable,
  OrganizationTable,
  PhoneTable,
  RequiredDocumentTable,
  ScheduleTable,
  ServiceAreaTable,
  ServiceAtLocationTable,
  ServiceTable,
} from "../../db/database.js";
import { isMunicipalityCode } from "../../domain/municipality-code.js";
import { KIND_CODES, type KindCode } from "../../domain/taxonomy.js";
import { findMunicipalityByName } from "../opendata/place.js";

/**
 * One HSDS 3.0 service record (already valid against the schema) → the catalog rows that hold
 * it, keeping every id the record carries, so exporting it again gives the same ids. What the
 * catalog has no column for is listed in `dropped` (reported, not silently lost), and values
 * the catalog cannot hold (a latitude of 100, a British postcode, an age of 100 years) are
 * left out with a warning.
 */
type Json = Record<string, any>;
type Row<T> = Insertable<T> & { id: string };

export interface ServiceRows {
  organization: Row<OrganizationTable>;
  organizationPhones: Row<PhoneTable>[];
  municipalityCodes: string[];
  service: Row<ServiceTable>;
  locations: { location: Row<LocationTable>; addresses: Row<AddressTable>[] }[];
  sites: Row<ServiceAtLocationTable>[];
  phones: Row<PhoneTable>[];
  schedules: Row<ScheduleTable>[];
  languages: Row<LanguageTable>[];
  costOptions: Row<CostOptionTable>[];
  requiredDocuments: Row<RequiredDocumentTable>[];
  serviceAreas: Row<ServiceAreaTable>[];
  attributes: Row<AttributeTable>[];
  warnings: string[];
  /** HSDS fields with content that the catalog does not keep, as `object.field`. */
  dropped: string[];
}

export interface RowsContext {
  /** Kind of services that carry no Tsunagu kind attribute. */
  kind?: KindCode;
  /** Municipality the organization serves when nothing in the record names one. */
  municipality?: string;
}

const KEPT = {
  service: ["id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services", "application_process", "fees_description", "eligibility_description", "minimum_age", "maximum_age", "assured_date", "last_modified", "phones", "schedules", "service_areas", "service_at_locations", "languages", "organization", "cost_options", "required_documents", "attributes"],
  organization: ["id", "name", "alternate_name", "description", "email", "website", "year_incorporated", "legal_status", "phones", "organization_identifiers", "services"],
  location: ["id", "location_type", "name", "alternate_name", "description", "transportation", "latitude", "longitude", "addresses"],
  service_at_location: ["id", "description", "location"],
  address: ["id", "address_1", "address_2", "city", "region", "state_province", "postal_code", "country", "address_type"],
  schedule: ["id", "freq", "byday", "opens_at", "closes_at", "valid_from", "valid_to", "description", "timezone"],
  phone: ["id", "number", "extension", "type", "description"],
  cost_option: ["id", "option", "currency", "amount", "amount_description"],
} as const;

const hasContent = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const date = (v: unknown): string | null => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
const hhmm = (v: unknown): string | null => {
  const m = typeof v === "string" ? /^([01]\d|2[0-4]):([0-5]\d)/.exec(v) : null;
  return m ? `${m[1]}:${m[2]}` : null;
};

export function hsdsServiceToRows(record: Json, parentOrganization: Json | undefined, ctx: RowsContext): ServiceRows | { reject: string } {
  const warnings: string[] = [];
  const dropped = new Set<string>();
  const note = (type: keyof typeof KEPT, obj: Json | undefined) => {
    for (const [k, v] of Object.entries(obj ?? {})) if (!(KEPT[type] as readonly string[]).includes(k) && hasContent(v)) dropped.add(`${type}.${k}`);
  };
  const org: Json | undefined = parentOrganization ?? record.organization;
  if (!org?.id) return { reject: "the service names no organization (HSDS organization.id)" };
  note("service", record);
  note("organization", org);
  if ((org.organization_identifiers ?? []).some((i: Json) => i.identifier_scheme !== "JP-JCN")) dropped.add("organization.organization_identifiers (schemes other than JP-JCN)");

  const kindAttributes = (record.attributes ?? []).filter((a: Json) => tsunaguKind(a));
  const kind = kindAttributes.length ? tsunaguKind(kindAttributes[0])! : ctx.kind;
  if (!kind) return { reject: "no Tsunagu kind among its attributes: give one with --kind" };
  if ((record.attributes ?? []).length > kindAttributes.length) dropped.add("service.attributes (other taxonomies)");

  const serviceId: string = record.id;
  const phoneIds = new Set<string>();
  const phone = (p: Json, owner: Partial<Row<PhoneTable>>): Row<PhoneTable>[] => {
    note("phone", p);
    if (phoneIds.has(p.id)) {
      warnings.push(`phone ${p.id} is listed more than once; kept only where it first appears`);
      return [];
    }
    phoneIds.add(p.id);
    return [{ id: p.id, ...owner, number: p.number, extension: typeof p.extension === "number" ? Math.round(p.extension) : null, type: text(p.type), description: text(p.description) }];
  };

  const locations = (record.service_at_locations ?? []).filter((sal: Json) => sal.location?.id).map((sal: Json) => location(sal.location, org.id, ctx, warnings, note));
  const municipalityCodes = new Set<string>([
    ...(ctx.municipality ? [ctx.municipality] : []),
    ...locations.map((l: ServiceRows["locations"][number]) => l.location.municipality_code).filter(Boolean),
  ]);
  const serviceAreas = (record.service_areas ?? []).flatMap((a: Json) => {
    if (typeof a.extent === "string" && isMunicipalityCode(a.extent)) {
      municipalityCodes.add(a.extent);
      return [{ id: a.id, service_id: serviceId, municipality_code: a.extent, name: a.name ?? a.extent }];
    }
    warnings.push(`service area ${a.name ?? a.id} is not a 全国地方公共団体コード; left out`);
    return [];
  });

  const rows: ServiceRows = {
    organization: organizationRow(org),
    organizationPhones: [],
    municipalityCodes: [...municipalityCodes],
    service: {
      id: serviceId,
      organization_id: org.id,
      name: record.name,
      alternate_name: text(record.alternate_name),
      description: record.description ?? "",
      kind,
      url: text(record.url),
      email: text(record.email),
      status: record.status,
      interpretation_services: text(record.interpretation_services),
      application_process: text(record.application_process),
      fees_description: text(record.fees_description),
      eligibility_description: text(record.eligibility_description),
      age_min_months: months(record.minimum_age, "min", warnings),
      age_max_months: months(record.maximum_age, "max", warnings),
      verified_at: date(record.assured_date) ? new Date(`${record.assured_date}T00:00:00Z`) : null,
      cost_kind: costKind(record.cost_options ?? []),
      ...(record.last_modified ? { updated_at: record.last_modified } : {}),
    },
    locations,
    sites: (record.service_at_locations ?? [])
      .filter((sal: Json) => sal.location?.id)
      .map((sal: Json) => (note("service_at_location", sal), { id: sal.id, service_id: serviceId, location_id: sal.location.id, description: text(sal.description) })),
    phones: (record.phones ?? []).flatMap((p: Json) => phone(p, { service_id: serviceId })),
    schedules: (record.schedules ?? []).flatMap((s: Json) => schedule(s, serviceId, warnings, note)),
    languages: (record.languages ?? []).flatMap((l: Json) => {
      const code = typeof l.code === "string" ? l.code.toLowerCase() : "";
      if (/^[a-z]{2,3}$/.test(code)) return [{ id: l.id, service_id: serviceId, code, name: l.name ?? code, note: text(l.note) }];
      warnings.push(`language ${l.name ?? l.id} has no ISO 639 code; left out`);
      return [];
    }),
    costOptions: (record.cost_options ?? []).map((c: Json) => {
      note("cost_option", c);
      return { id: c.id, service_id: serviceId, option: text(c.option), currency: typeof c.currency === "string" && c.currency.length === 3 ? c.currency : "JPY", amount: typeof c.amount === "number" && c.amount >= 0 ? Math.round(c.amount) : null, amount_description: text(c.amount_description) };
    }),
    requiredDocuments: (record.required_documents ?? []).filter((d: Json) => d.document).map((d: Json) => ({ id: d.id, service_id: serviceId, document: d.document, uri: text(d.uri) })),
    serviceAreas,
    attributes: kindAttributes.slice(1).map((a: Json) => ({ id: a.id, link_id: serviceId, link_type: "kind", link_entity: "service", taxonomy_term_id: termId(tsunaguKind(a)!), value: null })),
    warnings,
    dropped: [],
  };
  rows.organizationPhones = (org.phones ?? []).flatMap((p: Json) => phone(p, { organization_id: org.id }));
  rows.dropped = [...dropped].sort();
  return rows;
}

/** The kind an attribute names when its term is one of Tsunagu's own (taxonomy_term ids derive from codes). */
function tsunaguKind(a: Json): KindCode | undefined {
  const code = a.taxonomy_term?.code;
  const id = a.taxonomy_term_id ?? a.taxonomy_term?.id;
  return (KIND_CODES as readonly string[]).includes(code) && id === termId(code) ? (code as KindCode) : undefined;
}

function organizationRow(org: Json): Row<OrganizationTable> {
  const jcn = (org.organization_identifiers ?? []).find((i: Json) => i.identifier_scheme === "JP-JCN" && /^\d{13}$/.test(i.identifier ?? ""));
  return {
    id: org.id,
    name: org.name,
    alternate_name: text(org.alternate_name),
    description: org.description ?? "",
    email: text(org.email),
    website: text(org.website),
    legal_status: text(org.legal_status),
    year_incorporated: typeof org.year_incorporated === "number" ? Math.round(org.year_incorporated) : null,
    corporate_number: jcn?.identifier ?? null,
  };
}

function location(l: Json, organizationId: string, ctx: RowsContext, warnings: string[], note: (t: keyof typeof KEPT, o: Json) => void) {
  note("location", l);
  let lat: number | null = typeof l.latitude === "number" ? l.latitude : null;
  let lng: number | null = typeof l.longitude === "number" ? l.longitude : null;
  if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    if (lat !== null || lng !== null) warnings.push(`location ${l.name ?? l.id}: latitude ${l.latitude} / longitude ${l.longitude} is not a point on Earth; left out`);
    lat = lng = null;
  }
  const addresses: Row<AddressTable>[] = (l.addresses ?? []).map((a: Json) => {
    note("address", a);
    const postal = /^(\d{3})-?(\d{4})$/.exec(a.postal_code ?? "");
    if (!postal && a.postal_code) warnings.push(`postal code 「${a.postal_code}」 is not a Japanese 〒 code; left out`);
    return { id: a.id, location_id: l.id, address_1: a.address_1, address_2: text(a.address_2), city: a.city, region: text(a.region), state_province: a.state_province, postal_code: postal ? `${postal[1]}-${postal[2]}` : "", country: a.country, address_type: a.address_type };
  });
  const first = addresses[0];
  const municipality = first ? findMunicipalityByName(first.state_province, first.city) : undefined;
  return {
    location: {
      id: l.id,
      organization_id: organizationId,
      name: text(l.name),
      name_kana: text(l.alternate_name),
      description: text(l.description),
      location_type: l.location_type,
      latitude: lat,
      longitude: lng,
      transportation: text(l.transportation),
      municipality_code: municipality?.code ?? ctx.municipality ?? null,
      coord_source: "source" as const,
    },
    addresses,
  };
}

function schedule(s: Json, serviceId: string, warnings: string[], note: (t: keyof typeof KEPT, o: Json) => void): Row<ScheduleTable>[] {
  note("schedule", s);
  const byday = typeof s.byday === "string" ? s.byday.replace(/\s+/g, "").toUpperCase() : "";
  if ((s.freq !== "WEEKLY" && s.freq !== "MONTHLY") || !/^(-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/.test(byday)) {
    warnings.push(`schedule ${s.description ?? s.id} has no weekly or monthly BYDAY rule; left out`);
    return [];
  }
  if (typeof s.timezone === "number" && s.timezone !== 9) warnings.push(`schedule ${s.id}: times are read as Japan time (timezone 9, not ${s.timezone})`);
  return [{ id: s.id, service_id: serviceId, freq: s.freq, byday, opens_at: hhmm(s.opens_at), closes_at: hhmm(s.closes_at), description: text(s.description), valid_from: date(s.valid_from), valid_to: date(s.valid_to) }];
}

/** HSDS ages are years; the catalog keeps months (0–300). A maximum of N years covers up to N years 11 months. */
function months(years: unknown, bound: "min" | "max", warnings: string[]): number | null {
  if (typeof years !== "number") return null;
  const m = bound === "max" && Number.isInteger(years) ? years * 12 + 11 : Math.round(years * 12);
  if (m < 0 || m > 300) {
    warnings.push(`${bound === "min" ? "minimum" : "maximum"}_age ${years} is outside the 0–25 years the catalog keeps; read as no ${bound === "min" ? "lower" : "upper"} limit`);
    return null;
  }
  return m;
}

function costKind(options: Json[]): CostKind {
  const says = (re: RegExp) => options.some((o) => re.test(`${o.option ?? ""} ${o.amount_description ?? ""}`));
  if (options.some((o) => typeof o.amount === "number" && o.amount > 0)) return says(/sliding|所得/i) ? "sliding" : "fee";
  if (says(/sliding|所得/i)) return "sliding";
  if (options.some((o) => o.amount === 0) || says(/free|無料/i)) return "free";
  return "fee";
}
