import type { Message } from "./messages.js";

/** The staff console's strings (plans, matches, referrals, board). */
export const STAFF_MESSAGES = {
} as const satisfies Record<string, Message>;
