import { UnavailableError } from "../domain/errors.js";
import type { KindCode } from "../domain/taxonomy.js";
import type { Weekday } from "../domain/schedule.js";
import type { SearchDocument } from "./document.js";
import type { SearchBodyHead } from "./response-body.js";

/**
 * The search port: the one interface to a search engine, implemented by the embedded
 * in-process engine (`embedded/`) and by the Meilisearch adapter (`meilisearch/`). Callers
 * build a typed `SearchQuery`; engine-specific syntax (filter strings, sort expressions) never
 * leaves the adapters. Both adapters are held to one behaviour by
 * tests/contract/search-port.case.ts.
 */

export type SearchEngineName = "embedded" | "meilisearch";

export interface LatLng {
  lat: number;
  lng: number;
}

/** Only documents inside a circle or a box. */
export type GeoArea =
  | { kind: "radius"; center: LatLng; radiusMeters: number }
  | { kind: "bbox"; minLng: number; minLat: number; maxLng: number; maxLat: number };

export const FACETS = ["kind", "municipality", "language", "free", "openOn"] as const;
/** `kind`: kind code; `municipality`: 全国地方公共団体コード; `language`: ISO 639; `free`: "true"/"false"; `openOn`: mon…sun. */
export type FacetName = (typeof FACETS)[number];

/** Every condition narrows the result (AND); a list inside one condition matches any of its values (OR). */
export interface SearchFilter {
  /** The service's primary kind or one of its other kinds. */
  kinds?: readonly KindCode[];
  organizationId?: string;
  /** Where the service is delivered (the location's municipality). */
  municipalityCode?: string;
  /** The child's age lies within the service's age range (an open end matches any age). */
  ageMonths?: number;
  /** The service accepts people this far into pregnancy. */
  pregnancyWeeks?: number;
  /** The service can be used in one of these languages (ISO 639). */
  languages?: readonly string[];
  /** Only services that cost nothing. */
  freeOnly?: boolean;
  /** Open on this weekday (any schedule slot on that day). */
  openOn?: Weekday;
}

export type SearchSort = "relevance" | "distance";

export interface SearchQuery {
  /** What the family typed; empty or absent lists everything that passes the filters. */
  text?: string;
  filter?: SearchFilter;
  within?: GeoArea;
  /** Where distances are measured from (`distanceMeters` on hits); required for `sort: "distance"`. A radius' center is used when absent. */
  origin?: LatLng;
  /** `relevance` (default) or `distance` (nearest first; documents without coordinates last). */
  sort?: SearchSort;
  /** Facet counts to compute over all matching documents (not just the page). */
  facets?: readonly FacetName[];
  /** 1-based. */
  page: number;
  /** Hits per page. */
  size: number;
}

/** A character range [start, end) in a hit's field, for highlighting what matched. */
export type HighlightRange = readonly [start: number, end: number];

export interface SearchHit {
  document: SearchDocument;
  /** Great-circle distance from `origin`, metres (rounded); present when the query has an origin and the document coordinates. */
  distanceMeters?: number;
  /** Matched parts of the displayed fields, as UTF-16 ranges into the field's text. */
  highlights: { name?: HighlightRange[]; nameKana?: HighlightRange[]; organization?: HighlightRange[]; address?: HighlightRange[] };
}

/** An everyday phrase that widened the search to these kinds ("showing 産後ケア for 休みたい"). */
export interface QueryExpansion {
  /** The phrase as written in the everyday-words dictionary. */
  phrase: string;
  kinds: KindCode[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** Exact number of matching documents. */
  total: number;
  page: number;
  size: number;
  /** `{kind: {"daycare": 12, …}, free: {"true": 3, "false": 9}}` for the facets asked for. */
  facets: Partial<Record<FacetName, Record<string, number>>>;
  expansions: QueryExpansion[];
  tookMs: number;
}

/** Groups of words that mean the same (「ファミサポ」「ファミリーサポート」), beyond the taxonomy's own labels. */
export type SynonymGroups = readonly (readonly string[])[];

/** The documents that belong to these services or organizations, for `SearchPort.replace`. */
export interface DocumentScope {
  serviceIds: readonly string[];
  organizationIds?: readonly string[];
}

export interface SearchStats {
  documents: number;
}

export interface SearchPort {
  readonly engine: SearchEngineName;
  /** Creates the index or brings its settings (attributes, ranking, synonyms) up to date. */
  prepare(synonyms: SynonymGroups): Promise<void>;
  /** Replaces the synonym groups (staff edited them). */
  setSynonyms(synonyms: SynonymGroups): Promise<void>;
  /**
   * Makes the index hold exactly `documents` for the given scope: every document of those
   * services/organizations not in `documents` is removed, the rest upserted. Idempotent, so the
   * outbox worker can repeat it safely.
   */
  replace(scope: DocumentScope, documents: readonly SearchDocument[]): Promise<void>;
  /** Empties the index and loads `documents` (a full rebuild). Batches may follow through `replace`. */
  replaceAll(documents: AsyncIterable<readonly SearchDocument[]> | Iterable<readonly SearchDocument[]>): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * The public API's body for a search, written by the engine (response-body.ts), for an engine
   * whose hits live in another thread: handing over bytes is cheaper than handing over hits.
   */
  searchBodyHead?(query: SearchQuery): Promise<SearchBodyHead>;
  /** Every indexed document, by id (for consistency checks and tests). */
  getDocuments(ids: readonly string[]): Promise<SearchDocument[]>;
  stats(): Promise<SearchStats>;
  /**
   * A number that changes whenever any search result could change, for an index only this
   * process writes (the embedded engine); undefined when others may change it unseen (a shared
   * Meilisearch index), so results must not be cached.
   */
  resultsVersion?(): number;
  close(): Promise<void>;
}

/** The search engine could not be reached or did not answer in time; the caller may retry (the API answers 503). */
export class SearchUnavailableError extends UnavailableError {
  override name = "SearchUnavailableError";
}

/** The engine refused a request (bad settings, a document it cannot index): retrying will not help. */
export class SearchRejectedError extends Error {
  override name = "SearchRejectedError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Largest radius a query may ask for, metres. */
export const MAX_RADIUS_METERS = 100_000;
