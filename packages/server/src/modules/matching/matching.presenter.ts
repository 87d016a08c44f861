import type { CandidateRecommendation, MatchWeights, VacancyRecommendation } from '@ilteo/shared';
import { DEFAULT_MATCH_WEIGHTS } from '../../engine/match/score.js';
import type { MatchWeights as EngineWeights, MatchResult } from '../../engine/match/types.js';
import { occupationRef, presentSeekerItem } from '../search/search.presenter.js';
import type { SeekerItemRow, VacancyItemRow } from '../search/search.repository.js';
import type { SearchLabels } from '../search/search-index.js';

type Verdict = 'relevant' | 'not_relevant' | null;

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The fields both directions share: scores rounded for the wire, components as they are. */
function matchFields(result: MatchResult, feedback: Verdict) {
  const components = Object.fromEntries(
    Object.entries(result.components).map(([k, v]) => [k, round(v)]),
  ) as MatchResult['components'];
  return {
    id: result.id,
    score: round(result.score),
    seekerSide: round(result.seekerSide),
    employerSide: round(result.employerSide),
    components,
    reasons: result.reasons,
    // Rounded as the commute reason rounds it (one decimal), so the two never disagree.
    distanceKm: result.distanceKm === null ? null : Number(result.distanceKm.toFixed(1)),
    feedback,
  };
}

export function presentVacancyRecommendation(
  result: MatchResult,
  row: VacancyItemRow,
  labels: SearchLabels,
  feedback: Verdict,
): VacancyRecommendation {
  return {
    ...matchFields(result, feedback),
    vacancy: {
      title: row.title,
      employerName: row.employer_name,
      occupation: occupationRef(labels, row.occupation_scheme, row.occupation_code),
      wage: { type: row.wage_type, amount: row.wage_amount, monthly: row.wage_monthly },
      employmentType: row.employment_type as VacancyRecommendation['vacancy']['employmentType'],
      dongName:
        (row.dong_code ? labels.dongs.get(row.dong_code)?.name : undefined) ?? row.region_name ?? null,
      closesOn: row.closes_on,
      isDemo: row.is_demo === 1,
    },
  };
}

/** A candidate: masked as in every staff list, no contact data, no sensitive group. */
export function presentCandidate(
  result: MatchResult,
  row: SeekerItemRow,
  labels: SearchLabels,
  feedback: Verdict,
): CandidateRecommendation {
  const item = presentSeekerItem(row, labels);
  return {
    ...matchFields(result, feedback),
    seeker: {
      maskedName: item.maskedName,
      birthYear: item.birthYear,
      desiredOccupations: item.desiredOccupations,
      education: item.education,
      homeDongName: item.homeDongName,
      groups: item.groups,
      isDemo: item.isDemo,
    },
  };
}

/** The documented defaults on the screens' scale (percent): the engine's shares × 100. */
export const DEFAULT_WEIGHTS: MatchWeights = Object.fromEntries(
  Object.entries(DEFAULT_MATCH_WEIGHTS).map(([k, v]) => [k, Math.round(v * 1000) / 10]),
) as MatchWeights;

/** The screens' weights as the engine takes them (it normalises by their sum). */
export function engineWeights(weights: MatchWeights): EngineWeights {
  return { ...weights };
}
