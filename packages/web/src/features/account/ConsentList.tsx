import type { ConsentRecord } from '../../api/types';
import { EmptyState } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';

const PURPOSE_LABELS: Record<string, MessageKey> = {
  terms: 'consent.terms',
  privacy: 'consent.privacy',
  'privacy.required': 'consent.privacy',
};

/** The consents I gave, with their dates; purposes the client does not know are shown as recorded. */
export function ConsentList({ consents }: { consents: ConsentRecord[] }) {
  const { locale, t } = useI18n();
  if (consents.length === 0) return <EmptyState />;
  return (
    <div className="krds-table-wrap">
      <table className="tbl col data">
        <caption>{t('account.consentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.consent.purpose')}</th>
            <th scope="col">{t('account.consent.version')}</th>
            <th scope="col">{t('account.consent.grantedAt')}</th>
            <th scope="col">{t('account.consent.state')}</th>
          </tr>
        </thead>
        <tbody>
          {consents.map((c) => {
            const key = PURPOSE_LABELS[c.purpose];
            return (
              <tr key={c.id}>
                <td>{key ? t(key) : c.purpose}</td>
                <td>{c.version}</td>
                <td>
                  <time dateTime={c.grantedAt}>{formatDate(c.grantedAt, locale)}</time>
                </td>
                <td>
                  {c.withdrawnAt
                    ? t('account.consent.withdrawn', { date: formatDate(c.withdrawnAt, locale) })
                    : t('account.consent.active')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
