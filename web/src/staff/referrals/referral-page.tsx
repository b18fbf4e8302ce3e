import { useState } from "preact/hooks";
import { DECLINE_REASONS, OUTCOMES, REFERRAL_STATUSES, type ReferralStatus, nextStatus } from "../../../../src/referrals/referral.js";
import { ApiError } from "../../api/client.js";
import { formatDate, kindLabel } from "../../family/format.js";
import { Ruby, T, t, useLang } from "../../i18n/i18n.js";
import { Link } from "../../router.js";
import { ErrorSummary, type FieldError } from "../../ui/error-summary.js";
import { useLangHref } from "../../ui/layout.js";
import { useFetch } from "../../ui/use-fetch.js";
import { FormField, errorOf } from "../form-field.js";
import { type StaffReferralView, getReferral, recordReferralEvent } from "../staff-api.js";
import { FetchStatus, SummaryList } from "../staff-ui.js";
import { ReferralStatusTag } from "./referral-status.js";

/** One referral (`GET /api/v1/referrals/{id}`): what was sent with which consent, its timeline, and what staff may do next. */
export function ReferralPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const [referral, reload] = useFetch(`referral-${id}`, (signal) => getReferral(id, signal));
  if (!referral.data) return <FetchStatus state={referral} />;
  const r = referral.data;
  return (
    <>
      <p class="caption">
        <T k="referenceNumber" />: <strong class="reference">{r.reference}</strong> <ReferralStatusTag status={r.status} overdue={r.overdue} />
      </p>
      <ReferralSummary r={r} />
      <Timeline r={r} />
      <ReferralActions r={r} onDone={reload} />
    </>
  );
}

function ReferralSummary({ r }: { r: StaffReferralView }) {
  const lang = useLang();
  const href = useLangHref();
  const yes = (v: boolean) => t(lang, v ? "yes" : "no");
  const contact = r.contact ? [r.contact.name, r.contact.phone, r.contact.email].filter(Boolean).join(" / ") : "—";
  return (
    <section aria-labelledby="referral-details">
      <h2 id="referral-details">
        <T k="referralDetails" />
      </h2>
      <SummaryList
        rows={[
          { key: "referTo", value: `${r.serviceName} (${r.organizationName})` },
          { key: "planCaseRef", value: <Link href={href(`/staff/plans/${r.planId}`)}>{r.caseRef}</Link> },
          { key: "referralNeed", value: r.needKind ? <Ruby text={kindLabel(r.needKind, lang)} /> : "—" },
          { key: "sentAt", value: formatDate(r.createdAt, lang) },
          { key: "contactQuestion", value: t(lang, `contactPref_${r.contactPreference as "via_center"}`) },
          { key: "contactDetails", value: contact },
          { key: "consentGiven", value: `${yes(r.consent.given && r.consent.privacyNoticeShared)} (${r.consent.wordingVersion}, ${formatDate(r.consent.recordedAt, lang)})` },
          { key: "shareContact", value: yes(r.consent.shareContact) },
          { key: "shareFamilyDetails", value: yes(r.consent.shareFamilyDetails) },
          { key: "messageLabel", value: r.message ?? "—" },
        ]}
      />
    </section>
  );
}

