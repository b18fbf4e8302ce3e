import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServiceAggregate } from "../../src/catalog/aggregate.js";
import { findPublicService, listPublicServices } from "../../src/catalog/public-catalog.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { KAWAGUCHI, TODA, aService, insertCatalog } from "../support/catalog.js";

describe(`catalog rows on ${TEST_DB}`, () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(() => h.close());

  it("round-trips a service with everything that hangs off it", async () => {
    const { organizationId, serviceIds } = await insertCatalog(h.db, {
      services: [
        {
          draft: {
            otherKinds: ["ibasho"],
            serviceAreaCodes: [KAWAGUCHI, TODA],
            residenceRequired: true,
            certificateRequired: true,
            acceptsPrenatal: true,
            pregnancyMinWeeks: 16,
          },
        },
      ],
    });
    const agg = (await loadServiceAggregate(h.db, serviceIds[0]!))!;
    const draft = aService();
    expect(agg.service).toMatchObject({
      name: draft.name,
      name_kana: draft.nameKana,
      kind: "kodomo-shokudo",
      organization_id: organizationId,
      age_min_months: 0,
      age_max_months: 215,
      cost_kind: "fee",
      fees_description: "子ども無料、大人300円",
      residence_required: true,
      certificate_required: true,
      accepts_prenatal: true,
      pregnancy_min_weeks: 16,
      capacity: 40,
      verification_status: "published",
    });
    expect(agg.service.verified_at).toBeInstanceOf(Date);
    expect(agg.organizationMunicipalities).toEqual([KAWAGUCHI]);
    expect(agg.locations).toHaveLength(1);
    expect(agg.locations[0]!.location).toMatchObject({ latitude: 35.8035, longitude: 139.7205, municipality_code: KAWAGUCHI });
    expect(agg.locations[0]!.addresses[0]).toMatchObject({
      postal_code: "332-0017", state_province: "埼玉県", city: "川口市", address_1: "栄町3-1-1", address_2: "栄町会館1階", country: "JP",
    });
    expect(agg.schedules).toEqual([expect.objectContaining({ freq: "MONTHLY", byday: "2SA,4SA", opens_at: "11:00", closes_at: "14:00" })]);
    expect(agg.languages.map((l) => l.code)).toEqual(["ja", "zh"]);
    expect(agg.costOptions).toEqual([expect.objectContaining({ amount: 300, currency: "JPY" })]);
    expect(agg.serviceAreas.map((a) => a.municipality_code)).toEqual([KAWAGUCHI, TODA]);
    expect(agg.requiredDocuments).toHaveLength(1);
    expect(agg.phones.map((p) => p.number)).toEqual(["048-000-0000"]);
    expect(agg.otherKinds).toEqual(["ibasho"]);
  });

  it("splits a one-line address into HSDS parts", async () => {
    const { serviceIds } = await insertCatalog(h.db, {
      services: [{ draft: { location: { address: "〒335-0022 埼玉県戸田市上戸田１－２１－１ 戸田ビル３階", lat: 35.8176, lng: 139.6779 } } }],
    });
    const agg = (await loadServiceAggregate(h.db, serviceIds[0]!))!;
    expect(agg.locations[0]!.addresses[0]).toMatchObject({
      postal_code: "335-0022", state_province: "埼玉県", city: "戸田市", address_1: "上戸田1-21-1", address_2: "戸田ビル3階",
    });
  });

  it("shows the public only what is published, by a published organization, of a public kind", async () => {
    const visible = await insertCatalog(h.db, { organization: { name: "公開テスト法人" }, services: [{ draft: { name: "見える食堂" } }] });
    const pendingService = await insertCatalog(h.db, { services: [{ draft: { name: "審査中の食堂" }, status: "pending" }] });
    const pendingOrg = await insertCatalog(h.db, { organizationStatus: "pending", services: [{ draft: { name: "未承認団体の食堂" } }] });
    const partnerOnly = await insertCatalog(h.db, { services: [{ draft: { name: "県南児童相談所", kind: "child-guidance" } }] });

    expect(await findPublicService(h.db, visible.serviceIds[0]!)).toBeDefined();
    for (const hidden of [pendingService, pendingOrg, partnerOnly]) {
      expect(await findPublicService(h.db, hidden.serviceIds[0]!)).toBeUndefined();
    }
    const page = await listPublicServices(h.db, { page: 1, perPage: 100, search: "食堂" });
    const names = page.items.map((a) => a.service.name);
    expect(names).toContain("見える食堂");
    expect(names).not.toContain("審査中の食堂");
    expect(names).not.toContain("未承認団体の食堂");
  });

  it("treats LIKE wildcards in search text literally", async () => {
    const page = await listPublicServices(h.db, { page: 1, perPage: 10, search: "%" });
    expect(page.total).toBe(0);
  });
});
