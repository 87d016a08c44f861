import type { ResultStatus } from '@ilteo/shared';
import { useT } from '../../i18n/I18nProvider';

const RESULT_TONE: Record<ResultStatus | 'none', string> = {
  draft: 'bg-light-gray',
  submitted: 'bg-light-information',
  approved: 'bg-light-success',
  returned: 'bg-light-danger',
  none: 'bg-light-warning',
};

/** A plan's status: 초안 or 공개. */
export function PlanStatusBadge({ status }: { status: 'draft' | 'published' }) {
  const t = useT();
  return (
    <span className={status === 'published' ? 'krds-badge bg-light-success' : 'krds-badge bg-light-gray'}>
      {t(`plan.status.${status}`)}
    </span>
  );
}

/** A month's result status: 작성 중, 제출됨, 승인, 반려, or 미보고 when nothing was reported. */
export function ResultStatusBadge({ status }: { status: ResultStatus | null }) {
  const t = useT();
  const key = status ?? 'none';
  return (
    <span className={`krds-badge ${RESULT_TONE[key]}`} data-status={key}>
      {t(`results.status.${key}`)}
    </span>
  );
}
