import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../src/auth/password.js";
import { serviceDraftSchema } from "../../src/catalog/draft.js";
import type { DbHandle } from "../../src/db/create-db.js";
import type { Database } from "../../src/db/database.js";
import { PUBLIC_KIND_CODES } from "../../src/domain/taxonomy.js";
import { buildDemoCatalog } from "../../seed/demo/catalog.js";
import { PARTNER1_ORG, PARTNER2_ORG } from "../../seed/demo/partners.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoLoadResult, isDatabaseEmpty, loadDemo } from "../../seed/load.js";
import { isKatakana } from "../../seed/reading.js";
import { createTestDb } from "../support/db.js";

const KAWAGUCHI = "112038";
const TODA = "112241";

/**
 * Rough outlines (lat, lng) of each city, drawn inside the real boundaries and apart from each
 * other: 蕨市 lies between the two in the north, the 荒川 bounds both in the south.
 */
const OUTLINES: Record<string, [number, number][]> = {
  [KAWAGUCHI]: [
    [35.793, 139.7], [35.815, 139.699], [35.828, 139.692], [35.833, 139.68], [35.847, 139.678], [35.86, 139.7],
    [35.88, 139.73], [35.89, 139.755], [35.87, 139.775], [35.84, 139.782], [35.815, 139.778], [35.795, 139.76],
    [35.789, 139.745], [35.792, 139.72],
  ],
  [TODA]: [
    [35.796, 139.63], [35.824, 139.618], [35.842, 139.64], [35.833, 139.665], [35.823, 139.685], [35.815, 139.6975],
    [35.802, 139.6975], [35.796, 139.68],
  ],
};

