import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ApiError } from '../api/client';
import { PageHeading } from '../components/PageHeading';
import { useT } from '../i18n/I18nProvider';
import { NotFoundPage } from './NotFoundPage';

/** What a page that crashed shows instead, inside the usual layout. */
export function ErrorPage() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="error-page">
      <PageHeading>{t('error.title')}</PageHeading>
      <p>{t('error.body')}</p>
      {requestId && <p className="request-id">{t('common.requestId', { id: requestId })}</p>}
      <div className="btn-row">
        <button type="button" className="krds-btn medium primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
      </div>
    </div>
  );
}

/** The last line of defence when the layout itself fails: the message on a bare page. */
export function RootErrorPage() {
  return (
    <main id="main-content" className="inner bare-page">
      <ErrorPage />
    </main>
  );
}
