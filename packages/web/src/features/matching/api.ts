import type {
  CandidateList,
  MatchEvaluation,
  MatchFeedback,
  MatchFeedbackBody,
  MatchWeights,
  MatchWeightsSettings,
  VacancyRecommendationList,
} from '@ilteo/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { withFeedback } from './format';

const matchingKey = ['matching'] as const;
/** Every cached recommendation list of one seeker (any limit). */
export const recommendationsKey = (seekerId: number) => [...matchingKey, 'seeker', seekerId] as const;
/** Every cached candidate list of one vacancy (any limit). */
export const candidatesKey = (vacancyId: number) => [...matchingKey, 'vacancy', vacancyId] as const;
export const weightsKey = [...matchingKey, 'weights'] as const;

const valid = (id: number | null): id is number => id !== null && Number.isInteger(id) && id > 0;

/** Vacancies recommended to a seeker, best first, with why (the seeker themself, counsellors, admins). */
export function useRecommendations(seekerId: number | null, limit: number) {
  return useQuery({
    queryKey: [...recommendationsKey(seekerId ?? 0), limit],
    queryFn: ({ signal }) =>
      api<VacancyRecommendationList>('GET', `/seekers/${seekerId}/recommendations`, {
        query: { limit },
        signal,
      }),
    enabled: valid(seekerId),
    placeholderData: keepPreviousData,
  });
}

/** Masked candidate seekers for a vacancy, best first (its employer, counsellors, admins). */
export function useCandidates(vacancyId: number | null, limit: number) {
  return useQuery({
    queryKey: [...candidatesKey(vacancyId ?? 0), limit],
    queryFn: ({ signal }) =>
      api<CandidateList>('GET', `/vacancies/${vacancyId}/candidates`, { query: { limit }, signal }),
    enabled: valid(vacancyId),
    placeholderData: keepPreviousData,
  });
}

/**
 * Stores "relevant" / "not relevant" (null clears it). The lists on screen take the stored
 * verdict without a refetch, so the ranking a person is reading does not move under them.
 */
export function useMatchFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MatchFeedbackBody) => api<MatchFeedback>('POST', '/matching/feedback', { body }),
    onSuccess: (stored) => {
      for (const [key, list] of client.getQueriesData<VacancyRecommendationList>({
        queryKey: recommendationsKey(stored.seekerId),
      })) {
        if (list) client.setQueryData(key, withFeedback(list, stored.vacancyId, stored.verdict));
      }
      for (const [key, list] of client.getQueriesData<CandidateList>({
        queryKey: candidatesKey(stored.vacancyId),
      })) {
        if (list) client.setQueryData(key, withFeedback(list, stored.seekerId, stored.verdict));
      }
    },
  });
}

/** The organisation's weights and the documented defaults. */
export function useMatchWeights() {
  return useQuery({
    queryKey: weightsKey,
    queryFn: ({ signal }) => api<MatchWeightsSettings>('GET', '/matching/weights', { signal }),
  });
}

/** Saves the organisation's weights (admins); every recommendation list is stale afterwards. */
export function useSaveMatchWeights() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (weights: MatchWeights) =>
      api<MatchWeightsSettings>('PUT', '/matching/weights', { body: { weights } }),
    onSuccess: async (settings) => {
      client.setQueryData(weightsKey, settings);
      await client.invalidateQueries({
        queryKey: matchingKey,
        predicate: (query) => query.queryKey[1] !== weightsKey[1],
      });
    },
  });
}

/** What proposed weights would do to the quality figures, before they are saved (takes seconds). */
export function useEvaluateWeights() {
  return useMutation({
    mutationFn: (weights: MatchWeights) =>
      api<MatchEvaluation>('POST', '/matching/evaluate', { body: { weights } }),
  });
}
