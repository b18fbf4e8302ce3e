import { useState } from "preact/hooks";
import { LANGUAGES } from "../../../../src/domain/languages.js";
import { RESOURCE_KINDS } from "../../../../src/domain/taxonomy.js";
import { ApiError } from "../../api/client.js";
import type { Weekday } from "../../api/types.js";
import { kindLabel, languageLabel, weekdayLabel } from "../../family/format.js";
import { T, plain, t, useLang } from "../../i18n/i18n.js";
import { Link, navigate } from "../../router.js";
import { ErrorSummary, type FieldError } from "../../ui/error-summary.js";
import { useLangHref } from "../../ui/layout.js";
import { useFetch } from "../../ui/use-fetch.js";
import { describedBy, errorOf, FieldMessage, FormField } from "../form-field.js";
import { createPlan, getPlan, updatePlan } from "../staff-api.js";
import { FetchStatus } from "../staff-ui.js";
import { type PlanForm, URGENCIES, checkPlan, emptyNeed, emptyPlanForm, formToInput, planFieldErrors, planToForm } from "./plan-form-model.js";
import { LocationPicker } from "./location-picker.js";

const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * Create (`POST /api/v1/plans`) or edit (`PATCH /api/v1/plans/{id}`) a support plan. Checked in the
 * browser with the API's schema before sending; the server's 400 lands in the same error summary.
 */
export function PlanFormPage({ params }: { params: Record<string, string> }) {
  const id = params.id;
  const [plan] = useFetch(id ? `plan-${id}` : undefined, (signal) => getPlan(id!, signal));
  if (!id) return <PlanFormView initial={emptyPlanForm()} />;
  if (!plan.data) return <FetchStatus state={plan} />;
  return <PlanFormView id={id} initial={planToForm(plan.data)} />;
}

