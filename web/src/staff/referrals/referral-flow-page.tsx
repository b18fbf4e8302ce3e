import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { apiGet } from "../../api/client.js";
import type { HsdsService } from "../../api/types.js";
import { T, t, useLang } from "../../i18n/i18n.js";
import type { MessageKey } from "../../i18n/messages.js";
import { Link, navigate, useLocation } from "../../router.js";
import { ErrorSummary, type FieldError } from "../../ui/error-summary.js";
import { useLangHref } from "../../ui/layout.js";
import { useFetch } from "../../ui/use-fetch.js";
import { FieldMessage, FormField, describedBy, errorOf } from "../form-field.js";
import { CheckAnswers, ReferralDone, SafeguardingStop } from "./referral-check.js";
import { type FlowContext, NotAnAbuseReport, ServiceCaption } from "./flow-parts.js";
import { CONTACT_PREFERENCES, type ReferralDraft, STEPS, type Step, contactAllowed, draftFor, firstOpenStep } from "./referral-draft.js";

/**
 * Sending a referral as a guided flow (GOV.UK "one thing per page"): safeguarding first, then the
 * family's consent, what may be shared, how the partner makes contact, a message, and check your
 * answers. The URL names the step, so the browser's back button walks back through the questions.
 */
export function ReferralFlowPage({ params }: { params: Record<string, string> }) {
  const href = useLangHref();
  const loc = useLocation();
  const { id: planId, serviceId, step } = params as { id: string; serviceId: string; step: string };
  const locationId = loc.query.get("location") ?? undefined;
  const returning = loc.query.get("return") === "check";
  const draft = draftFor(planId, serviceId);
  const [service] = useFetch(`service-${serviceId}`, (signal) => apiGet<HsdsService>(`/services/${serviceId}`, {}, signal));
  const stepHref: FlowContext["stepHref"] = (s, opts = {}) => {
    const q = new URLSearchParams();
    if (locationId) q.set("location", locationId);
    if (opts.returnToCheck) q.set("return", "check");
    const extra = opts.extra ? `&${opts.extra}` : "";
    return href(`/staff/plans/${planId}/refer/${serviceId}/${s}?${q.toString()}${extra}`);
  };
  const ctx: FlowContext = {
    planId,
    serviceId,
    locationId,
    draft,
    service: service.data,
    stepHref,
    next: (s) => navigate(stepHref(returning && firstOpenStep(draft) === "check" ? "check" : STEPS[STEPS.indexOf(s) + 1]!)),
  };

  // A question further on than the first unanswered one (a reload, a bookmarked step) goes back to it.
  const open = firstOpenStep(draft);
  const index = STEPS.indexOf(step as Step);
  const ahead = index > STEPS.indexOf(open);
  useEffect(() => {
    if (ahead) navigate(stepHref(open), { replace: true });
  }, [ahead, open]);
  if (ahead) return null;

  switch (step) {
    case "safeguarding":
      return <SafeguardingStep ctx={ctx} />;
    case "stop":
      return <SafeguardingStop ctx={ctx} />;
    case "consent":
      return <ConsentStep ctx={ctx} />;
    case "sharing":
      return <SharingStep ctx={ctx} />;
    case "contact":
      return <ContactStep ctx={ctx} />;
    case "message":
      return <MessageStep ctx={ctx} />;
    case "check":
      return <CheckAnswers ctx={ctx} />;
    case "done":
      return <ReferralDone ctx={ctx} referralId={loc.query.get("referral") ?? ""} />;
    default:
      return (
        <p class="notice">
          <T k="notFound" />
        </p>
      );
  }
}

/** The frame of one question: back link, which service, the error summary, the question as a focused heading. */
export function Question(props: { ctx: FlowContext; back: string; question: MessageKey; errors: FieldError[]; onSubmit(): void; children: ComponentChildren; submitLabel?: MessageKey }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.question]);
  return (
    <div class="flow-step">
      <Link class="back-link" href={props.back}>
        <T k="back" />
      </Link>
      <ServiceCaption service={props.ctx.service} />
      <ErrorSummary errors={props.errors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <fieldset>
          <legend>
            <h2 class="question" ref={heading} tabIndex={-1}>
              <T k={props.question} />
            </h2>
          </legend>
          {props.children}
        </fieldset>
        <button type="submit" class="button button-primary">
          <T k={props.submitLabel ?? "continue"} />
        </button>
      </form>
    </div>
  );
}