function Timeline({ r }: { r: StaffReferralView }) {
  const lang = useLang();
  const when = (iso: string) => new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ja-JP", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(new Date(iso));
  return (
    <section aria-labelledby="referral-timeline">
      <h2 id="referral-timeline">
        <T k="timelineTitle" />
      </h2>
      <ol class="timeline">
        {r.events.map((e, i) => (
          <li key={i}>
            <p>
              <ReferralStatusTag status={e.status} /> <time dateTime={e.at}>{when(e.at)}</time>
              {e.by && (
                <span class="muted">
                  {" · "}
                  <T k={e.by === "partner" ? "byPartner" : "byCenter"} />
                </span>
              )}
            </p>
            {e.reason && (
              <p>
                <T k="declineReasonLabel" />: {t(lang, `decline_${e.reason as "other"}`)}
              </p>
            )}
            {e.outcome && (
              <p>
                <T k="outcomeLabel" />: {t(lang, `outcome_${e.outcome as "got_help"}`)}
              </p>
            )}
            {e.note && <p class="timeline-note">{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The moves the referral state machine allows staff from here (an incomplete move still counts: the form asks for the rest). */
const movesFrom = (current: ReferralStatus) => REFERRAL_STATUSES.filter((s) => {
  const move = nextStatus(current, { status: s }, "staff");
  return move.ok || !move.conflict;
});

function ReferralActions({ r, onDone }: { r: StaffReferralView; onDone(): void }) {
  const lang = useLang();
  const moves = movesFrom(r.status);
  const [status, setStatus] = useState<ReferralStatus>();
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const err = errorOf(errors);
  if (moves.length === 0) return null;
  const first = `move-${moves[0]}`;
  const FIELD: Record<string, string> = { status: first, reason: "move-reason", outcome: "move-outcome", note: "move-note" };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!status) return setErrors([{ field: first, message: t(lang, "moveMissing") }]);
    const needsReason = status === "declined";
    const needsOutcome = status === "completed" || status === "not_completed";
    const missing: FieldError[] = [];
    if (needsReason && !reason) missing.push({ field: "move-reason", message: t(lang, "reasonMissing") });
    if (needsOutcome && !outcome) missing.push({ field: "move-outcome", message: t(lang, "outcomeMissing") });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    try {
      await recordReferralEvent(r.id, {
        status,
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(needsReason ? { reason: reason as "other" } : {}),
        ...(needsOutcome ? { outcome: outcome as "got_help" } : {}),
      });
      setStatus(undefined);
      setNote("");
      onDone();
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      setErrors(problem?.errors?.length ? problem.errors.map((i) => ({ field: FIELD[i.path] ?? first, message: `${i.path}: ${i.message}` })) : [{ field: first, message: problem?.detail ?? t(lang, "loadError") }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="referral-actions">
      <h2 id="referral-actions">
        <T k="moveTitle" />
      </h2>
      <p class="hint">
        <T k="moveHint" />
      </p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <fieldset class={err(first) ? "field-invalid" : undefined}>
          <legend>
            <T k="moveQuestion" />
          </legend>
          {err(first) && (
            <p class="field-error" id={`${first}-error`}>
              {err(first)!.message}
            </p>
          )}
          {moves.map((s) => (
            <div class="radio" key={s}>
              <input type="radio" id={`move-${s}`} name="move" checked={status === s} onChange={() => setStatus(s)} aria-describedby={err(first) && s === moves[0] ? `${first}-error` : undefined} />
              <label for={`move-${s}`}>
                <T k={`move_${s as "withdrawn"}`} />
              </label>
            </div>
          ))}
        </fieldset>
        {status === "declined" && (
          <FormField id="move-reason" label={<T k="declineReasonLabel" />} error={err("move-reason")}>
            <select id="move-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} aria-invalid={!!err("move-reason")} aria-describedby={err("move-reason") ? "move-reason-error" : undefined}>
              <option value="">{t(lang, "regChoose")}</option>
              {DECLINE_REASONS.map((x) => (
                <option key={x} value={x}>
                  {t(lang, `decline_${x}`)}
                </option>
              ))}
            </select>
          </FormField>
        )}
        {(status === "completed" || status === "not_completed") && (
          <FormField id="move-outcome" label={<T k="outcomeLabel" />} error={err("move-outcome")}>
            <select id="move-outcome" value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} aria-invalid={!!err("move-outcome")} aria-describedby={err("move-outcome") ? "move-outcome-error" : undefined}>
              <option value="">{t(lang, "regChoose")}</option>
              {OUTCOMES.map((x) => (
                <option key={x} value={x}>
                  {t(lang, `outcome_${x}`)}
                </option>
              ))}
            </select>
          </FormField>
        )}
        <FormField id="move-note" label={<T k="moveNote" />} error={err("move-note")}>
          <textarea id="move-note" rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </FormField>
        <button type="submit" class={`button ${status === "withdrawn" ? "button-warning" : "button-primary"}`} disabled={busy}>
          <T k="moveSubmit" />
        </button>
      </form>
    </section>
  );
}
