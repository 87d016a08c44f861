import type {
  Employer,
  EmployerListItem,
  EmployerPage,
  ImportReport,
  ImportRunPage,
  Region,
  RegistryImportKind,
  Seeker,
  SeekerConsentBody,
  SeekerCreateBody,
  SeekerPatch,
  SeekerSearchPage,
  TaxonomyItem,
  TaxonomyKind,
  TaxonomyScheme,
  Vacancy,
  VacancySearchPage,
} from '@ilteo/shared';
import { REGISTRY_IMPORT_KINDS } from '@ilteo/shared';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { ApiError, api, type QueryValue } from '../../api/client';
import { sessionKey } from '../../api/queries';
import { upload } from '../plan/files';

export type SeekerData = Seeker;
export type SeekerPage = z.infer<typeof SeekerSearchPage>;
export type EmployerData = Employer;
export type EmployerRow = z.infer<typeof EmployerListItem>;
export type EmployersPage = z.infer<typeof EmployerPage>;
export type VacancyPage = VacancySearchPage;
export type VacancyData = Vacancy;
export type SeekerCreateInput = z.input<typeof SeekerCreateBody>;
export type SeekerPatchInput = z.input<typeof SeekerPatch>;
export type ConsentInput = z.input<typeof SeekerConsentBody>;

export const mySeekerKey = ['me', 'seeker'] as const;
export const seekersKey = ['seekers'] as const;
export const seekerKey = (id: number) => ['seeker', id] as const;
export const employersKey = ['employers'] as const;
export const employerKey = (id: number) => ['employer', id] as const;
export const staffVacanciesKey = ['staff-vacancies'] as const;
export const importsKey = ['imports'] as const;

/** True when the answer is "no such thing" (a seeker without a profile gets this from /me/seeker). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NOT_FOUND';
}

/** The signed-in seeker's own profile; `null` when they have not made one yet. */
export function useMySeeker() {
  return useQuery({
    queryKey: mySeekerKey,
    queryFn: async ({ signal }) => {
      try {
        return await api<Seeker>('GET', '/me/seeker', { signal });
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
  });
}

function storeMine(client: QueryClient, seeker: Seeker) {
  client.setQueryData(mySeekerKey, seeker);
}

/** Registers the signed-in seeker's profile. */
export function useCreateMySeeker() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SeekerCreateInput) => api<Seeker>('POST', '/me/seeker', { body }),
    onSuccess: (seeker) => storeMine(client, seeker),
  });
}

/** Changes the signed-in seeker's profile. */
export function useUpdateMySeeker() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SeekerPatchInput) => api<Seeker>('PATCH', '/me/seeker', { body }),
    onSuccess: (seeker) => storeMine(client, seeker),
  });
}

/** Gives or withdraws one of the signed-in seeker's consents. */
export function useMyConsent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentInput) => api<Seeker>('POST', '/me/seeker/consents', { body }),
    onSuccess: (seeker) => storeMine(client, seeker),
  });
}

