import type { ComponentChildren } from "preact";
import { T } from "../i18n/i18n.js";
import type { MessageKey } from "../i18n/messages.js";
import type { FieldError } from "./error-summary.js";

/**
 * A form field in the GOV.UK / デジタル庁 pattern: label, hint, the field's own error message,
 * then the control; a group of checkboxes or radios is a fieldset with a legend. The control
 * points at hint and error with `aria-describedby` (`describedBy`).
 */
export function fieldErrorsOf(errors: FieldError[]) {
  const error = (id: string) => errors.find((e) => e.field === id)?.message;
  return {
    error,
    describedBy: (id: string, hint?: boolean) => [hint ? `${id}-hint` : "", error(id) ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
  };
}

interface FieldProps {
  id: string;
  label: MessageKey;
  /** Text after the label, such as "(optional)" or a unit. */
  labelSuffix?: string;
  hint?: MessageKey;
  error?: string;
  children: ComponentChildren;
}

export function Field({ id, label, labelSuffix, hint, error, children }: FieldProps) {
  return (
    <div class={`field${error ? " field-invalid" : ""}`}>
      <label for={id}>
        <T k={label} />
        {labelSuffix}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      {children}
    </div>
  );
}

/** Checkboxes or radios under one question; `id` is the first control's, where the error summary links. */
export function FieldGroup({ id, legend, hint, error, children, class: className }: Omit<FieldProps, "label" | "labelSuffix"> & { legend: MessageKey; class?: string }) {
  return (
    <fieldset class={`field${error ? " field-invalid" : ""}${className ? ` ${className}` : ""}`} aria-describedby={[hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}>
      <legend>
        <T k={legend} />
      </legend>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      {children}
    </fieldset>
  );
}

function Hint({ id, hint }: { id: string; hint?: MessageKey }) {
  return hint ? (
    <p class="hint" id={`${id}-hint`}>
      <T k={hint} />
    </p>
  ) : null;
}

function ErrorMessage({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}
