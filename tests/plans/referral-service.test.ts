import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { ConflictError, NotFoundError, ValidationError } from "../../src/domain/errors.js";
import { planInputSchema } from "../../src/plans/plan.js";
import { createPlan, getPlan, updatePlan } from "../../src/plans/service.js";
import { referralInputSchema } from "../../src/referrals/input.js";
import { createReferral, getReferral, listReferrals, recordReferralEvent } from "../../src/referrals/service.js";
import { loadDemo } from "../../seed/load.js";
import { createTestDb } from "../support/db.js";
import { consent, demoActor, publishedServiceOf } from "./support.js";

const staff1 = demoActor("staff1@example.jp");
const shien1 = demoActor("shien1@example.jp");
const staff2 = demoActor("staff2@example.jp");
const partner1 = demoActor("partner1@example.jp");
const partner2 = demoActor("partner2@example.jp");

describe("plans and referrals (use cases on the demo city)", () => {
  let h: DbHandle;
  let deps: { db: DbHandle["db"]; now: () => Date; responseDays: number };
  let service: { id: string; kind: string; name: string };
  let planId: string;

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    deps = { db: h.db, now: () => new Date(), responseDays: 5 };
    service = await publishedServiceOf(h.db, partner1.organizationId!);
    const plan = await createPlan(deps, staff1, planInputSchema.parse({
      caseRef: "K-2026-0001",
      family: { lat: 35.81, lng: 139.73, children: [{ ageMonths: 40 }], languages: ["ja", "vi"], flags: { publicAssistance: true } },
      needs: [{ kind: service.kind, urgency: "high", note: "夕食の支援" }],
      constraints: { maxDistanceMeters: 5000, days: ["sat"] },
    }));
    planId = plan.id;
  });
  afterAll(() => h.close());

  it("keeps a plan inside its center and lets both halves of the center edit it", async () => {
    await expect(getPlan(deps, staff2, planId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan(deps, partner1, planId)).rejects.toBeInstanceOf(NotFoundError);
    const edited = await updatePlan(deps, shien1, planId, { leadUserId: shien1.userId });
    expect(edited.leadUserId).toBe(shien1.userId);
    expect(edited.needs[0]).toMatchObject({ kind: service.kind, urgency: "high", note: "夕食の支援" });
    const audit = await h.db.selectFrom("audit_log").selectAll().where("entity_id", "=", planId).orderBy("id").execute();
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([["plan.create", staff1.userId], ["plan.update", shien1.userId]]);
    expect((audit[1]!.before as { leadUserId: string }).leadUserId).toBe(staff1.userId);
  });

  it("refuses a second plan for the same case reference", async () => {
    const again = planInputSchema.parse({ caseRef: "K-2026-0001", family: { lat: 35.81, lng: 139.73 }, needs: [{ kind: "daycare" }] });
    await expect(createPlan(deps, staff1, again)).rejects.toBeInstanceOf(ConflictError);
  });

  it("follows a referral from sent to completed, with the partner seeing only consented fields", async () => {
    const input = referralInputSchema.parse({ planId, serviceId: service.id, message: "土曜の夕食を希望", consent: consent({ shareContact: true }), contactPreference: "phone", contact: { phone: "048-000-0000" } });
    const { referral, replayed } = await createReferral(deps, staff1, input, "key-1");
    expect(replayed).toBe(false);
    expect(referral).toMatchObject({ status: "sent", caseRef: "K-2026-0001", organizationId: partner1.organizationId, needKind: service.kind });
    expect(referral.reference).toMatch(/^TSN-\d{4}-\d{6}$/);

    const again = await createReferral(deps, staff1, input, "key-1");
    expect(again).toMatchObject({ replayed: true, referral: { id: referral.id } });
    await expect(createReferral(deps, staff1, { ...input, message: "別の内容" }, "key-1")).rejects.toBeInstanceOf(ConflictError);

    const seen = await getReferral(deps, partner1, referral.id);
    expect(seen).toMatchObject({ id: referral.id, contact: { phone: "048-000-0000" }, center: { name: "川口市こども家庭センター" } });
    expect(seen).not.toHaveProperty("caseRef");
    expect(seen).not.toHaveProperty("planId");
    expect(seen).not.toHaveProperty("family");
    await expect(getReferral(deps, partner2, referral.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getReferral(deps, staff2, referral.id)).rejects.toBeInstanceOf(NotFoundError);

    await expect(recordReferralEvent(deps, partner1, referral.id, { status: "completed", outcome: "got_help" })).rejects.toBeInstanceOf(ConflictError);
    await expect(recordReferralEvent(deps, partner1, referral.id, { status: "declined" })).rejects.toBeInstanceOf(ValidationError);
    await expect(recordReferralEvent(deps, partner1, referral.id, { status: "withdrawn" })).rejects.toBeInstanceOf(ConflictError);
    await recordReferralEvent(deps, partner1, referral.id, { status: "accepted", note: "土曜に連絡します" });
    await recordReferralEvent(deps, partner1, referral.id, { status: "in_progress" });
    const done = await recordReferralEvent(deps, partner1, referral.id, { status: "completed", outcome: "got_help" });
    expect(done.events.map((e) => e.status)).toEqual(["sent", "accepted", "in_progress", "completed"]);

    const staffView = await getReferral(deps, staff1, referral.id);
    expect(staffView).toMatchObject({ status: "completed", closedAt: expect.any(String), respondedAt: expect.any(String) });
    const notices = await h.db.selectFrom("outbox").select("aggregate_id").where("topic", "=", "referral.notify").execute();
    expect(notices.filter((n) => n.aggregate_id === referral.id)).toHaveLength(4);
    const audit = await h.db.selectFrom("audit_log").select(["action", "actor_role"]).where("entity_id", "=", referral.id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["referral.create", "referral.accepted", "referral.in_progress", "referral.completed"]);
  });

  it("shares the family's details only with consent", async () => {
    const other = (await h.db.selectFrom("service").select("id").where("organization_id", "=", partner1.organizationId!).where("verification_status", "=", "published").orderBy("name", "desc").executeTakeFirstOrThrow()).id;
    const { referral } = await createReferral(deps, staff1, referralInputSchema.parse({ planId, serviceId: other, consent: consent({ shareFamilyDetails: true }) }));
    const seen = await getReferral(deps, partner1, referral.id);
    expect(seen).toMatchObject({ family: { children: [{ ageMonths: 40 }], languages: ["ja", "vi"] } });
    expect(seen).not.toHaveProperty("contact");
    const list = await listReferrals(deps, partner1, { limit: 50, offset: 0 });
    expect(list.items.map((r) => r.id)).toContain(referral.id);
    const theirs = await listReferrals(deps, partner2, { limit: 50, offset: 0 });
    expect(theirs.items.length).toBeGreaterThan(0);
    expect(theirs.items.every((r) => r.organizationId === partner2.organizationId)).toBe(true);
  });

  it("gives staff the contact details when the organization cannot receive referrals", async () => {
    const noAccount = await h.db
      .selectFrom("service as s")
      .innerJoin("organization as o", "o.id", "s.organization_id")
      .select("s.id")
      .where("s.verification_status", "=", "published")
      .where("o.verification_status", "=", "published")
      .where("o.id", "not in", [partner1.organizationId!, partner2.organizationId!])
      .executeTakeFirstOrThrow();
    const err = await createReferral(deps, staff1, referralInputSchema.parse({ planId, serviceId: noAccount.id, consent: consent() })).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.code).toBe("no-receiving-account");
    expect(err.details.contact.organization).toEqual(expect.any(String));
  });

  it("rejects contact details without consent to share them", () => {
    const parsed = referralInputSchema.safeParse({ planId, serviceId: service.id, consent: consent(), contact: { phone: "048-000-0000" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["contact"]);
  });
});

describe("demo cases", () => {
  it("give each center plans and a referral board with every situation", async () => {
    const h = await createTestDb();
    try {
      await loadDemo(h.db);
      const deps = { db: h.db, now: () => new Date(), responseDays: 5 };
      for (const actor of [staff1, staff2]) {
        const { items } = await listReferrals(deps, actor, { limit: 100, offset: 0 });
        expect(new Set(items.map((r) => r.status))).toEqual(new Set(["sent", "accepted", "in_progress", "completed", "declined", "not_completed"]));
        expect(items.filter((r) => r.overdue)).toHaveLength(1);
        const overdue = await listReferrals(deps, actor, { overdue: true, limit: 100, offset: 0 });
        expect(overdue.total).toBe(1);
      }
      const plans = await h.db.selectFrom("support_plan").select(["center_id", "case_ref"]).execute();
      expect(plans.length).toBeGreaterThanOrEqual(60);
      expect(plans.every((p) => p.case_ref.startsWith("DEMO-"))).toBe(true);
    } finally {
      await h.close();
    }
  });
});
