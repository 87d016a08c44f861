import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { problemMessage } from '../api/validation';
import { useI18n, useT } from '../i18n/I18nProvider';

/** The KRDS spinner with a spoken label. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="krds-spinner loading" role="status">
      <span className="sr-only">{label ?? t('common.loading')}</span>
    </div>
  );
}

/** A message where results would be. */
export function EmptyState({ children }: { children?: ReactNode }) {
  const t = useT();
  return <p className="empty-state">{children ?? t('common.empty')}</p>;
}

/** An informational, success or warning box. */
export function Notice({
  tone = 'info',
  title,
  children,
  live,
}: {
  tone?: 'info' | 'success' | 'warning' | 'danger';
  title?: ReactNode;
  children?: ReactNode;
  /** Announce politely when the content changes. */
  live?: boolean;
}) {
  return (
    <div className={`notice notice-${tone}`} role={live ? 'status' : undefined}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}

/** A failed query: the server's message in the current language and a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { locale, t } = useI18n();
  const message = problemMessage(error);
  return (
    <div className="notice notice-danger" role="alert">
      <p className="notice-title">{message[locale]}</p>
      {error instanceof ApiError && error.requestId && (
        <p className="request-id">{t('common.requestId', { id: error.requestId })}</p>
      )}
      {onRetry && (
        <button type="button" className="krds-btn small secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
