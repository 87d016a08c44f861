import { z } from 'zod';

/** Why no registered seeker suits a hard-to-fill vacancy. */
export const HARD_TO_FILL_REASONS = [
  /** No active seeker desires the vacancy's occupation group. */
  'no_seeker_in_group',
  /** Nobody in the group holds every required certificate. */
  'no_certificate_holder',
  /** Nobody in the group lives within their commute limit of the workplace. */
  'beyond_commute',
  /** Each condition is met by someone, but nobody meets them all. */
  'no_one_meets_all',
] as const;
export type HardToFillReason = (typeof HARD_TO_FILL_REASONS)[number];

/** The mismatch analytics' filters: a year (or one month of it), the occupation level, one group. */
export const MismatchQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
  occupationLevel: z.coerce.number().int().min(1).max(2).default(1),
  /** An occupation group's facet value at the chosen level (`scheme:code` outside KECO). */
  group: z.string().trim().min(1).max(200).optional(),
});
export type MismatchQuery = z.infer<typeof MismatchQuery>;

/** The figures of one slice (a group, a dong, a month, or all). Wages are monthly equivalents in won. */
export const MismatchFigures = z.object({
  openVacancies: z.number().int(),
  openings: z.number().int(),
  seekers: z.number().int(),
  /** 구인배수: openings ÷ active seekers; null without seekers. */
  ratio: z.number().nullable(),
  /** Filled ÷ (closed + filled) among vacancies that ended in the period, 0–1. */
  fillRate: z.number().nullable(),
  /** Median days from opening to filling, of vacancies filled in the period. */
  medianDaysToFill: z.number().nullable(),
  offeredWage: z.number().nullable(),
  desiredWage: z.number().nullable(),
  /** Offered minus desired median. */
  wageGap: z.number().nullable(),
});
export type MismatchFigures = z.infer<typeof MismatchFigures>;

const Labelled = { code: z.string(), label: z.string(), labelEn: z.string().nullable() };

export const MismatchReport = z.object({
  year: z.number().int(),
  /** Years in which the organisation had vacancies open, for the year filter. */
  years: z.array(z.number().int()),
  month: z.number().int().nullable(),
  occupationLevel: z.number().int(),
  group: z.string().nullable(),
  /** The day "open over 30 days" counts to: today, or the period's last day when it is past. */
  asOf: z.string(),
  totals: MismatchFigures,
  /** Every occupation group at the level, whatever the group filter: the filter's choices. */
  groupOptions: z.array(z.object(Labelled)),
  groups: z.array(MismatchFigures.extend(Labelled)),
  dongs: z.array(MismatchFigures.extend(Labelled)),
  cells: z.array(
    z.object({
      group: z.string(),
      dong: z.string(),
      openVacancies: z.number().int(),
      openings: z.number().int(),
      seekers: z.number().int(),
      ratio: z.number().nullable(),
    }),
  ),
  months: z.array(MismatchFigures.extend({ month: z.number().int() })),
  missingCertificates: z.array(z.object({ ...Labelled, vacancies: z.number().int() })),
  missingSkills: z.array(z.object({ ...Labelled, vacancies: z.number().int() })),
  hardToFill: z.array(
    z.object({
      vacancyId: z.number().int(),
      title: z.string(),
      employerName: z.string(),
      group: z.string(),
      groupLabel: z.string(),
      dong: z.string().nullable(),
      dongName: z.string().nullable(),
      opensOn: z.string(),
      openDays: z.number().int(),
      groupSeekers: z.number().int(),
      reasons: z.array(z.enum(HARD_TO_FILL_REASONS)),
    }),
  ),
});
export type MismatchReport = z.infer<typeof MismatchReport>;

/** Bupyeong's dongs as GeoJSON for the choropleth. */
export const DongFeatures = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() }),
      geometry: z.unknown(),
    }),
  ),
});
export type DongFeatures = z.infer<typeof DongFeatures>;
