import { FIELD_MESSAGES, type SELF_SIGNUP_ROLES, SignUpBody } from '@ilteo/shared';
import { type FieldErrors, validate } from '../../api/validation';

export type AccountType = (typeof SELF_SIGNUP_ROLES)[number];

/**
 * The body the form sends. The company name exists only for employers: a seeker's form must
 * not send it (the server refuses unknown or irrelevant fields).
 */
export function signUpBody(values: {
  accountType: AccountType;
  email: string;
  password: string;
  name: string;
  companyName: string;
  agreeTerms: boolean;
  agreePrivacy: boolean;
  locale: 'ko' | 'en';
}) {
  const { companyName, ...rest } = values;
  return values.accountType === 'employer' ? { ...rest, companyName } : rest;
}

/** The shared schema's checks, plus the one it leaves to the server: employers name their company. */
export function validateSignUp(body: ReturnType<typeof signUpBody>): FieldErrors | null {
  const errors = validate(SignUpBody, body) ?? {};
  if (body.accountType === 'employer' && !('companyName' in body && body.companyName.trim())) {
    errors.companyName = FIELD_MESSAGES.required;
  }
  return Object.keys(errors).length ? errors : null;
}
