import { useI18n } from '../i18n/I18nProvider';

/** The search and reset buttons at the end of a list's filter bar. */
export function FilterActions({ onReset }: { onReset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="filter-actions">
      <button type="submit" className="krds-btn medium primary">
        {t('common.search')}
      </button>
      <button type="button" className="krds-btn medium tertiary" onClick={onReset}>
        {t('common.reset')}
      </button>
    </div>
  );
}

/** "총 n건" above a list, announced when it changes; empty until the list has loaded. */
export function ResultCount({ total }: { total: number | undefined }) {
  const { t, locale } = useI18n();
  return (
    <p className="result-count" aria-live="polite">
      {total === undefined
        ? ''
        : t('common.total', { total: total.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB') })}
    </p>
  );
}
