import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { sessionKey } from '../../api/queries';
import type { Me } from '../../api/types';
import type { Locale } from '../../i18n/locale';

export const meKey = ['me'] as const;

/** My profile and consents. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => api<Me>('GET', '/me') });
}

/** Saves my name and language; the session is read again so the header follows. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: Locale }) => api<unknown>('PATCH', '/me', { body }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: meKey }),
        queryClient.invalidateQueries({ queryKey: sessionKey }),
      ]);
    },
  });
}

/** Changes my password; clears the "must change" flag on the server. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<unknown>('POST', '/me/password', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}
