import { describe, expect, it } from "vitest";
import { isOverdue, nextStatus } from "../../src/referrals/referral.js";

describe("referral state machine", () => {
  it.each([
    ["sent", "accepted", "partner"],
    ["sent", "withdrawn", "staff"],
    ["accepted", "in_progress", "partner"],
    ["in_progress", "not_completed", "partner"],
  ] as const)("%s → %s by %s is allowed", (from, to, actor) => {
    const event = { status: to, ...(to === "not_completed" ? { outcome: "no_longer_interested" as const } : {}) };
    expect(nextStatus(from, event, actor)).toEqual({ ok: true });
  });

  it.each([
    ["sent", "in_progress"],
    ["sent", "completed"],
    ["declined", "accepted"],
    ["completed", "in_progress"],
    ["withdrawn", "accepted"],
  ] as const)("%s → %s is a conflict", (from, to) => {
    expect(nextStatus(from, { status: to, outcome: "got_help" }, "staff")).toMatchObject({ ok: false, conflict: true });
  });

  it("lets only staff withdraw", () => {
    expect(nextStatus("sent", { status: "withdrawn" }, "partner")).toMatchObject({ ok: false, conflict: true });
  });

  it("needs a reason to decline and an outcome to close", () => {
    expect(nextStatus("sent", { status: "declined" }, "partner")).toMatchObject({ ok: false, conflict: false, field: "reason" });
    expect(nextStatus("sent", { status: "declined", reason: "no_capacity" }, "partner")).toEqual({ ok: true });
    expect(nextStatus("in_progress", { status: "completed" }, "partner")).toMatchObject({ ok: false, field: "outcome" });
    expect(nextStatus("sent", { status: "accepted", outcome: "got_help" }, "partner")).toMatchObject({ ok: false, field: "outcome" });
  });

  it("flags a referral with no response after the configured days", () => {
    const sent = new Date("2026-11-01T00:00:00Z");
    expect(isOverdue("sent", sent, new Date("2026-11-05T00:00:00Z"), 5)).toBe(false);
    expect(isOverdue("sent", sent, new Date("2026-11-07T00:00:00Z"), 5)).toBe(true);
    expect(isOverdue("accepted", sent, new Date("2026-12-07T00:00:00Z"), 5)).toBe(false);
  });
});
