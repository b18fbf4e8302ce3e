import { describe, expect, expectTypeOf, it } from "vitest";
import type { ServiceAggregate } from "../../src/catalog/aggregate.js";
import type { Candidate } from "../../src/matching/candidate.js";
import type { MatchContext } from "../../src/matching/context.js";
import type { MatchFacts } from "../../src/matching/match-facts.js";
import { rankCandidates } from "../../src/matching/rank.js";
import { suggestCover } from "../../src/matching/suggest.js";
import { ageEn, ageJa } from "../../src/matching/explain.js";

const NOW = new Date("2026-11-25T00:00:00Z");
const KAWAGUCHI = "112038";

function candidate(over: Partial<Candidate> = {}): Candidate {
  return {
    serviceId: "s1",
    locationId: "l1",
    organizationId: "o1",
    organizationName: "NPO",
    name: "ひだまり食堂",
    kind: "kodomo-shokudo",
    published: true,
    lat: 35.8,
    lng: 139.72,
    distanceMeters: 800,
    ageMinMonths: null,
    ageMaxMonths: null,
    acceptsPrenatal: false,
    acceptsPostnatal: false,
    pregnancyMinWeeks: null,
    residenceRequired: false,
    areaCodes: [KAWAGUCHI],
    certificateRequired: false,
    costKind: "free",
    costYen: 0,
    languages: ["ja"],
    capacityAvailable: null,
    days: ["wed", "sat"],
    verifiedAt: new Date("2026-09-01T00:00:00Z"),
    ...over,
  };
}

function context(over: Partial<MatchContext["family"]> = {}, constraints: MatchContext["constraints"] = {}): MatchContext {
  return {
    family: { lat: 35.8, lng: 139.72, children: [{ ageMonths: 48 }], languages: [], flags: {}, ...over },
    constraints,
    municipalityCode: KAWAGUCHI,
    maxDistanceMeters: constraints.maxDistanceMeters ?? 10_000,
    now: NOW,
  };
}

const statusOf = (reasons: { criterion: string; status: string }[], criterion: string) => reasons.find((r) => r.criterion === criterion)?.status;

describe("matching: hard rules", () => {
  it("excludes a service for 0–2-year-olds for a 4-year-old, saying why", () => {
    const { matches, excluded } = rankCandidates([candidate({ ageMinMonths: 0, ageMaxMonths: 35 })], context({ children: [{ ageMonths: 48 }] }));
    expect(matches).toEqual([]);
    expect(excluded).toHaveLength(1);
    expect(excluded[0]!.reasons).toEqual([expect.objectContaining({ criterion: "age", status: "fail", hard: true })]);
    expect(excluded[0]!.reasons[0]!.detail).toContain("4歳");
    expect(excluded[0]!.reasons[0]!.detailEn).toContain("4 years");
  });

  it("accepts the child in range when siblings are not", () => {
    const { matches } = rankCandidates([candidate({ ageMinMonths: 0, ageMaxMonths: 35 })], context({ children: [{ ageMonths: 48 }, { ageMonths: 10 }] }));
    expect(statusOf(matches[0]!.reasons, "age")).toBe("pass");
  });

  it("serves a pregnancy from the service's week, and postnatal services ahead of the birth", () => {
    const prenatal = candidate({ serviceId: "pre", acceptsPrenatal: true, pregnancyMinWeeks: 20, ageMinMonths: 0, ageMaxMonths: 12 });
    const postnatal = candidate({ serviceId: "post", acceptsPostnatal: true, ageMinMonths: 0, ageMaxMonths: 12 });
    const at32 = rankCandidates([prenatal, postnatal], context({ children: [], pregnancyWeeks: 32 }));
    expect(at32.matches.map((m) => m.serviceId).sort()).toEqual(["post", "pre"]);
    const at12 = rankCandidates([prenatal], context({ children: [], pregnancyWeeks: 12 }));
    expect(at12.excluded[0]!.reasons[0]).toMatchObject({ criterion: "pregnancy", status: "fail" });
    expect(at12.excluded[0]!.reasons[0]!.detail).toContain("20週");
  });

  it("applies residence, certificate and distance; an unknown certificate is not an exclusion", () => {
    const resident = candidate({ serviceId: "r", residenceRequired: true, areaCodes: ["112241"] });
    const cert = candidate({ serviceId: "c", certificateRequired: true });
    const far = candidate({ serviceId: "f", distanceMeters: 4_000 });
    const { matches, excluded } = rankCandidates([resident, cert, far], context({}, { maxDistanceMeters: 3_000 }));
    expect(excluded.map((e) => [e.serviceId, e.reasons[0]!.criterion])).toEqual([["r", "residence"], ["f", "distance"]]);
    expect(statusOf(matches[0]!.reasons, "certificate")).toBe("unknown");
    const withCert = rankCandidates([cert], context({ flags: { disabilityCertificate: false } }));
    expect(withCert.excluded[0]!.reasons[0]!.criterion).toBe("certificate");
  });

  it("never matches an unpublished service", () => {
    const { matches, excluded } = rankCandidates([candidate({ published: false })], context());
    expect(matches).toEqual([]);
    expect(excluded[0]!.reasons[0]!.criterion).toBe("published");
  });
});

