import type { Seeker, SeekerConsentPurpose } from '@ilteo/shared';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Notice } from '../../components/status';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmModal } from '../plan/ConfirmModal';
import type { ConsentInput } from './api';
import { activeConsents } from './profileForm';

const PURPOSES: SeekerConsentPurpose[] = ['employment_services', 'recommendation', 'sensitive'];

interface ConsentSectionProps {
  seeker: Seeker;
  mutation: UseMutationResult<Seeker, Error, ConsentInput>;
  /** A counsellor records what the seeker said; the wording changes accordingly. */
  staff?: boolean;
}

/** Each consent with its history and a button to withdraw or give it, after a confirmation. */
export function ConsentSection({ seeker, mutation, staff }: ConsentSectionProps) {
  const { locale, t } = useI18n();
  const [asking, setAsking] = useState<{ purpose: SeekerConsentPurpose; granted: boolean } | null>(null);
  const [done, setDone] = useState<{ purpose: SeekerConsentPurpose; granted: boolean } | null>(null);
  const active = activeConsents(seeker.consents);

  const latest = (purpose: SeekerConsentPurpose) =>
    [...seeker.consents]
      .filter((c) => c.purpose === purpose)
      .sort((a, b) => b.grantedAt.localeCompare(a.grantedAt))[0];

  return (
    <section className="section" aria-labelledby="consents-title" data-testid="consents">
      <h2 className="section-title" id="consents-title">
        {t('registry.consent.sectionTitle')}
      </h2>
      <p className="muted" id="consents-caption">
        {t('registry.consent.caption')}
      </p>
      {done && (
        <Notice tone="success" live>
          {done.granted
            ? t('registry.consent.given', { purpose: t(`registry.consent.${done.purpose}`) })
            : t('registry.consent.withdrawn', { purpose: t(`registry.consent.${done.purpose}`) })}
        </Notice>
      )}
      <ul className="consent-list" aria-describedby="consents-caption">
        {PURPOSES.map((purpose) => {
          const record = latest(purpose);
          const on = active[purpose];
          return (
            <li key={purpose} className="consent-item" data-testid={`consent-${purpose}`}>
              <div className="consent-head">
                <h3 className="consent-name">{t(`registry.consent.${purpose}`)}</h3>
                <span className={on ? 'krds-badge bg-light-success' : 'krds-badge bg-light-gray'}>
                  {t(`registry.consent.${purpose}.kind`)}
                </span>
              </div>
              <p>
                {on && record
                  ? t('registry.consent.givenAt', { date: formatDateTime(record.grantedAt, locale) })
                  : record?.withdrawnAt
                    ? t('registry.consent.withdrawnAt', { date: formatDateTime(record.withdrawnAt, locale) })
                    : t('registry.consent.never')}
                {record && (
                  <span className="muted">
                    {' '}
                    · {t('registry.consent.versionOf', { version: record.version })}
                  </span>
                )}
              </p>
              <button
                type="button"
                className={on ? 'krds-btn small tertiary' : 'krds-btn small secondary'}
                aria-label={
                  on
                    ? t('registry.consent.withdrawOf', { purpose: t(`registry.consent.${purpose}`) })
                    : t('registry.consent.giveOf', { purpose: t(`registry.consent.${purpose}`) })
                }
                onClick={() => {
                  setDone(null);
                  mutation.reset();
                  setAsking({ purpose, granted: !on });
                }}
              >
                {on ? t('registry.consent.withdraw') : t('registry.consent.give')}
              </button>
            </li>
          );
        })}
      </ul>
      {asking && (
        <ConfirmModal
          title={asking.granted ? t('registry.consent.giveTitle') : t('registry.consent.withdrawTitle')}
          confirmLabel={asking.granted ? t('registry.consent.give') : t('registry.consent.withdraw')}
          danger={!asking.granted}
          pending={mutation.isPending}
          error={mutation.error}
          onClose={() => setAsking(null)}
          onConfirm={() =>
            mutation.mutate(asking, {
              onSuccess: () => {
                setDone(asking);
                setAsking(null);
              },
            })
          }
        >
          <p>
            {asking.granted
              ? t(`registry.consent.${asking.purpose}.text`)
              : t(`registry.consent.${asking.purpose}.effect`)}
          </p>
          {staff && <p className="muted">{t('registry.consent.staffNote')}</p>}
        </ConfirmModal>
      )}
    </section>
  );
}
