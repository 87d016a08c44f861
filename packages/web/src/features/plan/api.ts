import {
  type CopyPlanBody,
  type CreatePlanBody,
  type Dashboard,
  ERRORS,
  type Evidence,
  type Opinion,
  type Plan,
  type PlanSummaryItem,
  type Program,
  type UpdatePlanBody,
  type UpdateStrategyBody,
} from '@ilteo/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api } from '../../api/client';
import { upload } from './files';
import type { ProgramBody } from './programForm';
import type { ProgramResultsData, ResultBodyData } from './results';

export type PlanSummary = z.infer<typeof PlanSummaryItem>;
export type OpinionData = z.infer<typeof Opinion>;
export type EvidenceData = z.infer<typeof Evidence>;
export type PlanInput = z.input<typeof CreatePlanBody>;
export type PlanChanges = z.input<typeof UpdatePlanBody>;

/** What an address with an id that is not one shows: the server's own 404. */
export const NOT_FOUND_ERROR = new ApiError({
  code: 'NOT_FOUND',
  status: 404,
  message: { ko: ERRORS.NOT_FOUND.ko, en: ERRORS.NOT_FOUND.en },
});

export const plansKey = ['plans'] as const;
export const planKey = (id: number) => ['plan', id] as const;
export const dashboardKey = (id: number) => ['plan', id, 'dashboard'] as const;
export const opinionsKey = (id: number) => ['plan', id, 'opinions'] as const;
export const resultsKey = (programId: number) => ['program-results', programId] as const;

/** The organisation's plans, newest year first. */
export function usePlans() {
  return useQuery({
    queryKey: plansKey,
    queryFn: ({ signal }) => api<PlanSummary[]>('GET', '/plans', { signal }),
    select: (plans) => [...plans].sort((a, b) => b.year - a.year),
  });
}

