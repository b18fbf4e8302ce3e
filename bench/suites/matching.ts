import { allMunicipalities } from "../../src/geo/municipalities.js";
import { findPlanMatches } from "../../src/matching/find-matches.js";
import { nearbyFromSearch } from "../../src/matching/nearby.js";
import type { Plan } from "../../src/plans/plan.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import { rebuildSearchIndex } from "../../src/search/rebuild.js";
import { Random } from "../../seed/random.js";
import { withSyntheticCatalog } from "../catalog.js";
import { type BenchSuite, atMost, machineLoad, measured, summarize } from "../harness.js";

/**
 * Matching a five-need support plan against the nationwide synthetic catalog on PostgreSQL: the
 * embedded index finds each need's nearby services, PostgreSQL supplies their facts, the pure
 * scorer ranks them. Families are placed at real municipality points across Japan.
 */
const NEEDS = ["kodomo-shokudo", "temporary-care", "after-school", "hiroba", "medical"] as const;
const PLANS = 200;

export const matchingSuite: BenchSuite = {
  name: "matching",
  description: "a 5-need plan matched against the synthetic catalog (embedded index + PostgreSQL facts)",
  async run(ctx) {
    const rows = await withSyntheticCatalog(ctx, "matching", { pgliteFallback: false }, async ({ db }) => {
      const search = new EmbeddedSearch();
      await rebuildSearchIndex(db, search);
      const findNearby = nearbyFromSearch(search);

      const rng = new Random("bench-matching");
      const places = allMunicipalities();
      const plans: Plan[] = Array.from({ length: PLANS }, (_, i) => {
        const m = rng.pick(places);
        return {
          id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
          centerId: "bench",
          municipalityCode: m.code,
          caseRef: `BENCH-${i}`,
          status: "open",
          leadUserId: null,
          family: { lat: m.lat, lng: m.lng, children: [{ ageMonths: rng.int(6, 140) }], languages: ["ja"], flags: {} },
          needs: NEEDS.map((kind, n) => ({ id: String(n), kind, urgency: "normal" as const })),
          constraints: { maxDistanceMeters: 5_000, days: ["sat"] },
          nextSteps: [],
          createdBy: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        };
      });

      const now = new Date();
      for (const plan of plans.slice(0, 10)) await findPlanMatches(db, findNearby, plan, now);
      const samples: number[] = [];
      let matched = 0;
      for (const plan of plans) {
        const t = performance.now();
        const result = await findPlanMatches(db, findNearby, plan, now);
        samples.push(performance.now() - t);
        matched += result.needs.reduce((n, need) => n + need.matches.length, 0);
      }
      const s = summarize(samples);
      ctx.log(`matching p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${(matched / PLANS).toFixed(1)} matches per plan`);
      const size = `${Math.round(ctx.docs / 1000)}k catalog`;
      const load = machineLoad();
      return [
        atMost(`5-need plan matching p50 (${size})`, s.p50, "ms", 20, load),
        measured(`5-need plan matching p99 (${size})`, s.p99, "ms"),
        measured(`matches returned per plan (${size})`, matched / PLANS, "matches", "top 20 per need, within 5 km"),
      ];
    });
    if (!rows) ctx.log("no PostgreSQL server: matching suite skipped");
    return rows ?? [];
  },
};
