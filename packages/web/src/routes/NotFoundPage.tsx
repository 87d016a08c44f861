import { Link } from 'react-router-dom';
import { PageHeading } from '../components/PageHeading';
import { useT } from '../i18n/I18nProvider';

/** Any address ilteo does not know. */
export function NotFoundPage() {
  const t = useT();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <div className="btn-row">
        <Link to="/" className="krds-btn medium primary">
          {t('notFound.home')}
        </Link>
      </div>
    </>
  );
}
