import { useEffect, useRef } from "preact/hooks";
import { WEEKDAYS, type Weekday } from "../../../src/domain/schedule.js";
import { T, plain, t, useLang } from "../i18n/i18n.js";
import { WEEKDAY_LABELS } from "../i18n/messages.js";
import { fieldErrorsOf } from "../ui/field.js";
import type { FieldError } from "../ui/error-summary.js";
import { type ScheduleRow, newScheduleRow } from "./service-form-model.js";

/**
 * The weekly opening hours: one row per "these days, from … to …", rows added and removed with
 * buttons (the GOV.UK "add another" pattern). Adding a row moves focus to its first day;
 * removing one moves focus to the add button, so the keyboard never lands on nothing.
 */
export function ScheduleEditor({ rows, errors, onChange }: { rows: ScheduleRow[]; errors: FieldError[]; onChange(rows: ScheduleRow[]): void }) {
  const lang = useLang();
  const { error, describedBy } = fieldErrorsOf(errors);
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });
  const update = (i: number, change: Partial<ScheduleRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const toggleDay = (i: number, day: Weekday, on: boolean) => {
    const days = on ? [...rows[i]!.days, day] : rows[i]!.days.filter((d) => d !== day);
    update(i, { days: WEEKDAYS.filter((d) => days.includes(d)) });
  };

  return (
    <div class="schedule-editor">
      {rows.length === 0 && (
        <p>
          <T k="svcScheduleNone" />
        </p>
      )}
      {rows.map((row, i) => {
        const id = `svc-slot-${i}`;
        const daysError = error(`${id}-day-mon`);
        return (
          <fieldset key={row.key} class="schedule-row">
            <legend>
              <T k="svcSlot" params={{ n: i + 1 }} />
            </legend>
            <fieldset class={`field${daysError ? " field-invalid" : ""}`} aria-describedby={describedBy(`${id}-day-mon`)}>
              <legend>
                <T k="svcSlotDays" />
              </legend>
              {row.weeksOfMonth && (
                <p class="hint">
                  <T k="svcSlotWeeks" params={{ weeks: row.weeksOfMonth.map((w) => (w === -1 ? t(lang, "svcLastWeek") : String(w))).join(lang === "en" ? ", " : "・") }} />
                </p>
              )}
              {daysError && (
                <p class="field-error" id={`${id}-day-mon-error`}>
                  {daysError}
                </p>
              )}
              <div class="day-checks">
                {WEEKDAYS.map((day) => (
                  <label class="check" key={day}>
                    <input type="checkbox" id={`${id}-day-${day}`} checked={row.days.includes(day)} onChange={(e) => toggleDay(i, day, e.currentTarget.checked)} />
                    {plain(WEEKDAY_LABELS[day][lang])}
                  </label>
                ))}
              </div>
            </fieldset>
            <div class="time-pair">
              {(["opens", "closes"] as const).map((which) => {
                const fid = `${id}-${which}`;
                const value = which === "opens" ? row.opensAt : row.closesAt;
                return (
                  <div key={which} class={`field${error(fid) ? " field-invalid" : ""}`}>
                    <label for={fid}>
                      <T k={which === "opens" ? "svcOpensAt" : "svcClosesAt"} />
                    </label>
                    {error(fid) && (
                      <p class="field-error" id={`${fid}-error`}>
                        {error(fid)}
                      </p>
                    )}
                    <input
                      type="time"
                      id={fid}
                      value={value}
                      step={300}
                      aria-invalid={!!error(fid)}
                      aria-describedby={describedBy(fid)}
                      onInput={(e) => update(i, which === "opens" ? { opensAt: e.currentTarget.value } : { closesAt: e.currentTarget.value })}
                    />
                  </div>
                );
              })}
            </div>
            <div class="field">
              <label for={`${id}-note`}>
                <T k="svcSlotNote" />
              </label>
              <input type="text" id={`${id}-note`} value={row.description} onInput={(e) => update(i, { description: e.currentTarget.value })} />
            </div>
            <button
              type="button"
              class="button button-secondary"
              onClick={() => {
                focusNext.current = "svc-add-slot";
                onChange(rows.filter((_, j) => j !== i));
              }}
            >
              <T k="svcSlotRemove" />
              <span class="visually-hidden"> {t(lang, "svcSlot", { n: i + 1 })}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        id="svc-add-slot"
        class="button button-secondary"
        onClick={() => {
          focusNext.current = `svc-slot-${rows.length}-day-mon`;
          onChange([...rows, newScheduleRow()]);
        }}
      >
        <T k={rows.length ? "svcSlotAddAnother" : "svcSlotAdd"} />
      </button>
    </div>
  );
}
