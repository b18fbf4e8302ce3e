import type { CONTACT_PREFERENCES, DeclineReason, Outcome, ReferralStatus } from "../../../src/referrals/referral.js";
import { T } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";

type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

/** The words for a referral's states and the fixed answers (API.md, POST /referrals/{id}/events). */
export const STATUS_LABELS: Record<ReferralStatus, MessageKey> = {
  sent: "refStatusSent",
  accepted: "refStatusAccepted",
  declined: "refStatusDeclined",
  in_progress: "refStatusInProgress",
  completed: "refStatusCompleted",
  not_completed: "refStatusNotCompleted",
  withdrawn: "refStatusWithdrawn",
};

export const REASON_LABELS: Record<DeclineReason, MessageKey> = {
  no_capacity: "refReasonNoCapacity",
  not_eligible: "refReasonNotEligible",
  out_of_area: "refReasonOutOfArea",
  could_not_contact: "refReasonCouldNotContact",
  other: "refReasonOther",
};

export const OUTCOME_LABELS: Record<Outcome, MessageKey> = {
  got_help: "refOutcomeGotHelp",
  could_not_get_help: "refOutcomeCouldNotGetHelp",
  no_longer_interested: "refOutcomeNoLongerInterested",
  referred_elsewhere: "refOutcomeReferredElsewhere",
};

export const CONTACT_LABELS: Record<ContactPreference, MessageKey> = {
  phone: "refContactPhone",
  email: "refContactEmail",
  via_center: "refContactViaCenter",
  do_not_contact: "refContactDoNotContact",
};

/** A state as a tag: waiting ones stand out, closed ones are quiet. */
export function ReferralStatusTag({ status, overdue }: { status: ReferralStatus; overdue?: boolean }) {
  return (
    <>
      <span class={`tag tag-ref-${status}`}>
        <T k={STATUS_LABELS[status]} />
      </span>
      {overdue && (
        <span class="tag tag-overdue">
          <T k="refOverdue" />
        </span>
      )}
    </>
  );
}
