import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { T, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import type { LatLng } from "../map/pin-map.js";
import { Link, navigate, useLocation } from "../router.js";
import { ErrorSummary, type FieldError, namedFieldErrors } from "../ui/error-summary.js";
import { useLangHref } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";
import { LocationFields } from "./location-fields.js";
import { type ServiceDraft, type ServiceRecord, createService, getService, listServices, patchService, recordState, type ServiceState } from "./partner-api.js";
import { ScheduleEditor } from "./schedule-editor.js";
import { AboutSection, ContactSection, CostSection, EligibilitySection, LanguagesSection } from "./service-fields.js";
import { type ServiceForm, draftFromForm, emptyServiceForm, patchFromDraft, serviceFieldOf, serviceFormFromDraft } from "./service-form-model.js";
import { StateTag } from "./state-tag.js";

/** What the editor starts from: the pending revision when there is one (the server patches that), else the record. */
const editedDraft = (r: ServiceRecord) => ((r.revision?.status === "pending" ? r.revision.draft : r.draft) as ServiceDraft);

/**
 * Create (`/partner/services/new`) or edit (`/partner/services/:id`) a service. A partner's new
 * service waits for the center's review; an edit of a published one becomes a revision that
 * waits beside it while the published version stays public (API.md, PATCH /services/{id}).
 */
export function ServiceFormPage({ organizationId, serviceId }: { organizationId: string; serviceId?: string }) {
  const lang = useLang();
  const href = useLangHref();
  const savedParam = useLocation().query.get("saved") === "1";
  const [record] = useFetch(serviceId ?? "new", (signal) => (serviceId ? getService(serviceId, signal) : Promise.resolve(undefined)));
  const [area] = useFetch(serviceId ? undefined : organizationId, (signal) => areaOf(organizationId, signal));
  const [form, setForm] = useState<ServiceForm | undefined>(serviceId ? undefined : emptyServiceForm);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  /** The record as the last save returned it (newer than the one loaded). */
  const [saved, setSaved] = useState<ServiceRecord>();
  useEffect(() => {
    if (record.status === "ok" && record.data) setForm(serviceFormFromDraft(editedDraft(record.data)));
  }, [record.status === "ok" && record.data]);

  if (record.status === "error") {
    const gone = record.error instanceof ApiError && record.error.status === 404;
    return (
      <p class="notice notice-error" role="alert">
        <T k={gone ? "serviceNotFound" : "loadError"} />
      </p>
    );
  }
  if (!form) {
    return (
      <p role="status">
        <T k="loading" />
      </p>
    );
  }
  const change = (c: Partial<ServiceForm>) => setForm({ ...form, ...c });

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = draftFromForm(form);
    if (!result.ok) return setErrors(result.problems.map((p) => ({ field: p.field, message: t(lang, p.message) })));
    setBusy(true);
    try {
      const current = saved ?? record.data;
      if (serviceId && current) {
        const updated = await patchService(serviceId, patchFromDraft(result.draft, editedDraft(current)));
        setSaved(updated);
        setForm(serviceFormFromDraft(editedDraft(updated)));
        setErrors([]);
        navigate(href(`/partner/services/${serviceId}?saved=1`), { replace: true });
      } else {
        const created = await createService(organizationId, result.draft);
        navigate(href(`/partner/services/${created.id}?saved=1`));
      }
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      setErrors(problem?.errors?.length ? namedFieldErrors(problem.errors, serviceFieldOf) : [{ field: "svc-name", message: problem?.detail ?? t(lang, "loadError") }]);
    } finally {
      setBusy(false);
    }
  };

  const r = saved ?? record.data;
  const state = r && recordState(r);
  return (
    <>
      <p>
        <Link href={href("/partner")}>
          <T k="backToPortal" />
        </Link>
      </p>
      <h2 class="page-subtitle">{r ? form.name || r.draft.name : t(lang, "svcNewTitle")}</h2>
      {savedParam && state && <SavedBanner key={r.updatedAt} state={state} />}
      {r && state && (
        <div class="record-state">
          <p>
            <T k="svcStateNow" /> <StateTag state={state} />
          </p>
          {state === "rejected" && r.rejectionReason && (
            <p class="notice">
              <T k="svcRejectedReason" params={{ reason: r.rejectionReason }} />
            </p>
          )}
          {state === "changesPending" && (
            <p class="notice">
              <T k="svcChangesPendingNote" />
            </p>
          )}
        </div>
      )}
      {!r && (
        <p>
          <T k="svcNewIntro" />
        </p>
      )}
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate class="service-form">
        <Section title="svcSectionAbout">
          <AboutSection form={form} errors={errors} onChange={change} />
        </Section>
        <Section title="svcSectionEligibility">
          <EligibilitySection form={form} errors={errors} onChange={change} />
        </Section>
        <Section title="svcSectionCost">
          <CostSection form={form} errors={errors} onChange={change} />
        </Section>
        <Section title="svcSectionLanguages">
          <LanguagesSection form={form} errors={errors} onChange={change} />
        </Section>
        <Section title="svcSectionPlace">
          <LocationFields form={form} errors={errors} area={area.data} onChange={change} />
        </Section>
        <Section title="svcSectionHours">
          <ScheduleEditor rows={form.schedule} errors={errors} onChange={(schedule) => change({ schedule })} />
        </Section>
        <Section title="svcSectionContact">
          <ContactSection form={form} errors={errors} onChange={change} />
        </Section>
        <p class="hint">
          <T k={r?.status === "published" ? "svcSaveHintPublished" : "svcSaveHintPending"} />
        </p>
        <button type="submit" class="button button-primary" disabled={busy}>
          <T k={r ? "svcSave" : "svcCreate"} />
        </button>
      </form>
    </>
  );
}

function Section({ title, children }: { title: MessageKey; children: ComponentChildren }) {
  const id = `${title}-title`;
  return (
    <section class="form-section" aria-labelledby={id}>
      <h3 id={id}>
        <T k={title} />
      </h3>
      {children}
    </section>
  );
}

/** The GOV.UK notification banner after saving: what happens next depends on where the record stands. */
function SavedBanner({ state }: { state: ServiceState }) {
  const next: MessageKey = state === "published" ? "svcSavedPublished" : state === "changesPending" ? "svcSavedChangesPending" : "svcSavedPending";
  const ref = useRef<HTMLDivElement>(null);
  // Saving happens at the foot of a long form: bring the confirmation into view.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} class="notice notice-success" role="status" tabIndex={-1}>
      <p>
        <strong>
          <T k="svcSaved" />
        </strong>
      </p>
      <p>
        <T k={next} />
      </p>
    </div>
  );
}

/** Where a new service's map opens: at the organization's first service, if it has one. */
async function areaOf(organizationId: string, signal: AbortSignal): Promise<LatLng | undefined> {
  const [first] = await listServices(organizationId, signal);
  if (!first) return undefined;
  const { lat, lng } = (await getService(first.id, signal)).draft.location;
  return { lat, lng };
}
