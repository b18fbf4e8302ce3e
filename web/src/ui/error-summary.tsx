import { useEffect, useRef } from "preact/hooks";
import { T } from "../i18n/i18n.js";

export interface FieldError {
  /** The input's id, for the link. */
  field: string;
  message: string;
}

/**
 * The GOV.UK / デジタル庁 error summary: at the top of the form, focused when it appears, one
 * link per problem that moves to its field.
 */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <div ref={ref} class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">
        <T k="errorSummaryTitle" />
      </h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field + e.message}>
            <a
              href={`#${e.field}`}
              onClick={(ev) => {
                ev.preventDefault();
                document.getElementById(e.field)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A problem+json's `errors[].path` (such as `organization.name`) mapped to input ids. */
export function fieldErrors(errors: { path: string; message: string }[] | undefined, fieldOf: Record<string, string>, fallback: string): FieldError[] {
  return (errors ?? []).map((e) => ({ field: fieldOf[e.path] ?? fallback, message: e.message }));
}

/**
 * The same, each message led by the name of its field as the form shows it (its label, inside
 * the legends of the groups around it), so a server message such as "must be a time HH:MM" says
 * which of a dozen time inputs it is about. Read after render, when the inputs exist.
 */
export function namedFieldErrors(errors: { path: string; message: string }[] | undefined, fieldOf: (path: string) => string): FieldError[] {
  return (errors ?? []).map((e) => {
    const field = fieldOf(e.path);
    const name = fieldName(field);
    return { field, message: name ? `${name}: ${e.message}` : e.message };
  });
}

function fieldName(id: string): string {
  const input = document.getElementById(id);
  if (!input) return "";
  const text = (el: Element | null | undefined) => {
    if (!el) return "";
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll("rt, rp, .visually-hidden").forEach((n) => n.remove());
    return copy.textContent?.trim() ?? "";
  };
  const legends: string[] = [];
  for (let el = input.parentElement?.closest("fieldset"); el; el = el.parentElement?.closest("fieldset")) legends.unshift(text(el.querySelector(":scope > legend")));
  const label = text(document.querySelector(`label[for="${id}"]`));
  return [...legends, label].filter(Boolean).join(" – ");
}
