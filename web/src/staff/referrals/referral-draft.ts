import { CONTACT_PREFERENCES } from "../../../../src/referrals/referral.js";
import type { ReferralInput } from "../staff-api.js";

/**
 * The answers of the guided referral flow, kept in memory only (never in storage: they are about
 * a family) while staff move between its one-question pages. A reload starts the flow again.
 */
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
export { CONTACT_PREFERENCES };

/** The version of the consent wording staff read to the family (`consentWording` in the messages); recorded with the consent. */
export const CONSENT_WORDING_VERSION = "tsunagu-referral-2026-01";

export interface ReferralDraft {
  safeguarding?: "yes" | "no";
  consentGiven: boolean;
  privacyNoticeShared: boolean;
  /** When staff recorded the family's consent (ISO 8601). */
  recordedAt?: string;
  /** The sharing question has no required box, so having answered it is recorded apart. */
  sharingAnswered: boolean;
  shareContact: boolean;
  shareFamilyDetails: boolean;
  contactPreference?: ContactPreference;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  message: string;
  /** One per draft: a repeated send of the same referral returns the first. */
  idempotencyKey: string;
}

export const STEPS = ["safeguarding", "consent", "sharing", "contact", "message", "check"] as const;
export type Step = (typeof STEPS)[number];

const drafts = new Map<string, ReferralDraft>();

export function draftFor(planId: string, serviceId: string): ReferralDraft {
  const key = `${planId}/${serviceId}`;
  let d = drafts.get(key);
  if (!d) {
    d = { consentGiven: false, privacyNoticeShared: false, sharingAnswered: false, shareContact: false, shareFamilyDetails: false, contactName: "", contactPhone: "", contactEmail: "", message: "", idempotencyKey: crypto.randomUUID() };
    drafts.set(key, d);
  }
  return d;
}

export function forgetDraft(planId: string, serviceId: string): void {
  drafts.delete(`${planId}/${serviceId}`);
}

/** The first step whose answer is missing (or that stops the flow): a step further on cannot be shown before it. */
export function firstOpenStep(d: ReferralDraft): Step {
  if (d.safeguarding !== "no") return "safeguarding";
  if (!d.consentGiven || !d.privacyNoticeShared) return "consent";
  if (!d.sharingAnswered) return "sharing";
  if (!d.contactPreference || !contactAllowed(d, d.contactPreference)) return "contact";
  return "check";
}

/** The partner may phone or email the family only when the family agreed to share contact details. */
export const contactAllowed = (d: Pick<ReferralDraft, "shareContact">, p: ContactPreference) => d.shareContact || (p !== "phone" && p !== "email");

export function draftToInput(d: ReferralDraft, ids: { planId: string; serviceId: string; locationId?: string }): ReferralInput {
  const contact = {
    ...(d.contactName.trim() ? { name: d.contactName.trim() } : {}),
    ...(d.contactPhone.trim() ? { phone: d.contactPhone.trim() } : {}),
    ...(d.contactEmail.trim() ? { email: d.contactEmail.trim() } : {}),
  };
  return {
    planId: ids.planId,
    serviceId: ids.serviceId,
    ...(ids.locationId ? { locationId: ids.locationId } : {}),
    ...(d.message.trim() ? { message: d.message.trim() } : {}),
    consent: {
      given: true,
      privacyNoticeShared: true,
      shareContact: d.shareContact,
      shareFamilyDetails: d.shareFamilyDetails,
      wordingVersion: CONSENT_WORDING_VERSION,
      recordedAt: d.recordedAt ?? new Date().toISOString(),
    },
    contactPreference: d.contactPreference,
    ...(d.shareContact && Object.keys(contact).length ? { contact } : {}),
  };
}
