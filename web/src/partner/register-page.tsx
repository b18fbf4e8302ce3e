import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { Registration } from "../../../src/partners/register.js";
import { ApiError, apiGet, apiPost } from "../api/client.js";
import { T, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link } from "../router.js";
import { ErrorSummary, type FieldError, fieldErrors } from "../ui/error-summary.js";
import { Layout, useLangHref } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";

interface Center {
  municipalityCode: string;
  municipalityName: string;
  prefecture: string;
}

/** API field paths → input ids, so the server's 400 problem points at the right field. */
const FIELD_OF: Record<string, string> = {
  email: "reg-email",
  password: "reg-password",
  "organization.name": "reg-name",
  "organization.nameKana": "reg-kana",
  "organization.phone": "reg-phone",
  "organization.description": "reg-description",
  "organization.municipalityCodes": "reg-municipality",
};

/**
 * A community group signs up (`POST /api/v1/partners/register`): one account and its
 * organization, which waits for the center's review before anything is public.
 */
export default function RegisterPage() {
  const lang = useLang();
  const href = useLangHref();
  const [centers] = useFetch("centers", (signal) => apiGet<Center[]>("/centers", {}, signal));
  const [form, setForm] = useState({ email: "", password: "", name: "", nameKana: "", phone: "", description: "", municipality: "" });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const set = (key: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });

  const submit = async (e: Event) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    // In the order of the form, as the error summary lists them.
    if (!form.name.trim()) missing.push({ field: "reg-name", message: t(lang, "regNameMissing") });
    if (!form.municipality) missing.push({ field: "reg-municipality", message: t(lang, "regMunicipalityMissing") });
    if (!form.email.trim()) missing.push({ field: "reg-email", message: t(lang, "regEmailMissing") });
    if (!form.password) missing.push({ field: "reg-password", message: t(lang, "regPasswordMissing") });
    setErrors(missing);
    if (missing.length) return;
    const body: Registration = {
      email: form.email.trim(),
      password: form.password,
      organization: {
        name: form.name.trim(),
        nameKana: form.nameKana.trim() || undefined,
        phone: form.phone.trim() || undefined,
        description: form.description.trim() || undefined,
        municipalityCodes: [form.municipality],
      },
    };
    setBusy(true);
    try {
      await apiPost("/partners/register", body);
      setDone(true);
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      setErrors(problem?.errors?.length ? fieldErrors(problem.errors, FIELD_OF, "reg-email") : [{ field: "reg-email", message: problem?.detail ?? t(lang, "loadError") }]);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Layout title={t(lang, "regDoneTitle")}>
        <div class="panel-confirmation" role="status">
          <h1>
            <T k="regDoneTitle" />
          </h1>
        </div>
        <h2>
          <T k="whatHappensNext" />
        </h2>
        <p>
          <T k="regDoneNext" />
        </p>
        <p>
          <Link href={href("/login")}>
            <T k="signIn" />
          </Link>
        </p>
      </Layout>
    );
  }

  const err = (field: string) => errors.find((e) => e.field === field);
  const field = (id: string, label: MessageKey, input: JSX.Element, hint?: MessageKey) => (
    <div class={`field${err(id) ? " field-invalid" : ""}`}>
      <label for={id}>
        <T k={label} />
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          <T k={hint} />
        </p>
      )}
      {err(id) && (
        <p class="field-error" id={`${id}-error`}>
          {err(id)!.message}
        </p>
      )}
      {input}
    </div>
  );
  const describedBy = (id: string, hint?: boolean) => [hint ? `${id}-hint` : "", err(id) ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

  return (
    <Layout title={t(lang, "regTitle")}>
      <div class="narrow">
        <h1 class="page-title">
          <T k="regTitle" />
        </h1>
        <p>
          <T k="regIntro" />
        </p>
        <ErrorSummary errors={errors} />
        <form onSubmit={submit} noValidate>
          {field("reg-name", "regName", <input id="reg-name" type="text" autoComplete="organization" value={form.name} onInput={set("name")} aria-describedby={describedBy("reg-name")} aria-invalid={!!err("reg-name")} />)}
          {field("reg-kana", "regKana", <input id="reg-kana" type="text" value={form.nameKana} onInput={set("nameKana")} aria-describedby={describedBy("reg-kana", true)} />, "regKanaHint")}
          {field(
            "reg-municipality",
            "regMunicipality",
            <select id="reg-municipality" value={form.municipality} onChange={set("municipality")} aria-describedby={describedBy("reg-municipality", true)} aria-invalid={!!err("reg-municipality")}>
              <option value="">{t(lang, "regChoose")}</option>
              {centers.data?.map((c) => (
                <option key={c.municipalityCode} value={c.municipalityCode}>
                  {c.prefecture}
                  {c.municipalityName}
                </option>
              ))}
            </select>,
            "regMunicipalityHint",
          )}
          {field("reg-phone", "phone", <input id="reg-phone" type="tel" autoComplete="tel" value={form.phone} onInput={set("phone")} aria-describedby={describedBy("reg-phone")} />)}
          {field("reg-description", "regDescription", <textarea id="reg-description" rows={3} value={form.description} onInput={set("description")} aria-describedby={describedBy("reg-description")} />)}
          {field("reg-email", "email", <input id="reg-email" type="email" autoComplete="email" value={form.email} onInput={set("email")} aria-describedby={describedBy("reg-email")} aria-invalid={!!err("reg-email")} />)}
          {field(
            "reg-password",
            "password",
            <input id="reg-password" type="password" autoComplete="new-password" value={form.password} onInput={set("password")} aria-describedby={describedBy("reg-password", true)} aria-invalid={!!err("reg-password")} />,
            "regPasswordHint",
          )}
          <button type="submit" class="button button-primary" disabled={busy}>
            <T k="regSubmit" />
          </button>
        </form>
      </div>
    </Layout>
  );
}
