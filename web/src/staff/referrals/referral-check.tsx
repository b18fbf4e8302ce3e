import { useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { T, t, useLang } from "../../i18n/i18n.js";
import type { MessageKey } from "../../i18n/messages.js";
import { Link, navigate } from "../../router.js";
import { ErrorSummary, type FieldError } from "../../ui/error-summary.js";
import { useLangHref } from "../../ui/layout.js";
import { useFetch } from "../../ui/use-fetch.js";
import { getReferral, sendReferral } from "../staff-api.js";
import { FetchStatus, SummaryList, type SummaryRow } from "../staff-ui.js";
import { draftToInput, forgetDraft } from "./referral-draft.js";
import { type FlowContext, FocusedHeading, NotAnAbuseReport, ServiceCaption } from "./flow-parts.js";

/** What the API says when the receiving organization has no account: staff contact it directly. */
interface NoAccountContact {
  organization: string;
  phone: string | null;
  email: string | null;
  url: string | null;
}

/** The API's field paths → the check-your-answers row whose change link fixes them. */
const ROW_OF: [RegExp, string][] = [
  [/^consent/, "consent"],
  [/^contactPreference|^contact/, "contact"],
  [/^message/, "message"],
];

/** Check your answers, with a change link per answer; sending is the only write of the flow. */
export function CheckAnswers({ ctx }: { ctx: FlowContext }) {
  const lang = useLang();
  const href = useLangHref();
  const d = ctx.draft;
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [noAccount, setNoAccount] = useState<NoAccountContact>();
  const yes = (v: boolean) => t(lang, v ? "yes" : "no");
  const change = (step: string, label: MessageKey) => ({ href: ctx.stepHref(step, { returnToCheck: true }), label: t(lang, label) });
  const rows: (SummaryRow & { step: string })[] = [
    { step: "safeguarding", key: "safeguardingQuestion", value: t(lang, "safeguardingNo"), change: change("safeguarding", "safeguardingQuestion") },
    { step: "consent", key: "consentGiven", value: yes(d.consentGiven && d.privacyNoticeShared), change: change("consent", "consentGiven") },
    { step: "sharing", key: "shareContact", value: yes(d.shareContact), change: change("sharing", "shareContact") },
    { step: "sharing", key: "shareFamilyDetails", value: yes(d.shareFamilyDetails), change: change("sharing", "shareFamilyDetails") },
    {
      step: "contact",
      key: "contactQuestion",
      value: [d.contactPreference && t(lang, `contactPref_${d.contactPreference}`), d.contactName, d.contactPhone, d.contactEmail].filter(Boolean).join(" / "),
      change: change("contact", "contactQuestion"),
    },
    { step: "message", key: "messageLabel", value: d.message.trim() || "—", change: change("message", "messageLabel") },
  ];

  const send = async () => {
    setBusy(true);
    setErrors([]);
    try {
      const referral = await sendReferral(draftToInput(d, ctx), d.idempotencyKey);
      forgetDraft(ctx.planId, ctx.serviceId);
      navigate(ctx.stepHref("done", { extra: `referral=${referral.id}` }), { replace: true });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      if (problem?.type === "urn:tsunagu:problem:no-receiving-account") return setNoAccount((problem as unknown as { contact: NoAccountContact }).contact);
      const issues = problem?.errors?.length ? problem.errors : [{ path: "", message: problem?.detail ?? t(lang, "loadError") }];
      setErrors(issues.map((i) => ({ field: `change-${ROW_OF.find(([re]) => re.test(i.path))?.[1] ?? "safeguarding"}`, message: i.path ? `${i.path}: ${i.message}` : i.message })));
    } finally {
      setBusy(false);
    }
  };

  if (noAccount) return <NoAccount ctx={ctx} contact={noAccount} />;
  return (
    <div class="flow-step">
      <Link class="back-link" href={ctx.stepHref("message")}>
        <T k="back" />
      </Link>
      <ServiceCaption service={ctx.service} />
      <ErrorSummary errors={errors} />
      <FocusedHeading k="checkTitle" />
      <SummaryList rows={rows.map((r) => ({ ...r, change: r.change && { ...r.change, id: `change-${r.step}` } }))} />
      <h3>
        <T k="checkSendTitle" />
      </h3>
      <p>
        <T k="checkSendText" />
      </p>
      <button type="button" class="button button-primary" disabled={busy} onClick={send}>
        <T k="sendReferral" />
      </button>
      <p class="after-form">
        <Link href={href(`/staff/plans/${ctx.planId}`)}>
          <T k="cancelReferral" />
        </Link>
      </p>
    </div>
  );
}

function NoAccount({ ctx, contact }: { ctx: FlowContext; contact: NoAccountContact }) {
  const href = useLangHref();
  return (
    <div class="flow-step">
      <FocusedHeading k="noAccountTitle" />
      <p>
        <T k="noAccountText" params={{ organization: contact.organization }} />
      </p>
      <SummaryList
        rows={[
          { key: "organizationLabel", value: contact.organization },
          { key: "phone", value: contact.phone ? <a href={`tel:${contact.phone}`}>{contact.phone}</a> : "—" },
          { key: "email", value: contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : "—" },
          { key: "website", value: contact.url ? <a href={contact.url}>{contact.url}</a> : "—" },
        ]}
      />
      <p>
        <Link class="button" href={href(`/staff/plans/${ctx.planId}`)}>
          <T k="backToPlan" />
        </Link>
      </p>
    </div>
  );
}

/** The confirmation: the reference number in a panel, and what happens next. Read back from the API, so a reload shows it too. */
export function ReferralDone({ ctx, referralId }: { ctx: FlowContext; referralId: string }) {
  const href = useLangHref();
  const [referral] = useFetch(`referral-${referralId}`, (signal) => getReferral(referralId, signal));
  if (!referral.data) return <FetchStatus state={referral} />;
  const r = referral.data;
  return (
    <div class="flow-step">
      <div class="panel-confirmation" role="status">
        <h2>
          <T k="referralSent" />
        </h2>
        <p class="panel-body">
          <T k="referenceNumber" />
          <br />
          <strong class="reference">{r.reference}</strong>
        </p>
      </div>
      <h3>
        <T k="whatHappensNext" />
      </h3>
      <p>
        <T k="referralNext" params={{ organization: r.organizationName }} />
      </p>
      <ul class="plain-list stack">
        <li>
          <Link href={href(`/staff/referrals/${r.id}`)}>
            <T k="viewReferral" />
          </Link>
        </li>
        <li>
          <Link href={href("/staff/referrals")}>
            <T k="boardTitle" />
          </Link>
        </li>
        <li>
          <Link href={href(`/staff/plans/${ctx.planId}`)}>
            <T k="backToPlan" />
          </Link>
        </li>
      </ul>
    </div>
  );
}

/** A child may be at risk: the 児童相談所 route comes first, and Tsunagu is not it. */
export function SafeguardingStop({ ctx }: { ctx: FlowContext }) {
  const href = useLangHref();
  return (
    <div class="flow-step">
      <Link class="back-link" href={ctx.stepHref("safeguarding")}>
        <T k="back" />
      </Link>
      <FocusedHeading k="stopTitle" />
      <NotAnAbuseReport text="stopText">
        <p class="call-189">
          <a href="tel:189">
            <T k="call189Link" />
          </a>
        </p>
      </NotAnAbuseReport>
      <p>
        <T k="stopAfter" />
      </p>
      <div class="button-row">
        <Link class="button" href={href(`/staff/plans/${ctx.planId}`)}>
          <T k="backToPlan" />
        </Link>
        <Link class="button button-link" href={ctx.stepHref("safeguarding")}>
          <T k="changeAnswer" />
        </Link>
      </div>
    </div>
  );
}
