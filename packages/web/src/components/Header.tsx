import { Link, useNavigate } from 'react-router-dom';
import { useSession } from '../api/queries';
import { useSignOut } from '../features/auth/api';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useOrgName } from './useOrgName';

interface HeaderProps {
  navOpen: boolean;
  onToggleNav: () => void;
  hasNav: boolean;
}

/** The KRDS header: product and local government, language, sign-in or the user's menu. */
export function Header({ navOpen, onToggleNav, hasNav }: HeaderProps) {
  const { t } = useI18n();
  const session = useSession();
  const orgName = useOrgName();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = session.data?.user ?? null;

  // Leave the page first: a guarded page would otherwise send the signed-out visitor to sign-in.
  const onSignOut = () => {
    navigate('/');
    signOut.mutate();
  };

  return (
    <header id="krds-header">
      <div className="header-in">
        <div className="header-container">
          <div className="inner">
            <div className="header-utility">
              <ul className="utility-list">
                <li>
                  <Link to="/jobs" className="utility-link" data-testid="jobs-link">
                    {t('nav.jobs')}
                  </Link>
                </li>
                <li>
                  <Link to="/public/plans" className="utility-link" data-testid="public-link">
                    {t('public.nav')}
                  </Link>
                </li>
                <li>
                  <LanguageSwitcher />
                </li>
              </ul>
            </div>
            <div className="header-branding">
              <p className="brand">
                <Link to="/" className="brand-link">
                  <span className="brand-name">{t('app.name')}</span>
                  {orgName && <span className="brand-org">{orgName}</span>}
                </Link>
              </p>
              <div className="header-actions">
                {user ? (
                  <div className="user-menu" data-testid="user-menu">
                    <span className="user-name">{t('header.user', { name: user.name })}</span>
                    <span className="user-role">{t(`role.${user.role}`)}</span>
                    <button
                      type="button"
                      className="krds-btn small tertiary"
                      onClick={onSignOut}
                      disabled={signOut.isPending}
                    >
                      {t('header.signOut')}
                    </button>
                  </div>
                ) : (
                  !session.isPending && (
                    <>
                      <Link to="/sign-in" className="btn-navi login">
                        {t('header.signIn')}
                      </Link>
                      <Link to="/sign-up" className="btn-navi join">
                        {t('header.signUp')}
                      </Link>
                    </>
                  )
                )}
                {hasNav && (
                  <button
                    type="button"
                    className="btn-navi all"
                    aria-controls="side-nav"
                    aria-expanded={navOpen}
                    onClick={onToggleNav}
                  >
                    {t('header.menu')}
                  </button>
                )}
              </div>
            </div>
          </div>
        </div>
      </div>
    </header>
  );
}
