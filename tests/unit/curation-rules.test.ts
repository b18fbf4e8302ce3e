import { describe, expect, it } from "vitest";
import { passwordProblems } from "../../src/auth/password-rules.js";
import type { ServiceDraft } from "../../src/catalog/draft.js";
import { applyServicePatch, changedFields, servicePatchSchema } from "../../src/catalog/patch.js";
import { isStale, verificationDueAt } from "../../src/catalog/verification.js";
import { ValidationError } from "../../src/domain/errors.js";
import { aService } from "../support/catalog.js";

describe("password rules", () => {
  it.each([
    ["tsunagu-demo", []],
    ["correct horse battery", []],
    ["パスワードはながいほうがよい", []],
    ["short", ["must be at least 10 characters"]],
    ["password123", ["is a commonly used password; choose another"]],
    ["aaaaaaaaaaaa", ["must use more than three different characters"]],
    ["x".repeat(129), ["must be at most 128 characters"]],
    ["hanako.sato-2026", ["must not contain your e-mail address"]],
  ])("%s", (password, problems) => {
    expect(passwordProblems(password, { email: "hanako.sato@example.jp" })).toEqual(problems);
  });
});

describe("service patches", () => {
  const current = { ...aService(), cost: { kind: "fee", amountYen: 300 } } as ServiceDraft;

  it.each([
    ["keeps what is left out", { capacity: 60 }, { name: current.name, capacity: 60 }, []],
    ["clears an optional field with null", { description: null }, {}, ["description"]],
    ["merges the location field by field", { location: { lat: 35.9 } }, { location: { ...current.location, lat: 35.9 } }, []],
    ["lets costFree replace cost", { costFree: true }, { costFree: true }, ["cost"]],
  ] as const)("%s", (_, patch, expected, absent) => {
    const next = applyServicePatch(current, servicePatchSchema.parse(patch));
    expect(next).toMatchObject(expected);
    for (const key of absent) expect(next).not.toHaveProperty(key);
  });

  it.each([
    ["a required field cannot be cleared", { name: null }, "name"],
    ["the merged draft must stay consistent", { ageMinMonths: 100, ageMaxMonths: 10 }, "ageMaxMonths"],
    ["location fields are checked", { location: { lat: 10 } }, "location.lat"],
  ] as const)("%s", (_, patch, path) => {
    const parsed = servicePatchSchema.safeParse(patch);
    const error = parsed.success ? (() => { try { applyServicePatch(current, parsed.data); } catch (e) { return e; } })() : undefined;
    const paths = parsed.success ? (error as ValidationError).issues.map((i) => i.path) : parsed.error.issues.map((i) => i.path.join("."));
    expect(paths).toContain(path);
  });

  it("refuses an empty patch and unknown fields", () => {
    expect(servicePatchSchema.safeParse({}).success).toBe(false);
    expect(servicePatchSchema.safeParse({ colour: "red" }).success).toBe(false);
  });

  it("names the fields a revision changes, whatever the key order", () => {
    const after = { ...current, capacity: 1, location: { lng: current.location.lng, lat: current.location.lat, address: current.location.address, municipalityCode: current.location.municipalityCode } };
    expect(changedFields(current, after)).toEqual(["capacity"]);
  });
});

describe("verification cadence", () => {
  const now = new Date("2026-11-25T00:00:00Z");
  it.each([
    ["published a month ago", "published", "2026-10-25T00:00:00Z", false],
    ["published 13 months ago", "published", "2025-10-24T00:00:00Z", true],
    ["published, never verified", "published", null, true],
    ["pending records are never stale", "pending", "2020-01-01T00:00:00Z", false],
  ] as const)("%s", (_, status, verifiedAt, stale) => {
    expect(isStale(status, verifiedAt ? new Date(verifiedAt) : null, 12, now)).toBe(stale);
  });

  it("is due the cadence after the last verification", () => {
    expect(verificationDueAt(new Date("2026-01-31T09:00:00Z"), 12)?.toISOString()).toBe("2027-01-31T09:00:00.000Z");
    expect(verificationDueAt(null, 12)).toBeNull();
  });
});
