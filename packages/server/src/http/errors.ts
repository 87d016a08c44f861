import {
  ERRORS,
  type ErrorCode,
  FIELD_MESSAGES,
  type FieldError,
  type FieldMessageCode,
  fillMessage,
  type Problem,
} from '@ilteo/shared';

/** An expected failure: carries a catalogue code and, optionally, field errors. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
  }
}

/** Builds a field error from a message code of the shared catalogue. */
export function fieldError(
  field: string,
  code: FieldMessageCode,
  params: Record<string, string | number> = {},
): FieldError {
  return { field, code, message: fillMessage(FIELD_MESSAGES[code], params) };
}

/** A 400 with field errors. */
export function validationError(errors: FieldError[]): AppError {
  return new AppError('VALIDATION', {}, errors);
}

/** The RFC 9457 document for an error code. */
export function problemFor(
  code: ErrorCode,
  params: Record<string, string | number> = {},
  errors: FieldError[] = [],
  requestId?: string,
): Problem {
  const entry = ERRORS[code];
  const message = fillMessage(entry, params);
  return {
    type: `https://ilteo.kr/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: message.en,
    status: entry.status,
    detail: message.ko,
    code,
    message,
    ...(errors.length ? { errors } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns schema-validation items (zod issues as the type provider reports them) into field errors. */
export function fieldErrorsFromValidation(items: ValidationItem[], context?: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const item of items) {
    const path = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = item.params ?? {};
    const field = path || context || '';
    switch (item.keyword) {
      case 'unrecognized_keys':
        for (const key of (params.keys as string[]) ?? []) {
          errors.push(fieldError(path ? `${path}.${key}` : key, 'unknown_field'));
        }
        break;
      case 'invalid_type':
        errors.push(fieldError(field, params.input === undefined ? 'required' : 'invalid_type'));
        break;
      case 'too_small':
        errors.push(
          params.origin === 'string' && params.minimum === 1
            ? fieldError(field, 'required')
            : params.origin === 'number'
              ? fieldError(field, 'too_small_number', { min: Number(params.minimum) })
              : fieldError(field, 'too_small', { min: Number(params.minimum) }),
        );
        break;
      case 'too_big':
        errors.push(
          params.origin === 'number'
            ? fieldError(field, 'too_big_number', { max: Number(params.maximum) })
            : fieldError(field, 'too_big', { max: Number(params.maximum) }),
        );
        break;
      case 'invalid_format':
        errors.push(fieldError(field, params.format === 'email' ? 'invalid_email' : 'invalid_format'));
        break;
      default: {
        const custom = params.params as { messageCode?: string } | undefined;
        const named = custom?.messageCode ?? item.message;
        const code: FieldMessageCode =
          named && named in FIELD_MESSAGES ? (named as FieldMessageCode) : 'invalid_value';
        errors.push(fieldError(field, code));
      }
    }
  }
  // One message per field: the first problem found is the one to fix first.
  return errors.filter((e, i) => errors.findIndex((other) => other.field === e.field) === i);
}
