import { Link } from 'react-router-dom';
import { useT } from '../i18n/I18nProvider';
import { pageWindow } from './pageWindow';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** The search string (`?…`) of the given page, keeping the other filters. */
  searchFor: (page: number) => string;
}

/** KRDS pagination built from links, so pages are addressable and the back button works. */
export function Pagination({ page, pageSize, total, searchFor }: PaginationProps) {
  const t = useT();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  return (
    <nav className="krds-pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <Link className="page-navi prev" to={{ search: searchFor(page - 1) }}>
          {t('pagination.prev')}
        </Link>
      ) : (
        <span className="page-navi prev disabled" aria-disabled="true">
          {t('pagination.prev')}
        </span>
      )}
      <div className="page-links">
        {pageWindow(page, last).map((p, i) =>
          p === 0 ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity but its place
            <span key={`gap-${i}`} className="page-link link-dot" aria-hidden="true" />
          ) : (
            <Link
              key={p}
              className={p === page ? 'page-link active' : 'page-link'}
              to={{ search: searchFor(p) }}
              aria-current={p === page ? 'page' : undefined}
              aria-label={t('pagination.page', { page: p })}
            >
              {p}
            </Link>
          ),
        )}
      </div>
      {page < last ? (
        <Link className="page-navi next" to={{ search: searchFor(page + 1) }}>
          {t('pagination.next')}
        </Link>
      ) : (
        <span className="page-navi next disabled" aria-disabled="true">
          {t('pagination.next')}
        </span>
      )}
    </nav>
  );
}
