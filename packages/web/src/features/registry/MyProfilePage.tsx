import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/queries';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { useT } from '../../i18n/I18nProvider';
import { SeekerRecommendations } from '../matching/Panels';
import { useCreateMySeeker, useMyConsent, useMySeeker, useUpdateMySeeker } from './api';
import { ConsentSection } from './ConsentSection';
import { PrivacySection } from './PrivacySection';
import { activeConsents, createBody, emptyProfileForm, formFromSeeker, patchBody } from './profileForm';
import { SeekerProfileForm } from './SeekerProfileForm';
import { SeekerProfileView } from './SeekerProfileView';
import './registry.css';

/** `/me/profile`: a seeker registers their job-seeking profile, then reads, edits and controls it. */
export function MyProfilePage() {
  const t = useT();
  const mine = useMySeeker();
  const session = useSession();
  const create = useCreateMySeeker();
  const update = useUpdateMySeeker();
  const consent = useMyConsent();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<'registry.me.registered' | 'registry.me.saved' | null>(null);

  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />;
  const seeker = mine.data;

  if (!seeker) {
    const initial = { ...emptyProfileForm(), name: session.data?.user?.name ?? '' };
    return (
      <>
        <PageHeading>{t('registry.me.registerTitle')}</PageHeading>
        <p className="lead">{t('registry.me.registerLead')}</p>
        <SeekerProfileForm
          formId="seeker-register"
          mode="self"
          initial={initial}
          submitLabel={t('registry.me.register')}
          pendingLabel={t('registry.saving')}
          onSubmit={async (state) => {
            await create.mutateAsync(createBody(state, 'self'));
            setDone('registry.me.registered');
          }}
        />
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('registry.me.title')}</PageHeading>
      <p className="lead">{t('registry.me.lead')}</p>
      {done && (
        <Notice tone="success" live>
          {t(done)}
        </Notice>
      )}
      {!editing && <SeekerRecommendations seekerId={seeker.id} self />}
      {editing ? (
        <SeekerProfileForm
          formId="seeker-edit"
          mode="edit"
          initial={formFromSeeker(seeker)}
          sensitiveConsent={activeConsents(seeker.consents).sensitive}
          submitLabel={t('common.save')}
          pendingLabel={t('registry.saving')}
          onCancel={() => setEditing(false)}
          onSubmit={async (state) => {
            await update.mutateAsync(patchBody(state, seeker.version));
            setEditing(false);
            setDone('registry.me.saved');
          }}
        />
      ) : (
        <section aria-labelledby="profile-title">
          <div className="toolbar">
            <h2 className="section-title" id="profile-title">
              {t('registry.me.profile')}
            </h2>
            <div className="btn-row">
              <Link className="krds-btn medium tertiary" to="/jobs">
                {t('registry.me.findJobs')}
              </Link>
              <button
                type="button"
                className="krds-btn medium secondary"
                onClick={() => {
                  setDone(null);
                  setEditing(true);
                }}
              >
                {t('registry.me.edit')}
              </button>
            </div>
          </div>
          <SeekerProfileView seeker={seeker} />
        </section>
      )}
      <ConsentSection seeker={seeker} mutation={consent} />
      <PrivacySection />
    </>
  );
}
