/**
 * Response shapes of the endpoints the web app reads, as ../shared/design/API.md defines them.
 * HSDS objects carry only the fields the pages show.
 */
export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

/** GET /api/v1/search */
export interface SearchHit {
  id: string;
  serviceId: string;
  locationId: string;
  name: string;
  nameKana?: string | null;
  kind: string;
  organization: { id: string; name: string };
  address: string;
  lat: number;
  lng: number;
  distanceMeters?: number;
  costFree: boolean | null;
  languages: string[];
  ageMinMonths?: number | null;
  ageMaxMonths?: number | null;
  updatedAt: string;
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  page: number;
  size: number;
  facets: Record<string, Record<string, number>>;
  tookMs: number;
}

/** GET /api/v1/services/{id} (HSDS 3 compiled service), the parts the detail view shows. */
export interface HsdsService {
  id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  fees_description?: string;
  eligibility_description?: string;
  application_process?: string;
  interpretation_services?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified?: string;
  organization: { id: string; name: string; website?: string; phones?: HsdsPhone[] };
  phones: HsdsPhone[];
  schedules: HsdsSchedule[];
  service_at_locations: { id: string; location: HsdsLocation }[];
  languages: { code?: string; name?: string; note?: string }[];
  cost_options: { option?: string; amount?: number; currency?: string; amount_description?: string }[];
  required_documents: { document?: string }[];
  attributes: { taxonomy_term?: { code?: string } }[];
}

export interface HsdsPhone {
  number: string;
  extension?: string;
  description?: string;
}

export interface HsdsSchedule {
  freq?: string;
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  description?: string;
}

export interface HsdsLocation {
  id: string;
  name?: string;
  description?: string;
  transportation?: string;
  latitude?: number;
  longitude?: number;
  addresses: { address_1?: string; address_2?: string; city?: string; state_province?: string; postal_code?: string }[];
}
