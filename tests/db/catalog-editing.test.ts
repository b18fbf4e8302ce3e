import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServiceAggregate } from "../../src/catalog/aggregate.js";
import { serviceDraftSchema } from "../../src/catalog/draft.js";
import { organizationState } from "../../src/catalog/records.js";
import { serviceDraftOf, sortSlots } from "../../src/catalog/snapshot.js";
import { replaceOrganization, replaceService } from "../../src/catalog/writer.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { KAWAGUCHI, TODA, aService, anOrganization, insertCatalog } from "../support/catalog.js";

/** The writer and the snapshot reader are inverse: what is written reads back as the same draft. */
describe(`catalog drafts round-trip on ${TEST_DB}`, () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(() => h.close());

  const full = aService({
    otherKinds: ["ibasho"],
    status: "temporarily closed",
    url: "https://sakae.example.jp/",
    email: "info@sakae.example.jp",
    acceptsPrenatal: true,
    acceptsPostnatal: true,
    pregnancyMinWeeks: 16,
    residenceRequired: true,
    serviceAreaCodes: [KAWAGUCHI, TODA],
    certificateRequired: true,
    capacityAvailable: 5,
    schedule: [
      { days: ["mon", "wed"], opensAt: "10:00", closesAt: "15:00", description: "祝日は休み" },
      { days: ["sat"], weeksOfMonth: [2, 4], opensAt: "11:00", closesAt: "14:00" },
    ],
    applicationProcess: "電話で予約してください",
    eligibilityDescription: "市内在住の親子",
    interpretationServices: "中国語の通訳あり",
  });

  it("reads a written service back as the draft it was written from", async () => {
    const { serviceIds } = await insertCatalog(h.db, { services: [{ draft: full }] });
    const draft = serviceDraftOf((await loadServiceAggregate(h.db, serviceIds[0]!))!);
    expect(serviceDraftSchema.parse(draft)).toEqual(serviceDraftSchema.parse({ ...full, schedule: sortSlots(full.schedule!) }));
  });

  it("replaces every value of a service, keeping its id and location", async () => {
    const { serviceIds } = await insertCatalog(h.db, { services: [{ draft: full }] });
    const id = serviceIds[0]!;
    const before = (await loadServiceAggregate(h.db, id))!;
    const next = aService({ name: "新しい名前", kind: "hiroba", languages: ["ja"], cost: { kind: "free" }, location: { address: "埼玉県戸田市上戸田1-2-3", lat: 35.81, lng: 139.67 } });
    await h.db.transaction().execute((trx) => replaceService(trx, id, next));
    const after = (await loadServiceAggregate(h.db, id))!;
    expect(after.locations[0]!.location.id).toBe(before.locations[0]!.location.id);
    expect(after.otherKinds).toEqual([]);
    expect(after.serviceAreas).toEqual([]);
    expect(after.locations[0]!.addresses).toHaveLength(1);
    const draft = serviceDraftOf(after);
    expect(draft).toMatchObject({ name: "新しい名前", kind: "hiroba", languages: ["ja"], cost: { kind: "free" }, location: { address: { prefecture: "埼玉県", city: "戸田市", line1: "上戸田1-2-3" }, lat: 35.81 } });
    expect(draft.schedule).toHaveLength(1);
  });

  it("replaces an organization's values, municipalities and phone", async () => {
    const { organizationId } = await insertCatalog(h.db, { services: [] });
    await h.db.transaction().execute((trx) => replaceOrganization(trx, organizationId, anOrganization({ name: "改名後", municipalityCodes: [TODA, KAWAGUCHI], phone: "048-111-2222" })));
    const { state } = await organizationState(h.db, organizationId);
    expect(state.draft).toMatchObject({ name: "改名後", municipalityCodes: [KAWAGUCHI, TODA], phone: "048-111-2222" });
  });
});
