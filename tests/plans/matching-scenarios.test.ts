import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { findPlanMatches } from "../../src/matching/find-matches.js";
import { nearbyFromSearch } from "../../src/matching/nearby.js";
import { planInputSchema } from "../../src/plans/plan.js";
import { createPlan } from "../../src/plans/service.js";
import { loadDemo } from "../../seed/load.js";
import { createTestDb } from "../support/db.js";
import { FreshSearch } from "../support/search.js";
import { demoActor } from "./support.js";

/** Situations a center meets every week, matched against the demo city (川口市, near 本町). */
const staff1 = demoActor("staff1@example.jp");
const HOME = { lat: 35.8, lng: 139.7226 };

describe("matching scenarios on the demo city", () => {
  let h: DbHandle;
  let search: FreshSearch;
  let n = 0;

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    search = new FreshSearch(h.db);
  });
  afterAll(() => h.close());

  async function matchesFor(family: Record<string, unknown>, needs: { kind: string }[], constraints: Record<string, unknown> = {}) {
    const plan = await createPlan({ db: h.db }, staff1, planInputSchema.parse({ caseRef: `SCN-${++n}`, family: { ...HOME, ...family }, needs, constraints }));
    const result = await findPlanMatches(h.db, nearbyFromSearch(search), plan, new Date());
    return Object.fromEntries(result.needs.map((need) => [need.kind, need]));
  }

  it("pregnant at 32 weeks: 産前産後サポート and 産後ケア near home", async () => {
    const m = await matchesFor({ pregnancyWeeks: 32 }, [{ kind: "perinatal-support" }, { kind: "postpartum-care" }], { maxDistanceMeters: 5000 });
    for (const kind of ["perinatal-support", "postpartum-care"]) {
      expect(m[kind]!.matches.length, kind).toBeGreaterThan(0);
      expect(m[kind]!.matches[0]!.distanceMeters).toBeLessThanOrEqual(5000);
      expect(m[kind]!.matches[0]!.reasons.find((r) => r.criterion === "pregnancy")?.status).toBe("pass");
    }
  });

  it("3-year-old, parent working evenings: 一時預かり and ショートステイ, and the infants-only room is excluded for age", async () => {
    const m = await matchesFor({ children: [{ ageMonths: 36 }] }, [{ kind: "temporary-care" }, { kind: "short-stay" }]);
    expect(m["temporary-care"]!.matches.length).toBeGreaterThan(0);
    expect(m["short-stay"]!.matches.length).toBeGreaterThan(0);
    const hiyoko = m["temporary-care"]!.excluded.find((e) => e.name.includes("ひよこルーム"));
    expect(hiyoko, "the 2-month to 2-year room is listed as excluded").toBeDefined();
    expect(hiyoko!.reasons).toEqual([expect.objectContaining({ criterion: "age", status: "fail" })]);
    expect(hiyoko!.reasons[0]!.detail).toContain("3歳");
    expect(m["temporary-care"]!.matches.map((x) => x.name)).not.toContain(hiyoko!.name);
  });

  it("10-year-old not attending school: school counselling and 居場所, never daycare", async () => {
    const m = await matchesFor({ children: [{ ageMonths: 120 }] }, [{ kind: "school-consult" }, { kind: "ibasho" }]);
    expect(m["school-consult"]!.matches.length).toBeGreaterThan(0);
    expect(m.ibasho!.matches.length).toBeGreaterThan(0);
    const kinds = Object.values(m).flatMap((need) => need.matches.map((x) => x.kind));
    expect(kinds).not.toContain("daycare");
    for (const need of Object.values(m)) for (const x of need.matches) expect(x.reasons.find((r) => r.criterion === "age")?.status ?? "pass").not.toBe("fail");
  });

  it("a child with a 受給者証: 障害児支援, the certificate rule passing", async () => {
    const m = await matchesFor({ children: [{ ageMonths: 48 }], flags: { disabilityCertificate: true } }, [{ kind: "disability-support" }]);
    const top = m["disability-support"]!.matches;
    expect(top.length).toBeGreaterThan(0);
    expect(top.some((x) => x.reasons.some((r) => r.criterion === "certificate" && r.status === "pass"))).toBe(true);
  });

  it("without the certificate, services that require one are excluded with that reason", async () => {
    const m = await matchesFor({ children: [{ ageMonths: 48 }], flags: { disabilityCertificate: false } }, [{ kind: "disability-support" }]);
    expect(m["disability-support"]!.excluded.some((e) => e.reasons.some((r) => r.criterion === "certificate"))).toBe(true);
    expect(m["disability-support"]!.matches.every((x) => !x.reasons.some((r) => r.criterion === "certificate"))).toBe(true);
  });

  it("ranks best first, with a reason in Japanese and English for every criterion", async () => {
    const m = await matchesFor({ children: [{ ageMonths: 96 }], languages: ["ja", "zh"] }, [{ kind: "kodomo-shokudo" }, { kind: "after-school" }], { days: ["sat"], maxCostYen: 300 });
    const shokudo = m["kodomo-shokudo"]!.matches;
    expect(shokudo.length).toBeGreaterThan(1);
    for (let i = 1; i < shokudo.length; i++) expect(shokudo[i - 1]!.score).toBeGreaterThanOrEqual(shokudo[i]!.score);
    const criteria = new Set(shokudo[0]!.reasons.map((r) => r.criterion));
    for (const c of ["distance", "schedule", "cost", "language", "capacity", "verified"]) expect(criteria, c).toContain(c);
    for (const r of shokudo[0]!.reasons) {
      expect(r.detail.length).toBeGreaterThan(0);
      expect(r.detailEn.length).toBeGreaterThan(0);
    }
  });
});
