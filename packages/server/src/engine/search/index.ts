/**
 * The vacancy and seeker search: the Korean text index of ../text with filters, disjunctive facet
 * counts, sorts and pages over typed columns. Pure TypeScript: documents in, results out; the
 * server keeps it in step with the database (modules/search), a benchmark feeds it generated
 * documents (bench/search). See docs/search.md.
 */
export { dayNumber, isoDay } from './days.js';
export type { FacetCount } from './facets.js';
export { distanceKm, type LatLon } from './geo.js';
export { highlightRanges } from './highlight.js';
export {
  SEEKER_FACETS,
  SENSITIVE_GROUPS,
  type SeekerDocument,
  type SeekerFacet,
  SeekerIndex,
  type SeekerQuery,
  type SeekerResult,
} from './seeker-index.js';
export {
  DEFAULT_DESCRIPTION_CHARS,
  POSTED_WITHIN_DAYS,
  type PostedWithin,
  VACANCY_FACETS,
  type VacancyDocument,
  type VacancyFacet,
  type VacancyHit,
  VacancyIndex,
  type VacancyQuery,
  type VacancyResult,
  WAGE_BAND_LIMITS,
  type WageBand,
  wageBandOf,
} from './vacancy-index.js';
