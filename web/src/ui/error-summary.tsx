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
