import { ApiError } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';

/** True when an edit lost to someone else's (409 CONFLICT: its `version` was stale). */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'CONFLICT';
}

/**
 * Says plainly that someone changed this first and offers to load their version; the edit is
 * then made again on top of it rather than silently overwriting it.
 */
export function ConflictNotice({ onReload, pending }: { onReload: () => void; pending?: boolean }) {
  const t = useT();
  return (
    <div className="notice notice-warning conflict-notice" role="alert" data-testid="conflict-notice">
      <p className="notice-title">{t('plan.conflict.title')}</p>
      <p>{t('plan.conflict.body')}</p>
      <button type="button" className="krds-btn small secondary" onClick={onReload} disabled={pending}>
        {t('plan.conflict.reload')}
      </button>
    </div>
  );
}
