import type { PersonGroup, VacancySource, VacancyStatus } from '@ilteo/shared';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { highlightParts } from './wage';

const STATUS_TONE: Record<VacancyStatus, string> = {
  draft: 'bg-light-gray',
  open: 'bg-light-success',
  closed: 'bg-light-secondary',
  filled: 'bg-light-primary',
};

/** A vacancy's status as a KRDS badge. */
export function StatusBadge({ status }: { status: VacancyStatus }) {
  const t = useI18n().t;
  return (
    <span className={`krds-badge ${STATUS_TONE[status]}`} data-testid="vacancy-status">
      {t(`jobs.status.${status}`)}
    </span>
  );
}

/** Badges for what a vacancy welcomes (장애인 우대…), where it came from, and demo data. */
export function VacancyBadges({
  preferredGroups,
  source,
  isDemo,
}: {
  preferredGroups: readonly PersonGroup[];
  source: VacancySource;
  isDemo: boolean;
}) {
  const t = useI18n().t;
  if (!preferredGroups.length && source === 'own' && !isDemo) return null;
  return (
    <div className="krds-badge-wrap jobs-badges">
      {preferredGroups.map((g) => (
        <span key={g} className="krds-badge outline-point">
          {t('jobs.preferred', { group: t(`jobs.group.${g}`) })}
        </span>
      ))}
      {source === 'work24' && (
        <span className="krds-badge outline-information">{t('jobs.source.work24')}</span>
      )}
      {isDemo && (
        <span className="krds-badge bg-light-warning" title={t('jobs.demoHint')}>
          {t('jobs.demo')}
        </span>
      )}
    </div>
  );
}

/** A title with the words that matched the search marked. */
export function Highlighted({
  text,
  ranges,
}: {
  text: string;
  ranges: readonly (readonly [number, number])[];
}) {
  return (
    <>
      {highlightParts(text, ranges).map((part, i) =>
        part.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string have no identity but their place
          <mark key={i}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string have no identity but their place
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

/** `2026. 3. 2. ~ 2026. 4. 1.`, or `~ 채용 시까지` without a closing date. */
export function Period({ opensOn, closesOn }: { opensOn: string; closesOn: string | null }) {
  const { locale, t } = useI18n();
  return (
    <>
      {formatDate(opensOn, locale)} ~ {closesOn ? formatDate(closesOn, locale) : t('jobs.untilFilled')}
    </>
  );
}
