import { type MouseEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../api/queries';
import { LocaleSync } from '../features/account/locale';
import { useT } from '../i18n/I18nProvider';
import { Breadcrumbs } from './Breadcrumbs';
import { Footer } from './Footer';
import { requestHeadingFocus } from './focus';
import { Header } from './Header';
import { SideNav } from './SideNav';

/** Skip link, header, side navigation (when signed in), breadcrumbs, the page, footer. */
export function Layout({ children }: { children?: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const session = useSession();
  const user = session.data?.user ?? null;
  const [navOpen, setNavOpen] = useState(false);
  // A temporary password is replaced before anything else: every page but the account page waits.
  const mustChangePassword = user?.mustChangePassword === true && location.pathname !== '/account';
  const lastPath = useRef(location.pathname);

  // A new page: close the mobile menu and move focus to its heading (not on the first load).
  useEffect(() => {
    if (lastPath.current === location.pathname) return;
    lastPath.current = location.pathname;
    setNavOpen(false);
    requestHeadingFocus();
  }, [location.pathname]);

  useEffect(() => {
    if (!navOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setNavOpen(false);
        document.querySelector<HTMLElement>('[aria-controls="side-nav"]')?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [navOpen]);

  const skipToContent = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const main = document.getElementById('main-content');
    main?.focus();
    main?.scrollIntoView();
  };

  return (
    <div id="wrap">
      <LocaleSync />
      <div id="krds-skip-link">
        {/* biome-ignore lint/a11y/useValidAnchor: a real link to #main-content; the handler only moves focus without touching the router's URL */}
        <a href="#main-content" onClick={skipToContent}>
          {t('a11y.skipToContent')}
        </a>
      </div>
      <Header navOpen={navOpen} onToggleNav={() => setNavOpen((open) => !open)} hasNav={user !== null} />
      <div className={user ? 'layout inner has-nav' : 'layout inner'}>
        {user && <SideNav role={user.role} open={navOpen} />}
        <div className="layout-content">
          <Breadcrumbs />
          <main id="main-content" tabIndex={-1}>
            {mustChangePassword ? <Navigate to="/account" replace /> : (children ?? <Outlet />)}
          </main>
        </div>
      </div>
      <Footer />
    </div>
  );
}
