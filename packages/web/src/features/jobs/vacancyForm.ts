import {
  type Bilingual,
  type CareerRequirement,
  type EducationLevel,
  type EmploymentType,
  FIELD_MESSAGES,
  type FieldError,
  type PersonGroup,
  type Shift,
  type Vacancy,
  VacancyInput,
  type WageType,
} from '@ilteo/shared';
import { type FieldErrors, validate } from '../../api/validation';
import { checkMinimumWage } from './wage';

/** An item chosen from a taxonomy, with the label to show. */
export interface PickedItem {
  scheme: string;
  code: string;
  label: string;
}

/** The vacancy form as typed: numbers stay text until they are read. */
export interface VacancyFormState {
  title: string;
  description: string;
  occupation: PickedItem | null;
  requiredSkills: PickedItem[];
  requiredCertificates: PickedItem[];
  education: EducationLevel;
  career: CareerRequirement;
  minCareerMonths: string;
  wageType: WageType;
  wageAmount: string;
  weeklyHours: string;
  shifts: Shift[];
  employmentType: EmploymentType | '';
  openings: string;
  regionScheme: string;
  dongCode: string;
  address: string;
  opensOn: string;
  closesOn: string;
  /** 채용 시까지: no closing date. */
  untilFilled: boolean;
  preferredGroups: PersonGroup[];
  eligibleGroups: PersonGroup[];
}

/** Fields in the order the form shows them (the error summary follows it). */
export const VACANCY_FIELDS = [
  'title',
  'occupation',
  'employmentType',
  'wage.type',
  'wage.amount',
  'weeklyHours',
  'shifts',
  'openings',
  'opensOn',
  'closesOn',
  'place.dongCode',
  'place.address',
  'education',
  'career',
  'minCareerMonths',
  'requiredSkills',
  'requiredCertificates',
  'preferredGroups',
  'eligibleGroups',
  'description',
] as const;

const seoulDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Korea as `YYYY-MM-DD` (vacancy dates are Korean calendar days). */
export function seoulToday(now: Date = new Date()): string {
  return seoulDate.format(now);
}

/** A new vacancy: opens today, at the company's own place, until filled. */
export function emptyVacancyForm(
  today: string,
  place?: { regionScheme: string | null; dongCode: string | null; address: string | null },
): VacancyFormState {
  return {
    title: '',
    description: '',
    occupation: null,
    requiredSkills: [],
    requiredCertificates: [],
    education: 'any',
    career: 'any',
    minCareerMonths: '',
    wageType: 'monthly',
    wageAmount: '',
    weeklyHours: '40',
    shifts: ['day'],
    employmentType: '',
    openings: '1',
    regionScheme: place?.regionScheme ?? '',
    dongCode: place?.dongCode ?? '',
    address: place?.address ?? '',
    opensOn: today,
    closesOn: '',
    untilFilled: true,
    preferredGroups: [],
    eligibleGroups: [],
  };
}

const picked = (r: { scheme: string; code: string; label: string | null }): PickedItem => ({
  scheme: r.scheme,
  code: r.code,
  label: r.label ?? r.code,
});

/** The form filled from a saved vacancy (editing). */
export function vacancyFormFrom(v: Vacancy): VacancyFormState {
  return {
    title: v.title,
    description: v.description,
    occupation: picked(v.occupation),
    requiredSkills: v.requiredSkills.map(picked),
    requiredCertificates: v.requiredCertificates.map(picked),
    education: v.education,
    career: v.career,
    minCareerMonths: v.minCareerMonths ? String(v.minCareerMonths) : '',
    wageType: v.wage.type,
    wageAmount: v.wage.amount.toLocaleString('en-US'),
    weeklyHours: String(v.weeklyHours),
    shifts: [...v.shifts],
    employmentType: v.employmentType,
    openings: String(v.openings),
    regionScheme: v.place.regionScheme ?? '',
    dongCode: v.place.dongCode ?? '',
    address: v.place.address ?? '',
    opensOn: v.opensOn,
    closesOn: v.closesOn ?? '',
    untilFilled: v.closesOn === null,
    preferredGroups: [...v.preferredGroups],
    eligibleGroups: [...v.eligibleGroups],
  };
}

/**
 * A number as typed (`2,500,000`): the number, undefined when empty (the schema's default or
 * "required"), or the text itself when it is not a number, so the schema reports it.
 */
export function readNumber(text: string): number | string | undefined {
  const trimmed = text.replace(/[,\s원]/g, '');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : text;
}

const ref = (item: PickedItem) => ({ scheme: item.scheme, code: item.code });

/** The body the API takes (VacancyInput without `status`), built from the form. */
export function vacancyBody(state: VacancyFormState): Record<string, unknown> {
  const place: Record<string, string> = {};
  if (state.dongCode) {
    place.dongCode = state.dongCode;
    if (state.regionScheme) place.regionScheme = state.regionScheme;
  }
  if (state.address.trim()) place.address = state.address.trim();
  const body: Record<string, unknown> = {
    title: state.title,
    description: state.description,
    occupation: state.occupation ? ref(state.occupation) : undefined,
    requiredSkills: state.requiredSkills.map(ref),
    requiredCertificates: state.requiredCertificates.map(ref),
    education: state.education,
    career: state.career,
    minCareerMonths: state.career === 'experienced' ? (readNumber(state.minCareerMonths) ?? 0) : 0,
    wage: { type: state.wageType, amount: readNumber(state.wageAmount) },
    weeklyHours: readNumber(state.weeklyHours),
    shifts: state.shifts,
    employmentType: state.employmentType || undefined,
    openings: readNumber(state.openings),
    place,
    opensOn: state.opensOn,
    closesOn: state.untilFilled || !state.closesOn ? null : state.closesOn,
    preferredGroups: state.preferredGroups,
    eligibleGroups: state.eligibleGroups,
  };
  return body;
}

/** Maps an error path onto the control that shows it (`occupation.code` → `occupation`). */
export function fieldOf(path: string): string {
  if (path.startsWith('occupation')) return 'occupation';
  const list = /^(requiredSkills|requiredCertificates|preferredGroups|eligibleGroups|shifts)\b/.exec(path);
  if (list) return list[1] as string;
  if (path === 'wage') return 'wage.amount';
  return path;
}

/**
 * Everything the form can check by itself: the shared schema, the minimum wage of the year it
 * opens (same message as the server) and the closing date. Keys are the form's fields.
 */
export function checkVacancy(
  state: VacancyFormState,
  minimumWages: Readonly<Record<number, number>>,
): FieldErrors {
  const body = vacancyBody(state);
  const errors: FieldErrors = {};
  const add = (field: string, message: Bilingual) => {
    if (!(field in errors)) errors[field] = message;
  };
  for (const [path, message] of Object.entries(validate(VacancyInput, body) ?? {}))
    add(fieldOf(path), message);
  const amount = readNumber(state.wageAmount);
  if (typeof amount === 'number' && !errors['wage.amount'] && !errors.opensOn) {
    const below = checkMinimumWage(minimumWages, state.opensOn, state.wageType, amount);
    if (below) add('wage.amount', below);
  }
  if (!state.untilFilled && !state.closesOn) add('closesOn', FIELD_MESSAGES.required);
  if (!state.untilFilled && state.closesOn && state.opensOn && state.closesOn < state.opensOn) {
    add('closesOn', FIELD_MESSAGES.closes_before_opens);
  }
  return errors;
}

/** The server's field errors keyed by the form's fields (first message per field). */
export function serverErrorsOf(errors: readonly FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const field = fieldOf(e.field);
    if (!(field in out)) out[field] = e.message;
  }
  return out;
}
