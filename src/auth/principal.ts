import type { Actor } from "../audit/record.js";

/**
 * The signed-in user a request acts as: an `Actor` (what use cases and the audit need) plus the
 * facts the tenancy policy decides on. Built from the session on every request, never from
 * anything the client sends.
 */
export interface Principal extends Actor {
  /** The session the request came with (what logout revokes). */
  sessionId: string | null;
  email: string;
  displayName: string;
  /** 全国地方公共団体コード of the staff member's center; null for partners. */
  municipalityCode: string | null;
}

export function isCenterStaff(p: Pick<Actor, "role">): boolean {
  return p.role === "staff" || p.role === "center_admin";
}
