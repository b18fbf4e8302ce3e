import { useEffect, useState } from "preact/hooks";
import { Ruby, T, plain, t, useLang } from "../i18n/i18n.js";
import { Icon } from "../ui/icon.js";
import { LANGUAGE_CODES, PUBLIC_KINDS, formatDistance, kindLabel, languageLabel, weekdayLabel } from "./format.js";
import { type FamilyState, RADII, WEEKDAYS } from "./search-state.js";

export interface SearchFormProps {
  state: FamilyState;
  /** A change of the search: the page writes it to the URL (and goes back to page 1). */
  onChange(patch: Partial<FamilyState>): void;
  onNearMe(): void;
  onPickOnMap(): void;
  picking: boolean;
  locating: boolean;
  geoError: boolean;
  kindCounts?: Record<string, number>;
}

const AGES = Array.from({ length: 19 }, (_, i) => i);

export function SearchForm(props: SearchFormProps) {
  const lang = useLang();
  const { state, onChange } = props;
  const [q, setQ] = useState(state.q);
  useEffect(() => setQ(state.q), [state.q]);
  const filtersOn = state.age !== undefined || state.free || !!state.day || state.now || !!state.language;

  const toggleKind = (code: string) =>
    onChange({ kinds: state.kinds.includes(code) ? state.kinds.filter((k) => k !== code) : [...state.kinds, code] });

  return (
    <div class="search-panel">
      <form
        role="search"
        class="search-box"
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ q });
        }}
      >
        <label for="q" class="visually-hidden">
          <T k="searchLabel" />
        </label>
        <input
          id="q"
          type="search"
          name="q"
          value={q}
          maxLength={200}
          placeholder={t(lang, "searchPlaceholder")}
          onInput={(e) => setQ(e.currentTarget.value)}
          autoComplete="off"
        />
        <button type="submit" class="button button-primary">
          <T k="searchButton" />
        </button>
      </form>

      <fieldset class="chips">
        <legend>
          <T k="kinds" />
        </legend>
        <ul>
          {PUBLIC_KINDS.map((k) => {
            const count = props.kindCounts?.[k.code];
            return (
              <li key={k.code}>
                <button type="button" class="chip" aria-pressed={state.kinds.includes(k.code)} onClick={() => toggleKind(k.code)}>
                  <Ruby text={kindLabel(k.code, lang)} />
                  {count !== undefined && <span class="chip-count"> {count}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <details class="filters" open={filtersOn}>
        <summary>
          <T k="filters" />
        </summary>
        <div class="filter-grid">
          <div class="field">
            <label for="f-age">
              <T k="childAge" />
            </label>
            <select
              id="f-age"
              value={state.age === undefined ? "" : String(state.age)}
              onChange={(e) => {
                const v = e.currentTarget.value;
                onChange({ age: v === "" ? undefined : v === "p" ? "p" : Number(v) });
              }}
            >
              <option value="">{t(lang, "ageAny")}</option>
              <option value="p">{t(lang, "agePregnant")}</option>
              {AGES.map((n) => (
                <option key={n} value={String(n)}>
                  {n === 0 ? t(lang, "ageUnderOne") : t(lang, "ageYears", { n })}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-day">
              <T k="openOn" />
            </label>
            <select
              id="f-day"
              value={state.day ?? ""}
              disabled={state.now}
              onChange={(e) => onChange({ day: (e.currentTarget.value || undefined) as FamilyState["day"] })}
            >
              <option value="">{t(lang, "anyDay")}</option>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {plain(weekdayLabel(d, lang))}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-lang">
              <T k="languageFilter" />
            </label>
            <select id="f-lang" value={state.language ?? ""} onChange={(e) => onChange({ language: e.currentTarget.value || undefined })}>
              <option value="">{t(lang, "anyLanguage")}</option>
              {LANGUAGE_CODES.map((c) => (
                <option key={c} value={c}>
                  {languageLabel(c, lang)}
                </option>
              ))}
            </select>
          </div>
          <div class="field field-checks">
            <label class="check">
              <input type="checkbox" checked={state.free} onChange={(e) => onChange({ free: e.currentTarget.checked })} />
              <span>
                <T k="freeOnly" />
              </span>
            </label>
            <label class="check">
              <input type="checkbox" checked={state.now} onChange={(e) => onChange({ now: e.currentTarget.checked })} />
              <span>
                <T k="openNow" />
              </span>
            </label>
          </div>
        </div>
        {filtersOn && (
          <button
            type="button"
            class="button button-link"
            onClick={() => onChange({ age: undefined, free: false, day: undefined, now: false, language: undefined })}
          >
            <T k="clearFilters" />
          </button>
        )}
      </details>

      <WherePanel {...props} />
    </div>
  );
}

function WherePanel(props: SearchFormProps) {
  const lang = useLang();
  const { state, onChange } = props;
  return (
    <fieldset class="where">
      <legend>
        <T k="where" />
      </legend>
      <div class="where-buttons">
        <button type="button" class="button" onClick={props.onNearMe} disabled={props.locating}>
          <Icon name="locate" />
          <T k="nearMe" />
        </button>
        <button type="button" class="button" onClick={props.onPickOnMap} aria-pressed={props.picking}>
          <Icon name="pin" />
          <T k="pickOnMap" />
        </button>
      </div>
      <p class="where-status" role="status">
        {props.locating && <T k="locating" />}
        {props.geoError && <T k="geolocationError" />}
        {!props.locating && !props.picking && !props.geoError && state.point && <T k="pointChosen" />}
      </p>
      {state.point && (
        <div class="where-options">
          <div class="field">
            <label for="f-radius">
              <T k="radius" />
            </label>
            <select id="f-radius" value={state.radius ? String(state.radius) : ""} onChange={(e) => onChange({ radius: Number(e.currentTarget.value) || undefined })}>
              <option value="">{t(lang, "radiusAny")}</option>
              {RADII.map((r) => (
                <option key={r} value={String(r)}>
                  {formatDistance(r)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-sort">
              <T k="sort" />
            </label>
            <select id="f-sort" value={state.sort} onChange={(e) => onChange({ sort: e.currentTarget.value as FamilyState["sort"] })}>
              <option value="distance">{t(lang, "sortDistance")}</option>
              <option value="relevance">{t(lang, "sortRelevance")}</option>
            </select>
          </div>
          <button type="button" class="button button-link" onClick={() => onChange({ point: undefined, radius: undefined })}>
            <T k="clearPoint" />
          </button>
        </div>
      )}
    </fieldset>
  );
}
