import { z } from 'zod';
import { Email, pageOf, pageQuery, ShortText, Timestamp } from './common.js';
import { Phone } from './employers.js';
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

export const SeekerPatch = SeekerProfileInput.partial().extend({
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
