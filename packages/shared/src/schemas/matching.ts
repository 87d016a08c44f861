import { z } from 'zod';
import { Timestamp } from './common.js';
import { EDUCATION_LEVELS, EMPLOYMENT_TYPES, LabelledRef, PersonGroupEnum, WageOut } from './registry.js';

/** The score's components, in the order the engine and the screens list them. */
export const MATCH_COMPONENTS = [
  'occupation',
  'skills',
  'distance',
  'wage',
  'conditions',
  'education',
  'freshness',
] as const;
export type MatchComponentName = (typeof MATCH_COMPONENTS)[number];

export const MATCH_COMPONENT_LABELS: Record<MatchComponentName, { ko: string; en: string }> = {
  occupation: { ko: '직종·경력', en: 'Occupation and career' },
  skills: { ko: '기술·자격', en: 'Skills and certificates' },
  distance: { ko: '거리', en: 'Distance' },
  wage: { ko: '임금', en: 'Wage' },
  conditions: { ko: '근무조건', en: 'Hours, shifts, employment type' },
  education: { ko: '학력·경력요건', en: 'Education and experience' },
  freshness: { ko: '최신성', en: 'Freshness' },
};

/** Weights of the components: non-negative, at least one positive (normalised by their sum). */
export const MatchWeights = z
  .strictObject({
    occupation: z.number().min(0).max(100),
    skills: z.number().min(0).max(100),
    distance: z.number().min(0).max(100),
    wage: z.number().min(0).max(100),
    conditions: z.number().min(0).max(100),
    education: z.number().min(0).max(100),
    freshness: z.number().min(0).max(100),
  })
  .refine((w) => Object.values(w).some((v) => v > 0), { params: { messageCode: 'all_weights_zero' } });
export type MatchWeights = z.infer<typeof MatchWeights>;

export const MatchComponents = z.object({
  occupation: z.number(),
  skills: z.number(),
  distance: z.number(),
  wage: z.number(),
  conditions: z.number(),
  education: z.number(),
  freshness: z.number(),
});

export const MatchReason = z.object({ code: z.string(), ko: z.string(), en: z.string() });
export type MatchReason = z.infer<typeof MatchReason>;

/** `?limit=` of both recommendation routes. */
export const MatchQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type MatchQuery = z.infer<typeof MatchQuery>;

/** What both directions share: the other side's id, the reciprocal score and why. */
const MatchFields = {
  /** The other side's id: a vacancy for a seeker, a seeker for a vacancy. */
  id: z.number().int(),
  /** Reciprocal score 0–1 (harmonic mean of the seeker's and the employer's side). */
  score: z.number(),
  seekerSide: z.number(),
  employerSide: z.number(),
  components: MatchComponents,
  reasons: z.array(MatchReason),
  distanceKm: z.number().nullable(),
  /** The signed-in user's own feedback on this pair, if any. */
  feedback: z.enum(['relevant', 'not_relevant']).nullable(),
};

/** One recommended vacancy for a seeker (`GET /seekers/{id}/recommendations`). */
export const VacancyRecommendation = z.object({
  ...MatchFields,
  vacancy: z.object({
    title: z.string(),
    employerName: z.string(),
    occupation: LabelledRef,
    wage: WageOut,
    employmentType: z.enum(EMPLOYMENT_TYPES),
    dongName: z.string().nullable(),
    closesOn: z.string().nullable(),
    isDemo: z.boolean(),
  }),
});
export type VacancyRecommendation = z.infer<typeof VacancyRecommendation>;

/** One candidate seeker for a vacancy (`GET /vacancies/{id}/candidates`): masked, no sensitive data. */
export const CandidateRecommendation = z.object({
  ...MatchFields,
  seeker: z.object({
    maskedName: z.string(),
    birthYear: z.number().int(),
    desiredOccupations: z.array(LabelledRef),
    education: z.enum(EDUCATION_LEVELS),
    homeDongName: z.string().nullable(),
    groups: z.array(PersonGroupEnum),
    isDemo: z.boolean(),
  }),
});
export type CandidateRecommendation = z.infer<typeof CandidateRecommendation>;

export const VacancyRecommendationList = z.object({ items: z.array(VacancyRecommendation) });
export type VacancyRecommendationList = z.infer<typeof VacancyRecommendationList>;
export const CandidateList = z.object({ items: z.array(CandidateRecommendation) });
export type CandidateList = z.infer<typeof CandidateList>;

/** Relevant / not relevant on one pair, from the seeker's, the employer's or a counsellor's screen. */
export const MatchFeedbackBody = z.strictObject({
  seekerId: z.number().int().positive(),
  vacancyId: z.number().int().positive(),
  /** null clears the user's earlier feedback on the pair. */
  verdict: z.enum(['relevant', 'not_relevant']).nullable(),
});
export type MatchFeedbackBody = z.infer<typeof MatchFeedbackBody>;

export const MatchFeedback = z.object({
  seekerId: z.number().int(),
  vacancyId: z.number().int(),
  verdict: z.enum(['relevant', 'not_relevant']).nullable(),
  side: z.enum(['seeker', 'employer', 'staff']),
  at: Timestamp,
});
export type MatchFeedback = z.infer<typeof MatchFeedback>;

/** The organisation's weights (`GET/PUT /matching/weights`), with the documented defaults. */
export const MatchWeightsSettings = z.object({
  weights: MatchWeights,
  defaults: MatchWeights,
  updatedAt: Timestamp.nullable(),
});
export type MatchWeightsSettings = z.infer<typeof MatchWeightsSettings>;

/** Quality figures of one ranking method on one label set (all 0–1). */
export const MatchQuality = z.object({
  ndcgAt10: z.number(),
  recallAt10: z.number(),
  mrr: z.number(),
  /** Share of open vacancies recommended (top 10) to at least one seeker. */
  coverage: z.number(),
  /** Seekers evaluated (those with at least one relevant label). */
  queries: z.number().int(),
});
export type MatchQuality = z.infer<typeof MatchQuality>;

/** One label set evaluated: the proposed weights, the saved ones and the two baselines. */
export const MatchEvaluationSet = z.object({
  /** feedback: relevant / not relevant recorded in this database; synthetic: the generated set (docs/matching-evaluation.md). */
  source: z.enum(['feedback', 'synthetic']),
  pairs: z.number().int(),
  relevant: z.number().int(),
  proposed: MatchQuality,
  current: MatchQuality,
  baselines: z.object({ textOnly: MatchQuality, occupationOnly: MatchQuality }),
});
export type MatchEvaluationSet = z.infer<typeof MatchEvaluationSet>;

/** `POST /matching/evaluate`: what proposed weights would do before they are saved. */
export const MatchEvaluateBody = z.strictObject({ weights: MatchWeights });
export type MatchEvaluateBody = z.infer<typeof MatchEvaluateBody>;
export const MatchEvaluation = z.object({ sets: z.array(MatchEvaluationSet) });
export type MatchEvaluation = z.infer<typeof MatchEvaluation>;
