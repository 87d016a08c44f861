import { useT } from '../../i18n/I18nProvider';
import { exportUrl } from './api';

const FORMATS = ['xlsx', 'pdf', 'csv'] as const;

/** Download links for a plan's report; the browser saves the file under the server's name. */
export function ExportLinks({
  planId,
  title,
  compact,
}: {
  planId: number;
  title: string;
  compact?: boolean;
}) {
  const t = useT();
  return (
    <ul className="export-links" aria-label={t('plan.export.label', { title })}>
      {FORMATS.map((format) => (
        <li key={format}>
          <a
            className={compact ? 'krds-btn xsmall tertiary' : 'krds-btn small tertiary'}
            href={exportUrl(planId, format)}
            download
            aria-label={t('plan.export.of', { title, format: format.toUpperCase() })}
          >
            {format.toUpperCase()}
          </a>
        </li>
      ))}
    </ul>
  );
}
