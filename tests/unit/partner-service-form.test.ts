import { describe, expect, it } from "vitest";
import type { ServiceDraft } from "../../src/catalog/draft.js";
import { serviceDraftSchema } from "../../src/catalog/draft.js";
import { servicePatchSchema } from "../../src/catalog/patch.js";
import { draftFromForm, emptyServiceForm, patchFromDraft, serviceFieldOf, serviceFormFromDraft } from "../../web/src/partner/service-form-model.js";

const published: ServiceDraft = serviceDraftSchema.parse({
  name: "ひだまり食堂",
  nameKana: "ヒダマリショクドウ",
  kind: "kodomo-shokudo",
  status: "active",
  phone: "048-000-0000",
  location: { address: { prefecture: "埼玉県", city: "川口市", line1: "栄町1-16-1", line2: "栄町コミュニティセンター" }, lat: 35.8, lng: 139.72 },
  languages: ["ja", "vi"],
  ageMinMonths: 0,
  ageMaxMonths: 215,
  acceptsPrenatal: false,
  acceptsPostnatal: false,
  residenceRequired: false,
  certificateRequired: false,
  cost: { kind: "fee", amountYen: 300, description: "子どもは無料" },
  schedule: [{ days: ["fri"], opensAt: "17:30", closesAt: "19:30", weeksOfMonth: [1, 3] }],
});

describe("the partner's service form", () => {
  it("round-trips a draft through the form unchanged", () => {
    const result = draftFromForm(serviceFormFromDraft(published));
    expect(result).toEqual({ ok: true, draft: published });
  });

  it("sends an edit as a patch the server accepts: emptied fields cleared, a moved pin marked manual", () => {
    const form = { ...serviceFormFromDraft(published), phone: "", lat: "35.81", schedule: [] };
    const result = draftFromForm(form);
    if (!result.ok) throw new Error("expected a draft");
    const patch = patchFromDraft(result.draft, published);
    expect(servicePatchSchema.safeParse(patch).success).toBe(true);
    expect(patch).toMatchObject({ phone: null, schedule: [], location: { lat: 35.81, lng: 139.72, coordSource: "manual" } });
    expect(patchFromDraft(published, published).location).not.toHaveProperty("coordSource");
  });

  it("writes the address on one line when prefecture and city are empty", () => {
    const form = { ...emptyServiceForm(), name: "x", kind: "hiroba", line1: "川口市並木2-1-1", lat: "35.8", lng: "139.7" };
    const result = draftFromForm(form);
    expect(result.ok && result.draft.location.address).toBe("川口市並木2-1-1");
  });

  it("names what is missing or not a number before sending, in the order of the form", () => {
    const form = { ...emptyServiceForm(), ageMinYears: "三", lat: "abc", schedule: [{ key: 1, days: [], opensAt: "12:00", closesAt: "10:00", description: "" }] };
    const result = draftFromForm(form);
    expect(result.ok ? [] : result.problems).toEqual([
      { field: "svc-name", message: "svcNameMissing" },
      { field: "svc-kind", message: "svcKindMissing" },
      { field: "svc-age-min", message: "svcWholeNumber" },
      { field: "svc-line1", message: "svcAddressMissing" },
      { field: "svc-lat", message: "svcLocationMissing" },
      { field: "svc-lng", message: "svcLocationMissing" },
      { field: "svc-slot-0-day-mon", message: "svcSlotDaysMissing" },
      { field: "svc-slot-0-closes", message: "svcSlotOrder" },
    ]);
  });

  it.each([
    ["schedule.2.closesAt", "svc-slot-2-closes"],
    ["schedule.0.days", "svc-slot-0-day-mon"],
    ["location.address.city", "svc-city"],
    ["location.lat", "svc-lat"],
    ["cost.amountYen", "svc-cost-amount"],
    ["languages.1", "svc-lang-ja"],
    ["nameKana", "svc-kana"],
    ["ageMaxMonths", "svc-age-max"],
  ])("points the server's error at %s to the input %s", (path, id) => {
    expect(serviceFieldOf(path)).toBe(id);
  });
});
