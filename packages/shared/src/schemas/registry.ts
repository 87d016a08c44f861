import { z } from 'zod';
import { WAGE_TYPES } from '../rules/wage.js';
import { TARGET_GROUPS, type TargetGroup } from './plan.js';
import { SchemeName, TaxonomyCode } from './taxonomy.js';

/**
 * Vocabulary shared by seekers, employers and vacancies. Codes are English and stable; labels
 * live in the web's i18n and in REGISTRY_LABELS below (for exports and reasons).
 */

/** 고용형태. `permanent`… map to 고용24 empTpCd 10, 11, 20, 21, 4, Y; `daily` is 일용직. */
export const EMPLOYMENT_TYPES = [
  'permanent',
  'permanent_part_time',
  'fixed_term',
  'fixed_term_part_time',
  'dispatch',
  'substitute',
  'daily',
] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** 학력, in order (고용24 00…07). `any` is 학력무관 on a vacancy. */
export const EDUCATION_LEVELS = [
  'any',
  'elementary',
  'middle',
  'high',
  'college',
  'university',
  'master',
  'doctorate',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** 경력 requirement of a vacancy: 신입, 경력, 관계없음. */
export const CAREER_REQUIREMENTS = ['new', 'experienced', 'any'] as const;
export type CareerRequirement = (typeof CAREER_REQUIREMENTS)[number];

/** 근무 형태 (shifts). */
export const SHIFTS = ['day', 'evening', 'night', 'rotating', 'weekend'] as const;
export type Shift = (typeof SHIFTS)[number];

/**
 * 취업지원 대상 계층 of people and vacancies: the plan's groups without `all`. `youth`,
 * `new_middle_aged` and `elderly` follow from the birth year by the district's age rules
 * (rules/age-groups.ts); `disabled` is 민감정보, recorded only with the separate consent.
 */
export const PERSON_GROUPS = TARGET_GROUPS.filter((g) => g !== 'all') as Exclude<TargetGroup, 'all'>[];
export type PersonGroup = Exclude<TargetGroup, 'all'>;
export const PersonGroupEnum = z.enum(PERSON_GROUPS as [PersonGroup, ...PersonGroup[]]);

/** 기업 규모 by headcount: <5, 5–49, 50–299, 300+. */
export const EMPLOYER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EmployerSize = (typeof EMPLOYER_SIZES)[number];

/** 부평산단 입주기업, 사회적경제기업, 강소기업. */
export const EMPLOYER_FLAGS = ['industrial_complex', 'social_economy', 'strong_small'] as const;
export type EmployerFlag = (typeof EMPLOYER_FLAGS)[number];

/** 한국표준산업분류(KSIC) 대분류 sections A–U. */
export const KSIC_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
] as const;
export type KsicSection = (typeof KSIC_SECTIONS)[number];

export const VACANCY_STATUSES = ['draft', 'open', 'closed', 'filled'] as const;
export type VacancyStatus = (typeof VACANCY_STATUSES)[number];

/** Where a vacancy came from: posted here, or imported from 고용24. */
export const VACANCY_SOURCES = ['own', 'work24'] as const;
export type VacancySource = (typeof VACANCY_SOURCES)[number];

export const SEEKER_STATUSES = ['active', 'employed', 'inactive'] as const;
export type SeekerStatus = (typeof SEEKER_STATUSES)[number];

/**
 * What a seeker consents to, each with its own record (개인정보 보호법 §15, §17, §23):
 * - `employment_services` (필수): the district keeps the profile to provide employment services;
 * - `recommendation`: the profile (without contact data) is shown to employers as a candidate;
 * - `sensitive`: 민감정보 (disability) is recorded, for 장애인 우대 vacancies and programmes.
 * Withdrawing `employment_services` makes the seeker inactive; withdrawing `sensitive` erases it.
 */
export const SEEKER_CONSENT_PURPOSES = ['employment_services', 'recommendation', 'sensitive'] as const;
export type SeekerConsentPurpose = (typeof SEEKER_CONSENT_PURPOSES)[number];

/** A reference to a taxonomy item: (scheme, code). Labels come back in responses. */
export const ItemRef = z.strictObject({ scheme: SchemeName, code: TaxonomyCode });
export type ItemRef = z.infer<typeof ItemRef>;

/** An item reference with its label as the API returns it (label null if the item is unknown). */
export const LabelledRef = z.object({ scheme: z.string(), code: z.string(), label: z.string().nullable() });
export type LabelledRef = z.infer<typeof LabelledRef>;

/** A wage as typed: its kind and whole won. */
export const Wage = z.strictObject({
  type: z.enum(WAGE_TYPES),
  amount: z.number().int().min(0).max(2_000_000_000),
});
export type Wage = z.infer<typeof Wage>;

/** A wage as returned: with its monthly equivalent on 209 hours. */
export const WageOut = z.object({
  type: z.enum(WAGE_TYPES),
  amount: z.number().int(),
  monthly: z.number().int(),
});

/** A place: the dong (region code of the deployment's region scheme) and optional coordinates. */
export const Place = z.strictObject({
  address: z.string().trim().max(200).optional(),
  regionScheme: SchemeName.optional(),
  dongCode: TaxonomyCode.optional(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

export const PlaceOut = z.object({
  address: z.string().nullable(),
  regionScheme: z.string().nullable(),
  dongCode: z.string().nullable(),
  dongName: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});

/** Whole-day dates `YYYY-MM-DD`. */
export const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Korean labels of the vocabulary, for exports and reasons (the web has both languages in i18n). */
export const REGISTRY_LABELS = {
  employmentType: {
    permanent: '정규직(기간의 정함 없음)',
    permanent_part_time: '정규직 시간선택제',
    fixed_term: '계약직(기간의 정함 있음)',
    fixed_term_part_time: '계약직 시간선택제',
    dispatch: '파견',
    substitute: '대체인력',
    daily: '일용직',
  },
  education: {
    any: '학력무관',
    elementary: '초졸 이하',
    middle: '중졸',
    high: '고졸',
    college: '대졸(2~3년)',
    university: '대졸(4년)',
    master: '석사',
    doctorate: '박사',
  },
  career: { new: '신입', experienced: '경력', any: '관계없음' },
  shift: { day: '주간', evening: '저녁', night: '야간', rotating: '교대', weekend: '주말' },
  targetGroup: {
    youth: '청년',
    new_middle_aged: '신중년',
    elderly: '노인',
    career_break_women: '경력단절여성',
    disabled: '장애인',
    vulnerable: '취업취약계층',
    self_sufficiency: '자활참여자',
  },
  wageType: { hourly: '시급', daily: '일급', monthly: '월급', annual: '연봉' },
  size: { micro: '5인 미만', small: '5~49인', medium: '50~299인', large: '300인 이상' },
  flag: {
    industrial_complex: '부평산단 입주기업',
    social_economy: '사회적경제기업',
    strong_small: '강소기업',
  },
  vacancyStatus: { draft: '작성 중', open: '모집 중', closed: '마감', filled: '채용 완료' },
  seekerStatus: { active: '구직 중', employed: '취업', inactive: '비활성' },
} as const;
