import type { Message } from "./messages.js";

/** The partner portal's strings (organization, services, referrals received). */
export const PARTNER_MESSAGES = {
} as const satisfies Record<string, Message>;
