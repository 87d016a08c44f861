import { useT } from '../../i18n/I18nProvider';
import type { PlanSummary } from './api';
import { usePublishPlan } from './api';
import { ConfirmModal } from './ConfirmModal';

/** Asks before publishing a plan (its approved results become public) or taking it back. */
export function PublishModal({
  plan,
  onClose,
  onDone,
}: {
  plan: Pick<PlanSummary, 'id' | 'title' | 'status'>;
  onClose: () => void;
  onDone: (published: boolean) => void;
}) {
  const t = useT();
  const publish = usePublishPlan(plan.id);
  const next = plan.status !== 'published';
  return (
    <ConfirmModal
      title={next ? t('plan.publish.title') : t('plan.unpublish.title')}
      confirmLabel={next ? t('plan.publish.confirm') : t('plan.unpublish.confirm')}
      onClose={onClose}
      pending={publish.isPending}
      error={publish.error}
      onConfirm={() => publish.mutate(next, { onSuccess: () => onDone(next) })}
    >
      <p>
        {next
          ? t('plan.publish.body', { title: plan.title })
          : t('plan.unpublish.body', { title: plan.title })}
      </p>
    </ConfirmModal>
  );
}
