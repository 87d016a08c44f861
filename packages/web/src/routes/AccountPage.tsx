import { useState } from 'react';
import { useSession } from '../api/queries';
import { PageHeading } from '../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../components/status';
import { useOrgName, useUnitName } from '../components/useOrgName';
import { useMe } from '../features/account/api';
import { ChangePasswordForm } from '../features/account/ChangePasswordForm';
import { ConsentList } from '../features/account/ConsentList';
import { ProfileForm } from '../features/account/ProfileForm';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';

/** My account: profile, consents, password. A temporary password puts the password form first. */
export function AccountPage() {
  const { locale, t } = useI18n();
  const session = useSession();
  const me = useMe();
  const orgName = useOrgName();
  const unitName = useUnitName();
  const mustChange = session.data?.user?.mustChangePassword ?? false;
  // The password form stays where it first appeared, so its confirmation is not lost when the flag clears.
  const [passwordFirst] = useState(mustChange);

  const passwordSection = (
    <section className="section" aria-labelledby="account-password">
      <h2 id="account-password" className="section-title">
        {t('account.password')}
      </h2>
      <ChangePasswordForm />
    </section>
  );

  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      {mustChange && <Notice tone="warning">{t('account.mustChange')}</Notice>}
      {passwordFirst && passwordSection}
      {me.isPending && <Loading />}
      {me.isError && <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />}
      {me.data && (
        <>
          <section className="section" aria-labelledby="account-profile">
            <h2 id="account-profile" className="section-title">
              {t('account.profile')}
            </h2>
            <dl className="summary-list">
              <div>
                <dt>{t('field.email')}</dt>
                <dd>{me.data.user.email}</dd>
              </div>
              <div>
                <dt>{t('field.role')}</dt>
                <dd>{t(`role.${me.data.user.role}`)}</dd>
              </div>
              <div>
                <dt>{t('account.organisation')}</dt>
                <dd>{orgName || me.data.user.organisation.name}</dd>
              </div>
              {me.data.user.units.length > 0 && (
                <div>
                  <dt>{t('account.units')}</dt>
                  <dd>{me.data.user.units.map(unitName).join(', ')}</dd>
                </div>
              )}
              <div>
                <dt>{t('account.joined')}</dt>
                <dd>
                  <time dateTime={me.data.createdAt}>{formatDate(me.data.createdAt, locale)}</time>
                </dd>
              </div>
            </dl>
            <ProfileForm me={me.data} />
          </section>
          <section className="section" aria-labelledby="account-consents">
            <h2 id="account-consents" className="section-title">
              {t('account.consents')}
            </h2>
            <ConsentList consents={me.data.consents} />
          </section>
        </>
      )}
      {!passwordFirst && passwordSection}
    </>
  );
}
