import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../api/queries';
import type { SessionUser } from '../api/types';
import { landingFor } from '../components/nav';
import { PageHeading } from '../components/PageHeading';
import { Loading, Notice } from '../components/status';
import { safeNext } from '../features/auth/next';
import { SignInForm } from '../features/auth/SignInForm';
import { useT } from '../i18n/I18nProvider';

function destinationFor(user: SessionUser, next: string | null): string {
  if (user.mustChangePassword) return '/account';
  return safeNext(next) ?? landingFor(user.role);
}

/** The sign-in page; a signed-in visitor is sent on. */
export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const next = params.get('next');

  if (session.isPending) return <Loading />;
  const current = session.data?.user;
  if (current) return <Navigate to={destinationFor(current, next)} replace />;

  return (
    <div className="narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      {safeNext(next) && <Notice tone="info">{t('signIn.required')}</Notice>}
      <p className="lead">{t('signIn.lead')}</p>
      <SignInForm onSignedIn={(user) => navigate(destinationFor(user, next), { replace: true })} />
      <p className="form-aside">
        {t('signIn.noAccount')} <Link to="/sign-up">{t('header.signUp')}</Link>
      </p>
    </div>
  );
}
