import type { Weekday } from "../domain/schedule.js";
import type { SearchDocument } from "./document.js";
import type { SearchHit, SearchPort, SearchQuery, SearchResult } from "./port.js";

/**
 * The body of `GET /api/v1/search` (API.md; the route's schema documents it), written here once
 * for every engine. It is written where the hits are: the search thread hands the main thread
 * these bytes, which cost one copy, instead of fifty documents, which cost a structured clone
 * each way and their JSON again.
 */

/** One hit as the API shows it. */
export interface SearchHitBody {
  id: string;
  serviceId: string;
  locationId: string;
  name: string;
  nameKana: string | null;
  kind: string;
  kinds: string[];
  organization: { id: string; name: string };
  address: string;
  municipalityCode: string | null;
  lat: number | null;
  lng: number | null;
  distanceMeters?: number;
  costFree: boolean;
  languages: string[];
  ageMinMonths?: number;
  ageMaxMonths?: number;
  openDays: Weekday[];
  verifiedAt: string | null;
  updatedAt: string;
  /** [start, end) UTF-16 offsets of the matched parts of these fields. */
  highlights: Partial<Record<"name" | "nameKana" | "organization" | "address", [start: number, end: number][]>>;
}

/** The body up to, not including, its last field `,"tookMs":…}` (the response cache fills it per answer), as UTF-8. */
export interface SearchBodyHead {
  head: Uint8Array;
  tookMs: number;
}

/** A hit's fields that depend on its document alone (not on the query: distance, highlights). */
function documentFields(d: SearchDocument): Omit<SearchHitBody, "distanceMeters" | "highlights"> {
  return {
    id: d.id,
    serviceId: d.serviceId,
    locationId: d.locationId,
    name: d.name,
    nameKana: d.nameKana,
    kind: d.kind,
    kinds: d.kinds,
    organization: { id: d.organization.id, name: d.organization.name },
    address: d.address,
    municipalityCode: d.municipalityCode,
    lat: d.lat,
    lng: d.lng,
    costFree: d.costFree,
    languages: d.languages,
    ...(d.ageMinMonths !== null ? { ageMinMonths: d.ageMinMonths } : {}),
    ...(d.ageMaxMonths !== null ? { ageMaxMonths: d.ageMaxMonths } : {}),
    openDays: d.days,
    verifiedAt: d.verifiedAt,
    updatedAt: d.updatedAt,
  };
}

/**
 * Each document's fields as JSON (without the braces), kept while the document object lives:
 * the embedded engine hands out the same frozen object for a slot until it changes, so the
 * services around a city's centers are serialized once, not for every search that finds them.
 */
const documentJson = new WeakMap<SearchDocument, string>();

/** One hit as JSON: the document's kept fields, then its distance and highlights. */
function hitJson(hit: SearchHit): string {
  let fields = documentJson.get(hit.document);
  if (fields === undefined) documentJson.set(hit.document, (fields = JSON.stringify(documentFields(hit.document)).slice(1, -1)));
  const distance = hit.distanceMeters !== undefined ? `,"distanceMeters":${hit.distanceMeters}` : "";
  return `{${fields}${distance},"highlights":${JSON.stringify(hit.highlights)}}`;
}

const utf8 = new TextEncoder();

/** A result's body head (every field of the body but `tookMs`). */
export function bodyHeadOf(result: SearchResult): SearchBodyHead {
  const json =
    `{"hits":[${result.hits.map(hitJson).join(",")}],"total":${result.total},"page":${result.page},"size":${result.size},` +
    `"facets":${JSON.stringify(result.facets)},"expansions":${JSON.stringify(result.expansions)}`;
  return { head: utf8.encode(json), tookMs: result.tookMs };
}

/** The body head of a search: written by the engine when it offers to (the search thread), else from its result. */
export async function searchBodyHead(search: SearchPort, query: SearchQuery): Promise<SearchBodyHead> {
  return search.searchBodyHead ? search.searchBodyHead(query) : bodyHeadOf(await search.search(query));
}