function inside([lat, lng]: [number, number], polygon: [number, number][]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [yi, xi] = polygon[i]!;
    const [yj, xj] = polygon[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

async function catalogFingerprint(db: Kysely<Database>): Promise<string> {
  const services = await db.selectFrom("service").select(["id", "name", "name_kana", "organization_id"]).orderBy("id").execute();
  const organizations = await db.selectFrom("organization").select(["id", "name"]).orderBy("id").execute();
  const locations = await db.selectFrom("location").select(["id", "latitude", "longitude"]).orderBy("id").execute();
  return createHash("sha256").update(JSON.stringify([services, organizations, locations])).digest("hex");
}

describe("the demo city", () => {
  let handle: DbHandle;
  let db: Kysely<Database>;
  let result: DemoLoadResult;

  beforeAll(async () => {
    handle = await createTestDb();
    db = handle.db;
    expect(await isDatabaseEmpty(db)).toBe(true);
    result = await loadDemo(db);
  });
  afterAll(() => handle?.close());

  it("is no longer empty once loaded", async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(result.centers.map((c) => [c.municipalityCode, c.name])).toEqual([
      [KAWAGUCHI, "川口市こども家庭センター"],
      [TODA, "戸田市こども家庭センター"],
    ]);
  });

  it("has at least 300 services at locations", async () => {
    const { n } = await db.selectFrom("service_at_location").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThanOrEqual(300);
    expect(Number(n)).toBe(result.services);
  });

  it("publishes at least 8 services of every public kind, at least 4 in each city", async () => {
    const rows = await db
      .selectFrom("service as s")
      .innerJoin("organization as o", "o.id", "s.organization_id")
      .innerJoin("service_at_location as sal", "sal.service_id", "s.id")
      .innerJoin("location as l", "l.id", "sal.location_id")
      .where("s.verification_status", "=", "published")
      .where("o.verification_status", "=", "published")
      .select(["s.kind", "l.municipality_code"])
      .execute();
    for (const kind of PUBLIC_KIND_CODES) {
      const ofKind = rows.filter((r) => r.kind === kind);
      expect(ofKind.length, kind).toBeGreaterThanOrEqual(8);
      for (const city of [KAWAGUCHI, TODA]) expect(ofKind.filter((r) => r.municipality_code === city).length, `${kind} in ${city}`).toBeGreaterThanOrEqual(4);
    }
    expect(rows.filter((r) => r.kind === "child-guidance").length).toBeGreaterThanOrEqual(1);
  });

  it("puts every location inside its own city and outside the other", async () => {
    const locations = await db.selectFrom("location").innerJoin("address", "address.location_id", "location.id").select(["location.latitude", "location.longitude", "location.municipality_code", "address.city"]).execute();
    for (const l of locations) {
      const point: [number, number] = [l.latitude!, l.longitude!];
      const own = l.municipality_code!;
      const other = own === KAWAGUCHI ? TODA : KAWAGUCHI;
      expect(inside(point, OUTLINES[own]!), `${point} in ${own}`).toBe(true);
      expect(inside(point, OUTLINES[other]!), `${point} not in ${other}`).toBe(false);
      expect(l.city).toBe(own === KAWAGUCHI ? "川口市" : "戸田市");
    }
  });

  it("gives services and organizations katakana readings", async () => {
    const services = await db.selectFrom("service").select(["name", "name_kana"]).execute();
    const organizations = await db.selectFrom("organization").select(["name", "name_kana"]).execute();
    const bad = [...services, ...organizations].filter((r) => !r.name_kana || !isKatakana(r.name_kana));
    expect(bad).toEqual([]);
  });

  it("leaves a review queue: pending services and organizations, one rejected service with its reason", async () => {
    const services = await db.selectFrom("service").select(["verification_status", "rejection_reason", "verified_at"]).execute();
    expect(services.filter((s) => s.verification_status === "pending").length).toBeGreaterThanOrEqual(3);
    expect(services.filter((s) => s.verification_status === "rejected")).toEqual([expect.objectContaining({ rejection_reason: expect.stringMatching(/.+/) })]);
    const pendingOrgs = await db.selectFrom("organization").where("verification_status", "=", "pending").select("id").execute();
    expect(pendingOrgs.length).toBeGreaterThanOrEqual(1);
    // Some were verified more than a year ago, so staleness checks have something to flag.
    const yearAgo = Date.now() - 365 * 86_400_000;
    expect(services.filter((s) => s.verified_at && s.verified_at.getTime() < yearAgo).length).toBeGreaterThanOrEqual(3);
  });

  it("has a deliberately narrow temporary care that excludes a 4-year-old", async () => {
    const narrow = await db.selectFrom("service").where("kind", "=", "temporary-care").where("age_max_months", "<", 48).where("verification_status", "=", "published").select("name").execute();
    expect(narrow.length).toBeGreaterThanOrEqual(1);
  });

  it("creates the demo accounts with their roles, tenancy and password", async () => {
    const users = await db.selectFrom("app_user").selectAll().execute();
    const centers = new Map(result.centers.map((c) => [c.municipalityCode, c.id]));
    const expected = {
      "staff1@example.jp": { role: "staff", center_id: centers.get(KAWAGUCHI), organization_id: null },
      "admin1@example.jp": { role: "center_admin", center_id: centers.get(KAWAGUCHI), organization_id: null },
      "staff2@example.jp": { role: "staff", center_id: centers.get(TODA), organization_id: null },
      "partner1@example.jp": { role: "partner", center_id: null, organization_id: PARTNER1_ORG.id },
      "partner2@example.jp": { role: "partner", center_id: null, organization_id: PARTNER2_ORG.id },
    };
    for (const [email, tenancy] of Object.entries(expected)) {
      const user = users.find((u) => u.email === email);
      expect(user, email).toMatchObject(tenancy);
      expect(await verifyPassword(DEMO_PASSWORD, user!.password_hash)).toBe(true);
    }
    expect(await verifyPassword("wrong-password", users[0]!.password_hash)).toBe(false);
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    // Both halves of each center: 母子保健 (保健師) and 児童福祉 (子ども家庭支援員).
    for (const center of centers.values()) {
      const professions = users.filter((u) => u.center_id === center).map((u) => u.profession);
      expect(professions).toEqual(expect.arrayContaining(["保健師", "子ども家庭支援員"]));
    }
  });

  it("gives partner1 an organization serving 川口市 with at least two published services", async () => {
    const areas = await db.selectFrom("organization_municipality").where("organization_id", "=", PARTNER1_ORG.id).select("municipality_code").execute();
    expect(areas.map((a) => a.municipality_code)).toContain(KAWAGUCHI);
    const org = await db.selectFrom("organization").where("id", "=", PARTNER1_ORG.id).select("verification_status").executeTakeFirstOrThrow();
    expect(org.verification_status).toBe("published");
    const published = await db.selectFrom("service").where("organization_id", "=", PARTNER1_ORG.id).where("verification_status", "=", "published").select("kind").execute();
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(published.map((s) => s.kind)).toEqual(expect.arrayContaining(["kodomo-shokudo", "home-help"]));
  });

  it("gives partner2 an organization serving 戸田市 only", async () => {
    const areas = await db.selectFrom("organization_municipality").where("organization_id", "=", PARTNER2_ORG.id).select("municipality_code").execute();
    expect(areas.map((a) => a.municipality_code)).toEqual([TODA]);
    const locations = await db.selectFrom("location").where("organization_id", "=", PARTNER2_ORG.id).select("municipality_code").execute();
    expect(locations.length).toBeGreaterThanOrEqual(2);
    expect(new Set(locations.map((l) => l.municipality_code))).toEqual(new Set([TODA]));
  });

  it("is identical on every load (ids, names and places)", async () => {
    const again = await createTestDb();
    try {
      await loadDemo(again.db, { now: new Date("2030-01-01T00:00:00Z") });
      expect(await catalogFingerprint(again.db)).toBe(await catalogFingerprint(db));
    } finally {
      await again.close();
    }
  });
});

describe("the demo catalog", () => {
  const catalog = buildDemoCatalog(new Date());

  it("passes the write model's validation, every draft", () => {
    const failures = catalog.services.flatMap((s) => {
      const parsed = serviceDraftSchema.safeParse(s.draft);
      return parsed.success ? [] : [{ name: s.draft.name, issues: parsed.error.issues }];
    });
    expect(failures).toEqual([]);
  });

  it("runs some organizations at several places", () => {
    const perOrg = new Map<string, number>();
    for (const s of catalog.services) perOrg.set(s.organizationId, (perOrg.get(s.organizationId) ?? 0) + 1);
    expect([...perOrg.values()].filter((n) => n >= 3).length).toBeGreaterThanOrEqual(10);
  });

  it("speaks the languages of 川口市's communities in some services", () => {
    const languages = new Set(catalog.services.flatMap((s) => s.draft.languages ?? []));
    for (const code of ["ja", "zh", "vi", "ku", "tr", "en"]) expect(languages).toContain(code);
    const multilingual = catalog.services.filter((s) => (s.draft.languages?.length ?? 0) > 1).length;
    expect(multilingual / catalog.services.length).toBeLessThan(0.35);
  });

  it("uses example.jp for every e-mail address and web site", () => {
    for (const s of catalog.services) {
      if (s.draft.email) expect(s.draft.email).toMatch(/@example\.jp$/);
      if (s.draft.url) expect(new URL(s.draft.url).hostname).toMatch(/(^|\.)example\.jp$/);
    }
    for (const o of catalog.organizations) if (o.draft.website) expect(new URL(o.draft.website).hostname).toMatch(/(^|\.)example\.jp$/);
  });
});
