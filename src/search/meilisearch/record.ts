import { fold } from "../../domain/japanese.js";
import type { SearchDocument } from "../document.js";

/**
 * A search document as stored in Meilisearch: the document itself, `_geo` for geo filters and
 * sorting, a numeric `verifiedAtTs` to sort by, the organization id as a top-level filterable
 * field, and folded copies of the searchable text (`s_*`).
 */
export const SEARCHABLE = ["s_name", "s_nameKana", "s_kinds", "s_organization", "s_description", "s_address"] as const;

export interface MeiliRecord extends SearchDocument {
  _geo?: { lat: number; lng: number };
  organizationId: string;
  verifiedAtTs: number | null;
  s_name: string;
  s_nameKana: string;
  s_kinds: string[];
  s_organization: string;
  s_description: string;
  s_address: string;
}

export function toRecord(doc: SearchDocument): MeiliRecord {
  return {
    ...doc,
    ...(doc.lat !== null && doc.lng !== null ? { _geo: { lat: doc.lat, lng: doc.lng } } : {}),
    organizationId: doc.organization.id,
    verifiedAtTs: doc.verifiedAt ? Date.parse(doc.verifiedAt) : null,
    s_name: fold(doc.name),
    s_nameKana: doc.nameKana ? fold(doc.nameKana) : "",
    s_kinds: doc.kindLabels.map(fold),
    s_organization: fold(doc.organization.nameKana ? `${doc.organization.name} ${doc.organization.nameKana}` : doc.organization.name),
    s_description: fold(doc.description),
    s_address: fold(doc.address),
  };
}

export function fromRecord(r: MeiliRecord): SearchDocument {
  return {
    id: r.id,
    serviceId: r.serviceId,
    locationId: r.locationId,
    name: r.name,
    nameKana: r.nameKana,
    kind: r.kind,
    kinds: r.kinds,
    kindLabels: r.kindLabels,
    organization: { id: r.organization.id, name: r.organization.name, nameKana: r.organization.nameKana },
    address: r.address,
    municipalityCode: r.municipalityCode,
    description: r.description,
    lat: r.lat,
    lng: r.lng,
    ageMinMonths: r.ageMinMonths,
    ageMaxMonths: r.ageMaxMonths,
    acceptsPrenatal: r.acceptsPrenatal,
    pregnancyMinWeeks: r.pregnancyMinWeeks,
    languages: r.languages,
    costKind: r.costKind,
    costFree: r.costFree,
    days: r.days,
    verifiedAt: r.verifiedAt,
    updatedAt: r.updatedAt,
  };
}
