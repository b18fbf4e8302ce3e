import { z } from "zod";
import { CONTACT_PREFERENCES, DECLINE_REASONS, OUTCOMES, REFERRAL_STATUSES } from "./referral.js";

/**
 * What staff send to refer a family, and what either side sends to move a referral on. The
 * consent block is the evidence kept under 個人情報保護法: the family agreed, was shown the privacy
 * notice, chose what may be shared, and when — with the version of the wording they saw.
 */
export const consentSchema = z
  .object({
    given: z.literal(true, { message: "a referral needs the family's consent" }),
    privacyNoticeShared: z.literal(true, { message: "the privacy notice must be shared with the family first" }),
    shareContact: z.boolean(),
    /** Children's ages, pregnancy and languages may be shown to the partner. */
    shareFamilyDetails: z.boolean().optional(),
    wordingVersion: z.string().trim().min(1).max(50),
    recordedAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }),
  })
  .strict();

export const contactSchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    phone: z.string().regex(/^[0-9０-９()（）\-－‐ +]{6,20}$/, "must be a phone number").optional(),
    email: z.string().email().max(200).optional(),
  })
  .strict()
  .refine((c) => c.name || c.phone || c.email, { message: "give at least a name, phone or email" });

export const referralInputSchema = z
  .object({
    planId: z.string().uuid(),
    serviceId: z.string().uuid(),
    locationId: z.string().uuid().optional(),
    message: z.string().trim().max(2000).optional(),
    consent: consentSchema,
    contactPreference: z.enum(CONTACT_PREFERENCES).optional(),
    /** How the partner may reach the family; only with `consent.shareContact`. */
    contact: contactSchema.optional(),
  })
  .strict()
  .refine((r) => !r.contact || r.consent.shareContact, {
    message: "contact details may be sent only when the family agreed to share them (consent.shareContact)",
    path: ["contact"],
  })
  .refine((r) => !(r.contactPreference === "phone" || r.contactPreference === "email") || r.consent.shareContact, {
    message: "the partner can phone or email the family only when the family agreed to share contact details",
    path: ["contactPreference"],
  });

export const referralEventSchema = z
  .object({
    status: z.enum(REFERRAL_STATUSES),
    note: z.string().trim().max(2000).optional(),
    reason: z.enum(DECLINE_REASONS).optional(),
    outcome: z.enum(OUTCOMES).optional(),
  })
  .strict();

export type ReferralInput = z.infer<typeof referralInputSchema>;
export type ReferralEventBody = z.infer<typeof referralEventSchema>;
