import { useState } from "preact/hooks";
import { DECLINE_REASONS, OUTCOMES, type DeclineReason, type Outcome, type ReferralStatus } from "../../../src/referrals/referral.js";
import { ApiError } from "../api/client.js";
import { T, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { ErrorSummary, type FieldError } from "../ui/error-summary.js";
import { Field, FieldGroup, fieldErrorsOf } from "../ui/field.js";
import { type PartnerReferral, type ReferralEventBody, respondToReferral } from "./partner-api.js";
import { OUTCOME_LABELS, REASON_LABELS } from "./referral-labels.js";

type Move = "accepted" | "declined" | "in_progress" | "completed" | "not_completed";

/** The partner's possible answers from each state (the server's state machine decides; this only offers them). */
const MOVES: Partial<Record<ReferralStatus, Move[]>> = {
  sent: ["accepted", "declined"],
  accepted: ["in_progress", "completed", "not_completed"],
  in_progress: ["completed", "not_completed"],
};

const MOVE_LABELS: Record<Move, MessageKey> = {
  accepted: "refMoveAccept",
  declined: "refMoveDecline",
  in_progress: "refMoveStart",
  completed: "refMoveComplete",
  not_completed: "refMoveNotComplete",
};

export const partnerCanRespond = (status: ReferralStatus) => !!MOVES[status];

/**
 * Answering a referral, as one question with conditional follow-ups (GOV.UK radios with a
 * revealed question): declining asks for a reason from the fixed list, closing for an outcome.
 */
export function RespondForm({ referral, onDone }: { referral: PartnerReferral; onDone(updated: PartnerReferral, move: Move): void }) {
  const lang = useLang();
  const moves = MOVES[referral.status] ?? [];
  const [move, setMove] = useState<Move>();
  const [reason, setReason] = useState<DeclineReason>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const { error } = fieldErrorsOf(errors);
  const closing = move === "completed" || move === "not_completed";

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!move) problems.push({ field: `ref-move-${moves[0]}`, message: t(lang, "refMoveMissing") });
    if (move === "declined" && !reason) problems.push({ field: `ref-reason-${DECLINE_REASONS[0]}`, message: t(lang, "refReasonMissing") });
    if (closing && !outcome) problems.push({ field: `ref-outcome-${OUTCOMES[0]}`, message: t(lang, "refOutcomeMissing") });
    setErrors(problems);
    if (problems.length || !move) return;
    const body: ReferralEventBody = {
      status: move,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(move === "declined" ? { reason } : {}),
      ...(closing ? { outcome } : {}),
    };
    setBusy(true);
    try {
      onDone(await respondToReferral(referral.id, body), move);
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      const fieldOf = (path: string) => (path === "reason" ? `ref-reason-${DECLINE_REASONS[0]}` : path === "outcome" ? `ref-outcome-${OUTCOMES[0]}` : path === "note" ? "ref-note" : `ref-move-${moves[0]}`);
      setErrors(
        problem?.errors?.length
          ? problem.errors.map((x) => ({ field: fieldOf(x.path), message: x.message }))
          : [{ field: `ref-move-${moves[0]}`, message: problem?.status === 409 ? t(lang, "refConflict") : (problem?.detail ?? t(lang, "loadError")) }],
      );
    } finally {
      setBusy(false);
    }
  };

  const radios = <V extends string>(name: string, values: readonly V[], labels: Record<V, MessageKey>, value: V | undefined, set: (v: V) => void) =>
    values.map((v) => (
      <label class="check" key={v}>
        <input type="radio" name={name} id={`${name}-${v}`} value={v} checked={value === v} onChange={() => set(v)} />
        <T k={labels[v]} />
      </label>
    ));

  return (
    <section class="respond" aria-labelledby="respond-title">
      <h3 id="respond-title">
        <T k="refRespondTitle" />
      </h3>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <FieldGroup id={`ref-move-${moves[0]}`} legend="refMoveQuestion" error={error(`ref-move-${moves[0]}`)}>
          {radios("ref-move", moves, MOVE_LABELS, move, setMove)}
        </FieldGroup>
        {move === "declined" && (
          <div class="conditional">
            <FieldGroup id={`ref-reason-${DECLINE_REASONS[0]}`} legend="refReasonQuestion" error={error(`ref-reason-${DECLINE_REASONS[0]}`)}>
              {radios("ref-reason", DECLINE_REASONS, REASON_LABELS, reason, setReason)}
            </FieldGroup>
          </div>
        )}
        {closing && (
          <div class="conditional">
            <FieldGroup id={`ref-outcome-${OUTCOMES[0]}`} legend="refOutcomeQuestion" error={error(`ref-outcome-${OUTCOMES[0]}`)}>
              {radios("ref-outcome", OUTCOMES, OUTCOME_LABELS, outcome, setOutcome)}
            </FieldGroup>
          </div>
        )}
        <Field id="ref-note" label="refNote" labelSuffix={t(lang, "optional")} hint="refNoteHint" error={error("ref-note")}>
          <textarea id="ref-note" rows={3} value={note} aria-describedby="ref-note-hint" onInput={(e) => setNote(e.currentTarget.value)} />
        </Field>
        <button type="submit" class="button button-primary" disabled={busy}>
          <T k="refSend" />
        </button>
      </form>
    </section>
  );
}
