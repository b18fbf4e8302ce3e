import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { insertServices } from "../../src/catalog/writer.js";
import { enqueueServiceChanges } from "../../src/outbox/enqueue.js";
import { loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { createSearchTestApp, getJson } from "../support/app.js";
import { aService } from "../support/catalog.js";
import { expectProblem } from "../support/problem.js";

const KAWAGUCHI_STATION = { lat: 35.8016, lng: 139.7175 };

describe(`GET /api/v1/search on ${TEST_DB}`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createSearchTestApp>["app"];
  const search = (qs: string) => getJson(app, `/api/v1/search?${qs}`);

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    app = createSearchTestApp(h).app;
  });
  afterAll(() => h.close());

  it("answers in the shape of API.md, with kind facets by default", async () => {
    const { res, body } = await search(`q=${encodeURIComponent("子ども食堂")}`);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ page: 1, size: 20, total: expect.any(Number), tookMs: expect.any(Number), expansions: [] });
    expect(body.total).toBeGreaterThan(20);
    expect(body.hits).toHaveLength(20);
    expect(body.hits[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        serviceId: expect.any(String),
        locationId: expect.any(String),
        name: expect.stringMatching(/食堂/),
        nameKana: expect.any(String),
        kind: "kodomo-shokudo",
        organization: { id: expect.any(String), name: expect.any(String) },
        address: expect.stringMatching(/^埼玉県/),
        lat: expect.any(Number),
        lng: expect.any(Number),
        costFree: expect.any(Boolean),
        languages: expect.arrayContaining(["ja"]),
        updatedAt: expect.any(String),
      }),
    );
    expect(body.hits[0].distanceMeters).toBeUndefined();
    expect(body.facets.kind["kodomo-shokudo"]).toBeGreaterThan(20);
  });

  it("pages without overlap and with a stable total", async () => {
    const first = (await search("kind=daycare&size=10&page=1")).body;
    const second = (await search("kind=daycare&size=10&page=2")).body;
    expect(second.total).toBe(first.total);
    const ids = new Set(first.hits.map((x: any) => x.id));
    expect(second.hits.some((x: any) => ids.has(x.id))).toBe(false);
    const again = (await search("kind=daycare&size=10&page=1")).body;
    expect(again.hits.map((x: any) => x.id)).toEqual(first.hits.map((x: any) => x.id));
  });

  it("filters by radius, reports distances and sorts by them", async () => {
    const { body } = await search(`lat=${KAWAGUCHI_STATION.lat}&lng=${KAWAGUCHI_STATION.lng}&radius=1500&sort=distance&size=100`);
    expect(body.total).toBeGreaterThan(0);
    const distances = body.hits.map((x: any) => x.distanceMeters);
    expect(distances.every((d: number) => d <= 1500)).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it("filters by bounding box, age, language, cost, weekday and municipality", async () => {
    const box = (await search("bbox=139.70,35.79,139.74,35.82&size=100")).body;
    for (const x of box.hits) {
      expect(x.lng).toBeGreaterThanOrEqual(139.7);
      expect(x.lat).toBeLessThanOrEqual(35.82);
    }
    const baby = (await search("kind=temporary-care&ageMonths=48&size=100")).body;
    expect(baby.hits.map((x: any) => x.name)).not.toContain("乳児一時預かり ひよこルーム");
    const vi = (await search("language=vi&size=100")).body;
    expect(vi.total).toBeGreaterThan(0);
    expect(vi.hits.every((x: any) => x.languages.includes("vi"))).toBe(true);
    const free = (await search("free=true&size=100&facets=free")).body;
    expect(free.hits.every((x: any) => x.costFree)).toBe(true);
    expect(Object.keys(free.facets.free)).toEqual(["true"]);
    const saturday = (await search("openOn=sat&facets=openOn")).body;
    expect(saturday.facets.openOn.sat).toBe(saturday.total);
    const toda = (await search("municipality=112241&facets=municipality")).body;
    expect(toda.facets.municipality).toEqual({ "112241": toda.total });
  });

  it("lists only public services", async () => {
    const pending = (await search(`q=${encodeURIComponent("ひだまり学習スペース")}`)).body;
    expect(pending.hits.map((x: any) => x.name)).not.toContain("ひだまり学習スペース");
    const agency = (await search("kind=child-guidance")).body;
    expect(agency.total).toBe(0);
  });

  it("reports everyday-word expansions", async () => {
    const { body } = await search(`q=${encodeURIComponent("休みたい")}`);
    expect(body.expansions).toEqual([{ phrase: "休みたい", kinds: ["postpartum-care", "short-stay"] }]);
    expect(body.hits.every((x: any) => ["postpartum-care", "short-stay"].includes(x.kind))).toBe(true);
  });

  it("finds a newly published service once its outbox row is applied", async () => {
    const org = await h.db.selectFrom("organization").select("id").where("verification_status", "=", "published").executeTakeFirstOrThrow();
    await h.db.transaction().execute(async (trx) => {
      const ids = await insertServices(trx, [{ organizationId: org.id, draft: aService({ name: "検索テスト食堂" }), verification: { status: "published" } }]);
      await enqueueServiceChanges(trx, ids);
    });
    const { body } = await search(`q=${encodeURIComponent("検索テスト食堂")}`);
    expect(body.hits.map((x: any) => x.name)).toEqual(["検索テスト食堂"]);
    const health = (await getJson(app, "/api/v1/health")).body;
    expect(health.outboxPending).toBe(0);
  });

  it.each([
    ["bbox=139.7,35.8,139.6", "bbox"],
    ["bbox=139.8,35.8,139.7,35.9", "bbox"],
    ["bbox=139.7,35.8,200,35.9", "bbox"],
    ["bbox=a,b,c,d", "bbox"],
    ["lat=35.8&lng=139.7&radius=100001", "radius"],
    ["lat=35.8&lng=139.7&radius=0", "radius"],
    ["radius=500", "radius"],
    ["lat=35.8", "lng"],
    ["lat=95&lng=139.7", "lat"],
    ["kind=unknown-kind", "kind"],
    ["kind=daycare&kind=nope", "kind"],
    ["sort=distance", "sort"],
    ["sort=nearest", "sort"],
    ["facets=kind,colour", "facets"],
    ["page=0", "page"],
    ["size=101", "size"],
    ["ageMonths=-3", "ageMonths"],
    ["pregnancyWeeks=50", "pregnancyWeeks"],
    ["language=english", "language"],
    ["free=yes", "free"],
    ["openOn=someday", "openOn"],
    ["municipality=112039", "municipality"],
    ["organizationId=42", "organizationId"],
    ["lat=35.8&lng=139.7&radius=500&bbox=139.7,35.8,139.8,35.9", "bbox"],
    ["colour=blue", "colour"],
  ])("rejects %s with a 400 naming %s", async (qs, field) => {
    await expectProblem(await app.request(`/api/v1/search?${qs}`), 400, field);
  });
});
