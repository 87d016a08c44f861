import type { Role } from '@ilteo/shared';
import { NavLink } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider';
import { navFor } from './nav';

/** The KRDS side navigation for the user's role; below 1024 px it opens from the header's menu button. */
export function SideNav({ role, open }: { role: Role; open: boolean }) {
  const t = useT();
  const items = navFor(role);
  return (
    <nav
      id="side-nav"
      className={open ? 'krds-side-navigation side-nav is-open' : 'krds-side-navigation side-nav'}
      aria-label={t('nav.label')}
      data-testid="nav"
    >
      <h2 className="lnb-tit">{t('nav.title')}</h2>
      <ul className="lnb-list">
        {items.map((item) => (
          <li className="lnb-item" key={item.to}>
            <NavLink
              to={item.to}
              className={({ isActive }) => (isActive ? 'lnb-btn lnb-link selected' : 'lnb-btn lnb-link')}
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
