import { z } from 'zod';
import { AGE_GROUPS } from '../rules/age-groups.js';
import { Email, pageOf, pageQuery, ShortText, Timestamp } from './common.js';
import { Phone, partialWithoutDefaults } from './employers.js';
import {
  DateOnly,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  ItemRef,
  LabelledRef,
  PersonGroupEnum,
  SEEKER_CONSENT_PURPOSES,
  SEEKER_STATUSES,
  SHIFTS,
  Wage,
  WageOut,
} from './registry.js';

/** Target groups a seeker declares (age groups follow from the birth year instead). */
export const DECLARED_GROUPS = ['career_break_women', 'disabled', 'vulnerable', 'self_sufficiency'] as const;

/** Months of experience in one occupation. */
export const CareerEntry = z.strictObject({
  occupation: ItemRef,
  months: z.number().int().min(1).max(720),
  company: z.string().trim().max(100).optional(),
});

/** The consents given on registration; `employment_services` is required. */
export const SeekerConsentsInput = z.strictObject({
  employment_services: z.literal(true, { error: 'must_accept' }),
  recommendation: z.boolean().default(false),
  sensitive: z.boolean().default(false),
});

/**
 * A seeker's profile as they or a counsellor type it. No 주민등록번호: the birth year is all the
 * age rules need. `disabled` in `groups` needs the `sensitive` consent (field error
 * `sensitive_consent_required` otherwise).
 */
export const SeekerProfileInput = z.strictObject({
  name: ShortText(50),
  birthYear: z.number().int().min(1920).max(2015),
  gender: z.enum(['female', 'male', 'other']).optional(),
  phone: Phone.optional(),
  email: Email.optional(),
  desiredOccupations: z.array(ItemRef).min(1).max(3),
  skills: z.array(ItemRef).max(30).default([]),
  certificates: z.array(ItemRef).max(20).default([]),
  education: z.enum(EDUCATION_LEVELS).default('high'),
  careers: z.array(CareerEntry).max(20).default([]),
  desiredWage: Wage.optional(),
  /** The seeker will not take less than `desiredWage` (a hard filter in recommendations). */
  wageFirm: z.boolean().default(false),
  weeklyHours: z.number().int().min(1).max(68).optional(),
  shifts: z.array(z.enum(SHIFTS)).max(SHIFTS.length).default([]),
  employmentTypes: z.array(z.enum(EMPLOYMENT_TYPES)).max(EMPLOYMENT_TYPES.length).default([]),
  homeDongCode: z.string().trim().max(40).optional(),
  commuteKm: z.number().min(0.5).max(200).default(10),
  availableFrom: DateOnly.optional(),
  groups: z.array(z.enum(DECLARED_GROUPS)).max(DECLARED_GROUPS.length).default([]),
});
export type SeekerProfileInput = z.infer<typeof SeekerProfileInput>;

/** A seeker registering themselves (signed in as a seeker) or at a desk. */
export const SeekerCreateBody = SeekerProfileInput.extend({
  consents: SeekerConsentsInput,
  /** At a desk: the counsellor's note from the intake interview. */
  intakeNote: z.string().trim().max(2000).optional(),
  /** At a desk: which counselling desk (a unit the counsellor serves). */
  deskUnitId: z.number().int().positive().optional(),
});
export type SeekerCreateBody = z.infer<typeof SeekerCreateBody>;

/** A partial update: fields left out stay as they are (no defaults filled in); `version` as read. */
export const SeekerPatch = partialWithoutDefaults(SeekerProfileInput).extend({
  status: z.enum(SEEKER_STATUSES).optional(),
  version: z.number().int().min(1),
});
export type SeekerPatch = z.infer<typeof SeekerPatch>;

export const SeekerConsent = z.object({
  purpose: z.enum(SEEKER_CONSENT_PURPOSES),
  version: z.string(),
  grantedAt: Timestamp,
  withdrawnAt: Timestamp.nullable(),
});

/** Give or withdraw one consent. */
export const SeekerConsentBody = z.strictObject({
  purpose: z.enum(SEEKER_CONSENT_PURPOSES),
  granted: z.boolean(),
});

/** The full profile (audited read: the seeker, counsellors, admins). */
export const Seeker = z.object({
  id: z.number().int(),
  userId: z.number().int().nullable(),
  name: z.string(),
  birthYear: z.number().int(),
  gender: z.enum(['female', 'male', 'other']).nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  desiredOccupations: z.array(LabelledRef),
  skills: z.array(LabelledRef),
  certificates: z.array(LabelledRef),
  education: z.enum(EDUCATION_LEVELS),
  careers: z.array(
    z.object({ occupation: LabelledRef, months: z.number().int(), company: z.string().nullable() }),
  ),
  desiredWage: WageOut.nullable(),
  wageFirm: z.boolean(),
  weeklyHours: z.number().int().nullable(),
  shifts: z.array(z.enum(SHIFTS)),
  employmentTypes: z.array(z.enum(EMPLOYMENT_TYPES)),
  homeDongCode: z.string().nullable(),
  homeDongName: z.string().nullable(),
  commuteKm: z.number(),
  availableFrom: z.string().nullable(),
  /** Declared groups and the age groups of the district's rules, together. */
  groups: z.array(PersonGroupEnum),
  status: z.enum(SEEKER_STATUSES),
  consents: z.array(SeekerConsent),
  registeredBy: z.enum(['self', 'desk', 'import']),
  deskUnitId: z.number().int().nullable(),
  intakeNote: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastActiveAt: Timestamp,
});
export type Seeker = z.infer<typeof Seeker>;

