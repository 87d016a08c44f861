import { FIELD_MESSAGES, SignInBody } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import { signUpBody, validateSignUp } from '../features/auth/signUp';
import { ApiError, readCsrfCookie, toQueryString } from './client';
import { fieldErrorsOf, validate } from './validation';

const valid = {
  accountType: 'seeker' as const,
  email: 'minji@example.kr',
  password: 'correcthorse42',
  name: '김민지',
  companyName: '',
  agreeTerms: true,
  agreePrivacy: true,
  locale: 'ko' as const,
};

describe('client-side validation with the shared schemas', () => {
  it('accepts a complete seeker sign-up and does not send a company name', () => {
    const body = signUpBody(valid);
    expect(body).not.toHaveProperty('companyName');
    expect(validateSignUp(body)).toBeNull();
  });

  it('says which fields are missing, in both languages', () => {
    const errors = validate(SignInBody, { email: '', password: '' });
    expect(errors?.email).toEqual(FIELD_MESSAGES.required);
    expect(errors?.password).toEqual(FIELD_MESSAGES.required);
  });

  it('explains a bad email, a weak password and missing agreements', () => {
    const errors = validateSignUp(
      signUpBody({
        ...valid,
        email: 'not-an-email',
        password: 'short',
        agreeTerms: false,
        agreePrivacy: false,
      }),
    );
    expect(errors?.email).toEqual(FIELD_MESSAGES.invalid_email);
    expect(errors?.password?.ko).toBe('10자 이상 입력해 주세요.');
    expect(errors?.agreeTerms).toEqual(FIELD_MESSAGES.must_accept);
    expect(errors?.agreePrivacy).toEqual(FIELD_MESSAGES.must_accept);
  });

  it('asks a long password without digits for digits', () => {
    const errors = validateSignUp(signUpBody({ ...valid, password: 'onlyletterslong' }));
    expect(errors?.password).toEqual(FIELD_MESSAGES.weak_password);
  });

  it('requires a company name from employers', () => {
    const errors = validateSignUp(signUpBody({ ...valid, accountType: 'employer', companyName: '  ' }));
    expect(errors?.companyName).toEqual(FIELD_MESSAGES.required);
    expect(
      validateSignUp(signUpBody({ ...valid, accountType: 'employer', companyName: '부평산업' })),
    ).toBeNull();
  });
});

describe('server field errors', () => {
  it('puts an error on one item of a list next to the list', () => {
    const error = new ApiError({
      code: 'VALIDATION',
      status: 400,
      message: { ko: '입력값을 확인해 주세요.', en: 'Please check the highlighted fields.' },
      fieldErrors: [
        { field: 'unitIds.1', code: 'invalid_value', message: FIELD_MESSAGES.invalid_value },
        { field: 'email', code: 'email_taken', message: FIELD_MESSAGES.email_taken },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({
      unitIds: FIELD_MESSAGES.invalid_value,
      email: FIELD_MESSAGES.email_taken,
    });
  });
});

describe('API client helpers', () => {
  it('reads the CSRF token from the cookie string', () => {
    expect(readCsrfCookie('a=1; ilteo_csrf=abc%3D123; b=2')).toBe('abc=123');
    expect(readCsrfCookie('a=1')).toBeNull();
  });

  it('leaves empty filters out of the query string', () => {
    expect(toQueryString({ q: '', role: 'admin', page: 2, from: undefined })).toBe('?role=admin&page=2');
    expect(toQueryString({})).toBe('');
  });
});
