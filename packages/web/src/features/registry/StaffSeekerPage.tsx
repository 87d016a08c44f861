import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { useT } from '../../i18n/I18nProvider';
import { SeekerRecommendations } from '../matching/Panels';
import { NOT_FOUND_ERROR } from '../plan/api';
import { useSeeker, useSeekerConsent, useUpdateSeeker } from './api';
import { ConsentSection } from './ConsentSection';
import { activeConsents, formFromSeeker, patchBody } from './profileForm';
import { SeekerProfileForm } from './SeekerProfileForm';
import { SeekerProfileView } from './SeekerProfileView';
import './registry.css';

/** `/staff/seekers/:id`: a seeker's full profile for a counsellor (an audited read), to edit and record consents. */
export function StaffSeekerPage() {
  const t = useT();
  const id = Number(useParams().id);
  const location = useLocation();
  const registered = (location.state as { registered?: boolean } | null)?.registered === true;
  const seeker = useSeeker(id);
  const update = useUpdateSeeker(id);
  const consent = useSeekerConsent(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  if (!Number.isInteger(id) || id <= 0) return <ErrorNotice error={NOT_FOUND_ERROR} />;
  if (seeker.isPending) return <Loading />;
  if (seeker.isError) return <ErrorNotice error={seeker.error} onRetry={() => void seeker.refetch()} />;
  const data = seeker.data;

  return (
    <>
      <PageHeading>{t('registry.seeker.title', { name: data.name })}</PageHeading>
      <p className="back-link">
        <Link to="/staff/seekers">{t('registry.seekers.back')}</Link>
      </p>
      <Notice tone="warning">
        <p data-testid="audited-read">{t('registry.seeker.audited')}</p>
      </Notice>
      {registered && !saved && (
        <Notice tone="success" live>
          {t('registry.intake.done', { name: data.name })}
        </Notice>
      )}
      {saved && (
        <Notice tone="success" live>
          {t('registry.seeker.saved')}
        </Notice>
      )}
      {editing ? (
        <SeekerProfileForm
          formId="seeker-staff-edit"
          mode="edit"
          initial={formFromSeeker(data)}
          sensitiveConsent={activeConsents(data.consents).sensitive}
          submitLabel={t('common.save')}
          pendingLabel={t('registry.saving')}
          onCancel={() => setEditing(false)}
          onSubmit={async (state) => {
            await update.mutateAsync(patchBody(state, data.version));
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : (
        <section aria-labelledby="profile-title">
          <div className="toolbar">
            <h2 className="section-title" id="profile-title">
              {t('registry.me.profile')}
            </h2>
            <button
              type="button"
              className="krds-btn medium secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('registry.seeker.edit')}
            </button>
          </div>
          <SeekerProfileView seeker={data} staff />
        </section>
      )}
      {!editing && <SeekerRecommendations seekerId={data.id} />}
      <ConsentSection seeker={data} mutation={consent} staff />
    </>
  );
}
