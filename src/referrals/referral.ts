import type { ReferralStatusColumn } from "../db/database.js";

/**
 * The referral's life, as a pure state machine: who may move it where, and what each move must
 * carry. `sent → accepted | declined`, `accepted → in_progress`, `in_progress → completed |
 * not_completed`; staff may withdraw it until it ends. Anything else is refused with a reason.
 */
export type ReferralStatus = ReferralStatusColumn;

export const REFERRAL_STATUSES = ["sent", "accepted", "declined", "in_progress", "completed", "not_completed", "withdrawn"] as const satisfies readonly ReferralStatus[];
export const DECLINE_REASONS = ["no_capacity", "not_eligible", "out_of_area", "could_not_contact", "other"] as const;
export const OUTCOMES = ["got_help", "could_not_get_help", "no_longer_interested", "referred_elsewhere"] as const;
export const CONTACT_PREFERENCES = ["phone", "email", "via_center", "do_not_contact"] as const;

export type DeclineReason = (typeof DECLINE_REASONS)[number];
export type Outcome = (typeof OUTCOMES)[number];
/** Who is acting: staff of the sending center, or the receiving partner. */
export type ReferralActor = "staff" | "partner";

export interface ReferralEventInput {
  status: ReferralStatus;
  note?: string;
  reason?: DeclineReason;
  outcome?: Outcome;
}

const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  sent: ["accepted", "declined", "withdrawn"],
  accepted: ["in_progress", "completed", "not_completed", "withdrawn"],
  in_progress: ["completed", "not_completed", "withdrawn"],
  declined: [],
  completed: [],
  not_completed: [],
  withdrawn: [],
};

export const TERMINAL: ReadonlySet<ReferralStatus> = new Set(["declined", "completed", "not_completed", "withdrawn"]);

export type Transition = { ok: true } | { ok: false; conflict: boolean; field?: string; reason: string };

/**
 * Whether `actor` may record `event` on a referral now in `current`. `conflict: true` means the
 * move is illegal from this state (409); otherwise the event itself is incomplete (400).
 */
export function nextStatus(current: ReferralStatus, event: ReferralEventInput, actor: ReferralActor): Transition {
  if (event.status === "withdrawn" && actor !== "staff") {
    return { ok: false, conflict: true, reason: "only the sending center can withdraw a referral" };
  }
  if (!NEXT[current].includes(event.status)) {
    return {
      ok: false,
      conflict: true,
      reason: TERMINAL.has(current)
        ? `the referral is already ${current}`
        : `a referral that is ${current} can move only to ${NEXT[current].join(", ")}`,
    };
  }
  if (event.status === "declined" && !event.reason) {
    return { ok: false, conflict: false, field: "reason", reason: `declining needs a reason: ${DECLINE_REASONS.join(", ")}` };
  }
  if ((event.status === "completed" || event.status === "not_completed") && !event.outcome) {
    return { ok: false, conflict: false, field: "outcome", reason: `closing needs an outcome: ${OUTCOMES.join(", ")}` };
  }
  if (event.reason && event.status !== "declined") {
    return { ok: false, conflict: false, field: "reason", reason: "a reason belongs only to a decline" };
  }
  if (event.outcome && event.status !== "completed" && event.status !== "not_completed") {
    return { ok: false, conflict: false, field: "outcome", reason: "an outcome belongs only to completed or not_completed" };
  }
  return { ok: true };
}

/** A referral waiting this long for the partner's first response is overdue. */
export function isOverdue(status: ReferralStatus, sentAt: Date, now: Date, responseDays: number): boolean {
  return status === "sent" && now.getTime() - sentAt.getTime() > responseDays * 24 * 3600 * 1000;
}
