import type { ComponentChildren } from "preact";
import type { FieldError } from "../ui/error-summary.js";

/**
 * One question of a GOV.UK / デジタル庁 form: label, hint, the field's own error message, then the
 * input. The input itself takes `describedBy(...)` and `aria-invalid` so a screen reader reads
 * the hint and the error with it.
 */
export function FormField(props: { id: string; label: ComponentChildren; hint?: ComponentChildren; error?: FieldError; children: ComponentChildren; class?: string }) {
  return (
    <div class={`field${props.error ? " field-invalid" : ""}${props.class ? ` ${props.class}` : ""}`}>
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldMessage id={props.id} error={props.error} />
      {props.children}
    </div>
  );
}

export function FieldMessage({ id, error }: { id: string; error?: FieldError }) {
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {error.message}
    </p>
  );
}

/** `aria-describedby` for an input with an optional hint and error. */
export function describedBy(id: string, opts: { hint?: boolean; error?: FieldError }): string | undefined {
  return [opts.hint ? `${id}-hint` : "", opts.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

/** Finds a field's error in the summary's list. */
export const errorOf = (errors: FieldError[]) => (id: string) => errors.find((e) => e.field === id);
