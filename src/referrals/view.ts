import type { Plan } from "../plans/plan.js";
import { type ReferralStatus, isOverdue } from "./referral.js";
import type { ReferralEventRow, ReferralRow } from "./repository.js";

/**
 * What each side sees of a referral. Staff of the sending center see all of it; the receiving
 * partner sees what it needs to act and what the family agreed to share — never the case
 * reference, the plan or its notes.
 */
export interface ReferralEventView {
  status: ReferralStatus;
  fromStatus: ReferralStatus | null;
  note: string | null;
  reason: string | null;
  outcome: string | null;
  by: "staff" | "partner" | "center_admin" | null;
  at: string;
}

interface ReferralCommon {
  id: string;
  reference: string;
  status: ReferralStatus;
  serviceId: string;
  serviceName: string;
  locationId: string | null;
  organizationId: string;
  organizationName: string;
  needKind: string | null;
  message: string | null;
  contactPreference: string;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
  respondedAt: string | null;
  closedAt: string | null;
  events: ReferralEventView[];
}

export interface StaffReferralView extends ReferralCommon {
  planId: string;
  caseRef: string;
  centerId: string;
  contact: ReferralRow["contact"];
  consent: {
    given: boolean;
    privacyNoticeShared: boolean;
    shareContact: boolean;
    shareFamilyDetails: boolean;
    wordingVersion: string;
    recordedAt: string;
  };
}

export interface PartnerReferralView extends ReferralCommon {
  center: { id: string; name: string };
  /** Present only when the family agreed to share contact details. */
  contact?: NonNullable<ReferralRow["contact"]>;
  /** Present only when the family agreed to share them. */
  family?: { children: { ageMonths: number }[]; pregnancyWeeks?: number; languages: string[] };
}

export interface ViewOptions {
  now: Date;
  responseDays: number;
}

function common(r: ReferralRow, events: readonly ReferralEventRow[], opts: ViewOptions): ReferralCommon {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    serviceId: r.service_id,
    serviceName: r.service_name,
    locationId: r.location_id,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    needKind: r.need_kind,
    message: r.message,
    contactPreference: r.contact_preference,
    overdue: isOverdue(r.status, r.created_at, opts.now, opts.responseDays),
    createdAt: r.created_at.toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    respondedAt: r.responded_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    events: events.map((e) => ({
      status: e.status,
      fromStatus: e.from_status,
      note: e.note,
      reason: e.reason,
      outcome: e.outcome,
      by: e.actor_role as ReferralEventView["by"],
      at: e.occurred_at.toISOString(),
    })),
  };
}

export function staffView(r: ReferralRow, events: readonly ReferralEventRow[], opts: ViewOptions): StaffReferralView {
  return {
    ...common(r, events, opts),
    planId: r.plan_id,
    caseRef: r.case_ref,
    centerId: r.center_id,
    contact: r.contact,
    consent: {
      given: r.consent_given,
      privacyNoticeShared: r.consent_privacy_notice_shared,
      shareContact: r.consent_share_contact,
      shareFamilyDetails: r.consent_share_family_details,
      wordingVersion: r.consent_wording_version,
      recordedAt: new Date(r.consent_recorded_at).toISOString(),
    },
  };
}

export function partnerView(
  r: ReferralRow,
  events: readonly ReferralEventRow[],
  center: { id: string; name: string },
  plan: Pick<Plan, "family"> | undefined,
  opts: ViewOptions,
): PartnerReferralView {
  const view: PartnerReferralView = { ...common(r, events, opts), center };
  // Staff notes on events are for the partner too (they are written to it); the plan is not.
  if (r.consent_share_contact && r.contact) view.contact = r.contact;
  if (r.consent_share_family_details && plan) {
    const { children, pregnancyWeeks, languages } = plan.family;
    view.family = { children, languages, ...(pregnancyWeeks !== undefined ? { pregnancyWeeks } : {}) };
  }
  return view;
}
