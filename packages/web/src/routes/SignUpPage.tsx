import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useSession } from '../api/queries';
import { landingFor } from '../components/nav';
import { PageHeading } from '../components/PageHeading';
import { Loading } from '../components/status';
import { useOrgName } from '../components/useOrgName';
import { SignUpForm } from '../features/auth/SignUpForm';
import { useT } from '../i18n/I18nProvider';

/** Self sign-up for job seekers and employers. */
export function SignUpPage() {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession();
  const orgName = useOrgName() || t('home.orgFallback');

  if (session.isPending) return <Loading />;
  const current = session.data?.user;
  if (current) return <Navigate to={landingFor(current.role)} replace />;

  return (
    <div className="narrow">
      <PageHeading>{t('signUp.title')}</PageHeading>
      <p className="lead">{t('signUp.lead')}</p>
      <SignUpForm
        orgName={orgName}
        onSignedUp={(user) => navigate(landingFor(user.role), { replace: true })}
      />
      <p className="form-aside">
        {t('signUp.haveAccount')} <Link to="/sign-in">{t('header.signIn')}</Link>
      </p>
    </div>
  );
}
