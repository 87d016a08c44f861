import { ROLES, type Role } from '@ilteo/shared';
import { toQueryString } from '../../api/client';
import type { UserSort, UsersQuery } from './api';

const SORTS: readonly UserSort[] = ['createdAt', 'email', 'name', 'role'];
const PAGE_SIZE = 20;

/** The list's state lives in the URL, so a filtered, sorted page can be bookmarked and shared. */
export function usersQueryFrom(params: URLSearchParams): UsersQuery {
  const role = params.get('role') ?? '';
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    role: (ROLES as readonly string[]).includes(role) ? (role as Role) : '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as UserSort) : 'createdAt',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
}

/** The URL search string of a list state; defaults are left out. */
export function searchOf(query: UsersQuery): string {
  const { pageSize: _ignored, ...rest } = query;
  return toQueryString({
    ...rest,
    page: rest.page === 1 ? undefined : rest.page,
    sort: rest.sort === 'createdAt' ? undefined : rest.sort,
    order: rest.order === 'desc' ? undefined : rest.order,
  });
}
