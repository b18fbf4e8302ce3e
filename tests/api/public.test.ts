import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { termId } from "../../src/catalog/taxonomy-sync.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { createTestApp, getJson } from "../support/app.js";
import { KAWAGUCHI, insertCatalog } from "../support/catalog.js";
import { expectProblem } from "../support/problem.js";

describe(`public API on ${TEST_DB}`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let published: { organizationId: string; serviceIds: string[] };
  let pending: { organizationId: string; serviceIds: string[] };

  beforeAll(async () => {
    h = await createTestDb();
    app = createTestApp(h);
    await h.db.insertInto("center").values({ municipality_code: KAWAGUCHI, municipality_name: "川口市", prefecture: "埼玉県", name: "川口市こども家庭センター" }).execute();
    published = await insertCatalog(h.db, {
      services: [{ draft: { name: "栄町こども食堂" } }, { draft: { name: "栄町家事サポート", kind: "home-help", nameKana: "サカエチョウカジサポート" } }],
    });
    pending = await insertCatalog(h.db, { organization: { name: "審査中団体" }, organizationStatus: "pending", services: [{ draft: { name: "審査中サービス" } }] });
  });
  afterAll(() => h.close());

  it("GET /health reports the database, the search engine and the outbox backlog", async () => {
    const { res, body } = await getJson(app, "/api/v1/health");
    expect(res.status).toBe(200);
    expect(body).toEqual({
      status: "ok",
      db: TEST_DB,
      search: "embedded",
      searchStatus: "ok",
      searchDocuments: expect.any(Number),
      outboxPending: 0,
      outboxRetrying: false,
    });
    expect(res.headers.get("x-request-id")).toBeTruthy();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("GET /taxonomy lists all 17 kinds in three languages", async () => {
    const { body } = await getJson(app, "/api/v1/taxonomy");
    expect(body).toHaveLength(17);
    expect(body[0]).toMatchObject({ code: "kodomo-shokudo", ja: "子ども食堂", en: "Children's cafeteria", publicListing: true });
    expect(body[0].synonyms).toEqual(expect.arrayContaining(["子供食堂", "こども食堂"]));
    for (const kind of body) expect(kind.easyJa).toBeTruthy();
  });

  it("GET /centers lists the centers", async () => {
    const { body } = await getJson(app, "/api/v1/centers");
    expect(body).toEqual([expect.objectContaining({ name: "川口市こども家庭センター", municipalityCode: KAWAGUCHI, municipalityName: "川口市" })]);
  });

  it("GET /services pages published services in the HSDS envelope", async () => {
    const { res, body } = await getJson(app, "/api/v1/services?per_page=1");
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false, empty: false });
    expect(body.contents[0]).toMatchObject({ status: "active", organization: { id: published.organizationId } });
    const second = (await getJson(app, "/api/v1/services?per_page=1&page=2")).body;
    expect(second).toMatchObject({ page_number: 2, first_page: false, last_page: true });
    expect(second.contents[0].id).not.toBe(body.contents[0].id);
    const beyond = (await getJson(app, "/api/v1/services?page=9")).body;
    expect(beyond).toMatchObject({ total_items: 2, size: 0, empty: true, contents: [] });
  });

  it("GET /services filters by search, organization and taxonomy term", async () => {
    const bySearch = (await getJson(app, `/api/v1/services?search=${encodeURIComponent("家事")}`)).body;
    expect(bySearch.contents.map((s: any) => s.name)).toEqual(["栄町家事サポート"]);
    const byKana = (await getJson(app, `/api/v1/services?search=${encodeURIComponent("カジサポート")}`)).body;
    expect(byKana.total_items).toBe(1);
    const byTerm = (await getJson(app, `/api/v1/services?taxonomy_term_id=${termId("home-help")}`)).body;
    expect(byTerm.contents.map((s: any) => s.name)).toEqual(["栄町家事サポート"]);
    const byOrg = (await getJson(app, `/api/v1/services?organization_id=${pending.organizationId}`)).body;
    expect(byOrg.total_items).toBe(0);
  });

  it("GET /services/{id} returns the fully nested service, and 404 for one not public", async () => {
    const { body } = await getJson(app, `/api/v1/services/${published.serviceIds[0]}`);
    expect(body).toMatchObject({ id: published.serviceIds[0], name: "栄町こども食堂", minimum_age: 0, maximum_age: 17 });
    expect(body.service_at_locations[0].location).toMatchObject({ latitude: 35.8035, longitude: 139.7205 });
    expect(body.service_at_locations[0].location.addresses[0]).toMatchObject({ city: "川口市", state_province: "埼玉県", country: "JP" });
    expect(body.schedules[0]).toMatchObject({ freq: "MONTHLY", byday: "2SA,4SA", opens_at: "11:00", closes_at: "14:00", timezone: 9 });
    expect(body.attributes[0].taxonomy_term).toMatchObject({ code: "kodomo-shokudo", name: "子ども食堂" });
    expect(body.cost_options[0]).toMatchObject({ currency: "JPY", amount: 300 });
    await expectProblem(await app.request(`/api/v1/services/${pending.serviceIds[0]}`), 404);
  });

  it("GET /organizations and /organizations/{id} show only organizations with public services", async () => {
    const list = (await getJson(app, "/api/v1/organizations")).body;
    expect(list.total_items).toBe(1);
    const one = (await getJson(app, `/api/v1/organizations/${published.organizationId}`)).body;
    expect(one.services).toHaveLength(2);
    expect(one.services[0].service_at_locations).toBeDefined();
    await expectProblem(await app.request(`/api/v1/organizations/${pending.organizationId}`), 404);
  });

  it("GET /taxonomy_terms and /taxonomy_terms/{id} serve the kinds as HSDS terms", async () => {
    const list = (await getJson(app, "/api/v1/taxonomy_terms")).body;
    expect(list.total_items).toBe(17);
    expect(list.contents[0]).toMatchObject({ id: termId("kodomo-shokudo"), code: "kodomo-shokudo", name: "子ども食堂" });
    const one = (await getJson(app, `/api/v1/taxonomy_terms/${termId("daycare")}`)).body;
    expect(one).toMatchObject({ code: "daycare" });
    const taxonomies = (await getJson(app, "/api/v1/taxonomies")).body;
    expect(taxonomies.total_items).toBe(1);
  });

  it("GET / describes the HSDS API", async () => {
    const { body } = await getJson(app, "/api/v1/");
    expect(body.version).toBe("3.0");
    expect(body.openapi_url).toMatch(/\/api\/v1\/openapi\.json$/);
  });

  it("serves an OpenAPI 3.1 document generated from the route schemas", async () => {
    const { body } = await getJson(app, "/api/v1/openapi.json");
    expect(body.openapi).toBe("3.1.0");
    for (const path of ["/health", "/taxonomy", "/centers", "/services", "/services/{id}", "/organizations/{id}", "/taxonomy_terms"]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
    expect(body.paths["/services"].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(["page", "per_page", "search"]));
  });

  it("serves the API docs page with its own assets, no CDN", async () => {
    const res = await app.request("/api/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/api/docs/assets/swagger-ui-bundle.js");
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("answers unknown routes with a 404 problem", async () => {
    await expectProblem(await app.request("/api/v1/nope"), 404);
  });
});
