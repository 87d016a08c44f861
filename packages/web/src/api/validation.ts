import { type Bilingual, ERRORS, FIELD_MESSAGES, type FieldMessageCode, fillMessage } from '@ilteo/shared';
import type { z } from 'zod';
import { ApiError } from './client';

/** Messages to show next to fields, keyed by the field's dotted path. */
export type FieldErrors = Record<string, Bilingual>;

function isFieldCode(code: unknown): code is FieldMessageCode {
  return typeof code === 'string' && code in FIELD_MESSAGES;
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * The field message for one zod issue, chosen as the server chooses it (same codes, same
 * catalogue), so a field says the same thing before and after the form is sent.
 */
export function messageForIssue(issue: z.core.$ZodIssue, input?: unknown): Bilingual {
  const value = valueAt(input, issue.path);
  if (value === '' || value === undefined) {
    if (isFieldCode(issue.message) && issue.message === 'must_accept') return FIELD_MESSAGES.must_accept;
    return FIELD_MESSAGES.required;
  }
  if (isFieldCode(issue.message)) return FIELD_MESSAGES[issue.message];
  switch (issue.code) {
    case 'custom': {
      const code = issue.params?.messageCode;
      return isFieldCode(code) ? FIELD_MESSAGES[code] : FIELD_MESSAGES.invalid_value;
    }
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return fillMessage(FIELD_MESSAGES.too_small_number, { min: Number(issue.minimum) });
      }
      if (Number(issue.minimum) <= 1) return FIELD_MESSAGES.required;
      return fillMessage(FIELD_MESSAGES.too_small, { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return fillMessage(FIELD_MESSAGES.too_big_number, { max: Number(issue.maximum) });
      }
      return fillMessage(FIELD_MESSAGES.too_big, { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? FIELD_MESSAGES.invalid_email : FIELD_MESSAGES.invalid_format;
    case 'invalid_type':
      return FIELD_MESSAGES.invalid_type;
    case 'unrecognized_keys':
      return FIELD_MESSAGES.unknown_field;
    default:
      return FIELD_MESSAGES.invalid_value;
  }
}

/** Checks a body against the shared schema; returns the first message per field, or null if valid. */
export function validate(schema: z.ZodType, input: unknown): FieldErrors | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.');
    if (!(field in errors)) errors[field] = messageForIssue(issue, input);
  }
  return errors;
}

/**
 * The field messages a server problem carries, keyed by field path. An error on one item of a
 * list of plain values (`unitIds.2`) belongs to the list's control (`unitIds`).
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (error instanceof ApiError) {
    for (const fe of error.fieldErrors) {
      const field = fe.field.replace(/(\.\d+)+$/, '');
      if (!(field in errors)) errors[field] = fe.message;
    }
  }
  return errors;
}

/** The form-level message for a failure: the problem's own message, or the catalogue's. */
export function problemMessage(error: unknown): Bilingual {
  if (error instanceof ApiError) return error.bilingual;
  return { ko: ERRORS.INTERNAL.ko, en: ERRORS.INTERNAL.en };
}

/** The message shown above a form that failed validation before it was sent. */
export const VALIDATION_MESSAGE: Bilingual = { ko: ERRORS.VALIDATION.ko, en: ERRORS.VALIDATION.en };
