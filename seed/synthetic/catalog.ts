import { KIND_CODES, type KindCode } from "../../src/domain/taxonomy.js";
import { allMunicipalities } from "../../src/geo/municipalities.js";
import { type CatalogChunk, CatalogGenerator, type KindPlan } from "../generator.js";
import { Random } from "../random.js";
import { PLACE_WEIGHT, syntheticPlace } from "./places.js";

/**
 * The synthetic nationwide catalog: `count` services spread over every municipality by a
 * deterministic weight (more in wards and cities), with the demo's mix of kinds.
 */
export interface SyntheticOptions {
  count: number;
  seed: string;
  now: Date;
}

/** Relative frequency of each kind, after the demo city's (a 600,000-person city's) mix. */
const KIND_WEIGHTS: Record<KindCode, number> = {
  "kodomo-shokudo": 16, "home-help": 8, daycare: 45, "temporary-care": 11, "short-stay": 3, "school-consult": 6,
  "kindergarten-support": 12, "after-school": 30, jidokan: 8, hiroba: 13, ibasho: 11, medical: 24,
  "perinatal-support": 7, "postpartum-care": 6, "disability-support": 20, "consult-point": 10, "child-guidance": 0.5,
};
const KIND_ENTRIES = KIND_CODES.map((k) => [k, KIND_WEIGHTS[k]] as const);

export function syntheticSource(seed: string): string {
  return `synthetic:${seed}`;
}

/** Splits `count` by weight with the largest-remainder method, so the parts add up exactly. */
export function apportion(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (count * w) / total);
  const parts = exact.map(Math.floor);
  let left = count - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

/** One chunk per municipality, in code order. */
export function* syntheticChunks({ count, seed, now }: SyntheticOptions): Generator<CatalogChunk> {
  const generator = new CatalogGenerator({ idPrefix: syntheticSource(seed), now, pendingShare: 0.02 });
  const municipalities = allMunicipalities().filter((m) => PLACE_WEIGHT[m.type] > 0);
  const shares = apportion(count, municipalities.map((m) => PLACE_WEIGHT[m.type]));
  for (const [i, m] of municipalities.entries()) {
    const n = shares[i]!;
    if (n === 0) continue;
    const rng = new Random(`${syntheticSource(seed)}:place:${m.code}`);
    const plan: KindPlan = {};
    for (let j = 0; j < n; j++) {
      const kind = rng.weighted(KIND_ENTRIES);
      plan[kind] = (plan[kind] ?? 0) + 1;
    }
    yield generator.place(syntheticPlace(m, n, rng)).fill(plan).take();
  }
}

/** Regroups chunks into batches of at least `size` services, for one transaction each. */
export function* inBatches(chunks: Iterable<CatalogChunk>, size: number): Generator<CatalogChunk> {
  let batch: CatalogChunk = { organizations: [], services: [] };
  for (const chunk of chunks) {
    batch.organizations.push(...chunk.organizations);
    batch.services.push(...chunk.services);
    if (batch.services.length >= size) {
      yield batch;
      batch = { organizations: [], services: [] };
    }
  }
  if (batch.services.length > 0 || batch.organizations.length > 0) yield batch;
}