/** A plan tree (a reporter's holds only their units' programs). */
export function usePlan(id: number) {
  return useQuery({
    queryKey: planKey(id),
    queryFn: ({ signal }) => api<Plan>('GET', `/plans/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The monitoring figures of a plan (used here for the review queue and what is still to report). */
export function useDashboard(id: number) {
  return useQuery({
    queryKey: dashboardKey(id),
    queryFn: ({ signal }) => api<Dashboard>('GET', `/plans/${id}/dashboard`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Keeps the tree the server answered with, and lets lists and figures that depend on it reload. */
function storePlan(client: QueryClient, plan: Plan) {
  client.setQueryData(planKey(plan.id), plan);
  void client.invalidateQueries({ queryKey: plansKey });
  void client.invalidateQueries({ queryKey: dashboardKey(plan.id) });
}

/** Creates an empty plan. */
export function useCreatePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) => api<Plan>('POST', '/plans', { body }),
    onSuccess: (plan) => storePlan(client, plan),
  });
}

/** Creates a plan from a plan workbook (`year`, `file`). */
export function useImportPlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, file }: { year: number; file: File }) => {
      const form = new FormData();
      form.append('year', String(year));
      form.append('file', file);
      return upload<Plan>('/plans/import', form);
    },
    onSuccess: (plan) => storePlan(client, plan),
  });
}

/** Replaces a plan's strategies and programs from a plan workbook. */
export function useReplacePlan(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return upload<Plan>(`/plans/${id}/import`, form);
    },
    onSuccess: (plan) => storePlan(client, plan),
  });
}

/** Copies a plan's structure and targets into another year. */
export function useCopyPlan(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CopyPlanBody>) => api<Plan>('POST', `/plans/${id}/copy`, { body }),
    onSuccess: (plan) => storePlan(client, plan),
  });
}

/** Publishes a plan or takes it back. */
export function usePublishPlan(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (publish: boolean) => api<Plan>('POST', `/plans/${id}/${publish ? 'publish' : 'unpublish'}`),
    onSuccess: (plan) => storePlan(client, plan),
  });
}

/** Changes a plan's own fields (with its version). */
export function useUpdatePlan(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanChanges) => api<Plan>('PATCH', `/plans/${id}`, { body }),
    onSuccess: (plan) => storePlan(client, plan),
  });
}

/** Everything that changes the tree of one plan: strategies, programs and their order. */
export function usePlanEdits(planId: number) {
  const client = useQueryClient();
  const onPlan = (plan: Plan) => storePlan(client, plan);
  const reloadPlan = () => client.invalidateQueries({ queryKey: planKey(planId) });
  return {
    addStrategy: useMutation({
      mutationFn: (body: { name: string; description: string }) =>
        api<Plan>('POST', `/plans/${planId}/strategies`, { body }),
      onSuccess: onPlan,
    }),
    updateStrategy: useMutation({
      mutationFn: ({ id, ...body }: { id: number } & z.input<typeof UpdateStrategyBody>) =>
        api<Plan>('PATCH', `/strategies/${id}`, { body }),
      onSuccess: onPlan,
    }),
    deleteStrategy: useMutation({
      mutationFn: (id: number) => api<Plan>('DELETE', `/strategies/${id}`),
      onSuccess: onPlan,
    }),
    reorderStrategies: useMutation({
      mutationFn: (ids: number[]) =>
        api<Plan>('POST', `/plans/${planId}/strategies/order`, { body: { ids } }),
      onSuccess: onPlan,
      onError: reloadPlan,
    }),
    reorderPrograms: useMutation({
      mutationFn: ({ strategyId, ids }: { strategyId: number; ids: number[] }) =>
        api<Plan>('POST', `/strategies/${strategyId}/programs/order`, { body: { ids } }),
      onSuccess: onPlan,
      onError: reloadPlan,
    }),
    addProgram: useMutation({
      mutationFn: ({ strategyId, body }: { strategyId: number; body: ProgramBody }) =>
        api<Program>('POST', `/strategies/${strategyId}/programs`, { body }),
      onSuccess: reloadPlan,
    }),
    updateProgram: useMutation({
      mutationFn: ({
        id,
        body,
      }: {
        id: number;
        body: Partial<ProgramBody> & { version: number; strategyId?: number };
      }) => api<Program>('PATCH', `/programs/${id}`, { body }),
      onSettled: reloadPlan,
    }),
    deleteProgram: useMutation({
      mutationFn: (id: number) => api<Plan>('DELETE', `/programs/${id}`),
      onSuccess: onPlan,
    }),
  };
}

/** A program's twelve months of results. */
export function useProgramResults(programId: number) {
  return useQuery({
    queryKey: resultsKey(programId),
    queryFn: ({ signal }) => api<ProgramResultsData>('GET', `/programs/${programId}/results`, { signal }),
    enabled: Number.isInteger(programId) && programId > 0,
  });
}

/**
 * The results workflow of one program: save a draft, submit, approve, return, and evidence files.
 * Every answer is the program's new twelve months; the plan's figures reload behind it.
 */
export function useResultActions(programId: number) {
  const client = useQueryClient();
  const onResults = (data: ProgramResultsData) => {
    client.setQueryData(resultsKey(programId), data);
    void client.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'plan' && q.queryKey[2] === 'dashboard',
    });
  };
  const reload = () => client.invalidateQueries({ queryKey: resultsKey(programId) });
  const base = `/programs/${programId}/results`;
  return {
    save: useMutation({
      mutationFn: ({ month, body }: { month: number; body: ResultBodyData }) =>
        api<ProgramResultsData>('PUT', `${base}/${month}`, { body }),
      onSuccess: onResults,
    }),
    submit: useMutation({
      mutationFn: (month: number) => api<ProgramResultsData>('POST', `${base}/${month}/submit`),
      onSuccess: onResults,
      onError: reload,
    }),
    approve: useMutation({
      mutationFn: (month: number) => api<ProgramResultsData>('POST', `${base}/${month}/approve`),
      onSuccess: onResults,
      onError: reload,
    }),
    returnMonth: useMutation({
      mutationFn: ({ month, comment }: { month: number; comment: string }) =>
        api<ProgramResultsData>('POST', `${base}/${month}/return`, { body: { comment } }),
      onSuccess: onResults,
      onError: reload,
    }),
    addEvidence: useMutation({
      mutationFn: ({ month, file }: { month: number; file: File }) => {
        const form = new FormData();
        form.append('file', file);
        return upload<EvidenceData>(`${base}/${month}/evidence`, form);
      },
      onSettled: reload,
    }),
    removeEvidence: useMutation({
      mutationFn: (evidenceId: number) => api<{ ok: true }>('DELETE', `/evidence/${evidenceId}`),
      onSettled: reload,
    }),
  };
}

/** Review actions on any program's month, for the plan's review queue. */
export function useReview(planId: number) {
  const client = useQueryClient();
  const after = (programId: number) => {
    void client.invalidateQueries({ queryKey: resultsKey(programId) });
    void client.invalidateQueries({ queryKey: dashboardKey(planId) });
  };
  return {
    approve: useMutation({
      mutationFn: ({ programId, month }: { programId: number; month: number }) =>
        api<ProgramResultsData>('POST', `/programs/${programId}/results/${month}/approve`),
      onSettled: (_data, _error, v) => after(v.programId),
    }),
    returnMonth: useMutation({
      mutationFn: ({ programId, month, comment }: { programId: number; month: number; comment: string }) =>
        api<ProgramResultsData>('POST', `/programs/${programId}/results/${month}/return`, {
          body: { comment },
        }),
      onSettled: (_data, _error, v) => after(v.programId),
    }),
  };
}

/** Opinions on a plan (hidden ones included for staff). */
export function useOpinions(planId: number) {
  return useQuery({
    queryKey: opinionsKey(planId),
    queryFn: ({ signal }) => api<OpinionData[]>('GET', `/plans/${planId}/opinions`, { signal }),
    enabled: Number.isInteger(planId) && planId > 0,
  });
}

/** Leaving, answering and moderating opinions. */
export function useOpinionActions(planId: number) {
  const client = useQueryClient();
  const reload = () => client.invalidateQueries({ queryKey: opinionsKey(planId) });
  return {
    post: useMutation({
      mutationFn: (body: { body: string; programId: number | null }) =>
        api<OpinionData>('POST', `/plans/${planId}/opinions`, { body }),
      onSuccess: reload,
    }),
    answer: useMutation({
      mutationFn: ({ id, answer }: { id: number; answer: string }) =>
        api<OpinionData>('POST', `/opinions/${id}/answer`, { body: { answer } }),
      onSuccess: reload,
    }),
    moderate: useMutation({
      mutationFn: ({ id, hidden, reason }: { id: number; hidden: boolean; reason: string }) =>
        api<OpinionData>('POST', `/opinions/${id}/moderation`, { body: { hidden, reason } }),
      onSuccess: reload,
    }),
  };
}

/** Where a back-office report of a plan downloads from. */
export function exportUrl(planId: number, format: 'xlsx' | 'pdf' | 'csv'): string {
  return `/api/v1/plans/${planId}/export.${format}`;
}

/** Where an evidence file downloads from. */
export function evidenceUrl(evidenceId: number): string {
  return `/api/v1/evidence/${evidenceId}`;
}

/**
 * The plan a strategy belongs to. A program's answer does not name its plan, so the link from
 * the tree passes it (`?plan=`); without it the organisation's plans are searched, newest first.
 */
export function usePlanIdOf(strategyId: number | undefined, hint: number) {
  const client = useQueryClient();
  const fetchPlan = (id: number) =>
    client.fetchQuery({ queryKey: planKey(id), queryFn: () => api<Plan>('GET', `/plans/${id}`) });
  return useQuery({
    queryKey: ['plan-of-strategy', strategyId, hint],
    enabled: strategyId !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const has = (plan: Plan) => plan.strategies.some((s) => s.id === strategyId);
      if (hint > 0) {
        const plan = await fetchPlan(hint).catch(() => null);
        if (plan && has(plan)) return plan.id;
      }
      const plans = await client.fetchQuery({
        queryKey: plansKey,
        queryFn: () => api<PlanSummary[]>('GET', '/plans'),
      });
      for (const summary of [...plans].sort((a, b) => b.year - a.year)) {
        if (has(await fetchPlan(summary.id))) return summary.id;
      }
      return null;
    },
  });
}
