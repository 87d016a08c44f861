import type { CreateStaffBody, Role } from '@ilteo/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TemporaryPassword, UsersPage } from '../../api/types';

export const usersKey = ['admin-users'] as const;

export type UserSort = 'createdAt' | 'email' | 'name' | 'role';

export interface UsersQuery {
  q: string;
  role: Role | '';
  page: number;
  pageSize: number;
  sort: UserSort;
  order: 'asc' | 'desc';
}

/** Changes an admin may make to a user. */
export interface UserChanges {
  name?: string;
  role?: Role;
  unitIds?: number[];
  status?: 'active' | 'disabled';
}

/** One page of users; the previous page stays on screen while the next loads. */
export function useUsers(query: UsersQuery) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) => api<UsersPage>('GET', '/admin/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Creates a staff account. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStaffBody) => api<unknown>('POST', '/admin/users', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Changes a user's name, role, units or status. */
export function useUpdateUser(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserChanges) => api<unknown>('PATCH', `/admin/users/${id}`, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

/** Issues a temporary password; the server shows it this once. */
export function useResetPassword(id: number) {
  return useMutation({
    mutationFn: () => api<TemporaryPassword>('POST', `/admin/users/${id}/reset-password`),
  });
}
