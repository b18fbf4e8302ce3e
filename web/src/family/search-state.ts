import { KIND_CODES } from "../../../src/domain/taxonomy.js";
import type { QueryValue } from "../api/client.js";
import type { Weekday } from "../api/types.js";

/**
 * Everything the family map shows is in its URL, so a list can be shared, printed or handed
 * over as a QR code and opens the same. Short parameter names keep the QR code small.
 *
 * A chosen point is rounded to 3 decimals (about 100 m) before it goes into the URL: a shared
 * link should not carry someone's exact home position.
 */
export interface FamilyState {
  q: string;
  kinds: string[];
  /** Child's age in whole years (0–18), or "p" for a pregnancy. */
  age?: number | "p";
  free: boolean;
  day?: Weekday;
  /** Open today (in Japan): the search filters by weekday; it has no time of day. */
  today: boolean;
  language?: string;
  point?: { lat: number; lng: number };
  /** Metres; only with a point. */
  radius?: number;
  sort: "relevance" | "distance";
  /** minLng,minLat,maxLng,maxLat when "search this area" was used. */
  bbox?: [number, number, number, number];
  page: number;
  /** The service open in the detail view, and the location it was opened from. */
  service?: string;
  location?: string;
}

export const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
export const RADII = [1000, 2000, 5000, 10000] as const;
export const PAGE_SIZE = 50;
/** Weeks of pregnancy sent when the age filter says "expecting": mid-pregnancy matches both prenatal and perinatal services. */
const PREGNANCY_WEEKS = 20;

const num = (v: string | null) => (v === null || v.trim() === "" || !Number.isFinite(Number(v)) ? undefined : Number(v));
const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function parseState(query: URLSearchParams): FamilyState {
  const ageRaw = query.get("age");
  const ageNum = num(ageRaw);
  const lat = num(query.get("lat"));
  const lng = num(query.get("lng"));
  const point = lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : undefined;
  const day = query.get("day");
  const bbox = query.get("bbox")?.split(",").map(Number);
  const radius = num(query.get("r"));
  return {
    q: query.get("q")?.slice(0, 200) ?? "",
    // An old or mistyped link must not turn into an error page: unknown kinds are dropped.
    kinds: query.getAll("kind").filter((k) => (KIND_CODES as readonly string[]).includes(k)),
    age: ageRaw === "p" ? "p" : ageNum !== undefined && ageNum >= 0 && ageNum <= 18 ? Math.floor(ageNum) : undefined,
    free: query.get("free") === "1",
    day: WEEKDAYS.includes(day as Weekday) ? (day as Weekday) : undefined,
    today: query.get("today") === "1",
    language: query.get("language") || undefined,
    point,
    radius: point && radius && radius > 0 ? radius : undefined,
    sort: query.get("sort") === "distance" && point ? "distance" : point && !query.get("sort") ? "distance" : "relevance",
    bbox: bbox?.length === 4 && bbox.every(Number.isFinite) ? (bbox as [number, number, number, number]) : undefined,
    page: Math.max(1, Math.floor(num(query.get("page")) ?? 1)),
    // `service=` is the long form the API gives as a service's listing path (利用勧奨 sheets).
    service: query.get("s") || query.get("service") || undefined,
    location: query.get("loc") || undefined,
  };
}

/** The URL query for a state (the language is kept by the caller). */
export function stateQuery(s: FamilyState): Record<string, QueryValue> {
  return {
    q: s.q.trim(),
    kind: s.kinds,
    age: s.age,
    free: s.free ? "1" : undefined,
    day: s.day,
    today: s.today ? "1" : undefined,
    language: s.language,
    lat: s.point ? round3(s.point.lat) : undefined,
    lng: s.point ? round3(s.point.lng) : undefined,
    r: s.point ? s.radius : undefined,
    // Distance is the default order once there is a point; only the exception is written.
    sort: s.point && s.sort === "relevance" ? "relevance" : undefined,
    bbox: s.bbox?.map((n) => n.toFixed(4)).join(","),
    page: s.page > 1 ? s.page : undefined,
    s: s.service,
    loc: s.service ? s.location : undefined,
  };
}

/** Today's weekday in Japan, whatever the browser's time zone. */
export function todayInJapan(date = new Date()): Weekday {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tokyo", weekday: "short" }).format(date).toLowerCase().slice(0, 3) as Weekday;
}

/** The `GET /api/v1/search` parameters for a state (API.md). */
export function searchParams(s: FamilyState, now = new Date()): Record<string, QueryValue> {
  return {
    q: s.q.trim() || undefined,
    kind: s.kinds,
    ageMonths: typeof s.age === "number" ? s.age * 12 + 6 : undefined,
    pregnancyWeeks: s.age === "p" ? PREGNANCY_WEEKS : undefined,
    free: s.free ? "true" : undefined,
    openOn: s.today ? todayInJapan(now) : s.day,
    language: s.language,
    lat: s.point?.lat,
    lng: s.point?.lng,
    // The API takes a radius or a box, not both: "search this area" wins.
    radius: s.point && !s.bbox ? s.radius : undefined,
    bbox: s.bbox?.join(","),
    sort: s.point ? s.sort : "relevance",
    page: s.page,
    size: PAGE_SIZE,
    facets: "kind",
  };
}
