import type { Dashboard, Plan } from '@ilteo/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../api/client';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` from the URL, or undefined (the server's default) for anything else. */
export function asOfFrom(value: string | null): string | undefined {
  return value && DATE.test(value) ? value : undefined;
}

/**
 * The monitoring figures of a plan as of a date (the server's default date without one). The key
 * starts like the plan pages' `['plan', id, 'dashboard']`, so reviewing a result there refreshes it.
 */
export function useDashboard(planId: number, asOf: string | undefined) {
  return useQuery({
    queryKey: ['plan', planId, 'dashboard', asOf ?? null],
    queryFn: ({ signal }) => api<Dashboard>('GET', `/plans/${planId}/dashboard`, { query: { asOf }, signal }),
    placeholderData: keepPreviousData,
    enabled: Number.isInteger(planId) && planId > 0,
  });
}

/** The plan itself, for its title and status above the figures (the plan pages' cache entry). */
export function useMonitoredPlan(planId: number) {
  return useQuery({
    queryKey: ['plan', planId],
    queryFn: ({ signal }) => api<Plan>('GET', `/plans/${planId}`, { signal }),
    enabled: Number.isInteger(planId) && planId > 0,
    staleTime: 60_000,
  });
}

export const EXPORT_FORMATS = ['xlsx', 'pdf', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The back-office export of the plan and its dashboard as of the date on screen. */
export function exportUrl(planId: number, format: ExportFormat, asOf: string | undefined): string {
  return `/api/v1/plans/${planId}/export.${format}${toQueryString({ asOf })}`;
}