/** Deletes the signed-in person's account (the server signs them out). */
export function useDeleteAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api<{ ok: true }>('POST', '/me/delete-account', { body: { password } }),
    onSuccess: () => {
      client.removeQueries({ queryKey: mySeekerKey });
      void client.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

/** The URL of the personal-data download (a JSON attachment). */
export const MY_EXPORT_URL = '/api/v1/me/seeker/export';

/** Staff search over seekers (masked). */
export function useSeekers(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...seekersKey, query],
    queryFn: ({ signal }) => api<SeekerPage>('GET', '/seekers', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One seeker's full profile (the server audits the read). */
export function useSeeker(id: number) {
  return useQuery({
    queryKey: seekerKey(id),
    queryFn: ({ signal }) => api<Seeker>('GET', `/seekers/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
    // Each fetch is an audited read: do not refetch behind the counsellor's back.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function storeSeeker(client: QueryClient, seeker: Seeker) {
  client.setQueryData(seekerKey(seeker.id), seeker);
  void client.invalidateQueries({ queryKey: seekersKey });
}

/** Desk intake: a counsellor registers a seeker. */
export function useCreateSeeker() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SeekerCreateInput) => api<Seeker>('POST', '/seekers', { body }),
    onSuccess: (seeker) => storeSeeker(client, seeker),
  });
}

/** A counsellor changes a seeker's profile. */
export function useUpdateSeeker(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SeekerPatchInput) => api<Seeker>('PATCH', `/seekers/${id}`, { body }),
    onSuccess: (seeker) => storeSeeker(client, seeker),
  });
}

/** A counsellor records a consent the seeker gave or withdrew. */
export function useSeekerConsent(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentInput) => api<Seeker>('POST', `/seekers/${id}/consents`, { body }),
    onSuccess: (seeker) => storeSeeker(client, seeker),
  });
}

/** Staff list of companies. */
export function useEmployers(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...employersKey, query],
    queryFn: ({ signal }) => api<EmployersPage>('GET', '/employers', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One company's full profile. */
export function useEmployer(id: number) {
  return useQuery({
    queryKey: employerKey(id),
    queryFn: ({ signal }) => api<Employer>('GET', `/employers/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Staff verify or un-verify a company. */
export function useVerifyEmployer(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { verified: boolean; version: number }) =>
      api<Employer>('POST', `/employers/${id}/verify`, { body }),
    onSuccess: (employer) => {
      client.setQueryData(employerKey(id), employer);
      void client.invalidateQueries({ queryKey: employersKey });
    },
  });
}

/** A company's vacancies, every status. */
export function useEmployerVacancies(id: number, page: number) {
  return useQuery({
    queryKey: [...employerKey(id), 'vacancies', page],
    queryFn: ({ signal }) =>
      api<{ items: Vacancy[]; total: number; page: number; pageSize: number }>(
        'GET',
        `/employers/${id}/vacancies`,
        { query: { page, pageSize: 20 }, signal },
      ),
    enabled: Number.isInteger(id) && id > 0,
    placeholderData: keepPreviousData,
  });
}

/** The vacancy search as staff use it (any status). */
export function useStaffVacancies(query: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...staffVacanciesKey, query],
    queryFn: ({ signal }) => api<VacancySearchPage>('GET', '/vacancies', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The path of a taxonomy kind's items. */
const TAXONOMY_PATHS: Record<TaxonomyKind, string> = {
  occupation: '/taxonomy/occupations',
  skill: '/taxonomy/skills',
  certificate: '/taxonomy/certificates',
};

/** Typeahead over a taxonomy (occupations, skills, certificates), in one scheme when given. */
export function useTaxonomySearch(kind: TaxonomyKind, q: string, scheme: string | undefined) {
  return useQuery({
    queryKey: ['taxonomy-search', kind, scheme ?? '', q],
    queryFn: ({ signal }) =>
      api<{ items: TaxonomyItem[]; total: number }>('GET', TAXONOMY_PATHS[kind], {
        query: { q, scheme, pageSize: 10 },
        signal,
      }),
    enabled: q.trim().length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The classification people pick occupations from: KECO-2018 (the default) or the largest loaded. */
export function preferredScheme(schemes: TaxonomyScheme[], kind: TaxonomyKind): string | undefined {
  const own = schemes.filter((s) => s.kind === kind);
  if (own.some((s) => s.scheme === 'KECO-2018') && kind === 'occupation') return 'KECO-2018';
  return [...own].sort((a, b) => b.items - a.items)[0]?.scheme;
}

/** The loaded classification schemes. */
export function useSchemes() {
  return useQuery({
    queryKey: ['taxonomy-schemes'],
    queryFn: ({ signal }) => api<TaxonomyScheme[]>('GET', '/taxonomy/schemes', { signal }),
    staleTime: 30 * 60_000,
  });
}

/** The district's dongs, for the home-dong select. */
export function useDongs() {
  return useQuery({
    queryKey: ['regions', 'dong'],
    queryFn: ({ signal }) =>
      api<{ items: Region[] }>('GET', '/regions', { query: { level: 'dong', pageSize: 200 }, signal }),
    staleTime: 30 * 60_000,
    select: (page) => [...page.items].sort((a, b) => a.name.localeCompare(b.name, 'ko')),
  });
}

/** Kinds of registry file the imports page reads. */
export const IMPORT_KINDS = REGISTRY_IMPORT_KINDS;
export type ImportKind = RegistryImportKind;

/** Sends a file to the import: a dry run (nothing written) or the import itself. */
export function useRunImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (args: {
      kind: ImportKind;
      file: File;
      dryRun: boolean;
      mode: 'all' | 'valid_only';
    }): Promise<ImportReport> => {
      const form = new FormData();
      form.append('file', args.file);
      return upload<ImportReport>(
        `/imports/${args.kind}?mode=${args.mode}&dryRun=${args.dryRun ? 'true' : 'false'}`,
        form,
      );
    },
    onSuccess: (report) => {
      if (report.written) {
        void client.invalidateQueries({ queryKey: importsKey });
        void client.invalidateQueries({ queryKey: staffVacanciesKey });
        void client.invalidateQueries({ queryKey: seekersKey });
        void client.invalidateQueries({ queryKey: employersKey });
      }
    },
  });
}

/** Past imports, newest first. */
export function useImports(page: number) {
  return useQuery({
    queryKey: [...importsKey, page],
    queryFn: ({ signal }) =>
      api<z.infer<typeof ImportRunPage>>('GET', '/imports', { query: { page, pageSize: 10 }, signal }),
    placeholderData: keepPreviousData,
  });
}
