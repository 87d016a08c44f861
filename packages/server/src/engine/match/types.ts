/**
 * The matching engine's contract (#5): the documents it holds, the weights, and what a match
 * returns. Pure data; the engine (`matcher.ts`) and the server module (`modules/matching`) both
 * code against this file. Nothing here assumes KECO: occupations are parent chains of codes of
 * any scheme, skills and certificates are `scheme:id` keys.
 */

/** An occupation as its parent chain: codes top level first, the item itself last, e.g. ['3','30','304','3040']. */
export type OccupationPath = readonly string[];

/** Ordinal education levels, as EDUCATION_LEVELS in @ilteo/shared: 0 any … 7 doctorate. */
export type EducationRank = number;

/** A vacancy as the matcher sees it. */
export interface MatchVacancy {
  id: number;
  orgId: number;
  employerId: number;
  /** The scheme of `occupation` (codes of different schemes never match). */
  occupationScheme: string;
  occupation: OccupationPath;
  /** `scheme:id` keys. */
  requiredSkills: readonly string[];
  preferredSkills: readonly string[];
  requiredCertificates: readonly string[];
  preferredCertificates: readonly string[];
  education: EducationRank;
  career: 'new' | 'experienced' | 'any';
  minCareerMonths: number;
  /** Monthly equivalent on 209 h, won. */
  monthlyWage: number;
  weeklyHours: number;
  /** SHIFTS codes. */
  shifts: readonly string[];
  employmentType: string;
  lat: number | null;
  lon: number | null;
  /** Day numbers (days since 1970-01-01). */
  opensOn: number;
  closesOn: number | null;
  status: 'draft' | 'open' | 'closed' | 'filled';
  /** Only these groups may apply; empty: anyone. */
  eligibleGroups: readonly string[];
  preferredGroups: readonly string[];
}

/** A seeker as the matcher sees it (no name, no contact data, no sensitive data unless consented). */
export interface MatchSeeker {
  id: number;
  orgId: number;
  occupationScheme: string;
  /** Up to three desired occupations, in the seeker's order of preference. */
  desired: readonly OccupationPath[];
  careers: readonly { occupation: OccupationPath; months: number }[];
  skills: readonly string[];
  certificates: readonly string[];
  education: EducationRank;
  /** Desired monthly equivalent, or null. */
  desiredMonthlyWage: number | null;
  /** The seeker will not take less (a hard filter). */
  wageFirm: boolean;
  weeklyHours: number | null;
  shifts: readonly string[];
  employmentTypes: readonly string[];
  lat: number | null;
  lon: number | null;
  commuteKm: number;
  /** Target groups: age groups, declared groups; `disabled` only with the sensitive consent. */
  groups: readonly string[];
  availableFrom: number | null;
  status: 'active' | 'employed' | 'inactive';
  /** The `recommendation` consent stands: may be shown to employers as a candidate. */
  recommendable: boolean;
}

/** Weights of the score's components (non-negative; normalised by their sum). */
export interface MatchWeights {
  occupation: number;
  skills: number;
  distance: number;
  wage: number;
  conditions: number;
  education: number;
  freshness: number;
}

/** The components' values, each in [0, 1]. */
export type MatchComponents = Record<keyof MatchWeights, number>;

/** One reason, in both languages ("희망직종 일치" / "Desired occupation"). */
export interface MatchReason {
  code: string;
  ko: string;
  en: string;
}

/** One recommended vacancy for a seeker, or one candidate seeker for a vacancy. */
export interface MatchResult {
  /** The other side's id. */
  id: number;
  /** Reciprocal score in [0, 1]: the harmonic mean of the seeker's and the employer's side. */
  score: number;
  seekerSide: number;
  employerSide: number;
  components: MatchComponents;
  reasons: MatchReason[];
  distanceKm: number | null;
}

/** Why a pair was refused before scoring (hard filters). */
export type HardFilter =
  | 'closed'
  | 'expired'
  | 'wage_below_firm_minimum'
  | 'missing_required_certificate'
  | 'beyond_commute'
  | 'not_eligible'
  | 'not_recommendable'
  | 'inactive'
  | 'other_organisation'
  | 'other_scheme';

export interface MatchOptions {
  limit: number;
  /** Day number of today (closing dates, freshness). */
  today: number;
  weights?: MatchWeights;
}
