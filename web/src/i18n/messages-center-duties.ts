import type { Message } from "./messages.js";

/** Strings of the center's own duties: gap analysis, recommendation sheets, consultation points, case summaries. */
export const CENTER_DUTIES_MESSAGES = {
} as const satisfies Record<string, Message>;
