import {
  CAREER_REQUIREMENTS,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  type LabelledRef,
  maskName,
  maskPhone,
  PERSON_GROUPS,
  POSTED_WITHIN,
  POSTED_WITHIN_LABELS,
  REGISTRY_LABELS,
  SEEKER_STATUSES,
  type SeekerListItem,
  type VacancySearchItem,
  WAGE_BAND_LABELS,
  WAGE_BANDS,
} from '@ilteo/shared';
import { type FacetCount, highlightRanges, type VacancyHit } from '../../engine/search/index.js';
import type { SeekerItemRow, VacancyItemRow } from './search.repository.js';
import {
  DEFAULT_OCCUPATION_SCHEME,
  jsonRefs,
  jsonStrings,
  refKey,
  type SearchLabels,
  visibleGroups,
} from './search-index.js';

type Facet = { value: string; label: string; count: number }[];

/** A labelled reference to a taxonomy occupation. */
export function occupationRef(labels: SearchLabels, scheme: string, code: string): LabelledRef {
  return { scheme, code, label: labels.occupations.get(refKey(scheme, code))?.label ?? null };
}

const isPersonGroup = (g: string): g is (typeof PERSON_GROUPS)[number] =>
  (PERSON_GROUPS as readonly string[]).includes(g);

/** One vacancy search result. */
export function presentVacancyItem(
  row: VacancyItemRow,
  hit: VacancyHit,
  labels: SearchLabels,
  q: string | undefined,
): VacancySearchItem {
  return {
    id: row.id,
    title: row.title,
    employerName: row.employer_name,
    occupation: occupationRef(labels, row.occupation_scheme, row.occupation_code),
    wage: { type: row.wage_type, amount: row.wage_amount, monthly: row.wage_monthly },
    employmentType: row.employment_type as VacancySearchItem['employmentType'],
    career: row.career as VacancySearchItem['career'],
    education: row.education as VacancySearchItem['education'],
    dongName: (row.dong_code ? labels.dongs.get(row.dong_code)?.name : undefined) ?? row.region_name ?? null,
    distanceKm: hit.distanceKm === null ? null : Math.round(hit.distanceKm * 100) / 100,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    preferredGroups: jsonStrings(row.preferred_groups).filter(isPersonGroup),
    status: row.status,
    source: row.source,
    isDemo: row.is_demo === 1,
    highlights: highlightRanges(row.title, q),
    employerHighlights: highlightRanges(row.employer_name, q),
  };
}

/** One seeker in a staff list: name and phone masked, no sensitive group. */
export function presentSeekerItem(row: SeekerItemRow, labels: SearchLabels): SeekerListItem {
  return {
    id: row.id,
    maskedName: maskName(row.name),
    maskedPhone: row.phone ? maskPhone(row.phone) : null,
    birthYear: row.birth_year,
    desiredOccupations: jsonRefs(row.desired_occupations).map((r) => occupationRef(labels, r.scheme, r.code)),
    education: row.education as SeekerListItem['education'],
    homeDongName: row.home_dong_code ? (labels.dongs.get(row.home_dong_code)?.name ?? null) : null,
    groups: visibleGroups(labels, row.organisation_id, row.birth_year, row.groups).filter(isPersonGroup),
    status: row.status,
    isDemo: row.is_demo === 1,
    updatedAt: row.updated_at,
  };
}

/** An occupation group's label; values of another scheme than the default read `scheme:code`. */
function occupationLabel(labels: SearchLabels, value: string): string {
  const colon = value.indexOf(':');
  const [scheme, code] =
    colon > 0 ? [value.slice(0, colon), value.slice(colon + 1)] : [DEFAULT_OCCUPATION_SCHEME, value];
  return labels.occupations.get(refKey(scheme, code))?.label ?? value;
}

/** Values of a vocabulary in its own order, with labels. */
function ordered(
  counts: FacetCount[] | undefined,
  order: readonly string[],
  label: (v: string) => string,
): Facet {
  const rank = (v: string) => {
    const i = order.indexOf(v);
    return i < 0 ? order.length : i;
  };
  return [...(counts ?? [])]
    .sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value))
    .map((c) => ({ value: c.value, label: label(c.value), count: c.count }));
}

const labelOf =
  <K extends string>(map: Record<K, string>) =>
  (v: string) =>
    map[v as K] ?? v;

/** The vacancy facets, labelled in Korean and in a stable order. */
export function presentVacancyFacets(
  facets: Partial<Record<string, FacetCount[]>>,
  labels: SearchLabels,
): Record<string, Facet> {
  return {
    occupationGroup: ordered(facets.occupationGroup, [], (v) => occupationLabel(labels, v)),
    dong: ordered(facets.dong, [], (v) => labels.dongs.get(v)?.name ?? v),
    wageBand: ordered(facets.wageBand, WAGE_BANDS, labelOf(WAGE_BAND_LABELS)),
    employmentType: ordered(facets.employmentType, EMPLOYMENT_TYPES, labelOf(REGISTRY_LABELS.employmentType)),
    career: ordered(facets.career, CAREER_REQUIREMENTS, labelOf(REGISTRY_LABELS.career)),
    education: ordered(facets.education, EDUCATION_LEVELS, labelOf(REGISTRY_LABELS.education)),
    targetGroup: ordered(facets.targetGroup, PERSON_GROUPS, labelOf(REGISTRY_LABELS.targetGroup)),
    postedWithin: ordered(facets.postedWithin, POSTED_WITHIN, labelOf(POSTED_WITHIN_LABELS)),
  };
}

/** The seeker facets, labelled in Korean. */
export function presentSeekerFacets(
  facets: Partial<Record<string, FacetCount[]>>,
  labels: SearchLabels,
): Record<string, Facet> {
  return {
    occupationGroup: ordered(facets.occupationGroup, [], (v) => occupationLabel(labels, v)),
    dong: ordered(facets.dong, [], (v) => labels.dongs.get(v)?.name ?? v),
    education: ordered(facets.education, EDUCATION_LEVELS, labelOf(REGISTRY_LABELS.education)),
    targetGroup: ordered(facets.targetGroup, PERSON_GROUPS, labelOf(REGISTRY_LABELS.targetGroup)),
    status: ordered(facets.status, SEEKER_STATUSES, labelOf(REGISTRY_LABELS.seekerStatus)),
    employmentType: ordered(facets.employmentType, EMPLOYMENT_TYPES, labelOf(REGISTRY_LABELS.employmentType)),
  };
}
