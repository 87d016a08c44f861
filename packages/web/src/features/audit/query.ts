import { toQueryString } from '../../api/client';
import type { AuditQuery } from './api';

const PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const FILTERS = ['actorId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
export type Filter = (typeof FILTERS)[number];
export type Filters = Record<Filter, string>;

/** Filters, page and order from the URL; malformed values are dropped rather than sent. */
export function auditQueryFrom(params: URLSearchParams): AuditQuery {
  const page = Number(params.get('page'));
  const actorId = params.get('actorId') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    actorId: /^\d+$/.test(actorId) ? actorId : '',
    action: params.get('action') ?? '',
    entityType: params.get('entityType') ?? '',
    entityId: params.get('entityId') ?? '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

/** The URL search string of a list state; defaults are left out. */
export function searchOf(query: AuditQuery): string {
  const { pageSize: _ignored, ...rest } = query;
  return toQueryString({
    ...rest,
    page: rest.page === 1 ? undefined : rest.page,
    order: rest.order === 'desc' ? undefined : rest.order,
  });
}

/** The filter inputs' values for a list state. */
export function filtersOf(query: AuditQuery): Filters {
  return {
    actorId: query.actorId,
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    from: query.from,
    to: query.to,
  };
}
