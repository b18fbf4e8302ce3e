import type { ReferralStatus } from "../../../../src/referrals/referral.js";
import { T } from "../../i18n/i18n.js";

/** A referral's status as a tag (words, not colour alone), and the overdue flag beside it. */
export function ReferralStatusTag({ status, overdue }: { status: ReferralStatus; overdue?: boolean }) {
  return (
    <>
      <span class={`tag status-${status}`}>
        <T k={`refStatus_${status}`} />
      </span>
      {overdue && (
        <span class="tag tag-overdue">
          <T k="overdue" />
        </span>
      )}
    </>
  );
}
