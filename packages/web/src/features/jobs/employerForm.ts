import {
  type Bilingual,
  businessNumberDigits,
  type Employer,
  type EmployerFlag,
  EmployerInput,
  type EmployerSize,
  FIELD_MESSAGES,
  formatBusinessNumber,
  isValidBusinessNumber,
  type KsicSection,
} from '@ilteo/shared';
import { type FieldErrors, validate } from '../../api/validation';

/** A contact person as typed. */
export interface ContactState {
  name: string;
  position: string;
  phone: string;
  email: string;
}

/** The company profile form as typed. */
export interface EmployerFormState {
  businessNumber: string;
  name: string;
  representative: string;
  industry: KsicSection | '';
  size: EmployerSize | '';
  regionScheme: string;
  dongCode: string;
  address: string;
  flags: EmployerFlag[];
  homepage: string;
  description: string;
  contacts: ContactState[];
}

/** Fields in the order the form shows them. */
export const EMPLOYER_FIELDS = [
  'businessNumber',
  'name',
  'representative',
  'industry',
  'size',
  'place.dongCode',
  'place.address',
  'flags',
  'homepage',
  'description',
  'contacts',
] as const;

/** An empty contact row. */
export const emptyContact = (): ContactState => ({ name: '', position: '', phone: '', email: '' });

/** The form filled from the saved profile (a new employer's has only its name). */
export function employerFormFrom(e: Employer): EmployerFormState {
  return {
    businessNumber: e.businessNumber ? tidyBusinessNumber(e.businessNumber) : '',
    name: e.name,
    representative: e.representative ?? '',
    industry: (e.industry as KsicSection | null) ?? '',
    size: (e.size as EmployerSize | null) ?? '',
    regionScheme: e.place.regionScheme ?? '',
    dongCode: e.place.dongCode ?? '',
    address: e.place.address ?? '',
    flags: [...e.flags],
    homepage: e.homepage ?? '',
    description: e.description ?? '',
    contacts: e.contacts.length
      ? e.contacts.map((c) => ({
          name: c.name,
          position: c.position ?? '',
          phone: c.phone ?? '',
          email: c.email ?? '',
        }))
      : [emptyContact()],
  };
}

/** Whether the company has told us enough to post vacancies under its name. */
export function isProfileComplete(e: Employer): boolean {
  return Boolean(e.businessNumber && e.representative && e.industry && e.size && e.place.dongCode);
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** The body of PATCH /employers/{id} (without `version`); empty optional fields are left out. */
export function employerBody(state: EmployerFormState): Record<string, unknown> {
  const place: Record<string, string> = {};
  if (state.dongCode) {
    place.dongCode = state.dongCode;
    if (state.regionScheme) place.regionScheme = state.regionScheme;
  }
  if (state.address.trim()) place.address = state.address.trim();
  const contacts = state.contacts
    .filter((c) => c.name.trim() || c.position.trim() || c.phone.trim() || c.email.trim())
    .map((c) => {
      const contact: Record<string, string> = { name: c.name };
      for (const key of ['position', 'phone', 'email'] as const) {
        const value = optional(c[key]);
        if (value) contact[key] = value;
      }
      return contact;
    });
  const body: Record<string, unknown> = {
    businessNumber: state.businessNumber,
    name: state.name,
    representative: state.representative,
    industry: state.industry || undefined,
    size: state.size || undefined,
    place,
    flags: state.flags,
    contacts,
  };
  const homepage = optional(state.homepage);
  if (homepage) body.homepage = homepage;
  const description = optional(state.description);
  if (description) body.description = description;
  return body;
}

/** Where the business number stands while it is typed: too short, wrong check digit, or fine. */
export type BusinessNumberState = 'empty' | 'incomplete' | 'invalid' | 'valid';

/** Judges a business number as it is typed (hyphens and spaces ignored). */
export function businessNumberState(text: string): BusinessNumberState {
  const digits = text.replace(/[\s-]/g, '');
  if (digits === '') return 'empty';
  if (/^\d{1,9}$/.test(digits)) return 'incomplete';
  return isValidBusinessNumber(text) ? 'valid' : 'invalid';
}

/** `1234567890` typed → `123-45-67890`; anything not ten digits is left as typed. */
export function tidyBusinessNumber(text: string): string {
  const digits = businessNumberDigits(text);
  return digits ? formatBusinessNumber(digits) : text;
}

/** The company profile checked with the shared schema; keys are the form's fields. */
export function checkEmployer(state: EmployerFormState): FieldErrors {
  const errors: FieldErrors = {};
  const body = employerBody(state);
  for (const [path, message] of Object.entries(validate(EmployerInput, body) ?? {})) {
    const field = path === 'place' ? 'place.dongCode' : path;
    if (!(field in errors)) errors[field] = message;
  }
  // The profile is what makes a company findable: a dong is asked for even though the schema leaves it optional.
  if (!state.dongCode && !errors['place.dongCode']) errors['place.dongCode'] = FIELD_MESSAGES.required;
  return errors;
}

/** The message under the business number while it is typed, or null (nothing to say yet). */
export function businessNumberMessage(state: BusinessNumberState): Bilingual | null {
  return state === 'invalid' ? FIELD_MESSAGES.invalid_business_number : null;
}
