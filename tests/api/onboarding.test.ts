import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { DEMO_ACCOUNTS, loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { createTestApp, getJson } from "../support/app.js";
import { KAWAGUCHI, aService } from "../support/catalog.js";
import { asBearer, asCookie, call, expectCallProblem, signIn } from "../support/auth.js";

/**
 * Partner onboarding end to end through the API: sign-up, a pending organization and service
 * invisible to the public, the review queue of the right center only, approval, an edit of the
 * published service that waits for review while the published version stays public, rejection
 * with a reason, "still correct", and the audit entries with before/after.
 */
describe(`partner onboarding on ${TEST_DB}`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let staff1: string;
  let staff2: string;
  let admin1: string;
  let partner: { token: string; cookie: string; userId: string; organizationId: string };
  let serviceId: string;

  const publicNames = async (organizationId: string) =>
    (await getJson(app, `/api/v1/services?organization_id=${organizationId}`)).body.contents.map((s: any) => s.name);
  const outboxFor = (id: string) => h.db.selectFrom("outbox").select("topic").where("aggregate_id", "=", id).execute();

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    app = createTestApp(h);
    staff1 = (await signIn(app, "staff1@example.jp")).token;
    staff2 = (await signIn(app, "staff2@example.jp")).token;
    admin1 = (await signIn(app, "admin1@example.jp")).token;
  });
  afterAll(() => h.close());

  it("registers a partner with a pending organization", async () => {
    const { res, body } = await call(app, "/api/v1/partners/register", asBearer(undefined, "POST", {
      email: "Hello@Sakura-Shokudo.example.jp",
      password: "sakura-shokudo-2026",
      organization: { name: "さくら子ども食堂の会", nameKana: "サクラコドモショクドウノカイ", municipalityCodes: [KAWAGUCHI], phone: "048-000-1234" },
    }));
    expect(res.status).toBe(201);
    expect(body).toEqual({ userId: expect.any(String), organizationId: expect.any(String) });
    const org = await h.db.selectFrom("organization").selectAll().where("id", "=", body.organizationId).executeTakeFirstOrThrow();
    expect(org.verification_status).toBe("pending");
    expect((await outboxFor(body.organizationId)).map((o) => o.topic)).toEqual(["organization.changed"]);
    const signedIn = await signIn(app, "hello@sakura-shokudo.example.jp", "sakura-shokudo-2026");
    expect(signedIn.body.user).toMatchObject({ role: "partner", organizationId: body.organizationId });
    partner = { token: signedIn.token, cookie: signedIn.cookie, userId: body.userId, organizationId: body.organizationId };
  });

  it("refuses a sign-up that breaks the rules", async () => {
    const register = (body: unknown) => call(app, "/api/v1/partners/register", asBearer(undefined, "POST", body));
    const organization = { name: "テスト団体", municipalityCodes: [KAWAGUCHI] };
    expectCallProblem(await register({ email: "x@example.jp", password: "short", organization }), 400, "password");
    expectCallProblem(await register({ email: "not-an-email", password: "long-enough-pass", organization }), 400, "email");
    expectCallProblem(await register({ email: "x@example.jp", password: "long-enough-pass", organization: { name: "x", municipalityCodes: ["131016"] } }), 400, "organization.municipalityCodes");
    expectCallProblem(await register({ email: "x@example.jp", password: "long-enough-pass", organization: { name: "x" } }), 400, "organization.municipalityCodes");
    expectCallProblem(await register({ email: "partner1@example.jp", password: "long-enough-pass", organization }), 409);
  });

  it("lets the partner add a service, which starts pending and stays out of the public catalog", async () => {
    const { res, body } = await call(app, `/api/v1/organizations/${partner.organizationId}/services`, asCookie(partner.cookie, "POST", aService({ name: "さくら子ども食堂" })));
    expect(res.status).toBe(201);
    expect(body).toEqual({ id: expect.any(String), status: "pending" });
    serviceId = body.id;
    expect(await publicNames(partner.organizationId)).toEqual([]);
    expect((await app.request(`/api/v1/services/${serviceId}`)).status).toBe(404);
    expect((await outboxFor(serviceId)).map((o) => o.topic)).toEqual(["service.changed"]);
    const record = await call(app, `/api/v1/services/${serviceId}/record`, asBearer(partner.token));
    expect(record.body).toMatchObject({ status: "pending", public: false, draft: { name: "さくら子ども食堂", location: { lat: 35.8035 } } });
  });

  it("shows the pending organization and service to staff of the center it serves, and to no other", async () => {
    const queue1 = await call(app, "/api/v1/review-queue", asBearer(staff1));
    expect(queue1.body.organizations.map((o: any) => o.id)).toContain(partner.organizationId);
    expect(queue1.body.services).toContainEqual(expect.objectContaining({ id: serviceId, change: "new", organization: expect.objectContaining({ status: "pending" }) }));
    const queue2 = await call(app, "/api/v1/review-queue", asBearer(staff2));
    expect(queue2.body.services.map((s: any) => s.id)).not.toContain(serviceId);
    expectCallProblem(await call(app, `/api/v1/services/${serviceId}/record`, asBearer(staff2)), 404);
    expectCallProblem(await call(app, `/api/v1/services/${serviceId}/review`, asBearer(staff2, "POST", { decision: "approve" })), 404);
    expectCallProblem(await call(app, "/api/v1/review-queue", asBearer(partner.token)), 404);
  });

  it("publishes on approval, and approving the first service approves its pending organization too", async () => {
    expectCallProblem(await call(app, `/api/v1/services/${serviceId}/review`, asBearer(staff1, "POST", { decision: "reject" })), 400, "reason");
    const approved = await call(app, `/api/v1/services/${serviceId}/review`, asBearer(staff1, "POST", { decision: "approve" }));
    expect(approved.body).toMatchObject({
      id: serviceId,
      status: "published",
      public: true,
      organization: { status: "published" },
      verification: { stale: false, verifiedBy: { role: "staff" } },
    });
    expect(await publicNames(partner.organizationId)).toEqual(["さくら子ども食堂"]);
    // Reviewing the organization itself afterwards re-verifies it.
    const org = await call(app, `/api/v1/organizations/${partner.organizationId}/review`, asBearer(staff1, "POST", { decision: "approve" }));
    expect(org.body).toMatchObject({ status: "published", verification: { verifiedBy: { role: "staff" } } });
    expect((await outboxFor(serviceId)).length).toBe(2);
    expect((await outboxFor(partner.organizationId)).length).toBe(3);
  });

  it("keeps a service of a rejected organization out of the public catalog", async () => {
    const other = await call(app, "/api/v1/partners/register", asBearer(undefined, "POST", {
      email: "rejected@example.jp", password: "kyakka-sareru-dantai", organization: { name: "却下される団体", municipalityCodes: [KAWAGUCHI] },
    }));
    const token = (await signIn(app, "rejected@example.jp", "kyakka-sareru-dantai")).token;
    const created = await call(app, `/api/v1/organizations/${other.body.organizationId}/services`, asBearer(token, "POST", aService({ name: "却下団体のサービス" })));
    await call(app, `/api/v1/organizations/${other.body.organizationId}/review`, asBearer(staff1, "POST", { decision: "reject", reason: "活動実態が確認できません" }));
    const approved = await call(app, `/api/v1/services/${created.body.id}/review`, asBearer(staff1, "POST", { decision: "approve" }));
    expect(approved.body).toMatchObject({ status: "published", public: false, organization: { status: "rejected" } });
    expect(await publicNames(other.body.organizationId)).toEqual([]);
  });

  it("keeps the published version public while a partner's edit waits for review", async () => {
    const edit = await call(app, `/api/v1/services/${serviceId}`, asBearer(partner.token, "PATCH", { name: "さくら食堂", capacity: 60, description: null }));
    expect(edit.res.status).toBe(200);
    expect(edit.body).toMatchObject({ status: "published", public: true, draft: { name: "さくら子ども食堂", capacity: 40 } });
    expect(edit.body.revision).toMatchObject({ status: "pending", changedFields: ["capacity", "description", "name"], draft: { name: "さくら食堂", capacity: 60 } });
    expect(edit.body.revision.draft.description).toBeUndefined();
    expect(await publicNames(partner.organizationId)).toEqual(["さくら子ども食堂"]);

    // A second edit before review builds on the first.
    const again = await call(app, `/api/v1/services/${serviceId}`, asBearer(partner.token, "PATCH", { location: { lat: 35.81 } }));
    expect(again.body.revision).toMatchObject({ id: edit.body.revision.id, draft: { name: "さくら食堂", location: { lat: 35.81, lng: 139.7205 } } });
    expectCallProblem(await call(app, `/api/v1/services/${serviceId}`, asBearer(partner.token, "PATCH", { ageMinMonths: 100, ageMaxMonths: 12 })), 400, "ageMaxMonths");
    expectCallProblem(await call(app, `/api/v1/services/${serviceId}`, asBearer(partner.token, "PATCH", { name: null })), 400, "name");

    const queue = await call(app, "/api/v1/review-queue", asBearer(staff1));
    expect(queue.body.services).toContainEqual(expect.objectContaining({ id: serviceId, change: "revision", status: "published" }));

    const approved = await call(app, `/api/v1/services/${serviceId}/review`, asBearer(staff1, "POST", { decision: "approve" }));
    expect(approved.body).toMatchObject({ status: "published", draft: { name: "さくら食堂", capacity: 60, location: { lat: 35.81 } }, revision: { status: "approved" } });
    expect(await publicNames(partner.organizationId)).toEqual(["さくら食堂"]);
  });

  it("rejects an edit with a reason the partner sees, leaving the published version as it was", async () => {
    await call(app, `/api/v1/services/${serviceId}`, asBearer(partner.token, "PATCH", { phone: "090-0000-0000" }));
    const rejected = await call(app, `/api/v1/services/${serviceId}/review`, asBearer(staff1, "POST", { decision: "reject", reason: "携帯電話の番号は掲載できません" }));
    expect(rejected.body).toMatchObject({ status: "published", revision: { status: "rejected", reason: "携帯電話の番号は掲載できません" } });
    const seen = await call(app, `/api/v1/services/${serviceId}/record`, asBearer(partner.token));
    expect(seen.body.revision.reason).toBe("携帯電話の番号は掲載できません");
    expect(seen.body.draft.phone).toBe("048-000-0000");
  });

  it("flags records past the cadence as stale, and a partner's one-step confirmation verifies them again", async () => {
    await h.db.updateTable("service").set({ verified_at: new Date(Date.now() - 400 * 86_400_000) }).where("id", "=", serviceId).execute();
    const stale = await call(app, `/api/v1/services/${serviceId}/record`, asBearer(partner.token));
    expect(stale.body.verification.stale).toBe(true);
    const queue = await call(app, "/api/v1/review-queue", asBearer(staff1));
    expect(queue.body.stale).toContainEqual(expect.objectContaining({ entityType: "service", id: serviceId }));

    const confirmed = await call(app, `/api/v1/services/${serviceId}/confirm`, asCookie(partner.cookie, "POST"));
    expect(confirmed.body.verification).toMatchObject({ stale: false, verifiedBy: { id: partner.userId, role: "partner" } });
    expect(new Date(confirmed.body.verification.dueAt).getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    const after = await call(app, "/api/v1/review-queue", asBearer(staff1));
    expect(after.body.stale.map((s: any) => s.id)).not.toContain(serviceId);
  });

  it("takes problem reports from anyone into the review queue, rate-limited and without personal data", async () => {
    const report = (body: unknown, address = "203.0.113.5") =>
      call(app, `/api/v1/services/${serviceId}/reports`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": address }, body: JSON.stringify(body) });
    const made = await report({ problem: "wrong_hours", note: "土曜日はお休みになったようです" });
    expect(made.res.status).toBe(201);
    expect(made.body).toEqual({ id: expect.any(String), status: "open" });
    expectCallProblem(await report({ problem: "other" }), 400, "note");
    expectCallProblem(await report({ problem: "closed", email: "me@example.jp" }), 400, "email");
    const hidden = await h.db.selectFrom("service").select("id").where("verification_status", "=", "pending").executeTakeFirstOrThrow();
    expectCallProblem(await call(app, `/api/v1/services/${hidden.id}/reports`, asBearer(undefined, "POST", { problem: "closed" })), 404);

    const queue = await call(app, "/api/v1/review-queue", asBearer(staff1));
    expect(queue.body.reports).toContainEqual(expect.objectContaining({ id: made.body.id, problem: "wrong_hours", service: { id: serviceId, name: "さくら食堂" } }));
    expectCallProblem(await call(app, `/api/v1/reports/${made.body.id}/resolve`, asBearer(staff2, "POST", { outcome: "resolved" })), 404);
    const resolved = await call(app, `/api/v1/reports/${made.body.id}/resolve`, asBearer(staff1, "POST", { outcome: "resolved", note: "団体に確認して修正" }));
    expect(resolved.body).toMatchObject({ status: "resolved" });
    expectCallProblem(await call(app, `/api/v1/reports/${made.body.id}/resolve`, asBearer(staff1, "POST", { outcome: "dismissed" })), 409);
  });

  it("records every write in the audit log with who, what, when, before and after", async () => {
    const { body } = await call(app, `/api/v1/audit?entityId=${serviceId}&size=50`, asBearer(admin1));
    const actions = body.items.map((e: any) => e.action).reverse();
    expect(actions).toEqual([
      "service.create", "service.approve", "service.revise", "service.revise", "service.revision.approve",
      "service.revise", "service.revision.reject", "service.confirm",
    ]);
    const approve = body.items.find((e: any) => e.action === "service.approve");
    expect(approve).toMatchObject({
      entityType: "service",
      actor: { id: DEMO_ACCOUNTS.find((a) => a.email === "staff1@example.jp")!.id, role: "staff" },
      before: { status: "pending" },
      after: { status: "published", draft: { name: "さくら子ども食堂" } },
    });
    expect(new Date(approve.occurredAt).getTime()).toBeLessThanOrEqual(Date.now());
    const revise = body.items.find((e: any) => e.action === "service.revision.approve");
    expect(revise.before.draft.name).toBe("さくら子ども食堂");
    expect(revise.after.draft.name).toBe("さくら食堂");

    const byActor = await call(app, `/api/v1/audit?actorId=${partner.userId}`, asBearer(admin1));
    expect(new Set(byActor.body.items.map((e: any) => e.actor.id))).toEqual(new Set([partner.userId]));
    expect(byActor.body.items.map((e: any) => e.action)).toEqual(expect.arrayContaining(["organization.create", "user.create", "service.create"]));
    const orgs = await call(app, `/api/v1/audit?entityType=organization&entityId=${partner.organizationId}`, asBearer(admin1));
    expect(orgs.body.items.map((e: any) => e.action)).toEqual(["organization.approve", "organization.approve", "organization.create"]);
    expect(JSON.stringify(byActor.body)).not.toContain("sakura-shokudo-2026");

    expectCallProblem(await call(app, "/api/v1/audit", asBearer(staff1)), 404);
    const admin2 = (await signIn(app, "admin2@example.jp")).token;
    expect((await call(app, `/api/v1/audit?entityId=${serviceId}`, asBearer(admin2))).body.items).toEqual([]);
  });
});