function Radios<V extends string>(props: { name: string; value?: V; options: { value: V; label: MessageKey; hint?: MessageKey }[]; onChange(v: V): void; error?: FieldError }) {
  return (
    <div class={`radios${props.error ? " field-invalid" : ""}`}>
      <FieldMessage id={`${props.name}-${props.options[0]!.value}`} error={props.error} />
      {props.options.map((o, i) => {
        const id = `${props.name}-${o.value}`;
        return (
          <div class="radio" key={o.value}>
            <input type="radio" id={id} name={props.name} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} aria-describedby={[o.hint ? `${id}-hint` : "", i === 0 && props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined} />
            <label for={id}>
              <T k={o.label} />
            </label>
            {o.hint && (
              <p class="hint" id={`${id}-hint`}>
                <T k={o.hint} />
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}

function SafeguardingStep({ ctx }: { ctx: FlowContext }) {
  const lang = useLang();
  const href = useLangHref();
  const [value, setValue] = useState(ctx.draft.safeguarding);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = () => {
    if (!value) return setErrors([{ field: "safeguarding-yes", message: t(lang, "safeguardingMissing") }]);
    ctx.draft.safeguarding = value;
    if (value === "yes") navigate(ctx.stepHref("stop"));
    else ctx.next("safeguarding");
  };
  return (
    <Question ctx={ctx} back={href(`/staff/plans/${ctx.planId}`)} question="safeguardingQuestion" errors={errors} onSubmit={submit}>
      <NotAnAbuseReport text="call189" />
      <Radios
        name="safeguarding"
        value={value}
        error={errors[0]}
        onChange={(v) => setValue(v)}
        options={[
          { value: "yes", label: "safeguardingYes" },
          { value: "no", label: "safeguardingNo" },
        ]}
      />
    </Question>
  );
}

function ConsentStep({ ctx }: { ctx: FlowContext }) {
  const lang = useLang();
  const [given, setGiven] = useState(ctx.draft.consentGiven);
  const [notice, setNotice] = useState(ctx.draft.privacyNoticeShared);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const err = errorOf(errors);
  const submit = () => {
    const missing: FieldError[] = [];
    if (!given) missing.push({ field: "consent-given", message: t(lang, "consentGivenMissing") });
    if (!notice) missing.push({ field: "consent-notice", message: t(lang, "consentNoticeMissing") });
    setErrors(missing);
    if (missing.length) return;
    if (!ctx.draft.consentGiven || !ctx.draft.recordedAt) ctx.draft.recordedAt = new Date().toISOString();
    ctx.draft.consentGiven = true;
    ctx.draft.privacyNoticeShared = true;
    ctx.next("consent");
  };
  return (
    <Question ctx={ctx} back={ctx.stepHref("safeguarding")} question="consentQuestion" errors={errors} onSubmit={submit}>
      <div class="inset">
        <p class="hint">
          <T k="consentWordingIntro" />
        </p>
        <p>
          <T k="consentWording" params={{ service: ctx.service?.organization.name ?? "" }} />
        </p>
      </div>
      {(
        [
          ["consent-given", given, setGiven, "consentGiven"],
          ["consent-notice", notice, setNotice, "consentNotice"],
        ] as const
      ).map(([id, checked, set, label]) => (
        <div class={err(id) ? "field-invalid" : undefined} key={id}>
          <FieldMessage id={id} error={err(id)} />
          <label class="check">
            <input id={id} type="checkbox" checked={checked} onChange={(e) => set(e.currentTarget.checked)} aria-describedby={describedBy(id, { error: err(id) })} aria-invalid={!!err(id)} />
            <T k={label} />
          </label>
        </div>
      ))}
    </Question>
  );
}

function SharingStep({ ctx }: { ctx: FlowContext }) {
  const [contact, setContact] = useState(ctx.draft.shareContact);
  const [family, setFamily] = useState(ctx.draft.shareFamilyDetails);
  const submit = () => {
    ctx.draft.shareContact = contact;
    ctx.draft.shareFamilyDetails = family;
    ctx.draft.sharingAnswered = true;
    if (!contact) ctx.draft.contactName = ctx.draft.contactPhone = ctx.draft.contactEmail = "";
    ctx.next("sharing");
  };
  return (
    <Question ctx={ctx} back={ctx.stepHref("consent")} question="sharingQuestion" errors={[]} onSubmit={submit}>
      <p class="hint">
        <T k="sharingHint" />
      </p>
      <label class="check">
        <input id="share-contact" type="checkbox" checked={contact} onChange={(e) => setContact(e.currentTarget.checked)} />
        <T k="shareContact" />
      </label>
      <label class="check">
        <input id="share-family" type="checkbox" checked={family} onChange={(e) => setFamily(e.currentTarget.checked)} />
        <T k="shareFamilyDetails" />
      </label>
    </Question>
  );
}

function ContactStep({ ctx }: { ctx: FlowContext }) {
  const lang = useLang();
  const d = ctx.draft;
  const [pref, setPref] = useState(d.contactPreference && contactAllowed(d, d.contactPreference) ? d.contactPreference : undefined);
  const [who, setWho] = useState({ name: d.contactName, phone: d.contactPhone, email: d.contactEmail });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const err = errorOf(errors);
  const options = CONTACT_PREFERENCES.filter((p) => contactAllowed(d, p)).map((p) => ({ value: p, label: `contactPref_${p}` as const }));
  const submit = () => {
    const missing: FieldError[] = [];
    if (!pref) missing.push({ field: `contact-pref-${options[0]!.value}`, message: t(lang, "contactPrefMissing") });
    if (pref === "phone" && !who.phone.trim()) missing.push({ field: "contact-phone", message: t(lang, "contactPhoneMissing") });
    if (pref === "email" && !who.email.includes("@")) missing.push({ field: "contact-email", message: t(lang, "contactEmailMissing") });
    setErrors(missing);
    if (missing.length) return;
    Object.assign(d, { contactPreference: pref, contactName: who.name, contactPhone: who.phone, contactEmail: who.email });
    ctx.next("contact");
  };
  const field = (key: keyof typeof who, label: MessageKey, type: "text" | "tel" | "email", autoComplete: string) => {
    const id = `contact-${key}`;
    return (
      <FormField id={id} label={<T k={label} />} error={err(id)}>
        <input id={id} type={type as "text"} autoComplete={autoComplete} value={who[key]} onInput={(e) => setWho({ ...who, [key]: e.currentTarget.value })} aria-describedby={describedBy(id, { error: err(id) })} aria-invalid={!!err(id)} />
      </FormField>
    );
  };
  return (
    <Question ctx={ctx} back={ctx.stepHref("sharing")} question="contactQuestion" errors={errors} onSubmit={submit}>
      {!d.shareContact && (
        <p class="hint">
          <T k="contactOnlyViaCenter" />
        </p>
      )}
      <Radios name="contact-pref" value={pref} options={options} onChange={(v) => setPref(v)} error={err(`contact-pref-${options[0]!.value}`)} />
      {d.shareContact && (
        <fieldset class="form-section">
          <legend>
            <T k="contactDetails" />
          </legend>
          {field("name", "contactName", "text", "off")}
          {field("phone", "phone", "tel", "off")}
          {field("email", "email", "email", "off")}
        </fieldset>
      )}
    </Question>
  );
}

function MessageStep({ ctx }: { ctx: FlowContext }) {
  const [message, setMessage] = useState(ctx.draft.message);
  const submit = () => {
    ctx.draft.message = message;
    ctx.next("message");
  };
  return (
    <Question ctx={ctx} back={ctx.stepHref("contact")} question="messageQuestion" errors={[]} onSubmit={submit}>
      <p class="hint" id="referral-message-hint">
        <T k="messageHint" />
      </p>
      <label for="referral-message" class="visually-hidden">
        <T k="messageLabel" />
      </label>
      <textarea id="referral-message" rows={5} maxLength={2000} value={message} onInput={(e) => setMessage(e.currentTarget.value)} aria-describedby="referral-message-hint" />
    </Question>
  );
}
