import type { Role } from '@ilteo/shared';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../../api/queries';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading } from '../../components/status';
import { useT } from '../../i18n/I18nProvider';

/**
 * Shows its page only to a signed-in user holding one of `roles` (any role when omitted).
 * Visitors go to sign-in and come back. (A temporary password is handled by the layout.)
 */
export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const session = useSession();

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} onRetry={() => void session.refetch()} />;

  const user = session.data.user;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (roles && !roles.includes(user.role)) {
    return (
      <>
        <PageHeading>{t('forbidden.title')}</PageHeading>
        <p>{t('forbidden.body')}</p>
      </>
    );
  }
  return children;
}
