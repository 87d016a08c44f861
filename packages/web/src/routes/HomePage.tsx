import { Link } from 'react-router-dom';
import { useOrganisation, useSession } from '../api/queries';
import { navFor } from '../components/nav';
import { PageHeading } from '../components/PageHeading';
import { Notice } from '../components/status';
import { useOrgName } from '../components/useOrgName';
import { useT } from '../i18n/I18nProvider';

/** What ilteo is, for visitors; a short welcome with the role's destinations once signed in. */
export function HomePage() {
  const t = useT();
  const organisation = useOrganisation();
  const session = useSession();
  const user = session.data?.user ?? null;
  const org = organisation.data;
  const orgName = useOrgName() || t('home.orgFallback');

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="lead">{t('home.lead', { org: orgName })}</p>
      {org?.isDemo && <Notice tone="warning">{t('home.demo')}</Notice>}

      <ul className="card-grid">
        <li className="card">
          <h2 className="card-title">{t('home.plan.title')}</h2>
          <p>{t('home.plan.body')}</p>
        </li>
        <li className="card" data-testid="home-public-card">
          <h2 className="card-title">{t('public.home.title')}</h2>
          <p>{t('public.home.body')}</p>
          <p className="btn-row">
            <Link to="/public/plans" className="krds-btn medium secondary">
              {t('public.home.open')}
            </Link>
          </p>
        </li>
        <li className="card">
          <h2 className="card-title">{t('home.services.title')}</h2>
          <p>{t('home.services.body')}</p>
          <p className="btn-row">
            <Link to="/jobs" className="krds-btn medium secondary" data-testid="home-jobs-link">
              {t('home.services.jobs')}
            </Link>
          </p>
        </li>
      </ul>

      {user ? (
        <section className="section" aria-labelledby="home-welcome">
          <h2 id="home-welcome" className="section-title">
            {t('home.welcome', { name: user.name })}
          </h2>
          <p>{t('home.welcomeBody')}</p>
          <ul className="link-list">
            {navFor(user.role).map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="krds-btn medium secondary">
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section className="section" aria-labelledby="home-start">
          <h2 id="home-start" className="section-title">
            {t('home.start.title')}
          </h2>
          <p>{t('home.start.body')}</p>
          <div className="btn-row">
            <Link to="/sign-in" className="krds-btn large primary">
              {t('header.signIn')}
            </Link>
            <Link to="/sign-up" className="krds-btn large secondary">
              {t('header.signUp')}
            </Link>
          </div>
        </section>
      )}
    </>
  );
}
