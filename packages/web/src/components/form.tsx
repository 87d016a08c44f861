import type { Bilingual } from '@ilteo/shared';
import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError } from '../api/client';
import { type FieldErrors, fieldErrorsOf, problemMessage, VALIDATION_MESSAGE } from '../api/validation';
import { useI18n } from '../i18n/I18nProvider';

/** The id a form gives the control for `field`, so error links and labels can find it. */
export function fieldId(formId: string, field: string): string {
  return `${formId}-${field.replace(/\./g, '-')}`;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: Bilingual | undefined;
  required?: boolean;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}

/** Label, control, hint and error in KRDS form-group markup, wired with aria-describedby. */
export function FieldFrame({ id, label, hint, error, required, children }: FieldFrameProps) {
  const { locale, t } = useI18n();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const aria: { 'aria-describedby'?: string; 'aria-invalid'?: true } = {};
  const by = describedBy(hintId, errorId);
  if (by) aria['aria-describedby'] = by;
  if (error) aria['aria-invalid'] = true;
  return (
    <div className="form-group">
      <div className="form-tit">
        <label htmlFor={id}>
          {label}
          {required && <span className="required-mark"> ({t('common.required')})</span>}
        </label>
      </div>
      <div className={error ? 'form-conts is-error' : 'form-conts'}>{children(aria)}</div>
      {hint && (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="form-hint-invalid" id={errorId}>
          {error[locale]}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: Bilingual | undefined;
};

/** A KRDS text input with its label, hint and error. */
export function TextField({ id, label, hint, error, required, className, ...rest }: InputProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      {(aria) => (
        <input
          id={id}
          className={className ? `krds-input ${className}` : 'krds-input'}
          required={required}
          {...aria}
          {...rest}
        />
      )}
    </FieldFrame>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: Bilingual | undefined;
  children: ReactNode;
};

/** A KRDS select with its label, hint and error. */
export function SelectField({ id, label, hint, error, required, children, ...rest }: SelectProps) {
  const classes = ['krds-form-select', rest.value ? 'completed' : '', error ? 'is-error' : ''].filter(
    Boolean,
  );
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} required={required ?? false}>
      {(aria) => (
        <select id={id} className={classes.join(' ')} required={required} {...aria} {...rest}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}

/** What a form shows after a failed attempt. */
export interface FormFeedback {
  message: Bilingual | null;
  errors: FieldErrors;
  requestId?: string | undefined;
  /** Counts attempts, so the summary takes focus again after every failed submit. */
  attempt: number;
}

/** Holds a form's errors, from its own validation or from the server's problem document. */
export function useFormFeedback() {
  const [feedback, setFeedback] = useState<FormFeedback>({ message: null, errors: {}, attempt: 0 });
  const showInvalid = useCallback((errors: FieldErrors) => {
    setFeedback((prev) => ({ message: VALIDATION_MESSAGE, errors, attempt: prev.attempt + 1 }));
  }, []);
  const showError = useCallback((error: unknown) => {
    setFeedback((prev) => ({
      message: problemMessage(error),
      errors: fieldErrorsOf(error),
      requestId: error instanceof ApiError && error.status >= 500 ? error.requestId : undefined,
      attempt: prev.attempt + 1,
    }));
  }, []);
  const clear = useCallback(() => {
    setFeedback((prev) =>
      prev.message || Object.keys(prev.errors).length ? { ...prev, message: null, errors: {} } : prev,
    );
  }, []);
  return useMemo(
    () => ({ feedback, showInvalid, showError, clear }),
    [feedback, showInvalid, showError, clear],
  );
}

interface ErrorSummaryProps {
  formId: string;
  feedback: FormFeedback;
  /** Human names of the form's fields; errors for other fields are listed without a link. */
  labels: Record<string, string>;
}

/**
 * The box above a form that failed: the problem's message and a link to each field in error.
 * It takes focus when it appears, so a screen reader announces it and Tab leads to the fields.
 */
export function ErrorSummary({ formId, feedback, labels }: ErrorSummaryProps) {
  const { locale, t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const { message, errors, requestId, attempt } = feedback;
  // Listed in the form's order (the order of `labels`), fields the form does not show last.
  const order = Object.keys(labels);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const entries = Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
  const visible = message !== null || entries.length > 0;

  useEffect(() => {
    if (visible && attempt > 0) ref.current?.focus();
  }, [visible, attempt]);

  if (!visible) return null;
  return (
    <div className="notice notice-danger error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="notice-title">{message ? message[locale] : t('form.errorSummary')}</p>
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, msg]) => (
            <li key={field}>
              {labels[field] ? (
                <a
                  href={`#${fieldId(formId, field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId(formId, field))?.focus();
                  }}
                >
                  {labels[field]}: {msg[locale]}
                </a>
              ) : (
                <span>{msg[locale]}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {requestId && <p className="request-id">{t('common.requestId', { id: requestId })}</p>}
    </div>
  );
}
