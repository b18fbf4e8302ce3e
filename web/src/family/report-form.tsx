import { useState } from "preact/hooks";
import { apiPost } from "../api/client.js";
import { T } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";

/** `POST /api/v1/services/{id}/reports` (src/review/reports.ts): `{problem, note?}`, a note required for "other". */
export const REPORT_PATH = (serviceId: string) => `/services/${encodeURIComponent(serviceId)}/reports`;

const PROBLEMS: { value: string; label: MessageKey }[] = [
  { value: "closed", label: "reportClosed" },
  { value: "wrong_hours", label: "reportHours" },
  { value: "wrong_phone", label: "reportContact" },
  { value: "wrong_address", label: "reportLocation" },
  { value: "other", label: "reportOther" },
];

/**
 * "Report a problem" with a listing: a reason and optional details, nothing about the person
 * (no name, no contact, no cookie). Staff of the centers the service serves review it.
 */
export function ReportForm({ serviceId }: { serviceId: string }) {
  const [problem, setProblem] = useState("");
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<"idle" | "sending" | "sent" | "failed" | "no-problem" | "no-note">("idle");

  if (status === "sent") {
    return (
      <section class="report" aria-labelledby="report-title">
        <h3 id="report-title">
          <T k="reportProblem" />
        </h3>
        <p class="notice notice-success" role="status">
          <T k="reportSent" />
        </p>
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!problem) return setStatus("no-problem");
    if (problem === "other" && !note.trim()) return setStatus("no-note");
    setStatus("sending");
    try {
      await apiPost(REPORT_PATH(serviceId), { problem, note: note.trim() || undefined });
      setStatus("sent");
    } catch {
      setStatus("failed");
    }
  };

  return (
    <details class="report">
      <summary>
        <T k="reportProblem" />
      </summary>
      <form onSubmit={submit} noValidate>
        <p>
          <T k="reportIntro" />
        </p>
        <fieldset aria-describedby={status === "no-problem" ? "report-error" : undefined}>
          <legend>
            <T k="reportWhat" />
          </legend>
          {status === "no-problem" && (
            <p id="report-error" class="field-error">
              <T k="reportChoose" />
            </p>
          )}
          {PROBLEMS.map((r) => (
            <label class="check" key={r.value}>
              <input type="radio" name="problem" value={r.value} checked={problem === r.value} onChange={() => setProblem(r.value)} />
              <span>
                <T k={r.label} />
              </span>
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="report-details">
            <T k="reportDetails" />
          </label>
          <p id="report-hint" class="hint">
            <T k="reportPrivacy" />
          </p>
          {status === "no-note" && (
            <p id="report-note-error" class="field-error">
              <T k="reportNoteNeeded" />
            </p>
          )}
          <textarea
            id="report-details"
            rows={3}
            maxLength={1000}
            aria-describedby={status === "no-note" ? "report-note-error report-hint" : "report-hint"}
            aria-invalid={status === "no-note" || undefined}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        {status === "failed" && (
          <p class="notice notice-error" role="alert">
            <T k="reportFailed" />
          </p>
        )}
        <button type="submit" class="button button-primary" disabled={status === "sending"}>
          <T k="reportSend" />
        </button>
      </form>
    </details>
  );
}
