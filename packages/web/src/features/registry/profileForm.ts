import {
  type DECLARED_GROUPS,
  type EducationLevel,
  type EmploymentType,
  FIELD_MESSAGES,
  monthlyEquivalent,
  type Seeker,
  type SeekerConsentPurpose,
  SeekerCreateBody,
  SeekerPatch,
  type SeekerStatus,
  type Shift,
  type WageType,
} from '@ilteo/shared';
import type { z } from 'zod';
import { type FieldErrors, validate } from '../../api/validation';

type SeekerCreateInput = z.input<typeof SeekerCreateBody>;
type SeekerPatchInput = z.input<typeof SeekerPatch>;

export type DeclaredGroup = (typeof DECLARED_GROUPS)[number];

/** The most desired occupations a seeker may name. */
export const MAX_OCCUPATIONS = 3;

/** A taxonomy item picked in a typeahead. */
export interface PickedItem {
  scheme: string;
  code: string;
  label: string;
}

export interface CareerRow {
  /** Stable key for the list in the form. */
  key: number;
  occupation: PickedItem | null;
  months: string;
  company: string;
}

export type Consents = Record<SeekerConsentPurpose, boolean>;

/** Everything the profile form holds, as typed (numbers are text until sent). */
export interface ProfileFormState {
  name: string;
  birthYear: string;
  gender: '' | 'female' | 'male' | 'other';
  phone: string;
  email: string;
  desiredOccupations: PickedItem[];
  skills: PickedItem[];
  certificates: PickedItem[];
  education: EducationLevel;
  careers: CareerRow[];
  wageType: WageType | '';
  wageAmount: string;
  wageFirm: boolean;
  weeklyHours: string;
  shifts: Shift[];
  employmentTypes: EmploymentType[];
  homeDongCode: string;
  commuteKm: string;
  availableFrom: string;
  groups: DeclaredGroup[];
  /** Edits only: 구직 중, 취업, 비활성. */
  status: SeekerStatus;
  /** On registration only; later consents change one at a time. */
  consents: Consents;
  deskUnitId: string;
  intakeNote: string;
}

/** A blank registration. */
export function emptyProfileForm(): ProfileFormState {
  return {
    name: '',
    birthYear: '',
    gender: '',
    phone: '',
    email: '',
    desiredOccupations: [],
    skills: [],
    certificates: [],
    education: 'high',
    careers: [],
    wageType: 'monthly',
    wageAmount: '',
    wageFirm: false,
    weeklyHours: '40',
    shifts: [],
    employmentTypes: [],
    homeDongCode: '',
    commuteKm: '10',
    availableFrom: '',
    groups: [],
    status: 'active',
    consents: { employment_services: false, recommendation: false, sensitive: false },
    deskUnitId: '',
    intakeNote: '',
  };
}

const DECLARED: readonly string[] = ['career_break_women', 'disabled', 'vulnerable', 'self_sufficiency'];

/** Which consents are in force now (given and not withdrawn). */
export function activeConsents(consents: Seeker['consents']): Consents {
  const state: Consents = { employment_services: false, recommendation: false, sensitive: false };
  for (const c of consents) {
    if (c.purpose in state) state[c.purpose] = c.withdrawnAt === null;
  }
  return state;
}

const picked = (r: { scheme: string; code: string; label: string | null }): PickedItem => ({
  scheme: r.scheme,
  code: r.code,
  label: r.label ?? r.code,
});

let careerKey = 0;
/** A new, empty career row. */
export function newCareerRow(): CareerRow {
  careerKey += 1;
  return { key: careerKey, occupation: null, months: '', company: '' };
}

/** The form filled from a profile, for editing. */
export function formFromSeeker(seeker: Seeker): ProfileFormState {
  return {
    ...emptyProfileForm(),
    name: seeker.name,
    birthYear: String(seeker.birthYear),
    gender: seeker.gender ?? '',
    phone: seeker.phone ?? '',
    email: seeker.email ?? '',
    desiredOccupations: seeker.desiredOccupations.map(picked),
    skills: seeker.skills.map(picked),
    certificates: seeker.certificates.map(picked),
    education: seeker.education,
    careers: seeker.careers.map((c) => ({
      ...newCareerRow(),
      occupation: picked(c.occupation),
      months: String(c.months),
      company: c.company ?? '',
    })),
    wageType: seeker.desiredWage?.type ?? 'monthly',
    wageAmount: seeker.desiredWage ? String(seeker.desiredWage.amount) : '',
    wageFirm: seeker.wageFirm,
    weeklyHours: seeker.weeklyHours === null ? '' : String(seeker.weeklyHours),
    shifts: [...seeker.shifts],
    employmentTypes: [...seeker.employmentTypes],
    homeDongCode: seeker.homeDongCode ?? '',
    commuteKm: String(seeker.commuteKm),
    availableFrom: seeker.availableFrom ?? '',
    groups: seeker.groups.filter((g): g is DeclaredGroup => DECLARED.includes(g)),
    status: seeker.status,
    consents: activeConsents(seeker.consents),
  };
}

