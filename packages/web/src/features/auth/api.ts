import type { SignUpBody } from '@ilteo/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { sessionKey } from '../../api/queries';
import type { SessionUser } from '../../api/types';

/**
 * After the signed-in person changes, nothing cached for the previous one may show: drop every
 * query except the organisation, then read the session again.
 */
function useResetForNewUser() {
  const queryClient = useQueryClient();
  return async () => {
    queryClient.removeQueries({
      predicate: (q) => q.queryKey[0] !== 'organisation' && q.queryKey[0] !== sessionKey[0],
    });
    await queryClient.invalidateQueries({ queryKey: sessionKey });
  };
}

/** Signs in; resolves with the user once the session is read again. */
export function useSignIn() {
  const reset = useResetForNewUser();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<{ user: SessionUser }>('POST', '/auth/sign-in', { body }),
    onSuccess: reset,
  });
}

/** Creates a seeker or employer account and signs it in. */
export function useSignUp() {
  const reset = useResetForNewUser();
  return useMutation({
    mutationFn: (body: SignUpBody) => api<{ user: SessionUser }>('POST', '/auth/sign-up', { body }),
    onSuccess: reset,
  });
}

/** Ends the session. */
export function useSignOut() {
  const reset = useResetForNewUser();
  return useMutation({
    mutationFn: () => api<unknown>('POST', '/auth/sign-out'),
    onSettled: reset,
  });
}
