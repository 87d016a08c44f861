import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { Notice } from '../../components/status';
import { useT } from '../../i18n/I18nProvider';

/** `/account-deleted`: where a person lands after deleting their account (already signed out). */
export function AccountDeletedPage() {
  const t = useT();
  return (
    <>
      <PageHeading>{t('registry.deleted.title')}</PageHeading>
      <Notice tone="success">
        <p data-testid="account-deleted">{t('registry.deleted.body')}</p>
      </Notice>
      <p>{t('registry.privacy.keptApart')}</p>
      <p>
        <Link className="krds-btn medium secondary" to="/">
          {t('notFound.home')}
        </Link>
      </p>
    </>
  );
}
