import { allMunicipalities } from "../../src/geo/municipalities.js";
import { DEMO_CENTERS } from "../../seed/demo/centers.js";
import { Random } from "../../seed/random.js";
import { toQuery } from "../../web/src/api/client.js";
import { type FamilyState, RADII, parseState, searchParams, stateQuery } from "../../web/src/family/search-state.js";

/**
 * The request mix of the load run, stated here once (bench/README.md describes it). Each request
 * carries the statuses it may answer with: anything else counts as an error.
 */
export interface LoadRequest {
  /** The row of the per-kind tally, e.g. "search: keyword (ja)". */
  kind: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  expect: readonly number[];
}

/** What the staff flows refer to: a signed-in staff member's token and records of that center. */
export interface LoadFixtures {
  staffToken: string;
  planIds: readonly string[];
  /** Published services of an organization with a partner account (referrals to them are accepted). */
  referableServiceIds: readonly string[];
  /** Published service and organization ids, for the HSDS reads. */
  serviceIds: readonly string[];
  organizationIds: readonly string[];
}

const JAPANESE_WORDS = ["子ども食堂", "こども食堂", "一時預かり", "学童", "児童館", "子育て支援センター", "病児保育", "ショートステイ", "発達相談", "産後ケア", "ひろば", "しょくどう"];
const ENGLISH_WORDS = ["cafeteria", "daycare", "after-school", "short stay", "children's hall", "postpartum"];
const KINDS = ["kodomo-shokudo", "temporary-care", "after-school", "jidokan", "hiroba", "medical", "daycare", "disability-support"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/**
 * Public search, by share of search requests. Most of it is the family page (web/src/family),
 * and its query strings are made by the page's own code: a state as a family leaves it, through
 * the URL (which rounds a chosen point to 3 decimals, ≈ 100 m, and a map box to 4) and
 * `searchParams`. Places: 70 % the demo city (川口市, 戸田市, where its staff and families are),
 * 30 % anywhere in Japan (the synthetic catalog), each a family's own spot near the town centre.
 */
export const SEARCH_MIX = [
  ["family page as it opens, narrowed by chips: up to 2 kinds, the child's age (years, or expecting), free, open today", 20, "browse"],
  ["family page, a Japanese word (子ども食堂, 一時預かり, しょくどう …), with a kind chip 1 time in 5", 20, "keyword ja"],
  ["family page, an English word (cafeteria, daycare …)", 5, "keyword en"],
  ["family page, near me or a point picked on the map: 1, 2, 5 or 10 km or no radius, by distance, a kind or an age half the time", 25, "near a point"],
  ["family page, search this area: the map's box (≈ 9 × 9 km, 4 decimals)", 10, "this area"],
  ["family page, a Japanese word near a point, 3 or 5 km, by distance", 10, "word near a point"],
  ["API clients: municipality + kind + child's age + a weekday or free, 20 a page", 10, "API filters"],
] as const;

/** The whole mixed run, by share of requests. */
export const MIXED = [
  ["public search (the mix above)", 60],
  ["HSDS reads: /services and /organizations pages and single records, /taxonomy_terms", 20],
  ["staff: plan read", 4],
  ["staff: plan matches", 4],
  ["staff: referral create with Idempotency-Key (1 in 5 a replay)", 4],
  ["staff: referral board (GET /referrals)", 8],
] as const;

const places = () => {
  const nationwide = allMunicipalities().filter((m) => Number.isFinite(m.lat));
  return (rng: Random) => {
    const town = rng.chance(0.7) ? (({ lat, lng, municipalityCode }) => ({ lat, lng, code: municipalityCode }))(rng.pick(DEMO_CENTERS)) : rng.pick(nationwide);
    return { lat: town.lat + (rng.next() - 0.5) * 0.04, lng: town.lng + (rng.next() - 0.5) * 0.04, code: town.code };
  };
};

/** The family page's request for a state, as the page makes it after the state went through its URL. */
const familyPage = (patch: Partial<FamilyState>) => {
  const viaUrl = parseState(new URLSearchParams(toQuery(stateQuery({ ...parseState(new URLSearchParams()), ...patch }))));
  return `/api/v1/search${toQuery(searchParams(viaUrl, RUN_DAY))}`;
};
/** A fixed day, so that "open today" asks for the same weekday in every run. */
const RUN_DAY = new Date("2026-12-04T03:00:00Z");

const search = (params: Record<string, string | number>) => `/api/v1/search?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;

/** `count` search requests in the stated mix (deterministic for a seed). */
export function searchRequests(count: number, seed = "bench-load-search"): LoadRequest[] {
  const rng = new Random(seed);
  const place = places();
  const someKinds = () => rng.weighted<string[]>([[[], 4], [[rng.pick(KINDS)], 5], [[rng.pick(KINDS), rng.pick(KINDS)], 1]]);
  const age = (): FamilyState["age"] => rng.weighted<FamilyState["age"]>([[undefined, 5], [rng.int(0, 12), 4], ["p", 1]]);
  const make: Record<(typeof SEARCH_MIX)[number][0], () => string> = {
    [SEARCH_MIX[0][0]]: () => familyPage({ kinds: someKinds(), age: age(), free: rng.chance(0.15), today: rng.chance(0.15) }),
    [SEARCH_MIX[1][0]]: () => familyPage({ q: rng.pick(JAPANESE_WORDS), kinds: rng.chance(0.2) ? [rng.pick(KINDS)] : [] }),
    [SEARCH_MIX[2][0]]: () => familyPage({ q: rng.pick(ENGLISH_WORDS) }),
    [SEARCH_MIX[3][0]]: () => {
      const p = place(rng);
      return familyPage({ point: p, radius: rng.pick([undefined, ...RADII]), sort: "distance", ...(rng.chance(0.5) ? { kinds: [rng.pick(KINDS)] } : { age: age() }) });
    },
    [SEARCH_MIX[4][0]]: () => {
      const p = place(rng);
      return familyPage({ bbox: [p.lng - 0.05, p.lat - 0.04, p.lng + 0.05, p.lat + 0.04], kinds: someKinds() });
    },
    [SEARCH_MIX[5][0]]: () => familyPage({ q: rng.pick(JAPANESE_WORDS), point: place(rng), radius: rng.pick([3000, 5000]), sort: "distance" }),
    [SEARCH_MIX[6][0]]: () => {
      const p = place(rng);
      return search({ municipality: p.code, kind: rng.pick(KINDS), ageMonths: 12 * rng.int(0, 12) + 6, ...(rng.chance(0.5) ? { openOn: rng.pick(DAYS) } : { free: "true" }) });
    },
  };
  return Array.from({ length: count }, () => {
    const [label, , tag] = rng.weighted(SEARCH_MIX.map((entry) => [entry, entry[1]] as const));
    return { kind: `search: ${tag}`, method: "GET" as const, path: make[label](), expect: [200] };
  });
}

/**
 * `count` requests of the mixed run, each sent once. Every referral create has a key of its own,
 * except replays, which repeat an earlier create's key and body exactly (and must answer 201 again).
 */
export function mixedRequests(count: number, f: LoadFixtures, seed = "bench-load-mixed"): LoadRequest[] {
  const rng = new Random(seed);
  const searches = searchRequests(count, `${seed}-search`);
  const staff = { authorization: `Bearer ${f.staffToken}` };
  const hsds = (): LoadRequest => {
    const path = rng.weighted<string>([
      [`/api/v1/services?page=${rng.int(1, 50)}&per_page=20`, 3],
      [`/api/v1/services/${rng.pick(f.serviceIds)}`, 4],
      [`/api/v1/organizations?page=${rng.int(1, 20)}&per_page=20`, 1],
      [`/api/v1/organizations/${rng.pick(f.organizationIds)}`, 1],
      ["/api/v1/taxonomy_terms", 1],
    ]);
    return { kind: "HSDS read", method: "GET", path, expect: [200] };
  };
  let referrals = 0;
  let previous: LoadRequest | undefined;
  const referral = (): LoadRequest => {
    if (previous && rng.chance(0.2)) return previous;
    const key = `bench-load-${seed}-${++referrals}`;
    const body = JSON.stringify({
      planId: rng.pick(f.planIds),
      serviceId: rng.pick(f.referableServiceIds),
      message: "負荷試験の紹介です",
      consent: { given: true, privacyNoticeShared: true, shareContact: false, wordingVersion: "bench", recordedAt: new Date().toISOString() },
    });
    previous = { kind: "staff: referral create", method: "POST", path: "/api/v1/referrals", headers: { ...staff, "content-type": "application/json", "idempotency-key": key }, body, expect: [201] };
    return previous;
  };
  let s = 0;
  return Array.from({ length: count }, (): LoadRequest => {
    const label = rng.weighted(MIXED);
    if (label === MIXED[0][0]) return searches[s++]!;
    if (label === MIXED[1][0]) return hsds();
    if (label === MIXED[2][0]) return { kind: "staff: plan read", method: "GET", path: `/api/v1/plans/${rng.pick(f.planIds)}`, headers: staff, expect: [200] };
    if (label === MIXED[3][0]) return { kind: "staff: plan matches", method: "GET", path: `/api/v1/plans/${rng.pick(f.planIds)}/matches`, headers: staff, expect: [200] };
    if (label === MIXED[4][0]) return referral();
    return { kind: "staff: referral board", method: "GET", path: `/api/v1/referrals?status=sent&size=${rng.pick([20, 50])}`, headers: staff, expect: [200] };
  });
}
