import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { NotFoundError, ValidationError } from "../../src/domain/errors.js";
import { createSheet, findSheetByToken } from "../../src/recommendations/sheet.js";
import { loadDemo } from "../../seed/load.js";
import { createTestDb } from "../support/db.js";
import { demoActor, publishedServiceOf } from "./support.js";

const staff1 = demoActor("staff1@example.jp");
const staff2 = demoActor("staff2@example.jp");

describe("recommendation sheets (利用勧奨)", () => {
  let h: DbHandle;
  let planId: string;
  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    planId = (await h.db.selectFrom("support_plan").select("id").where("center_id", "=", staff1.centerId!).orderBy("case_ref").executeTakeFirstOrThrow()).id;
  });
  afterAll(() => h.close());

  it("shares the recommended services by an unguessable link that says nothing about the family", async () => {
    const service = await publishedServiceOf(h.db, demoActor("partner1@example.jp").organizationId!);
    const sheet = await createSheet(h.db, staff1, planId, { serviceIds: [service.id], language: "easy-ja" });
    expect(sheet.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const shown = await findSheetByToken(h.db, sheet.token);
    expect(shown).toMatchObject({ language: "easy-ja", center: { name: "川口市こども家庭センター" }, services: [{ id: service.id, name: service.name }] });
    expect(shown.services[0]!.kindLabel?.easyJaRuby).toContain("{");
    const text = JSON.stringify(shown);
    expect(text).not.toContain(planId);
    expect(text).not.toContain("DEMO-");
    await expect(findSheetByToken(h.db, "x".repeat(22))).rejects.toBeInstanceOf(NotFoundError);
    const audit = await h.db.selectFrom("audit_log").select("action").where("entity_id", "=", sheet.id).execute();
    expect(audit).toEqual([{ action: "recommendation_sheet.create" }]);
  });

  it("refuses unpublished services and other centers' plans", async () => {
    const pending = await h.db.selectFrom("service").select("id").where("verification_status", "=", "pending").executeTakeFirstOrThrow();
    const err = await createSheet(h.db, staff1, planId, { serviceIds: [pending.id], language: "ja" }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.issues[0].path).toBe("serviceIds.0");
    await expect(createSheet(h.db, staff2, planId, { serviceIds: [pending.id], language: "ja" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
