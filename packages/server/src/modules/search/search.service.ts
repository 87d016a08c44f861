import {
  CAREER_REQUIREMENTS,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  type FieldError,
  PERSON_GROUPS,
  SEEKER_STATUSES,
  type SeekerSearchQuery,
  VACANCY_STATUSES,
  type VacancySearchPage,
  type VacancySearchQuery,
  WAGE_BANDS,
} from '@ilteo/shared';
import { dayNumber, SENSITIVE_GROUPS } from '../../engine/search/index.js';
import type { Ctx } from '../../http/context.js';
import { fieldError, validationError } from '../../http/errors.js';
import { isDeskStaff, requireSeekerSearch } from './search.policy.js';
import {
  presentSeekerFacets,
  presentSeekerItem,
  presentVacancyFacets,
  presentVacancyItem,
} from './search.presenter.js';
import { seekerItems, vacancyItems } from './search.repository.js';
import { searchIndexes, seoulToday } from './search-index.js';

/** Collects the field errors of a query's comma-separated lists. */
class ListReader {
  readonly errors: FieldError[] = [];

  /** The values of a comma-separated parameter (OR), checked against a vocabulary if given. */
  read(field: string, raw: string | undefined, allowed?: readonly string[]): string[] | undefined {
    if (raw === undefined) return undefined;
    const values = [...new Set(raw.split(',').map((v) => v.trim()))].filter(Boolean);
    const wrong = allowed ? values.find((v) => !allowed.includes(v)) : undefined;
    if (wrong !== undefined) this.errors.push(fieldError(field, 'invalid_value'));
    return values.length > 0 ? values : undefined;
  }

  check(): void {
    if (this.errors.length > 0) throw validationError(this.errors);
  }
}

/**
 * The vacancy search. Everyone sees open vacancies of every organisation whose closing day is
 * not past (today in Korea). Desk staff may ask for other statuses (`status=draft,closed`): they
 * then see their own organisation's vacancies of those statuses, expired or not. Anyone else's
 * `status` is ignored — the public page never sends it, and nothing else is revealed.
 */
export async function searchVacancies(ctx: Ctx, query: VacancySearchQuery): Promise<VacancySearchPage> {
  const lists = new ListReader();
  const occupation = lists.read('occupationGroup', query.occupationGroup);
  const dong = lists.read('dong', query.dong);
  const wageBand = lists.read('wageBand', query.wageBand, WAGE_BANDS);
  const employmentType = lists.read('employmentType', query.employmentType, EMPLOYMENT_TYPES);
  const career = lists.read('career', query.career, CAREER_REQUIREMENTS);
  const education = lists.read('education', query.education, EDUCATION_LEVELS);
  const targetGroup = lists.read('targetGroup', query.targetGroup, PERSON_GROUPS);
  const staff = isDeskStaff(ctx.actor);
  const status = staff ? lists.read('status', query.status, VACANCY_STATUSES) : undefined;
  const { vacancies, labels } = await searchIndexes(ctx.db);
  let near: { lat: number; lon: number } | undefined;
  if (query.near !== undefined) {
    const place = labels.dongs.get(query.near);
    if (place?.lat == null || place.lon == null) {
      lists.errors.push(fieldError('near', 'unknown_region', { value: query.near }));
    } else near = { lat: place.lat, lon: place.lon };
  } else if (query.sort === 'distance' || query.withinKm !== undefined) {
    lists.errors.push(fieldError('near', 'required'));
  }
  lists.check();

  const today = dayNumber(seoulToday());
  const result = vacancies.search({
    q: query.q,
    today,
    occupation,
    dong,
    wageBand,
    minMonthlyWage: query.minMonthlyWage,
    employmentType,
    career,
    education,
    targetGroup,
    postedWithin: query.postedWithin,
    near,
    withinKm: query.withinKm,
    employerId: query.employerId,
    source: query.source,
    ...(status
      ? { status, orgId: ctx.actor.organisationId ?? undefined }
      : { status: ['open'], openOn: today }),
    sort: query.sort,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const rows = new Map(
    (
      await vacancyItems(
        ctx.db.kysely,
        result.hits.map((h) => h.id),
      )
    ).map((r) => [r.id, r]),
  );
  return {
    // A row deleted between the index's answer and this read is left out of the page.
    items: result.hits.flatMap((hit) => {
      const row = rows.get(hit.id);
      return row ? [presentVacancyItem(row, hit, labels, query.q)] : [];
    }),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    facets: presentVacancyFacets(result.facets, labels),
  };
}

/**
 * The staff search over seekers of the staff member's organisation: masked names and phones, no
 * sensitive group (a `targetGroup=disabled` filter is refused, not silently empty).
 */
export async function searchSeekers(ctx: Ctx, query: SeekerSearchQuery) {
  const user = requireSeekerSearch(ctx.actor);
  const lists = new ListReader();
  const allowedGroups = PERSON_GROUPS.filter((g) => !SENSITIVE_GROUPS.includes(g));
  const filters = {
    occupation: lists.read('occupationGroup', query.occupationGroup),
    dong: lists.read('dong', query.dong),
    education: lists.read('education', query.education, EDUCATION_LEVELS),
    targetGroup: lists.read('targetGroup', query.targetGroup, allowedGroups),
    status: lists.read('status', query.status, SEEKER_STATUSES),
    employmentType: lists.read('employmentType', query.employmentType, EMPLOYMENT_TYPES),
  };
  lists.check();
  const { seekers, labels } = await searchIndexes(ctx.db);
  const result = seekers.search({
    q: query.q,
    orgId: user.organisationId,
    ...filters,
    sort: query.sort,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const rows = new Map(
    (
      await seekerItems(
        ctx.db.kysely,
        result.hits.map((h) => h.id),
      )
    ).map((r) => [r.id, r]),
  );
  return {
    items: result.hits.flatMap((hit) => {
      const row = rows.get(hit.id);
      return row ? [presentSeekerItem(row, labels)] : [];
    }),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    facets: presentSeekerFacets(result.facets, labels),
  };
}
