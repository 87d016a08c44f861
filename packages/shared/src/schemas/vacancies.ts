import { z } from 'zod';
import { pageOf, pageQuery, Timestamp } from './common.js';
import { partialWithoutDefaults } from './employers.js';
import {
  CAREER_REQUIREMENTS,
  DateOnly,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  ItemRef,
  LabelledRef,
  PERSON_GROUPS,
  PersonGroupEnum,
  Place,
  PlaceOut,
  SHIFTS,
  VACANCY_SOURCES,
  VACANCY_STATUSES,
  Wage,
  WageOut,
} from './registry.js';

/**
 * A vacancy as an employer or staff types it. The wage is checked against the minimum wage of
 * the year the vacancy opens (server side, from the updatable table; error code
 * `below_minimum_wage` on `wage.amount`, naming the minimum). Dates are whole days in Korea.
 */
export const VacancyInput = z.strictObject({
  /** Staff post for a company; an employer account always posts for its own. */
  employerId: z.number().int().positive().optional(),
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(5000).default(''),
  occupation: ItemRef,
  requiredSkills: z.array(ItemRef).max(20).default([]),
  preferredSkills: z.array(ItemRef).max(20).default([]),
  requiredCertificates: z.array(ItemRef).max(10).default([]),
  preferredCertificates: z.array(ItemRef).max(10).default([]),
  education: z.enum(EDUCATION_LEVELS).default('any'),
  career: z.enum(CAREER_REQUIREMENTS).default('any'),
  /** Months of experience asked for when `career` is `experienced`. */
  minCareerMonths: z.number().int().min(0).max(600).default(0),
  wage: Wage,
  weeklyHours: z.number().min(1).max(68).default(40),
  shifts: z.array(z.enum(SHIFTS)).max(SHIFTS.length).default(['day']),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  openings: z.number().int().min(1).max(10_000).default(1),
  place: Place.default({}),
  opensOn: DateOnly,
  /** null: 채용 시까지 (until filled). */
  closesOn: DateOnly.nullable().default(null),
  preferredGroups: z.array(PersonGroupEnum).max(PERSON_GROUPS.length).default([]),
  /** Only seekers of these groups are eligible (e.g. a 장애인 only vacancy); empty: anyone. */
  eligibleGroups: z.array(PersonGroupEnum).max(PERSON_GROUPS.length).default([]),
  status: z.enum(['draft', 'open']).default('open'),
});
export type VacancyInput = z.infer<typeof VacancyInput>;

/** A partial update: fields left out stay as they are (no defaults applied); `version` is the one read. */
export const VacancyPatch = partialWithoutDefaults(
  VacancyInput.omit({ employerId: true, status: true }),
).extend({
  version: z.number().int().min(1),
});
export type VacancyPatch = z.infer<typeof VacancyPatch>;

/** Moving a vacancy between draft, open, closed and filled. */
export const VacancyStatusBody = z.strictObject({
  status: z.enum(VACANCY_STATUSES),
  version: z.number().int().min(1),
});

