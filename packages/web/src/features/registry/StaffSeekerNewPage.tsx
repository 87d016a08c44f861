import { Link, useNavigate } from 'react-router-dom';
import { useOrganisation, useSession } from '../../api/queries';
import { PageHeading } from '../../components/PageHeading';
import { useUnitName } from '../../components/useOrgName';
import { useT } from '../../i18n/I18nProvider';
import { useCreateSeeker } from './api';
import { createBody, emptyProfileForm } from './profileForm';
import { SeekerProfileForm } from './SeekerProfileForm';
import './registry.css';

/** The desks a staff member can register at: their own units, or every counselling desk for an admin. */
function useDesks(): { id: number; name: string }[] {
  const session = useSession();
  const organisation = useOrganisation();
  const unitName = useUnitName();
  const own = session.data?.user?.units ?? [];
  const desks = own.length
    ? own
    : (organisation.data?.units ?? []).filter((u) => u.kind === 'job_centre' || u.kind === 'dong_centre');
  return desks.map((u) => ({ id: u.id, name: unitName(u) }));
}

/** `/staff/seekers/new`: the desk intake form a counsellor fills in with the seeker. */
export function StaffSeekerNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateSeeker();
  const desks = useDesks();
  const initial = { ...emptyProfileForm(), deskUnitId: desks.length === 1 ? String(desks[0]?.id) : '' };
  return (
    <>
      <PageHeading>{t('registry.intake.title')}</PageHeading>
      <p className="lead">{t('registry.intake.lead')}</p>
      <p className="back-link">
        <Link to="/staff/seekers">{t('registry.seekers.back')}</Link>
      </p>
      <SeekerProfileForm
        key={desks.length}
        formId="desk-intake"
        mode="desk"
        initial={initial}
        desks={desks}
        submitLabel={t('registry.intake.submit')}
        pendingLabel={t('registry.saving')}
        onCancel={() => navigate('/staff/seekers')}
        onSubmit={async (state) => {
          const seeker = await create.mutateAsync(createBody(state, 'desk'));
          navigate(`/staff/seekers/${seeker.id}`, { state: { registered: true } });
        }}
      />
    </>
  );
}
