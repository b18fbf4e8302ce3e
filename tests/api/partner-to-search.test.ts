import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.js";
import { loadConfig } from "../../src/config.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { createLogger } from "../../src/log.js";
import { OutboxWorker } from "../../src/outbox/worker.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import { rebuildSearchIndex } from "../../src/search/rebuild.js";
import { loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { KAWAGUCHI, aService } from "../support/catalog.js";
import { asBearer, call, signIn } from "../support/auth.js";

/**
 * Issue 6's end-to-end check: a partner signs up and adds a service, which search does not show;
 * staff approve it and, once the outbox worker has run, search finds it; the audit log shows both
 * writes with the record before and after. The worker is driven by hand (`drain`), so the test
 * waits for nothing: the index changes exactly when the outbox is applied.
 */
describe(`from partner sign-up to search on ${TEST_DB}`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createApp>;
  let worker: OutboxWorker;
  const name = "ひまわり子ども食堂";

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    const search = new EmbeddedSearch();
    await rebuildSearchIndex(h.db, search);
    worker = new OutboxWorker({ db: h.db, search, log: createLogger("silent") });
    const config = loadConfig({ TSUNAGU_SEED: "none", LOG_LEVEL: "silent" });
    app = createApp({ db: h.db, dbKind: h.kind, config, log: createLogger("silent"), search, indexer: worker });
  });
  afterAll(() => h.close());

  const searchByOrganization = async (organizationId: string) => (await call(app, `/api/v1/search?organizationId=${organizationId}`, {})).body;
  const searchByText = async () => (await call(app, `/api/v1/search?q=${encodeURIComponent(name)}&size=50`, {})).body;
  const pendingOutbox = async () => (await call(app, "/api/v1/health", {})).body.outboxPending;

  it("shows a partner's new service in search only after staff approve it and the outbox has run", async () => {
    const registered = await call(app, "/api/v1/partners/register", asBearer(undefined, "POST", {
      email: "himawari@example.jp",
      password: "taiyou-ni-mukau-hana",
      organization: { name: "ひまわりの会", municipalityCodes: [KAWAGUCHI] },
    }));
    expect(registered.res.status).toBe(201);
    const { organizationId } = registered.body;
    const partner = (await signIn(app, "himawari@example.jp", "taiyou-ni-mukau-hana")).token;

    const created = await call(app, `/api/v1/organizations/${organizationId}/services`, asBearer(partner, "POST", aService({ name })));
    expect(created.body).toEqual({ id: expect.any(String), status: "pending" });
    const serviceId: string = created.body.id;

    // The writes queued outbox rows; applying them changes nothing public yet.
    expect(await pendingOutbox()).toBeGreaterThan(0);
    expect(await worker.drain()).toBeGreaterThan(0);
    expect(await pendingOutbox()).toBe(0);
    expect((await searchByOrganization(organizationId)).total).toBe(0);
    expect((await searchByText()).hits.map((hit: any) => hit.serviceId)).not.toContain(serviceId);

    const staff = (await signIn(app, "staff1@example.jp")).token;
    const approved = await call(app, `/api/v1/services/${serviceId}/review`, asBearer(staff, "POST", { decision: "approve" }));
    expect(approved.body).toMatchObject({ status: "published", public: true });

    // The index is a projection: it changes when the worker applies the approval's outbox rows.
    expect((await searchByOrganization(organizationId)).total).toBe(0);
    expect(await pendingOutbox()).toBeGreaterThan(0);
    expect(await worker.drain()).toBeGreaterThan(0);
    const found = await searchByOrganization(organizationId);
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({ serviceId, name, organization: { id: organizationId, name: "ひまわりの会" } });
    expect((await searchByText()).hits.map((hit: any) => hit.serviceId)).toContain(serviceId);

    const admin = (await signIn(app, "admin1@example.jp")).token;
    const audit = (await call(app, `/api/v1/audit?entityType=service&entityId=${serviceId}`, asBearer(admin))).body;
    expect(audit.items.map((e: any) => e.action)).toEqual(["service.approve", "service.create"]);
    const [approve, create] = audit.items;
    expect(create).toMatchObject({ actor: { role: "partner" }, before: null, after: { status: "pending", draft: { name } } });
    expect(approve).toMatchObject({ actor: { role: "staff" }, before: { status: "pending" }, after: { status: "published", draft: { name } } });
  });
});
