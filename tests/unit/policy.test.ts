import { describe, expect, it } from "vitest";
import { type Action, type Subject, allows, authorize, staffCenter } from "../../src/auth/policy.js";
import type { Principal } from "../../src/auth/principal.js";
import { NotFoundError } from "../../src/domain/errors.js";

const C1 = "c1000000-0000-4000-8000-000000000001";
const C2 = "c2000000-0000-4000-8000-000000000002";
const ORG_A = "a0000000-0000-4000-8000-00000000000a";
const ORG_B = "b0000000-0000-4000-8000-00000000000b";

const who = (role: Principal["role"], extra: Partial<Principal>): Principal => ({
  userId: "u", sessionId: null, email: "x@example.jp", displayName: "x", centerId: null, organizationId: null, municipalityCode: null, role, ...extra,
});
const P = {
  partnerA: who("partner", { organizationId: ORG_A }),
  partnerB: who("partner", { organizationId: ORG_B }),
  staff1: who("staff", { centerId: C1, municipalityCode: "112038" }),
  staff2: who("staff", { centerId: C2, municipalityCode: "112241" }),
  admin1: who("center_admin", { centerId: C1, municipalityCode: "112038" }),
};

/** Org A serves 川口市 (center 1); org S is shared by both cities. */
const orgA = { organizationId: ORG_A, municipalityCodes: ["112038"] };
const shared = { organizationId: ORG_B, municipalityCodes: ["112038", "112241"] };

const cases: [string, keyof typeof P, Action, Subject, boolean][] = [
  ["partner edits its own service", "partnerA", "edit", { type: "service", ...orgA }, true],
  ["partner cannot review its own service", "partnerA", "review", { type: "service", ...orgA }, false],
  ["another partner cannot read it", "partnerB", "read", { type: "service", ...orgA }, false],
  ["staff of the serving center reviews it", "staff1", "review", { type: "service", ...orgA }, true],
  ["staff of another center cannot read it", "staff2", "read", { type: "service", ...orgA }, false],
  ["center admin reviews like staff", "admin1", "review", { type: "organization", ...orgA }, true],
  ["both centers review a shared organization", "staff2", "review", { type: "organization", ...shared }, true],
  ["partner of the shared org edits it", "partnerB", "edit", { type: "organization", ...shared }, true],
  ["a report is for staff only", "partnerA", "read", { type: "report", ...orgA }, false],
  ["staff resolve a report of their center", "staff1", "edit", { type: "report", ...orgA }, true],
  ["staff read their review queue", "staff1", "read", { type: "review-queue", centerId: C1 }, true],
  ["partners have no review queue", "partnerA", "read", { type: "review-queue", centerId: C1 }, false],
  ["the admin reads the audit of the center", "admin1", "read", { type: "audit", centerId: C1 }, true],
  ["staff do not read the audit", "staff1", "read", { type: "audit", centerId: C1 }, false],
  ["nobody writes the audit", "admin1", "edit", { type: "audit", centerId: C1 }, false],
  ["staff edit a plan of their center", "staff1", "edit", { type: "plan", centerId: C1 }, true],
  ["staff of another center do not see it", "staff2", "read", { type: "plan", centerId: C1 }, false],
  ["partners never see plans", "partnerA", "read", { type: "plan", centerId: C1 }, false],
  ["the receiving partner reads a referral", "partnerA", "read", { type: "referral", centerId: C1, organizationId: ORG_A }, true],
  ["another partner does not", "partnerB", "read", { type: "referral", centerId: C1, organizationId: ORG_A }, false],
  ["staff of the referring center read it", "staff1", "read", { type: "referral", centerId: C1, organizationId: ORG_B }, true],
  ["staff of another center do not", "staff2", "read", { type: "referral", centerId: C1, organizationId: ORG_B }, false],
];

describe("tenancy policy", () => {
  it.each(cases)("%s", (_, p, action, subject, allowed) => {
    expect(allows(P[p], action, subject)).toBe(allowed);
  });

  it("reports what is not the caller's as not found", () => {
    expect(() => authorize(P.partnerB, "read", { type: "service", ...orgA })).toThrow(NotFoundError);
    expect(() => staffCenter(P.partnerA, "review-queue")).toThrow(NotFoundError);
    expect(() => staffCenter(P.staff1, "audit")).toThrow(NotFoundError);
    expect(staffCenter(P.admin1, "audit")).toEqual({ centerId: C1, municipalityCode: "112038" });
  });
});
