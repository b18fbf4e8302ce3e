import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizationDraftSchema, serviceDraftSchema } from "../../src/catalog/draft.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { KIND_CODES } from "../../src/domain/taxonomy.js";
import { addressCity, findMunicipality } from "../../src/geo/municipalities.js";
import type { CatalogChunk } from "../../seed/generator.js";
import { SeedAlreadyLoadedError, loadSynthetic } from "../../seed/load.js";
import { isKatakana } from "../../seed/reading.js";
import { apportion, inBatches, syntheticChunks } from "../../seed/synthetic/catalog.js";
import { createTestDb } from "../support/db.js";

const now = new Date("2026-11-25T00:00:00Z");
const generate = (count: number, seed = "test") => [...syntheticChunks({ count, seed, now })];
const services = (chunks: CatalogChunk[]) => chunks.flatMap((c) => c.services);
const organizations = (chunks: CatalogChunk[]) => chunks.flatMap((c) => c.organizations);
const fingerprint = (chunks: CatalogChunk[]) =>
  createHash("sha256")
    .update(JSON.stringify(services(chunks).map((s) => [s.id, s.draft.name, s.draft.location.lat, s.draft.location.lng, s.organizationId])))
    .digest("hex");

describe("the synthetic catalog generator", () => {
  const chunks = generate(5000);

  it("generates exactly the requested number of services, with unique ids", () => {
    const all = services(chunks);
    expect(all).toHaveLength(5000);
    expect(new Set(all.map((s) => s.id)).size).toBe(5000);
    expect(new Set(all.map((s) => s.locationId)).size).toBe(5000);
    expect(new Set(organizations(chunks).map((o) => o.id)).size).toBe(organizations(chunks).length);
  });

  it("produces drafts that pass the write model's validation", () => {
    const badServices = services(chunks).filter((s) => !serviceDraftSchema.safeParse(s.draft).success);
    const badOrganizations = organizations(chunks).filter((o) => !organizationDraftSchema.safeParse(o.draft).success);
    expect(badServices.map((s) => s.draft.name)).toEqual([]);
    expect(badOrganizations.map((o) => o.draft.name)).toEqual([]);
    expect(services(chunks).filter((s) => !isKatakana(s.draft.nameKana ?? ""))).toEqual([]);
  });

  it("covers every kind and spreads over the country", () => {
    const all = services(chunks);
    expect(new Set(all.map((s) => s.draft.kind))).toEqual(new Set(KIND_CODES));
    const codes = new Set(all.map((s) => s.draft.location.municipalityCode!));
    expect(codes.size).toBeGreaterThan(1000);
    expect(new Set([...codes].map((c) => findMunicipality(c)!.prefecture.code)).size).toBeGreaterThanOrEqual(46);
  });

  it("places services near their municipality and addresses them there", () => {
    for (const s of services(chunks)) {
      const m = findMunicipality(s.draft.location.municipalityCode!)!;
      // Towns are at most 5 km from the municipality's point (wards: its designated city's) and sites 400 m from their town.
      expect(Math.abs(s.draft.location.lat - m.lat)).toBeLessThan(0.06);
      const address = s.draft.location.address;
      expect(typeof address === "string" ? address : address.city).toBe(addressCity(m));
    }
  });

  it("hands each organization out before or with its first service", () => {
    const seen = new Set<string>();
    for (const chunk of chunks) {
      for (const o of chunk.organizations) seen.add(o.id!);
      for (const s of chunk.services) expect(seen.has(s.organizationId), s.draft.name).toBe(true);
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(fingerprint(generate(5000))).toBe(fingerprint(chunks));
    expect(fingerprint(generate(5000, "other"))).not.toBe(fingerprint(chunks));
  });

  it("regroups chunks into batches without losing any", () => {
    const batches = [...inBatches(chunks, 1000)];
    expect(batches.slice(0, -1).every((b) => b.services.length >= 1000)).toBe(true);
    expect(services(batches)).toHaveLength(5000);
    expect(organizations(batches)).toHaveLength(organizations(chunks).length);
  });
});

describe("apportion", () => {
  it.each([
    [10, [1, 1, 1], [4, 3, 3]],
    [7, [6, 3, 1], [4, 2, 1]],
    [0, [1, 2], [0, 0]],
    [5, [0, 1], [0, 5]],
  ])("splits %i by %j into %j", (count, weights, expected) => {
    expect(apportion(count, weights)).toEqual(expected);
  });
});

describe("loadSynthetic", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle?.close());

  it("inserts the catalog in batches and reports progress", async () => {
    const progress: number[] = [];
    const result = await loadSynthetic(handle.db, { count: 1500, seed: "db", batchSize: 400, concurrency: 2, onProgress: (p) => progress.push(p.services) });
    expect(result.services).toBe(1500);
    expect(progress.at(-1)).toBe(1500);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const { n } = await handle.db.selectFrom("service_at_location").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1500);
    const orgs = await handle.db.selectFrom("organization").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(Number(orgs.n)).toBe(result.organizations);
  });

  it("refuses to load the same seed twice", async () => {
    await expect(loadSynthetic(handle.db, { count: 10, seed: "db" })).rejects.toBeInstanceOf(SeedAlreadyLoadedError);
  });
});
