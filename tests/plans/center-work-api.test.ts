import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { SUPPRESS_BELOW } from "../../src/gaps/gap-report.js";
import { loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { createTestApp } from "../support/app.js";
import { asBearer, call, expectCallProblem, signIn } from "../support/auth.js";

describe(`the center's own duties through the API on ${TEST_DB}`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    app = createTestApp(h);
    for (const email of ["staff1@example.jp", "admin1@example.jp", "staff2@example.jp", "partner1@example.jp"]) tokens[email] = (await signIn(app, email)).token;
  });
  afterAll(() => h.close());
  const as = (email: string) => asBearer(tokens[email]);

  it("reports unmet needs per kind and area from the demo plans, suppressing small cells", async () => {
    const r = await call(app, "/api/v1/gaps?cellMeters=1000", as("admin1@example.jp"));
    expect(r.res.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.plans).toBeGreaterThanOrEqual(30);
    const shown = r.body.byKind.filter((k: any) => !k.suppressed);
    expect(shown.length).toBeGreaterThan(0);
    for (const k of shown) expect(k.plans).toBeGreaterThanOrEqual(SUPPRESS_BELOW);
    for (const a of r.body.byArea) {
      if (a.suppressed) expect([a.plans, a.unmet]).toEqual([null, null]);
      else expect(a.plans).toBeGreaterThanOrEqual(SUPPRESS_BELOW);
    }
    expect(r.body.byArea.some((a: any) => a.suppressed)).toBe(true);
    expect(JSON.stringify(r.body)).not.toContain("DEMO-");

    const csv = await app.request("/api/v1/gaps?format=csv", as("staff1@example.jp"));
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\r\n");
    expectCallProblem(await call(app, "/api/v1/gaps", as("partner1@example.jp")), 404);
    expectCallProblem(await call(app, "/api/v1/gaps?cellMeters=10", as("staff1@example.jp")), 400, "cellMeters");
  });

  it("gives the case-conference summary to the center only, and audits every view", async () => {
    const plan = await h.db.selectFrom("support_plan").select("id").where("case_ref", "=", "DEMO-112038-0001").executeTakeFirstOrThrow();
    const r = await call(app, `/api/v1/plans/${plan.id}/summary`, as("staff1@example.jp"));
    expect(r.res.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ center: "川口市こども家庭センター", plan: { caseRef: "DEMO-112038-0001", lead: { name: expect.any(String) } } });
    expect(r.body.needs.length).toBeGreaterThan(0);
    expect(r.body.needs[0]).toMatchObject({ kind: expect.any(String), label: { ja: expect.any(String), en: expect.any(String) }, matches: expect.any(Array) });
    await call(app, `/api/v1/plans/${plan.id}/summary`, as("admin1@example.jp"));
    expectCallProblem(await call(app, `/api/v1/plans/${plan.id}/summary`, as("staff2@example.jp")), 404);
    const views = await h.db.selectFrom("audit_log").select(["actor_role"]).where("entity_id", "=", plan.id).where("action", "=", "plan.summary.view").execute();
    expect(views.map((v) => v.actor_role).sort()).toEqual(["center_admin", "staff"]);
  });
});
