import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { DeclineReason, Outcome } from "../../../src/referrals/referral.js";
import { ApiError } from "../api/client.js";
import { formatDate, kindLabel, languageLabel } from "../family/format.js";
import { Ruby, T, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link } from "../router.js";
import { useLangHref } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";
import { type PartnerReferral, getReferral } from "./partner-api.js";
import { CONTACT_LABELS, OUTCOME_LABELS, REASON_LABELS, ReferralStatusTag, STATUS_LABELS } from "./referral-labels.js";
import { RespondForm, partnerCanRespond } from "./referral-respond.js";

/**
 * One referral as the receiving partner sees it (`/partner/referrals/:id`): only what the family
 * agreed to share — the server leaves out the rest, and the page says so rather than showing
 * empty rows — the family's contact preference, the answer form and the events so far.
 */
export function ReferralPage({ id }: { id: string }) {
  const lang = useLang();
  const href = useLangHref();
  const [loaded] = useFetch(id, (signal) => getReferral(id, signal));
  const [updated, setUpdated] = useState<{ referral: PartnerReferral; status: string }>();
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), [updated]);
  const r = updated?.referral ?? loaded.data;

  if (loaded.status === "error") {
    const gone = loaded.error instanceof ApiError && loaded.error.status === 404;
    return (
      <p class="notice notice-error" role="alert">
        <T k={gone ? "refNotFound" : "loadError"} />
      </p>
    );
  }
  if (!r) {
    return (
      <p role="status">
        <T k="loading" />
      </p>
    );
  }
  const f = r.family;
  return (
    <>
      <p>
        <Link href={href("/partner/referrals")}>
          <T k="refBackToInbox" />
        </Link>
      </p>
      <h2 class="page-subtitle">
        <T k="refTitle" params={{ service: r.serviceName }} />
      </h2>
      {updated && (
        <div ref={banner} class="notice notice-success" role="status" tabIndex={-1}>
          <p>
            <strong>
              <T k="refSent" params={{ status: t(lang, STATUS_LABELS[r.status]) }} />
            </strong>
          </p>
        </div>
      )}
      <p>
        <ReferralStatusTag status={r.status} overdue={r.overdue} />
      </p>
      <dl class="summary-list">
        <Row label="refReference">{r.reference}</Row>
        <Row label="refService">{r.serviceName}</Row>
        <Row label="refCenter">{r.center.name}</Row>
        <Row label="refReceived">{formatDate(r.createdAt, lang)}</Row>
        {r.needKind && (
          <Row label="refNeed">
            <Ruby text={kindLabel(r.needKind, lang)} />
          </Row>
        )}
        <Row label="refMessage">{r.message ? <p class="preserve-lines">{r.message}</p> : <T k="refNone" />}</Row>
        <Row label="refContactPreference">
          <T k={CONTACT_LABELS[r.contactPreference as keyof typeof CONTACT_LABELS] ?? "refContactViaCenter"} />
        </Row>
        <Row label="refContactDetails">
          {r.contact ? (
            <ul class="plain-list">
              {r.contact.name && <li>{r.contact.name}</li>}
              {r.contact.phone && (
                <li>
                  <a href={`tel:${r.contact.phone}`}>{r.contact.phone}</a>
                </li>
              )}
              {r.contact.email && (
                <li>
                  <a href={`mailto:${r.contact.email}`}>{r.contact.email}</a>
                </li>
              )}
            </ul>
          ) : (
            <T k="refNotShared" />
          )}
        </Row>
        <Row label="refFamily">
          {f ? (
            <ul class="plain-list">
              {f.children.map((c, i) => (
                <li key={i}>
                  <T k="refChild" params={{ years: Math.floor(c.ageMonths / 12), months: c.ageMonths % 12 }} />
                </li>
              ))}
              {f.pregnancyWeeks !== undefined && (
                <li>
                  <T k="refPregnancy" params={{ weeks: f.pregnancyWeeks }} />
                </li>
              )}
              {f.languages.length > 0 && <li>{f.languages.map((l) => languageLabel(l, lang)).join(lang === "en" ? ", " : "、")}</li>}
            </ul>
          ) : (
            <T k="refNotShared" />
          )}
        </Row>
      </dl>
      {partnerCanRespond(r.status) && <RespondForm key={r.status} referral={r} onDone={(referral, status) => setUpdated({ referral, status })} />}
      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">
          <T k="refTimeline" />
        </h3>
        <ol class="timeline">
          {r.events.map((e, i) => (
            <li key={i}>
              <p>
                <strong>
                  <T k={STATUS_LABELS[e.status]} />
                </strong>{" "}
                <span class="hint">
                  {formatDateTime(e.at, lang)}
                  {e.by && ` · ${t(lang, e.by === "partner" ? "refByPartner" : "refByCenter")}`}
                </span>
              </p>
              {e.reason && (
                <p>
                  <T k="refReasonQuestion" />: <T k={REASON_LABELS[e.reason as DeclineReason]} />
                </p>
              )}
              {e.outcome && (
                <p>
                  <T k="refOutcomeQuestion" />: <T k={OUTCOME_LABELS[e.outcome as Outcome]} />
                </p>
              )}
              {e.note && <p class="preserve-lines">{e.note}</p>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Row({ label, children }: { label: MessageKey; children: ComponentChildren }) {
  return (
    <div class="summary-row">
      <dt>
        <T k={label} />
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ja-JP", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(new Date(iso));
}
