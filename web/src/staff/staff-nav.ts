import type { MessageKey } from "../i18n/messages.js";

/** The staff console's navigation, shared by its sections and by the center-duties pages under /staff. */
export const STAFF_NAV: { path: string; label: MessageKey }[] = [
  { path: "/staff", label: "staffHome" },
  { path: "/staff/plans", label: "plansTitle" },
  { path: "/staff/referrals", label: "boardTitle" },
  { path: "/staff/review", label: "reviewQueue" },
  { path: "/staff/gaps", label: "gapsTitle" },
  { path: "/staff/consultation-points", label: "cpTitle" },
];
