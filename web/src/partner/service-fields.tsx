import type { InputHTMLAttributes } from "preact";
import { LANGUAGES } from "../../../src/domain/languages.js";
import { RESOURCE_KINDS } from "../../../src/domain/taxonomy.js";
import { kindLabel, languageLabel } from "../family/format.js";
import { Ruby, T, plain, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import type { FieldError } from "../ui/error-summary.js";
import { Field, FieldGroup, fieldErrorsOf } from "../ui/field.js";
import type { CostKind, ServiceForm, ServiceStatus } from "./service-form-model.js";

/**
 * The sections of the service form other than place and hours: what it is, who it is for, what
 * it costs, the languages, how to get in touch. Each section is a plain function of the form.
 */
export interface SectionProps {
  form: ServiceForm;
  errors: FieldError[];
  onChange(change: Partial<ServiceForm>): void;
}

type TextKey = { [K in keyof ServiceForm]: ServiceForm[K] extends string ? K : never }[keyof ServiceForm];

function useInputs({ form, errors, onChange }: SectionProps) {
  const lang = useLang();
  const { error, describedBy } = fieldErrorsOf(errors);
  const optional = t(lang, "optional");
  const input = (key: TextKey, id: string, attrs: InputHTMLAttributes<HTMLInputElement> = {}, hint = false) => (
    <input type="text" id={id} value={form[key]} aria-invalid={!!error(id)} aria-describedby={describedBy(id, hint)} onInput={(e) => onChange({ [key]: e.currentTarget.value })} {...attrs} />
  );
  const area = (key: TextKey, id: string, rows = 3, hint = false) => (
    <textarea id={id} rows={rows} value={form[key]} aria-invalid={!!error(id)} aria-describedby={describedBy(id, hint)} onInput={(e) => onChange({ [key]: e.currentTarget.value })} />
  );
  const check = (key: "acceptsPrenatal" | "acceptsPostnatal" | "residenceRequired" | "certificateRequired", label: MessageKey) => (
    <label class="check">
      <input type="checkbox" id={`svc-${key}`} checked={form[key]} onChange={(e) => onChange({ [key]: e.currentTarget.checked })} />
      <T k={label} />
    </label>
  );
  return { lang, error, describedBy, optional, input, area, check };
}

export function AboutSection(props: SectionProps) {
  const { form, onChange } = props;
  const { lang, error, describedBy, optional, input, area } = useInputs(props);
  const kinds = RESOURCE_KINDS.filter((k) => k.publicListing || k.code === form.kind);
  return (
    <>
      <Field id="svc-name" label="svcName" error={error("svc-name")}>
        {input("name", "svc-name")}
      </Field>
      <Field id="svc-kana" label="svcKana" hint="regKanaHint" error={error("svc-kana")}>
        {input("nameKana", "svc-kana", {}, true)}
      </Field>
      <Field id="svc-kind" label="svcKind" error={error("svc-kind")}>
        <select id="svc-kind" value={form.kind} aria-invalid={!!error("svc-kind")} aria-describedby={describedBy("svc-kind")} onChange={(e) => onChange({ kind: e.currentTarget.value })}>
          <option value="">{t(lang, "regChoose")}</option>
          {kinds.map((k) => (
            <option key={k.code} value={k.code}>
              {plain(kindLabel(k.code, lang))}
            </option>
          ))}
        </select>
      </Field>
      <details class="details" open={form.otherKinds.length > 0}>
        <summary>
          <T k="svcOtherKinds" />
        </summary>
        <FieldGroup id="svc-other-kinds" legend="svcOtherKinds" hint="svcOtherKindsHint" error={error("svc-other-kinds")} class="check-columns">
          {kinds
            .filter((k) => k.code !== form.kind)
            .map((k, i) => (
              <label class="check" key={k.code}>
                <input
                  type="checkbox"
                  id={i === 0 ? "svc-other-kinds" : `svc-other-${k.code}`}
                  checked={form.otherKinds.includes(k.code)}
                  onChange={(e) => onChange({ otherKinds: e.currentTarget.checked ? [...form.otherKinds, k.code] : form.otherKinds.filter((c) => c !== k.code) })}
                />
                <Ruby text={kindLabel(k.code, lang)} />
              </label>
            ))}
        </FieldGroup>
      </details>
      <Field id="svc-description" label="svcDescription" labelSuffix={optional} error={error("svc-description")}>
        {area("description", "svc-description", 5)}
      </Field>
      <Field id="svc-status" label="svcStatus" error={error("svc-status")}>
        <select id="svc-status" value={form.status} onChange={(e) => onChange({ status: e.currentTarget.value as ServiceStatus })}>
          {(["active", "temporarily closed", "inactive", "defunct"] as const).map((s) => (
            <option key={s} value={s}>
              {t(lang, STATUS_LABELS[s])}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

const STATUS_LABELS: Record<ServiceStatus, MessageKey> = {
  active: "svcStatusActive",
  "temporarily closed": "svcStatusPaused",
  inactive: "svcStatusInactive",
  defunct: "svcStatusDefunct",
};

export function EligibilitySection(props: SectionProps) {
  const { form, onChange } = props;
  const { error, optional, input, area, check } = useInputs(props);
  const age = (which: "min" | "max") => {
    const id = `svc-age-${which}`;
    const y = which === "min" ? "ageMinYears" : "ageMaxYears";
    const m = which === "min" ? "ageMinMonths" : "ageMaxMonths";
    return (
      <FieldGroup id={id} legend={which === "min" ? "svcAgeMin" : "svcAgeMax"} hint={which === "max" ? "svcAgeMaxHint" : undefined} error={error(id) ?? error(`${id}-m`)}>
        <div class="age-pair">
          <div class="field">
            <label for={id}>
              <T k="svcYears" />
            </label>
            <input type="text" id={id} class="input-short" inputMode="numeric" value={form[y]} aria-invalid={!!error(id)} onInput={(e) => onChange({ [y]: e.currentTarget.value })} />
          </div>
          <div class="field">
            <label for={`${id}-m`}>
              <T k="svcMonths" />
            </label>
            <input type="text" id={`${id}-m`} class="input-short" inputMode="numeric" value={form[m]} aria-invalid={!!error(`${id}-m`)} onInput={(e) => onChange({ [m]: e.currentTarget.value })} />
          </div>
        </div>
      </FieldGroup>
    );
  };
  return (
    <>
      <p class="hint">
        <T k="svcAgesHint" />
      </p>
      {age("min")}
      {age("max")}
      <FieldGroup id="svc-acceptsPrenatal" legend="svcPregnancy">
        {check("acceptsPrenatal", "svcAcceptsPrenatal")}
        {check("acceptsPostnatal", "svcAcceptsPostnatal")}
      </FieldGroup>
      <Field id="svc-pregnancy-weeks" label="svcPregnancyWeeks" labelSuffix={optional} error={error("svc-pregnancy-weeks")}>
        {input("pregnancyMinWeeks", "svc-pregnancy-weeks", { class: "input-short", inputMode: "numeric" })}
      </Field>
      <FieldGroup id="svc-residenceRequired" legend="svcConditions">
        {check("residenceRequired", "svcResidenceRequired")}
        {check("certificateRequired", "svcCertificateRequired")}
      </FieldGroup>
      <Field id="svc-eligibility" label="svcEligibilityText" labelSuffix={optional} error={error("svc-eligibility")}>
        {area("eligibilityDescription", "svc-eligibility")}
      </Field>
    </>
  );
}

export function CostSection(props: SectionProps) {
  const { form, onChange } = props;
  const { error, optional, input, area } = useInputs(props);
  const kinds: [CostKind, MessageKey][] = [
    ["free", "svcCostFree"],
    ["fee", "svcCostFee"],
    ["sliding", "svcCostSliding"],
  ];
  return (
    <>
      <FieldGroup id="svc-cost-free" legend="svcCostKind" error={error("svc-cost-free")}>
        {kinds.map(([kind, label]) => (
          <label class="check" key={kind}>
            <input type="radio" name="svc-cost" id={`svc-cost-${kind}`} checked={form.costKind === kind} onChange={() => onChange({ costKind: kind })} />
            <T k={label} />
          </label>
        ))}
      </FieldGroup>
      {form.costKind !== "free" && (
        <Field id="svc-cost-amount" label="svcCostAmount" labelSuffix={optional} error={error("svc-cost-amount")}>
          {input("costAmountYen", "svc-cost-amount", { class: "input-short", inputMode: "numeric" })}
        </Field>
      )}
      <Field id="svc-cost-description" label="svcCostDescription" labelSuffix={optional} error={error("svc-cost-description")}>
        {area("costDescription", "svc-cost-description", 2)}
      </Field>
    </>
  );
}

export function LanguagesSection(props: SectionProps) {
  const { form, onChange } = props;
  const { lang, error, optional, input } = useInputs(props);
  return (
    <>
      <FieldGroup id="svc-lang-ja" legend="svcLanguages" error={error("svc-lang-ja")} class="check-columns">
        {Object.keys(LANGUAGES).map((code) => (
          <label class="check" key={code}>
            <input
              type="checkbox"
              id={`svc-lang-${code}`}
              checked={form.languages.includes(code)}
              onChange={(e) => onChange({ languages: e.currentTarget.checked ? [...form.languages, code] : form.languages.filter((c) => c !== code) })}
            />
            {languageLabel(code, lang)}
          </label>
        ))}
      </FieldGroup>
      <Field id="svc-interpretation" label="svcInterpretation" labelSuffix={optional} error={error("svc-interpretation")}>
        {input("interpretationServices", "svc-interpretation")}
      </Field>
    </>
  );
}

export function ContactSection(props: SectionProps) {
  const { error, optional, input, area } = useInputs(props);
  return (
    <>
      <Field id="svc-phone" label="phone" labelSuffix={optional} error={error("svc-phone")}>
        {input("phone", "svc-phone", { type: "tel", autoComplete: "tel" })}
      </Field>
      <Field id="svc-email" label="email" labelSuffix={optional} error={error("svc-email")}>
        {input("email", "svc-email", { type: "email", autoComplete: "email" })}
      </Field>
      <Field id="svc-url" label="website" labelSuffix={optional} error={error("svc-url")}>
        {input("url", "svc-url", { type: "url", autoComplete: "url" })}
      </Field>
      <Field id="svc-application" label="howToApply" labelSuffix={optional} error={error("svc-application")}>
        {area("applicationProcess", "svc-application")}
      </Field>
    </>
  );
}
