import { type FormEvent, type InputHTMLAttributes, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { simplePasswordProblem } from '../../domain/accounts/password-policy.js';
import { ApiError } from '../api.js';
import { i18n } from '../i18n/index.js';

export type FieldErrors = Record<string, string>;

interface FormState {
  busy: boolean;
  detail: string | null;
  fields: FieldErrors;
  /** Bumped on each failed submit, so focus moves to the first error again. */
  attempt: number;
}

/** Problem+json field paths ("grants.0.scopeId") as the form names its fields. */
function fieldErrorsOf(error: unknown): FieldErrors {
  const fields: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const issue of error.issues) {
      if (!issue.field) continue;
      fields[issue.field] ??= issue.message;
      const last = issue.field.split('.').pop();
      if (last && last !== issue.field) fields[last] ??= issue.message;
    }
  }
  return fields;
}

/**
 * A form's submit state: busy while the request runs, the server's `detail` above the form and its
 * per-field messages beside the fields. After a failed submit, focus moves to the first field in error
 * (or to the message when no field is named).
 */
export function useForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [state, setState] = useState<FormState>({ busy: false, detail: null, fields: {}, attempt: 0 });

  useEffect(() => {
    if (state.attempt === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[data-form-error]');
    target?.focus();
  }, [state.attempt]);

  /**
   * Handles a submit event: `validate` may refuse before any request (returning field messages), then
   * `action` runs; its ApiError lands in the form.
   */
  const submit = (action: () => Promise<void>, validate?: () => FieldErrors) => async (event?: FormEvent) => {
    event?.preventDefault();
    if (state.busy) return;
    const invalid = validate?.() ?? {};
    if (Object.keys(invalid).length > 0) {
      setState((s) => ({
        busy: false,
        detail: i18n.t('form.correctFields', { ns: 'common' }),
        fields: invalid,
        attempt: s.attempt + 1,
      }));
      return;
    }
    setState((s) => ({ ...s, busy: true, detail: null, fields: {} }));
    try {
      await action();
      setState((s) => ({ ...s, busy: false }));
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const detail = error instanceof Error ? error.message : String(error);
      setState((s) => ({ busy: false, detail, fields, attempt: s.attempt + 1 }));
    }
  };

  const reset = () => setState((s) => ({ ...s, busy: false, detail: null, fields: {} }));
  return { formRef, busy: state.busy, detail: state.detail, fields: state.fields, submit, reset };
}

/** The form-level message (the server's `detail`), announced when it appears. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1} data-form-error data-testid="form-error">
      {message}
    </div>
  );
}

export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

/** A label, a control, an optional hint and the field's error, wired together for screen readers. */
export function Field({
  label,
  error,
  hint,
  children,
  testId,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (props: ControlProps) => ReactNode;
  testId?: string;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}`} data-testid={testId}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <p id={errorId} className="field__error" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The common case of Field: one text-like input. */
export function TextField({
  label,
  error,
  hint,
  testId,
  ...input
}: { label: ReactNode; error?: string; hint?: ReactNode; testId?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => <input className="input" data-testid={testId} {...input} {...props} />}
    </Field>
  );
}

/** A submit button that says it is working and cannot be pressed twice. */
export function SubmitButton({ busy, children, testId }: { busy: boolean; children: ReactNode; testId?: string }) {
  return (
    <button type="submit" className="button" disabled={busy} aria-busy={busy || undefined} data-testid={testId}>
      {busy ? i18n.t('form.pleaseWait', { ns: 'common' }) : children}
    </button>
  );
}

/** The client-side checks shared by the forms that choose a password; the server checks again. */
export function passwordProblems(password: string, confirm: string): FieldErrors {
  const fields: FieldErrors = {};
  const problem = simplePasswordProblem(password);
  if (problem) fields.password = problem;
  if (confirm !== password) fields.confirm = i18n.t('form.passwordsDiffer', { ns: 'common' });
  return fields;
}

export const looksLikeEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
