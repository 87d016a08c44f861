import type {
  Employer,
  EmployerPatch,
  FieldError,
  MinimumWageList,
  Region,
  TaxonomyItem,
  Vacancy,
  VacancySearchPage,
  VacancyStatus,
} from '@ilteo/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type QueryValue } from '../../api/client';

export type MinimumWages = z.infer<typeof MinimumWageList>;
export type { Employer, Region, TaxonomyItem, Vacancy, VacancySearchPage };
export interface VacancyPage {
  items: Vacancy[];
  total: number;
  page: number;
  pageSize: number;
}

const jobsKey = ['jobs'] as const;
export const searchKey = [...jobsKey, 'search'] as const;
export const vacancyKey = (id: number) => [...jobsKey, 'vacancy', id] as const;
export const employerKey = (id: number) => [...jobsKey, 'employer', id] as const;
export const employerVacanciesKey = (id: number) => [...jobsKey, 'employer', id, 'vacancies'] as const;
export const minimumWagesKey = [...jobsKey, 'minimum-wages'] as const;

/** The public vacancy search; the previous page stays on screen while the next one loads. */
export function useVacancySearch(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...searchKey, query],
    queryFn: ({ signal }) => api<VacancySearchPage>('GET', '/vacancies', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One vacancy (open ones for anyone; drafts and closed ones for the owner and staff). */
export function useVacancy(id: number) {
  return useQuery({
    queryKey: vacancyKey(id),
    queryFn: ({ signal }) => api<Vacancy>('GET', `/vacancies/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The district's dongs, for selects and the distance sort. */
export function useDongs() {
  return useQuery({
    queryKey: [...jobsKey, 'dongs'],
    queryFn: ({ signal }) =>
      api<{ items: Region[] }>('GET', '/regions', { query: { level: 'dong', pageSize: 200 }, signal }),
    select: (page) => [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'ko')),
    staleTime: 10 * 60_000,
  });
}

/**
 * A dong's name in the current language: the API gives Korean names; English ones come from
 * the region list (matched by code, or by the Korean name where only that is known).
 */
export function useDongName(locale: 'ko' | 'en') {
  const dongs = useDongs();
  return (code: string | null, name: string | null): string => {
    if (locale === 'ko' || !dongs.data) return name ?? code ?? '';
    const dong = dongs.data.find((d) => (code ? d.code === code : d.name === name));
    return dong?.nameEn ?? name ?? code ?? '';
  };
}

/** Taxonomy items matching what is typed (Korean substrings, 초성, English words). */
export function useTaxonomySearch(kind: 'occupations' | 'skills' | 'certificates', q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: [...jobsKey, 'taxonomy', kind, text],
    queryFn: ({ signal }) =>
      api<{ items: TaxonomyItem[] }>('GET', `/taxonomy/${kind}`, {
        query: { q: text, pageSize: 10 },
        signal,
      }),
    enabled: text.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The minimum wage of each year (public). */
export function useMinimumWages() {
  return useQuery({
    queryKey: minimumWagesKey,
    queryFn: ({ signal }) => api<MinimumWages>('GET', '/minimum-wages', { signal }),
    staleTime: 10 * 60_000,
  });
}

/** Adds or updates a year's minimum wage (admins). */
export function useSaveMinimumWage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; hourly: number }) => api('POST', '/minimum-wages', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: minimumWagesKey }),
  });
}

/** A company's profile (an employer account reads its own). */
export function useEmployer(id: number | null) {
  return useQuery({
    queryKey: employerKey(id ?? 0),
    queryFn: ({ signal }) => api<Employer>('GET', `/employers/${id}`, { signal }),
    enabled: id !== null && id > 0,
  });
}

/** Saves a company's profile; a stale `version` comes back as 409 CONFLICT. */
export function useSaveEmployer(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof EmployerPatch>) => api<Employer>('PATCH', `/employers/${id}`, { body }),
    onSuccess: (employer) => client.setQueryData(employerKey(id), employer),
  });
}

/** A company's own vacancies in every status. */
export function useEmployerVacancies(id: number | null, query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...employerVacanciesKey(id ?? 0), query],
    queryFn: ({ signal }) => api<VacancyPage>('GET', `/employers/${id}/vacancies`, { query, signal }),
    enabled: id !== null && id > 0,
    placeholderData: keepPreviousData,
  });
}

/** Vacancy writes: create, update, change status; each refreshes the lists it changes. */
export function useVacancyEdits() {
  const client = useQueryClient();
  const refresh = async (vacancy: Vacancy) => {
    client.setQueryData(vacancyKey(vacancy.id), vacancy);
    await Promise.all([
      client.invalidateQueries({ queryKey: employerVacanciesKey(vacancy.employer.id) }),
      client.invalidateQueries({ queryKey: employerKey(vacancy.employer.id) }),
      client.invalidateQueries({ queryKey: searchKey }),
    ]);
  };
  return {
    create: useMutation({
      mutationFn: (body: unknown) => api<Vacancy>('POST', '/vacancies', { body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: number; body: unknown }) =>
        api<Vacancy>('PATCH', `/vacancies/${id}`, { body }),
      onSuccess: refresh,
    }),
    setStatus: useMutation({
      mutationFn: ({ id, status, version }: { id: number; status: VacancyStatus; version: number }) =>
        api<Vacancy>('POST', `/vacancies/${id}/status`, { body: { status, version } }),
      onSuccess: refresh,
    }),
  };
}

/** The server's checks of a vacancy without saving it (live validation of the form). */
export function validateVacancy(body: unknown, signal?: AbortSignal): Promise<{ errors: FieldError[] }> {
  return api<{ errors: FieldError[] }>('POST', '/vacancies/validate', signal ? { body, signal } : { body });
}