describe("matching: soft scores and ranking", () => {
  it("ranks nearer first when all else is equal, deterministically", () => {
    const cands = [candidate({ serviceId: "b", distanceMeters: 3_000 }), candidate({ serviceId: "a", distanceMeters: 500 }), candidate({ serviceId: "c", distanceMeters: 3_000 })];
    const ranked = rankCandidates(cands, context()).matches.map((m) => m.serviceId);
    expect(ranked).toEqual(["a", "b", "c"]);
    expect(rankCandidates([...cands].reverse(), context()).matches.map((m) => m.serviceId)).toEqual(ranked);
  });

  it("prefers services open on the family's days, within the cost cap, in their language", () => {
    const ctx = context({ languages: ["vi"] }, { days: ["sat"], maxCostYen: 300 });
    const good = candidate({ serviceId: "good", distanceMeters: 1_500, days: ["sat"], costKind: "fee", costYen: 300, languages: ["ja", "vi"] });
    const poor = candidate({ serviceId: "poor", distanceMeters: 1_000, days: ["mon"], costKind: "fee", costYen: 500, languages: ["ja"] });
    const { matches } = rankCandidates([poor, good], ctx);
    expect(matches.map((m) => m.serviceId)).toEqual(["good", "poor"]);
    expect(matches[1]!.reasons.filter((r) => r.status === "fail").map((r) => r.criterion).sort()).toEqual(["cost", "language", "schedule"]);
    expect(matches[0]!.score).toBeGreaterThan(matches[1]!.score);
  });

  it("keeps one entry per service, at its nearest location", () => {
    const { matches } = rankCandidates([candidate({ locationId: "far", distanceMeters: 5_000 }), candidate({ locationId: "near", distanceMeters: 200 })], context());
    expect(matches.map((m) => m.locationId)).toEqual(["near"]);
  });

  it("marks a listing not verified for over a year", () => {
    const { matches } = rankCandidates([candidate({ verifiedAt: new Date("2025-06-01T00:00:00Z") })], context());
    expect(matches[0]!.reasons.find((r) => r.criterion === "verified")).toMatchObject({ status: "fail", hard: false });
  });
});

describe("matching: plan-level suggestion", () => {
  const m = (serviceId: string, organizationId: string, distanceMeters: number) =>
    ({ serviceId, locationId: serviceId, organizationId, organizationName: organizationId, name: serviceId, kind: "x", lat: 0, lng: 0, distanceMeters, score: 50, reasons: [] });

  it("covers every need with the fewest providers, then the least travel", () => {
    const s = suggestCover([
      { kind: "a", matches: [m("a1", "o1", 100), m("a2", "o2", 900)] },
      { kind: "b", matches: [m("b1", "o3", 100), m("b2", "o2", 1_000)] },
      { kind: "c", matches: [] },
    ]);
    expect(s.picks.map((p) => p.serviceId)).toEqual(["a2", "b2"]);
    expect(s.providers).toBe(1);
    expect(s.uncovered).toEqual(["c"]);
  });
});

describe("ages in words", () => {
  it.each([
    [0, "0か月", "0 months"],
    [10, "10か月", "10 months"],
    [12, "1歳", "1 year"],
    [30, "2歳6か月", "2 years 6 months"],
  ])("%i months", (months, ja, en) => {
    expect(ageJa(months)).toBe(ja);
    expect(ageEn(months)).toBe(en);
  });
});

describe("matching: facts", () => {
  it("a full service aggregate carries every match fact, so one mapping serves both loaders", () => {
    expectTypeOf<ServiceAggregate>().toMatchTypeOf<MatchFacts>();
  });
});