/** A seeker in a staff list or search: name and contact masked, no sensitive data. */
export const SeekerListItem = z.object({
  id: z.number().int(),
  maskedName: z.string(),
  maskedPhone: z.string().nullable(),
  birthYear: z.number().int(),
  desiredOccupations: z.array(LabelledRef),
  education: z.enum(EDUCATION_LEVELS),
  homeDongName: z.string().nullable(),
  groups: z.array(PersonGroupEnum),
  status: z.enum(SEEKER_STATUSES),
  isDemo: z.boolean(),
  updatedAt: Timestamp,
});
export type SeekerListItem = z.infer<typeof SeekerListItem>;

/** Staff search over seekers (`GET /api/v1/seekers`), with facets like the vacancy search. */
export const SeekerSearchQuery = pageQuery(['relevance', 'newest', 'name'] as const, 'relevance')
  .omit({ order: true })
  .extend({
    q: z.string().trim().max(100).optional(),
    occupationGroup: z.string().max(400).optional(),
    dong: z.string().max(400).optional(),
    education: z.string().max(200).optional(),
    targetGroup: z.string().max(200).optional(),
    status: z.string().max(100).optional(),
    employmentType: z.string().max(200).optional(),
  });
export type SeekerSearchQuery = z.infer<typeof SeekerSearchQuery>;

export const SeekerSearchPage = pageOf(SeekerListItem).extend({
  facets: z.record(
    z.string(),
    z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
  ),
});

/* Seeker self-service and privacy (engineer "seekers+privacy"). */

/**
 * The consent texts a seeker agrees to, one per purpose, each with a version: changing a text
 * means a new version, and each consent record says which version was agreed to.
 */
export const SEEKER_CONSENT_TEXTS = {
  employment_services: {
    version: '2026-11-26',
    required: true,
    ko: '개인정보 수집·이용(필수) — 목적: 구직 등록과 취업지원 서비스(상담, 취업알선, 일자리 사업 참여) 제공, 항목: 이름·출생연도·성별·연락처·희망직종·경력·학력·자격·희망임금·거주 행정동, 보유기간: 마지막 이용일부터 기관이 정한 기간(기본 3년) 또는 탈퇴·동의 철회 시까지(다른 법령이 보존을 요구하는 기록은 분리 보관)',
    en: 'Collection and use of personal data (required) — purpose: job-seeker registration and employment services (counselling, referrals, job programmes); items: name, birth year, gender, contact details, desired occupations, careers, education, certificates, desired wage, home dong; kept from the last use for the period the district sets (3 years by default) or until the account is deleted or this consent is withdrawn (records other laws require are kept apart)',
  },
  recommendation: {
    version: '2026-11-26',
    required: false,
    ko: '구인기업 추천(선택) — 연락처를 뺀 구직 정보를 구인기업에 후보자로 보여 줍니다. 동의하지 않아도 다른 서비스는 이용할 수 있습니다.',
    en: 'Recommendations to employers (optional) — your profile, without contact details, is shown to employers as a candidate. Other services remain available without this consent.',
  },
  sensitive: {
    version: '2026-11-26',
    required: false,
    ko: '민감정보 처리(선택, 개인정보 보호법 제23조) — 장애 여부를 장애인 우대 일자리 추천과 지원 사업 안내에만 사용합니다. 동의를 철회하면 즉시 삭제합니다.',
    en: 'Sensitive data (optional, Personal Information Protection Act art. 23) — whether you have a disability, used only for jobs that prefer disabled applicants and for support programmes. Erased at once when this consent is withdrawn.',
  },
} as const satisfies Record<(typeof SEEKER_CONSENT_PURPOSES)[number], unknown>;

/** A seeker registering themselves: no desk fields. */
export const SeekerSelfCreateBody = SeekerCreateBody.omit({ intakeNote: true, deskUnitId: true });
export type SeekerSelfCreateBody = z.infer<typeof SeekerSelfCreateBody>;

/** Deleting one's own account needs the password again. */
export const DeleteAccountBody = z.strictObject({ password: z.string().min(1).max(128) });

/** One age rule of a district: a group and its age range (연 나이), `max` null for open-ended. */
export const AgeRuleInput = z.strictObject({
  group: z.enum(AGE_GROUPS),
  min: z.number().int().min(0).max(120),
  max: z.number().int().min(0).max(120).nullable(),
});

/** An organisation's privacy settings: age rules and how long inactive seekers are kept. */
export const PrivacySettings = z.strictObject({
  ageRules: z.array(AgeRuleInput).max(3),
  /** Months after a seeker's last activity before the retention job removes them (6–120). */
  retentionMonths: z.number().int().min(6).max(120),
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

/** Run the retention job; `dryRun` counts without removing. Stated explicitly, never defaulted. */
export const RetentionRunBody = z.strictObject({ dryRun: z.boolean() });

/** What a retention run removed (or would remove, on a dry run). */
export const RetentionReport = z.object({
  dryRun: z.boolean(),
  retentionMonths: z.number().int(),
  /** Seekers whose last activity is before this instant are removed. */
  cutoff: Timestamp,
  /** Seeker profiles removed: stale ones and those whose employment-services consent was withdrawn. */
  removed: z.number().int(),
  /** Sign-in accounts of stale seekers removed with them. */
  accountsRemoved: z.number().int(),
  /** Records kept apart for other laws (retained_records) written by this run. */
  keptApart: z.number().int(),
  /** Records kept apart whose keeping period ended, destroyed by this run. */
  expiredRecordsRemoved: z.number().int(),
});
export type RetentionReport = z.infer<typeof RetentionReport>;