/** A vacancy in full (public for open vacancies; the owner and staff see all). */
export const Vacancy = z.object({
  id: z.number().int(),
  employer: z.object({ id: z.number().int(), name: z.string(), verified: z.boolean() }),
  title: z.string(),
  description: z.string(),
  occupation: LabelledRef,
  requiredSkills: z.array(LabelledRef),
  preferredSkills: z.array(LabelledRef),
  requiredCertificates: z.array(LabelledRef),
  preferredCertificates: z.array(LabelledRef),
  education: z.enum(EDUCATION_LEVELS),
  career: z.enum(CAREER_REQUIREMENTS),
  minCareerMonths: z.number().int(),
  wage: WageOut,
  weeklyHours: z.number(),
  shifts: z.array(z.enum(SHIFTS)),
  employmentType: z.enum(EMPLOYMENT_TYPES),
  openings: z.number().int(),
  place: PlaceOut,
  opensOn: z.string(),
  closesOn: z.string().nullable(),
  preferredGroups: z.array(PersonGroupEnum),
  eligibleGroups: z.array(PersonGroupEnum),
  status: z.enum(VACANCY_STATUSES),
  source: z.enum(VACANCY_SOURCES),
  /** 고용24 구인인증번호 and its page, for imported vacancies. */
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Vacancy = z.infer<typeof Vacancy>;

/** One result of the vacancy search. */
export const VacancySearchItem = z.object({
  id: z.number().int(),
  title: z.string(),
  employerName: z.string(),
  occupation: LabelledRef,
  wage: WageOut,
  employmentType: z.enum(EMPLOYMENT_TYPES),
  career: z.enum(CAREER_REQUIREMENTS),
  education: z.enum(EDUCATION_LEVELS),
  dongName: z.string().nullable(),
  /** Kilometres from the `near` dong, when sorting or filtering by distance. */
  distanceKm: z.number().nullable(),
  opensOn: z.string(),
  closesOn: z.string().nullable(),
  preferredGroups: z.array(PersonGroupEnum),
  status: z.enum(VACANCY_STATUSES),
  source: z.enum(VACANCY_SOURCES),
  isDemo: z.boolean(),
  /** Highlight ranges in the title, [start, end) in UTF-16 units. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])).default([]),
  /** The same in the company's name (a word of the query may match there: 주간 in 가람주간보호센터). */
  employerHighlights: z.array(z.tuple([z.number().int(), z.number().int()])).default([]),
});
export type VacancySearchItem = z.infer<typeof VacancySearchItem>;

/** A facet: each value with how many results it would give (counted with the other filters applied). */
export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const Facets = z.record(z.string(), z.array(FacetValue));

export const WAGE_BANDS = ['under_2m', '2m_2_5m', '2_5m_3m', '3m_4m', '4m_plus'] as const;
export const POSTED_WITHIN = ['1d', '3d', '7d', '30d'] as const;

/**
 * The vacancy search (`GET /api/v1/vacancies`). Filters with several values are comma-separated
 * and OR within a facet, AND across facets. `near` is a dong code: with `sort=distance` results
 * are nearest first, and `withinKm` drops those further away.
 */
export const VacancySearchQuery = pageQuery(['relevance', 'newest', 'wage', 'distance'] as const, 'relevance')
  .omit({ order: true })
  .extend({
    q: z.string().trim().max(100).optional(),
    occupationGroup: z.string().max(400).optional(),
    dong: z.string().max(400).optional(),
    wageBand: z.string().max(200).optional(),
    minMonthlyWage: z.coerce.number().int().min(0).max(100_000_000).optional(),
    employmentType: z.string().max(200).optional(),
    career: z.string().max(100).optional(),
    education: z.string().max(200).optional(),
    targetGroup: z.string().max(200).optional(),
    postedWithin: z.enum(POSTED_WITHIN).optional(),
    near: z.string().max(40).optional(),
    withinKm: z.coerce.number().min(0.1).max(500).optional(),
    employerId: z.coerce.number().int().positive().optional(),
    /** Staff only: other statuses than `open`. */
    status: z.string().max(100).optional(),
    source: z.enum(VACANCY_SOURCES).optional(),
  });
export type VacancySearchQuery = z.infer<typeof VacancySearchQuery>;

export const VacancySearchPage = pageOf(VacancySearchItem).extend({ facets: Facets });
export type VacancySearchPage = z.infer<typeof VacancySearchPage>;

/** A company's own vacancies (its employer account and staff), all statuses, from the database. */
export const EmployerVacancyQuery = pageQuery(['updatedAt', 'opensOn', 'title'] as const, 'updatedAt').extend(
  {
    status: z.enum(VACANCY_STATUSES).optional(),
  },
);

/** The minimum wage table (최저임금), won an hour by year; admins keep it current. */
export const MinimumWage = z.object({
  year: z.number().int(),
  hourly: z.number().int(),
  monthly: z.number().int(),
});
export const MinimumWageList = z.object({ items: z.array(MinimumWage) });
export const MinimumWageBody = z.strictObject({
  year: z.number().int().min(1988).max(2100),
  hourly: z.number().int().min(1).max(1_000_000),
});

/* Search (module search): Korean labels of the facets that are not registry vocabulary. */

/** 월급 bands of the wage facet: [min, max) in monthly won (the monthly equivalent on 209 hours). */
export const WAGE_BAND_RANGES: Record<(typeof WAGE_BANDS)[number], { min: number; max: number | null }> = {
  under_2m: { min: 0, max: 2_000_000 },
  '2m_2_5m': { min: 2_000_000, max: 2_500_000 },
  '2_5m_3m': { min: 2_500_000, max: 3_000_000 },
  '3m_4m': { min: 3_000_000, max: 4_000_000 },
  '4m_plus': { min: 4_000_000, max: null },
};

export const WAGE_BAND_LABELS: Record<(typeof WAGE_BANDS)[number], string> = {
  under_2m: '월 200만원 미만',
  '2m_2_5m': '월 200~250만원',
  '2_5m_3m': '월 250~300만원',
  '3m_4m': '월 300~400만원',
  '4m_plus': '월 400만원 이상',
};

/** `1d` is today: a vacancy is within N days when it opened less than N days ago (Korean days). */
export const POSTED_WITHIN_LABELS: Record<(typeof POSTED_WITHIN)[number], string> = {
  '1d': '오늘',
  '3d': '3일 이내',
  '7d': '7일 이내',
  '30d': '30일 이내',
};