/**
 * A number as people type it (`2,500,000`, ` 40 `): undefined when empty, NaN when it is not a
 * number, so the shared schema reports "required" or "not a number" as the server would.
 */
export function parseNumber(text: string): number | undefined {
  const clean = text.replace(/[,\s원]/g, '');
  if (clean === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(clean) ? Number(clean) : Number.NaN;
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
const ref = (p: PickedItem) => ({ scheme: p.scheme, code: p.code });

/** The monthly equivalent (209 h) of the wage being typed, or null while it is not a number. */
export function monthlyOf(state: Pick<ProfileFormState, 'wageType' | 'wageAmount'>): number | null {
  const amount = parseNumber(state.wageAmount);
  if (!state.wageType || amount === undefined || Number.isNaN(amount)) return null;
  return monthlyEquivalent(state.wageType, amount);
}

/** The profile part of a body: what both registration and editing send. */
export function profileBody(state: ProfileFormState) {
  const amount = parseNumber(state.wageAmount);
  return {
    name: state.name.trim(),
    birthYear: parseNumber(state.birthYear),
    gender: state.gender || undefined,
    phone: opt(state.phone),
    email: opt(state.email),
    desiredOccupations: state.desiredOccupations.map(ref),
    skills: state.skills.map(ref),
    certificates: state.certificates.map(ref),
    education: state.education,
    careers: state.careers.map((c) => ({
      occupation: c.occupation ? ref(c.occupation) : undefined,
      months: parseNumber(c.months),
      company: opt(c.company),
    })),
    desiredWage: state.wageType && amount !== undefined ? { type: state.wageType, amount } : undefined,
    wageFirm: state.wageFirm,
    weeklyHours: parseNumber(state.weeklyHours),
    shifts: state.shifts,
    employmentTypes: state.employmentTypes,
    homeDongCode: opt(state.homeDongCode),
    commuteKm: parseNumber(state.commuteKm),
    availableFrom: opt(state.availableFrom),
    groups: state.groups,
  };
}

/** Where the form is used: a seeker's own registration, a counsellor's desk intake, or an edit. */
export type FormMode = 'self' | 'desk' | 'edit';

/**
 * The body of a registration (self or desk). Typed as the API's input: the form checks it with
 * `checkProfile` before sending, and the server checks it again.
 */
export function createBody(state: ProfileFormState, mode: 'self' | 'desk'): SeekerCreateInput {
  const desk = mode === 'desk';
  return {
    ...profileBody(state),
    consents: state.consents,
    intakeNote: desk ? opt(state.intakeNote) : undefined,
    deskUnitId: desk ? parseNumber(state.deskUnitId) : undefined,
  } as SeekerCreateInput;
}

/** The body of an edit (checked by `checkProfile` first, like `createBody`). */
export function patchBody(state: ProfileFormState, version: number): SeekerPatchInput {
  return { ...profileBody(state), status: state.status, version } as SeekerPatchInput;
}

/**
 * The form's own check before sending, with the server's field codes: the shared schema, plus
 * 장애인 only with the separate consent.
 */
export function checkProfile(
  state: ProfileFormState,
  mode: FormMode,
  sensitiveConsent: boolean,
  version = 1,
): FieldErrors | null {
  const schema: z.ZodType = mode === 'edit' ? SeekerPatch : SeekerCreateBody;
  const body = mode === 'edit' ? patchBody(state, version) : createBody(state, mode);
  const errors = validate(schema, body) ?? {};
  // A list's item errors belong to the list's control, as on the server's answer.
  for (const key of Object.keys(errors)) {
    const list = key.match(/^(desiredOccupations|skills|certificates|shifts|employmentTypes|groups)\.\d+/);
    if (list?.[1] && !(list[1] in errors)) errors[list[1]] = errors[key] ?? FIELD_MESSAGES.invalid_value;
    if (list) delete errors[key];
  }
  if (mode === 'desk' && state.deskUnitId === '') errors.deskUnitId = FIELD_MESSAGES.required;
  if (state.groups.includes('disabled') && !sensitiveConsent) {
    errors.groups = FIELD_MESSAGES.sensitive_consent_required;
  }
  return Object.keys(errors).length ? errors : null;
}

/** Adds or removes a value of a set-like list, keeping the order it was given in. */
export function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((v) => v !== value);
  return on ? [...without, value] : without;
}

/** Adds a picked item unless it is there already or the list is full. */
export function addPicked(list: readonly PickedItem[], item: PickedItem, max: number): PickedItem[] {
  if (list.length >= max || list.some((p) => p.scheme === item.scheme && p.code === item.code)) {
    return [...list];
  }
  return [...list, item];
}

/**
 * Consents change on registration: without the sensitive consent the 장애인 group cannot stay
 * ticked (it would be recorded without a legal basis).
 */
export function withConsent(state: ProfileFormState, purpose: SeekerConsentPurpose, on: boolean) {
  const consents = { ...state.consents, [purpose]: on };
  const groups = purpose === 'sensitive' && !on ? state.groups.filter((g) => g !== 'disabled') : state.groups;
  return { ...state, consents, groups };
}
