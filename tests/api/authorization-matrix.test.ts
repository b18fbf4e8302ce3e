import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { termId } from "../../src/catalog/taxonomy-sync.js";
import { DEMO_PASSWORD, loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { createTestApp } from "../support/app.js";
import { anOrganization, aService } from "../support/catalog.js";
import { CenterFixtures, type Tenant, WHO, type Who, signInAll, unique } from "../support/tenants.js";

/**
 * The authorization matrix: every route of the app × every kind of caller × a record of the
 * caller's own tenant or of the other one, with the expected status. The test lists the app's
 * routes and fails on any route missing here (and on rows for routes that no longer exist).
 *
 * Columns: anonymous | partner (of the "own" organization, serving center 1) | otherPartner (of
 * the "other" organization, serving center 2 only) | staff1 | staff2 | admin (center_admin of
 * center 1). Each cell is "own other": the status for a record of the own tenant, then for one of
 * the other tenant; a single number is a route without a record (both the same, asked once).
 * Anything not the caller's is 404, never 403.
 *
 * To add a route: add a row — its method and path as the app declares them, a `target` that builds
 * a fresh record of a tenant (see tests/support/tenants.ts), a `body` if it takes one, the cells.
 */
type Target = (fx: CenterFixtures, tenant: Tenant) => Promise<Record<string, string>>;
/** A body, or one built for the case from its tenant and the target's values. */
type Body = unknown | ((tenant: Tenant, params: Record<string, string>) => unknown);
interface Row {
  route: string;
  cells: string;
  target?: Target;
  body?: Body;
  /** The case needs a session of its own (it ends the session). */
  ownSession?: boolean;
}

const T = {
  org: (fx, t) => fx.organization(t).then((id) => ({ id })),
  service: (fx, t) => fx.service(t).then((id) => ({ id })),
  pendingService: (fx, t) => fx.service(t, "pending").then((id) => ({ id })),
  report: (fx, t) => fx.report(t).then((id) => ({ id })),
  plan: (fx, t) => fx.plan(t),
  referral: (fx, t) => fx.referral(t),
  hiroba: (fx, t) => fx.hiroba(t),
  designation: (fx, t) => fx.designation(t),
  sheet: (fx, t) => fx.sheet(t),
} satisfies Record<string, Target>;

const newPlan = () => ({ caseRef: unique("MATRIX-NEW-"), family: { lat: 35.81, lng: 139.72 }, needs: [{ kind: "daycare" }] });
const newReferral = (_t: Tenant, p: Record<string, string>) => ({ planId: p.id, serviceId: p.serviceId, consent: { given: true, privacyNoticeShared: true, shareContact: false, wordingVersion: "matrix", recordedAt: "2026-11-25T10:00:00+09:00" } });

const login = { email: "shien1@example.jp", password: DEMO_PASSWORD };
const registration = () => ({ email: `${unique("matrix")}@example.jp`, password: "matrix-test-passphrase", organization: anOrganization({ name: unique("マトリクス団体") }) });

//                                                        anonymous   partner    otherPartner staff1     staff2     admin
const ROWS: Row[] = [
  { route: "GET /api/v1/health",                   cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/taxonomy",                 cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/centers",                  cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1",                          cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/services",                 cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/services/{id}",            cells: "200 200   | 200 200   | 200 200   | 200 200   | 200 200   | 200 200", target: T.service },
  { route: "GET /api/v1/organizations",            cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/organizations/{id}",       cells: "200 200   | 200 200   | 200 200   | 200 200   | 200 200   | 200 200", target: T.org },
  { route: "GET /api/v1/taxonomies",               cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/taxonomy_terms",           cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/taxonomy_terms/{id}",      cells: "200       | 200       | 200       | 200       | 200       | 200", target: async () => ({ id: termId("daycare") }) },
  { route: "GET /api/v1/search",                   cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/web-config",               cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/openapi.json",             cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/docs",                        cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/docs/init.js",                cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "POST /api/v1/auth/login",              cells: "200       | 200       | 200       | 200       | 200       | 200", body: login },
  { route: "POST /api/v1/auth/logout",             cells: "204       | 204       | 204       | 204       | 204       | 204", ownSession: true },
  { route: "GET /api/v1/auth/me",                  cells: "401       | 200       | 200       | 200       | 200       | 200" },
  { route: "POST /api/v1/auth/password",           cells: "401       | 400       | 400       | 400       | 400       | 400", body: { currentPassword: "not-it", newPassword: "whatever-new-pass" } },
  { route: "POST /api/v1/partners/register",       cells: "201       | 201       | 201       | 201       | 201       | 201", body: registration },
  { route: "POST /api/v1/organizations/{id}/services", cells: "401 401 | 201 404   | 404 201   | 201 404   | 404 201   | 201 404", target: T.org, body: () => aService({ name: unique("新規サービス") }) },
  { route: "GET /api/v1/organizations/{id}/services",  cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.org },
  { route: "GET /api/v1/organizations/{id}/record",    cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.org },
  { route: "PATCH /api/v1/organizations/{id}",         cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.org, body: () => ({ description: unique("説明") }) },
  { route: "POST /api/v1/organizations/{id}/confirm",  cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.org },
  { route: "POST /api/v1/organizations/{id}/review",   cells: "401 401 | 404 404   | 404 404   | 200 404   | 404 200   | 200 404", target: T.org, body: { decision: "approve" } },
  { route: "GET /api/v1/services/{id}/record",         cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.pendingService },
  { route: "PATCH /api/v1/services/{id}",              cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.service, body: () => ({ name: unique("変更後") }) },
  { route: "POST /api/v1/services/{id}/confirm",       cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.service },
  { route: "POST /api/v1/services/{id}/review",        cells: "401 401 | 404 404   | 404 404   | 200 404   | 404 200   | 200 404", target: T.pendingService, body: { decision: "approve" } },
  { route: "POST /api/v1/services/{id}/reports",       cells: "201 201 | 201 201   | 201 201   | 201 201   | 201 201   | 201 201", target: T.service, body: { problem: "closed" } },
  { route: "GET /api/v1/review-queue",             cells: "401       | 404       | 404       | 200       | 200       | 200" },
  { route: "POST /api/v1/reports/{id}/resolve",        cells: "401 401 | 404 404   | 404 404   | 200 404   | 404 200   | 200 404", target: T.report, body: { outcome: "resolved" } },
  { route: "GET /api/v1/audit",                    cells: "401       | 404       | 404       | 404       | 404       | 200" },
  { route: "GET /api/v1/exports/services.csv",     cells: "401       | 404       | 404       | 200       | 200       | 200" },
  { route: "POST /api/v1/plans",                   cells: "401       | 404       | 404       | 201       | 201       | 201", body: newPlan },
  { route: "GET /api/v1/plans",                    cells: "401       | 404       | 404       | 200       | 200       | 200" },
  { route: "GET /api/v1/plans/{id}",                   cells: "401 401 | 404 404   | 404 404   | 200 404   | 404 200   | 200 404", target: T.plan },
  { route: "PATCH /api/v1/plans/{id}",                 cells: "401 401 | 404 404   | 404 404   | 200 404   | 404 200   | 200 404", target: T.plan, body: { nextSteps: [{ action: "ケース会議で共有" }] } },
  { route: "GET /api/v1/plans/{id}/matches",           cells: "401 401 | 404 404   | 404 404   | 200 404   | 404 200   | 200 404", target: T.plan },
  { route: "GET /api/v1/plans/{id}/summary",           cells: "401 401 | 404 404   | 404 404   | 200 404   | 404 200   | 200 404", target: T.plan },
  { route: "POST /api/v1/plans/{id}/sheets",           cells: "401 401 | 404 404   | 404 404   | 201 404   | 404 201   | 201 404", target: T.plan, body: (_t: Tenant, p: Record<string, string>) => ({ serviceIds: [p.serviceId], language: "easy-ja" }) },
  { route: "GET /api/v1/sheets/{token}",               cells: "200 200 | 200 200   | 200 200   | 200 200   | 200 200   | 200 200", target: T.sheet },
  { route: "GET /api/v1/gaps",                     cells: "401       | 404       | 404       | 200       | 200       | 200" },
  { route: "POST /api/v1/referrals",                   cells: "401 401 | 404 404   | 404 404   | 201 404   | 404 201   | 201 404", target: T.plan, body: newReferral },
  { route: "GET /api/v1/referrals",                cells: "401       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/referrals/{id}",               cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.referral },
  { route: "POST /api/v1/referrals/{id}/events",       cells: "401 401 | 200 404   | 404 200   | 200 404   | 404 200   | 200 404", target: T.referral, body: { status: "accepted" } },
  { route: "GET /api/v1/consultation-points",      cells: "200       | 200       | 200       | 200       | 200       | 200" },
  { route: "GET /api/v1/consultation-points/nearest",  cells: "400     | 400       | 400       | 400       | 400       | 400" },
  { route: "POST /api/v1/consultation-points",         cells: "401 401 | 404 404   | 404 404   | 201 400   | 400 201   | 201 400", target: T.hiroba, body: (_t: Tenant, p: Record<string, string>) => ({ serviceId: p.serviceId }) },
  { route: "DELETE /api/v1/consultation-points/{id}",  cells: "401 401 | 404 404   | 404 404   | 204 404   | 404 204   | 204 404", target: T.designation },
  { route: "GET /api/v1/consultation-points/coverage", cells: "401     | 404       | 404       | 200       | 200       | 200" },
];

/** "401 401 | 200 404 | …" → per principal, [own, other] (a single status: [s] alone). */
function parseCells(cells: string): Record<Who, number[]> {
  const columns = cells.split("|").map((c) => c.trim().split(/\s+/).map(Number));
  if (columns.length !== WHO.length || columns.some((c) => c.length < 1 || c.length > 2 || c.some(Number.isNaN))) {
    throw new Error(`bad cells "${cells}"`);
  }
  return Object.fromEntries(WHO.map((who, i) => [who, columns[i]!])) as Record<Who, number[]>;
}

const toHonoPath = (route: string) => route.replace(/\{(\w+)\}/g, ":$1");

describe(`authorization matrix on ${TEST_DB}`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let fx: CenterFixtures;
  let tokens: Record<Who, string | undefined>;

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    app = createTestApp(h, { TSUNAGU_REPORTS_PER_HOUR: "10000", TSUNAGU_REGISTRATIONS_PER_HOUR: "10000", TSUNAGU_LOGIN_MAX_FAILURES: "100" });
    fx = new CenterFixtures(h.db);
    tokens = await signInAll(app);
  });
  afterAll(() => h.close());

  it("has a row for every route of the app, and none for a route that is gone", () => {
    const routes = new Set(app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    const rows = new Set(ROWS.map((r) => toHonoPath(r.route)));
    expect([...routes].filter((r) => !rows.has(r)), "routes without a row in the matrix").toEqual([]);
    expect([...rows].filter((r) => !routes.has(r)), "rows for routes the app does not have").toEqual([]);
  });

  it.each(ROWS.map((row) => [row.route, row] as const))("%s", async (_, row) => {
    const expected = parseCells(row.cells);
    const actual = {} as Record<Who, number[]>;
    const [method, path] = row.route.split(" ") as [string, string];
    for (const who of WHO) {
      actual[who] = [];
      for (const tenant of (expected[who].length === 2 ? ["own", "other"] : ["own"]) as Tenant[]) {
        const params = row.target ? await row.target(fx, tenant) : {};
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => params[name]!);
        const body = typeof row.body === "function" ? (row.body as (t: Tenant, p: Record<string, string>) => unknown)(tenant, params) : row.body;
        const token = row.ownSession && tokens[who] ? (await signInAll(app))[who] : tokens[who];
        const res = await app.request(url, {
          method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        if (res.status >= 400) expect(res.headers.get("content-type"), `${who} ${tenant}`).toMatch(/^application\/problem\+json/);
        actual[who].push(res.status);
      }
    }
    expect(actual).toEqual(expected);
  });

  it("answers a record of another tenant exactly like one that does not exist", async () => {
    const other = await fx.service("other", "pending");
    const get = async (id: string) => (await app.request(`/api/v1/services/${id}/record`, { headers: { authorization: `Bearer ${tokens.partner}` } })).json();
    const { requestId: _a, ...foreign } = (await get(other)) as Record<string, unknown>;
    const { requestId: _b, ...missing } = (await get(randomUUID())) as Record<string, unknown>;
    expect(foreign).toEqual(missing);
  });
});
