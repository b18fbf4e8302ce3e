import { useEffect, useState } from "preact/hooks";
import { ApiError, apiGet, apiPost } from "../api/client.js";
import { formatDistance, kindLabel } from "../family/format.js";
import { Ruby, T, t, useLang } from "../i18n/i18n.js";
import { Link } from "../router.js";
import { hrefWithLang, useLangHref } from "../ui/layout.js";
import { QrCode } from "../ui/qr-code.js";
import { useFetch } from "../ui/use-fetch.js";
import { FetchStatus } from "./fetch-status.js";
import { SHEET_LANG } from "./sheet-language.js";
import { StaffPage } from "./staff-page.js";
import type { CreatedSheet, PlanMatches, SheetLanguage } from "./types.js";

/**
 * Making a 利用勧奨 sheet from a plan (`POST /api/v1/plans/{id}/sheets`): tick services among the
 * plan's matches (the plan-level suggestion comes ticked), choose the family's language, and get
 * the link to hand over, as text and as a QR code.
 */
const MATCHES_OFFERED = 5;
const MAX_SERVICES = 10;
const LANGUAGES: { value: SheetLanguage; label: "sheetLangJa" | "sheetLangEasy" | "sheetLangEn" }[] = [
  { value: "ja", label: "sheetLangJa" },
  { value: "easy-ja", label: "sheetLangEasy" },
  { value: "en", label: "sheetLangEn" },
];

export default function CreateSheetPage({ params }: { params: Record<string, string> }) {
  return (
    <StaffPage>
      <CreateSheet planId={params.id ?? ""} />
    </StaffPage>
  );
}

function CreateSheet({ planId }: { planId: string }) {
  const lang = useLang();
  const href = useLangHref();
  const [res, reload] = useFetch(planId, (signal) => apiGet<PlanMatches>(`/plans/${encodeURIComponent(planId)}/matches`, {}, signal));
  const [chosen, setChosen] = useState<string[]>([]);
  const [language, setLanguage] = useState<SheetLanguage>("ja");
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<CreatedSheet>();
  useEffect(() => {
    if (res.status === "ok") setChosen([...new Set(res.data.suggestion.picks.map((p) => p.serviceId))].slice(0, MAX_SERVICES));
  }, [res.status]);

  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    if (chosen.length === 0) return setError(t(lang, "sheetChooseOne"));
    if (chosen.length > MAX_SERVICES) return setError(t(lang, "sheetTooMany", { n: MAX_SERVICES }));
    try {
      setCreated(await apiPost<CreatedSheet>(`/plans/${encodeURIComponent(planId)}/sheets`, { serviceIds: chosen, language }));
    } catch (err) {
      setError(err instanceof ApiError && err.problem.errors?.length ? err.problem.errors.map((x) => `${x.path}: ${x.message}`).join(" / ") : t(lang, "loadError"));
    }
  };

  const offered = (res.data?.needs ?? []).map((need) => ({ ...need, matches: need.matches.slice(0, MATCHES_OFFERED) }));
  return (
    <section aria-labelledby="make-sheet-title" class="duties">
      <h2 id="make-sheet-title">
        <T k="sheetMake" />
      </h2>
      <p>
        <T k="sheetMakeIntro" />{" "}
        <Link href={href(`/staff/plans/${planId}/summary`)}>
          <T k="caseSummaryTitle" />
        </Link>
      </p>
      <FetchStatus state={res} onRetry={reload} />
      {res.data && !created && (
        <form onSubmit={submit} noValidate>
          {error && (
            <p class="notice notice-error" role="alert">
              {error}
            </p>
          )}
          {offered.map((need) => (
            <fieldset key={need.kind}>
              <legend>
                <Ruby text={kindLabel(need.kind, lang)} />
              </legend>
              {need.matches.length === 0 && (
                <p>
                  <T k="sheetNoMatches" />
                </p>
              )}
              {need.matches.map((m) => (
                <label class="check" key={m.serviceId}>
                  <input type="checkbox" checked={chosen.includes(m.serviceId)} onChange={(e) => toggle(m.serviceId, e.currentTarget.checked)} />
                  <span>
                    {m.name} <span class="hint">({m.organizationName}, {formatDistance(m.distanceMeters)})</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
          <fieldset>
            <legend>
              <T k="sheetLanguage" />
            </legend>
            {LANGUAGES.map((l) => (
              <label class="check" key={l.value}>
                <input type="radio" name="sheet-language" value={l.value} checked={language === l.value} onChange={() => setLanguage(l.value)} />
                <T k={l.label} />
              </label>
            ))}
          </fieldset>
          <button type="submit" class="button button-primary">
            <T k="sheetCreate" />
          </button>
        </form>
      )}
      {created && <CreatedLink sheet={created} onAnother={() => setCreated(undefined)} />}
    </section>
  );
}

function CreatedLink({ sheet, onAnother }: { sheet: CreatedSheet; onAnother(): void }) {
  const lang = useLang();
  const url = window.location.origin + hrefWithLang(sheet.path, SHEET_LANG[sheet.language]);
  return (
    <div class="panel-confirmation sheet-created" role="status">
      <h3>
        <T k="sheetCreated" />
      </h3>
      <p>
        <T k="sheetCreatedHint" />
      </p>
      <p class="sheet-link">
        <a href={url} target="_blank" rel="noopener">
          {url}
        </a>
      </p>
      <QrCode value={url} label={t(lang, "sheetLinkQr")} size={140} />
      <p>
        <button type="button" class="button" onClick={onAnother}>
          <T k="sheetAnother" />
        </button>
      </p>
    </div>
  );
}
