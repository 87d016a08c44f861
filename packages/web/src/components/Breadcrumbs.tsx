import { Link, type UIMatch, useMatches } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages';

/** What a route tells the layout about itself. */
export interface RouteHandle {
  crumb?: MessageKey;
}

/** KRDS breadcrumbs from the matched routes' `handle.crumb`, always starting at home. */
export function Breadcrumbs() {
  const t = useT();
  const matches = useMatches() as UIMatch<unknown, RouteHandle | undefined>[];
  const crumbs = matches
    .filter((m) => m.handle?.crumb && m.pathname !== '/')
    .map((m) => ({ to: m.pathname, label: t(m.handle?.crumb as MessageKey) }));
  const all = [{ to: '/', label: t('breadcrumb.home') }, ...crumbs];
  return (
    <nav className="krds-breadcrumb-wrap" aria-label={t('breadcrumb.label')} id="breadcrumb">
      <ol className="breadcrumb">
        {all.map((c, i) => {
          const current = i === all.length - 1;
          return (
            <li key={c.to} className={i === 0 ? 'home' : undefined}>
              {current ? (
                <span className="txt" aria-current="page">
                  {c.label}
                </span>
              ) : (
                <Link to={c.to} className="txt">
                  {c.label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