function PlanFormView({ id, initial }: { id?: string; initial: PlanForm }) {
  const lang = useLang();
  const href = useLangHref();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const err = errorOf(errors);
  const say = (key: Parameters<typeof t>[1], p?: Record<string, string | number>) => t(lang, key, p);
  const patch = (p: Partial<PlanForm>) => setForm((f) => ({ ...f, ...p }));
  const text = (key: "caseRef" | "lat" | "lng" | "pregnancyWeeks" | "maxDistanceKm" | "maxCostYen") => ({
    value: form[key],
    onInput: (e: { currentTarget: HTMLInputElement }) => patch({ [key]: e.currentTarget.value }),
  });
  const toggle = <T extends string>(list: T[], v: T, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));

  const submit = async (e: Event) => {
    e.preventDefault();
    const input = formToInput(form);
    const found = planFieldErrors(checkPlan(input), say);
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      const { caseRef, family, needs, constraints } = input;
      const saved = id ? await updatePlan(id, { caseRef, family, needs, constraints }) : await createPlan(input);
      navigate(href(`/staff/plans/${saved.id}`));
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem : undefined;
      setErrors(problem?.errors?.length ? planFieldErrors(problem.errors, say) : [{ field: "plan-case-ref", message: problem?.detail ?? t(lang, "loadError") }]);
    } finally {
      setBusy(false);
    }
  };

  const input = (fid: string, props: Record<string, unknown>, hint = false) => (
    <input id={fid} type="text" {...props} aria-describedby={describedBy(fid, { hint, error: err(fid) })} aria-invalid={!!err(fid)} />
  );

  return (
    <div class="form-page">
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <FormField id="plan-case-ref" label={<T k="planCaseRef" />} hint={<T k="planCaseRefHint" />} error={err("plan-case-ref")}>
          {input("plan-case-ref", { ...text("caseRef"), class: "input-medium", autoComplete: "off", spellcheck: false }, true)}
        </FormField>

        <fieldset class="form-section">
          <legend>
            <T k="planLocation" />
          </legend>
          <p class="hint" id="plan-location-hint">
            <T k="planLocationHint" />
          </p>
          <div class="field-pair">
            <FormField id="plan-lat" label={<T k="latitude" />} error={err("plan-lat")}>
              {input("plan-lat", { ...text("lat"), inputMode: "decimal", class: "input-short" })}
            </FormField>
            <FormField id="plan-lng" label={<T k="longitude" />} error={err("plan-lng")}>
              {input("plan-lng", { ...text("lng"), inputMode: "decimal", class: "input-short" })}
            </FormField>
          </div>
          <LocationPicker lat={form.lat} lng={form.lng} onPick={(p) => patch({ lat: String(p.lat), lng: String(p.lng) })} />
        </fieldset>

        <fieldset class="form-section">
          <legend>
            <T k="planChildren" />
          </legend>
          {form.children.map((c, i) => {
            const fid = `plan-child-${i}-years`;
            const setChild = (p: Partial<typeof c>) => patch({ children: form.children.map((x, j) => (j === i ? { ...x, ...p } : x)) });
            return (
              <fieldset class={`repeat-item${err(fid) ? " field-invalid" : ""}`} key={i}>
                <legend>
                  <T k="planChildN" params={{ n: i + 1 }} />
                </legend>
                <FieldMessage id={fid} error={err(fid)} />
                <div class="field-pair">
                  <div class="field">
                    <label for={fid}>
                      <T k="ageYearsLabel" />
                    </label>
                    <input id={fid} type="text" inputMode="numeric" class="input-short" value={c.years} onInput={(e) => setChild({ years: e.currentTarget.value })} aria-describedby={describedBy(fid, { error: err(fid) })} aria-invalid={!!err(fid)} />
                  </div>
                  <div class="field">
                    <label for={`plan-child-${i}-months`}>
                      <T k="ageMonthsLabel" />
                    </label>
                    <input id={`plan-child-${i}-months`} type="text" inputMode="numeric" class="input-short" value={c.months} onInput={(e) => setChild({ months: e.currentTarget.value })} />
                  </div>
                </div>
                <button type="button" class="button button-link" onClick={() => patch({ children: form.children.filter((_, j) => j !== i) })}>
                  <T k="planRemoveChild" params={{ n: i + 1 }} />
                </button>
              </fieldset>
            );
          })}
          <button type="button" class="button button-small" onClick={() => patch({ children: [...form.children, { years: "", months: "" }] })}>
            <T k="planAddChild" />
          </button>
          <FormField id="plan-pregnancy" label={<T k="planPregnancy" />} hint={<T k="planPregnancyHint" />} error={err("plan-pregnancy")} class="form-gap">
            {input("plan-pregnancy", { ...text("pregnancyWeeks"), inputMode: "numeric", class: "input-short" }, true)}
          </FormField>
        </fieldset>

        <fieldset class="form-section" aria-describedby={err("plan-lang-ja") ? "plan-lang-ja-error" : undefined}>
          <legend>
            <T k="planLanguages" />
          </legend>
          <FieldMessage id="plan-lang-ja" error={err("plan-lang-ja")} />
          <div class="check-grid">
            {Object.keys(LANGUAGES).map((code) => (
              <label class="check" key={code}>
                <input id={`plan-lang-${code}`} type="checkbox" checked={form.languages.includes(code)} onChange={(e) => patch({ languages: toggle(form.languages, code, e.currentTarget.checked) })} />
                {languageLabel(code, lang)}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset class="form-section">
          <legend>
            <T k="planFlags" />
          </legend>
          <label class="check">
            <input type="checkbox" checked={form.publicAssistance} onChange={(e) => patch({ publicAssistance: e.currentTarget.checked })} />
            <T k="planPublicAssistance" />
          </label>
          <label class="check">
            <input type="checkbox" checked={form.disabilityCertificate} onChange={(e) => patch({ disabilityCertificate: e.currentTarget.checked })} />
            <T k="planDisabilityCertificate" />
          </label>
        </fieldset>

        <fieldset class="form-section">
          <legend>
            <T k="planNeeds" />
          </legend>
          <p class="hint">
            <T k="planNeedsHint" />
          </p>
          {form.needs.map((n, i) => {
            const setNeed = (p: Partial<typeof n>) => patch({ needs: form.needs.map((x, j) => (j === i ? { ...x, ...p } : x)) });
            const kindId = `plan-need-${i}-kind`;
            const noteId = `plan-need-${i}-note`;
            return (
              <fieldset class="repeat-item" key={i}>
                <legend>
                  <T k="planNeedN" params={{ n: i + 1 }} />
                </legend>
                <FormField id={kindId} label={<T k="planNeedKind" />} error={err(kindId)}>
                  <select id={kindId} value={n.kind} onChange={(e) => setNeed({ kind: e.currentTarget.value })} aria-describedby={describedBy(kindId, { error: err(kindId) })} aria-invalid={!!err(kindId)}>
                    <option value="">{t(lang, "regChoose")}</option>
                    {RESOURCE_KINDS.map((k) => (
                      <option key={k.code} value={k.code}>
                        {plain(kindLabel(k.code, lang))}
                      </option>
                    ))}
                  </select>
                </FormField>
                <FormField id={`plan-need-${i}-urgency`} label={<T k="planUrgency" />}>
                  <select id={`plan-need-${i}-urgency`} value={n.urgency} onChange={(e) => setNeed({ urgency: e.currentTarget.value })}>
                    {URGENCIES.map((u) => (
                      <option key={u} value={u}>
                        {t(lang, `urgency_${u}`)}
                      </option>
                    ))}
                  </select>
                </FormField>
                <FormField id={noteId} label={<T k="planNeedNote" />} hint={<T k="planNeedNoteHint" />} error={err(noteId)}>
                  <textarea id={noteId} rows={2} value={n.note} onInput={(e) => setNeed({ note: e.currentTarget.value })} aria-describedby={describedBy(noteId, { hint: true, error: err(noteId) })} />
                </FormField>
                {form.needs.length > 1 && (
                  <button type="button" class="button button-link" onClick={() => patch({ needs: form.needs.filter((_, j) => j !== i) })}>
                    <T k="planRemoveNeed" params={{ n: i + 1 }} />
                  </button>
                )}
              </fieldset>
            );
          })}
          <button type="button" class="button button-small" onClick={() => patch({ needs: [...form.needs, emptyNeed()] })}>
            <T k="planAddNeed" />
          </button>
        </fieldset>

        <fieldset class="form-section">
          <legend>
            <T k="planConstraints" />
          </legend>
          <FormField id="plan-distance" label={<T k="planMaxDistance" />} hint={<T k="planMaxDistanceHint" />} error={err("plan-distance")}>
            {input("plan-distance", { ...text("maxDistanceKm"), inputMode: "decimal", class: "input-short" }, true)}
          </FormField>
          <FormField id="plan-cost" label={<T k="planMaxCost" />} hint={<T k="planMaxCostHint" />} error={err("plan-cost")}>
            {input("plan-cost", { ...text("maxCostYen"), inputMode: "numeric", class: "input-short" }, true)}
          </FormField>
          <fieldset>
            <legend>
              <T k="planDays" />
            </legend>
            <p class="hint">
              <T k="planDaysHint" />
            </p>
            <FieldMessage id="plan-day-mon" error={err("plan-day-mon")} />
            <div class="check-grid">
              {WEEKDAYS.map((d) => (
                <label class="check" key={d}>
                  <input id={`plan-day-${d}`} type="checkbox" checked={form.days.includes(d)} onChange={(e) => patch({ days: toggle(form.days, d, e.currentTarget.checked) })} />
                  {weekdayLabel(d, lang)}
                </label>
              ))}
            </div>
          </fieldset>
        </fieldset>

        <div class="button-row">
          <button type="submit" class="button button-primary" disabled={busy}>
            <T k={id ? "planSave" : "planCreate"} />
          </button>
          <Link class="button" href={href(id ? `/staff/plans/${id}` : "/staff/plans")}>
            <T k="cancel" />
          </Link>
        </div>
      </form>
    </div>
  );
}

