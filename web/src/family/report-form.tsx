import { useState } from "preact/hooks";
import { apiPost } from "../api/client.js";
import { T, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";

/** Where a family's "report a problem" goes: the API's feedback endpoint for a published service. */
export const REPORT_PATH = (serviceId: string) => `/services/${encodeURIComponent(serviceId)}/reports`;

const REASONS: { value: string; label: MessageKey }[] = [
  { value: "closed", label: "reportClosed" },
  { value: "wrong_hours", label: "reportHours" },
  { value: "wrong_contact", label: "reportContact" },
  { value: "wrong_location", label: "reportLocation" },
  { value: "other", label: "reportOther" },
];

/**
 * "Report a problem" with a listing: a reason and optional details, nothing about the person
 * (no name, no contact, no cookie). Staff of the centers the service serves review it.
 */
export function ReportForm({ serviceId }: { serviceId: string }) {
  const lang = useLang();
  const [reason, setReason] = useState("");
  const [details, setDetails] = useState("");
  const [status, setStatus] = useState<"idle" | "sending" | "sent" | "failed" | "invalid">("idle");

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
    if (!reason) return setStatus("invalid");
    setStatus("sending");
    try {
      await apiPost(REPORT_PATH(serviceId), { reason, details: details.trim() || undefined, language: lang });
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
        <fieldset aria-describedby={status === "invalid" ? "report-error" : undefined}>
          <legend>
            <T k="reportWhat" />
          </legend>
          {status === "invalid" && (
            <p id="report-error" class="field-error">
              <T k="reportChoose" />
            </p>
          )}
          {REASONS.map((r) => (
            <label class="check" key={r.value}>
              <input type="radio" name="reason" value={r.value} checked={reason === r.value} onChange={() => setReason(r.value)} />
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
          <textarea id="report-details" rows={3} maxLength={1000} aria-describedby="report-hint" value={details} onInput={(e) => setDetails(e.currentTarget.value)} />
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
