import type { Opinion, OpinionBody, PublicPlan, PublicPlanListItem, Rollup } from '@ilteo/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';

export type PublicPlanItem = z.infer<typeof PublicPlanListItem>;
export type PublicRollup = z.infer<typeof Rollup>;
export type PublicOpinion = z.infer<typeof Opinion>;
export type OpinionInput = z.input<typeof OpinionBody>;
export type { PublicPlan };

const publicKey = ['public'] as const;

/** Published plans of every organisation on this ilteo, newest year first. */
export function usePublicPlans() {
  return useQuery({
    queryKey: [...publicKey, 'plans'],
    queryFn: ({ signal }) => api<PublicPlanItem[]>('GET', '/public/plans', { signal }),
    staleTime: 60_000,
  });
}

/** A published plan with its approved results only. */
export function usePublicPlan(id: number) {
  return useQuery({
    queryKey: [...publicKey, 'plan', id],
    queryFn: ({ signal }) => api<PublicPlan>('GET', `/public/plans/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: 60_000,
  });
}

/** Every published plan of a year, with the total. */
export function usePublicRollup(year: number | null) {
  return useQuery({
    queryKey: [...publicKey, 'rollup', year],
    queryFn: ({ signal }) => api<PublicRollup>('GET', '/public/rollup', { query: { year }, signal }),
    enabled: year !== null,
    staleTime: 60_000,
  });
}

/** Visible opinions on a published plan (citizens' names masked by the server). */
export function usePublicOpinions(planId: number) {
  return useQuery({
    queryKey: [...publicKey, 'opinions', planId],
    queryFn: ({ signal }) => api<PublicOpinion[]>('GET', `/public/plans/${planId}/opinions`, { signal }),
    enabled: Number.isInteger(planId) && planId > 0,
  });
}

/** Leaves an opinion on a published plan; the list reloads on success. */
export function usePostOpinion(planId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpinionInput) =>
      api<PublicOpinion>('POST', `/public/plans/${planId}/opinions`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...publicKey, 'opinions', planId] }),
  });
}

export const REPORT_FORMATS = ['xlsx', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The downloadable public report of a published plan. */
export function reportUrl(planId: number, format: ReportFormat): string {
  return `/api/v1/public/plans/${planId}/report.${format}`;
}
