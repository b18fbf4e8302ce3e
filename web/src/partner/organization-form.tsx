import { useEffect, useState } from "preact/hooks";
import { ApiError, apiGet } from "../api/client.js";
import { T, t, useLang } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import { Link } from "../router.js";
import { ErrorSummary, type FieldError, namedFieldErrors } from "../ui/error-summary.js";
import { Field, FieldGroup, fieldErrorsOf } from "../ui/field.js";
import { useLangHref } from "../ui/layout.js";
import { useFetch } from "../ui/use-fetch.js";
import { type OrganizationDraft, type OrganizationRecord, getOrganization, patchOrganization, recordState } from "./partner-api.js";
import { StateTag } from "./state-tag.js";

interface Center {
  municipalityCode: string;
  municipalityName: string;
  prefecture: string;
}

const TEXT_FIELDS = [
  ["name", "orgName", "autoComplete:organization"],
  ["nameKana", "regKana", ""],
  ["legalStatus", "orgLegalStatus", ""],
  ["corporateNumber", "orgCorporateNumber", ""],
  ["phone", "phone", "autoComplete:tel"],
  ["email", "email", "autoComplete:email"],
  ["website", "website", "autoComplete:url"],
] as const satisfies readonly [keyof OrganizationDraft, MessageKey, string][];

type TextKey = (typeof TEXT_FIELDS)[number][0] | "description";
type OrgForm = Record<TextKey, string> & { municipalityCodes: string[] };

const fieldId = (key: string) => `org-${key}`;
const editedDraft = (r: OrganizationRecord) => (r.revision?.status === "pending" ? r.revision.draft : r.draft) as OrganizationDraft;

/**
 * The organization's details (`/partner/organization`, PATCH /organizations/{id}). Like a
 * service, a change to a published organization waits for the center's review.
 */
export function OrganizationForm({ organizationId }: { organizationId: string }) {
  const lang = useLang();
  const href = useLangHref();
  const [record, reload] = useFetch(organizationId, (signal) => getOrganization(organizationId, signal));
  const [centers] = useFetch("centers", (signal) => apiGet<Center[]>("/centers", {}, signal));
  const [form, setForm] = useState<OrgForm>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const { error, describedBy } = fieldErrorsOf(errors);
  useEffect(() => {
    if (!record.data) return;
    const d = editedDraft(record.data);
    setForm({
      name: d.name,
      nameKana: d.nameKana ?? "",
      description: d.description ?? "",
      legalStatus: d.legalStatus ?? "",
      corporateNumber: d.corporateNumber ?? "",
      phone: d.phone ?? "",
      email: d.email ?? "",
      website: d.website ?? "",
      municipalityCodes: [...d.municipalityCodes],
    });
  }, [record.data]);

  if (record.status === "error") {
    return (
      <p class="notice notice-error" role="alert">
        <T k="loadError" />
      </p>
    );
  }
  if (!form || !record.data) {
    return (
      <p role="status">
        <T k="loading" />
      </p>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!form.name.trim()) problems.push({ field: "org-name", message: t(lang, "regNameMissing") });
    if (!form.municipalityCodes.length) problems.push({ field: "org-municipality-0", message: t(lang, "regMunicipalityMissing") });
    setErrors(problems);
    setSaved(false);
    if (problems.length) return;
    const patch: Record<string, unknown> = { municipalityCodes: form.municipalityCodes };
    for (const key of [...TEXT_FIELDS.map((f) => f[0]), "description"] as TextKey[]) patch[key] = form[key].trim() || (key === "name" ? form.name : null);
    setBusy(true);
    try {
      await patchOrganization(organizationId, patch);
      setSaved(true);
      reload();
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      const fieldOf = (path: string) => (path.startsWith("municipalityCodes") ? "org-municipality-0" : fieldId(path.split(".")[0]!));
      setErrors(problem?.errors?.length ? namedFieldErrors(problem.errors, fieldOf) : [{ field: "org-name", message: problem?.detail ?? t(lang, "loadError") }]);
    } finally {
      setBusy(false);
    }
  };

  const r = record.data;
  const state = recordState(r);
  const set = (key: TextKey) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value });
  const optional = t(lang, "optional");
  return (
    <>
      <p>
        <Link href={href("/partner")}>
          <T k="backToPortal" />
        </Link>
      </p>
      <h2 class="page-subtitle">
        <T k="orgTitle" />
      </h2>
      {saved && (
        <div class="notice notice-success" role="status">
          <p>
            <strong>
              <T k="svcSaved" />
            </strong>
          </p>
          <p>
            <T k={state === "published" ? "svcSavedPublished" : state === "changesPending" ? "svcSavedChangesPending" : "svcSavedPending"} />
          </p>
        </div>
      )}
      <p>
        <T k="svcStateNow" /> <StateTag state={state} />
      </p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        {TEXT_FIELDS.map(([key, label, attr]) => (
          <Field key={key} id={fieldId(key)} label={label} labelSuffix={key === "name" ? undefined : optional} error={error(fieldId(key))}>
            <input
              type="text"
              id={fieldId(key)}
              value={form[key]}
              autoComplete={attr ? attr.split(":")[1] : undefined}
              aria-invalid={!!error(fieldId(key))}
              aria-describedby={describedBy(fieldId(key))}
              onInput={set(key)}
            />
          </Field>
        ))}
        <Field id="org-description" label="regDescription" labelSuffix={optional} error={error("org-description")}>
          <textarea id="org-description" rows={4} value={form.description} aria-describedby={describedBy("org-description")} onInput={set("description")} />
        </Field>
        <FieldGroup id="org-municipality-0" legend="orgMunicipalities" hint="regMunicipalityHint" error={error("org-municipality-0")}>
          {centers.data?.map((c, i) => (
            <label class="check" key={c.municipalityCode}>
              <input
                type="checkbox"
                id={`org-municipality-${i}`}
                checked={form.municipalityCodes.includes(c.municipalityCode)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    municipalityCodes: e.currentTarget.checked ? [...form.municipalityCodes, c.municipalityCode] : form.municipalityCodes.filter((x) => x !== c.municipalityCode),
                  })
                }
              />
              {c.prefecture}
              {c.municipalityName}
            </label>
          ))}
        </FieldGroup>
        <p class="hint">
          <T k={r.status === "published" ? "svcSaveHintPublished" : "svcSaveHintPending"} />
        </p>
        <button type="submit" class="button button-primary" disabled={busy}>
          <T k="svcSave" />
        </button>
      </form>
    </>
  );
}
