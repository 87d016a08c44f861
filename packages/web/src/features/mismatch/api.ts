import type { DongFeatures, MismatchReport } from '@ilteo/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../api/client';

/** The filters of the mismatch page, as the URL and the API take them. */
export interface MismatchFilters {
  year?: number;
  month?: number;
  occupationLevel: 1 | 2;
  group?: string;
}

/** The filters from the page's URL; anything malformed is left to the server's default. */
export function filtersFrom(params: URLSearchParams): MismatchFilters {
  const int = (name: string, min: number, max: number) => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value >= min && value <= max ? value : undefined;
  };
  return {
    year: int('year', 2000, 2100),
    month: int('month', 1, 12),
    occupationLevel: params.get('occupationLevel') === '2' ? 2 : 1,
    group: params.get('group') || undefined,
  };
}

/** The filters as a query string (without the defaults). */
export function queryOf(filters: MismatchFilters): string {
  return toQueryString({
    year: filters.year,
    month: filters.month,
    occupationLevel: filters.occupationLevel === 2 ? 2 : undefined,
    group: filters.group,
  });
}

/** The mismatch report of the signed-in staff's organisation. */
export function useMismatch(filters: MismatchFilters) {
  return useQuery({
    queryKey: ['analytics', 'mismatch', filters],
    queryFn: ({ signal }) => api<MismatchReport>('GET', `/analytics/mismatch${queryOf(filters)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Bupyeong's dongs with their boundaries (they change only with a taxonomy import). */
export function useDongShapes() {
  return useQuery({
    queryKey: ['analytics', 'dongs.geojson'],
    queryFn: ({ signal }) => api<DongFeatures>('GET', '/analytics/dongs.geojson', { signal }),
    staleTime: 3_600_000,
  });
}

/** The XLSX of the same tables. */
export function xlsxUrl(filters: MismatchFilters): string {
  return `/api/v1/analytics/mismatch.xlsx${queryOf(filters)}`;
}
