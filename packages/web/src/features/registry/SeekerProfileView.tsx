import type { Seeker } from '@ilteo/shared';
import type { ReactNode } from 'react';
import { formatDate, formatMoney, formatNumber, formatPhone } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { vocab } from './labels';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A seeker's profile as a read-only summary (the seeker's own page and the counsellor's). */
export function SeekerProfileView({ seeker, staff }: { seeker: Seeker; staff?: boolean }) {
  const { locale, t } = useI18n();
  const none = t('common.none');
  const list = (items: { label: string | null; code: string }[]) =>
    items.length ? items.map((i) => i.label ?? i.code).join(', ') : none;
  const wage = seeker.desiredWage;
  return (
    <dl className="summary-list profile-summary" data-testid="seeker-profile">
      <Row label={t('registry.field.name')}>{seeker.name}</Row>
      <Row label={t('registry.field.birthYear')}>{seeker.birthYear}</Row>
      <Row label={t('registry.field.gender')}>{seeker.gender ? vocab(t, 'gender', seeker.gender) : none}</Row>
      <Row label={t('registry.field.phone')}>{seeker.phone ? formatPhone(seeker.phone) : none}</Row>
      <Row label={t('registry.field.email')}>{seeker.email ?? none}</Row>
      <Row label={t('registry.field.desiredOccupations')}>{list(seeker.desiredOccupations)}</Row>
      <Row label={t('registry.field.skills')}>{list(seeker.skills)}</Row>
      <Row label={t('registry.field.certificates')}>{list(seeker.certificates)}</Row>
      <Row label={t('registry.field.education')}>{vocab(t, 'education', seeker.education)}</Row>
      <Row label={t('registry.field.careers')}>
        {seeker.careers.length ? (
          <ul className="plain-list">
            {seeker.careers.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: careers have no id; the order is the record's
              <li key={i}>
                {t('registry.career.line', {
                  occupation: c.occupation.label ?? c.occupation.code,
                  months: formatNumber(c.months),
                })}
                {c.company ? ` · ${c.company}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Row>
      <Row label={t('registry.field.wage')}>
        {wage
          ? t('registry.wage.line', {
              type: vocab(t, 'wageType', wage.type),
              amount: formatMoney(wage.amount, locale),
              monthly: formatMoney(wage.monthly, locale),
            })
          : none}
        {wage && seeker.wageFirm ? ` · ${t('registry.field.wageFirmShort')}` : ''}
      </Row>
      <Row label={t('registry.field.weeklyHours')}>
        {seeker.weeklyHours === null ? none : t('registry.hours', { hours: seeker.weeklyHours })}
      </Row>
      <Row label={t('registry.field.shifts')}>
        {seeker.shifts.length ? seeker.shifts.map((s) => vocab(t, 'shift', s)).join(', ') : none}
      </Row>
      <Row label={t('registry.field.employmentTypes')}>
        {seeker.employmentTypes.length
          ? seeker.employmentTypes.map((s) => vocab(t, 'employmentType', s)).join(', ')
          : none}
      </Row>
      <Row label={t('registry.field.homeDong')}>
        {seeker.homeDongName ?? none} · {t('registry.km', { km: seeker.commuteKm })}
      </Row>
      <Row label={t('registry.field.availableFrom')}>
        {seeker.availableFrom ? formatDate(seeker.availableFrom, locale) : none}
      </Row>
      <Row label={t('registry.field.groups')}>
        {seeker.groups.length ? seeker.groups.map((g) => vocab(t, 'group', g)).join(', ') : none}
      </Row>
      <Row label={t('registry.field.status')}>{vocab(t, 'seekerStatus', seeker.status)}</Row>
      {staff && (
        <>
          <Row label={t('registry.field.registeredBy')}>{vocab(t, 'registeredBy', seeker.registeredBy)}</Row>
          <Row label={t('registry.field.intakeNote')}>{seeker.intakeNote ?? none}</Row>
        </>
      )}
      <Row label={t('registry.field.updatedAt')}>{formatDate(seeker.updatedAt, locale)}</Row>
    </dl>
  );
}
