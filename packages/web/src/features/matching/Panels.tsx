import { type ReactNode, useState } from 'react';
import { EmptyState, ErrorNotice, Loading } from '../../components/status';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { useCandidates, useRecommendations } from './api';
import { mayHaveMore, nextLimit } from './format';
import { RecommendationList } from './RecommendationList';

const FIRST_LIMIT = 10;

/** A panel's frame: its heading, what it is for, and "더 보기" while the list may go on. */
function Panel({
  id,
  title,
  lead,
  more,
  children,
}: {
  id: string;
  title: MessageKey;
  lead: MessageKey;
  more: { show: boolean; busy: boolean; onClick: () => void };
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section className="section match-panel" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 className="section-title" id={`${id}-title`}>
        {t(title)}
      </h2>
      <p className="muted match-panel-lead">{t(lead)}</p>
      {children}
      {more.show && (
        <p className="match-more">
          <button
            type="button"
            className="krds-btn medium secondary"
            aria-disabled={more.busy || undefined}
            onClick={() => {
              if (!more.busy) more.onClick();
            }}
          >
            {more.busy ? t('matching.loadingMore') : t('matching.more')}
          </button>
        </p>
      )}
    </section>
  );
}

/**
 * 추천 일자리: vacancies for a seeker. `self` on the seeker's own page (the empty state tells
 * them what to check in their profile), otherwise a counsellor's panel on the seeker's page.
 */
export function SeekerRecommendations({ seekerId, self = false }: { seekerId: number; self?: boolean }) {
  const t = useT();
  const [limit, setLimit] = useState(FIRST_LIMIT);
  const list = useRecommendations(seekerId, limit);
  const items = list.data?.items ?? [];
  return (
    <Panel
      id="recommended-vacancies"
      title="matching.vacancies.title"
      lead={self ? 'matching.vacancies.leadSelf' : 'matching.vacancies.leadStaff'}
      more={{
        show: !list.isError && mayHaveMore(items.length, limit),
        busy: list.isFetching,
        onClick: () => setLimit(nextLimit(limit)),
      }}
    >
      {list.isPending && <Loading label={t('matching.loading')} />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (items.length === 0 ? (
          <EmptyState>
            {t(self ? 'matching.vacancies.emptySelf' : 'matching.vacancies.emptyStaff')}
          </EmptyState>
        ) : (
          <RecommendationList list={{ direction: 'vacancies', seekerId, items }} />
        ))}
    </Panel>
  );
}

/** 추천 인재: masked candidates for a vacancy, for its employer and for staff (who may open a profile). */
export function VacancyCandidates({
  vacancyId,
  open,
  staff = false,
}: {
  vacancyId: number;
  /** Only an open vacancy has candidates; for the others the panel says so instead of asking. */
  open: boolean;
  staff?: boolean;
}) {
  const t = useT();
  const [limit, setLimit] = useState(FIRST_LIMIT);
  const list = useCandidates(open ? vacancyId : null, limit);
  const items = list.data?.items ?? [];
  return (
    <Panel
      id="recommended-candidates"
      title="matching.candidates.title"
      lead={staff ? 'matching.candidates.leadStaff' : 'matching.candidates.leadEmployer'}
      more={{
        show: open && !list.isError && mayHaveMore(items.length, limit),
        busy: list.isFetching,
        onClick: () => setLimit(nextLimit(limit)),
      }}
    >
      {!open && <EmptyState>{t('matching.candidates.notOpen')}</EmptyState>}
      {open && list.isPending && <Loading label={t('matching.loading')} />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (items.length === 0 ? (
          <EmptyState>{t('matching.candidates.empty')}</EmptyState>
        ) : (
          <RecommendationList list={{ direction: 'candidates', vacancyId, items }} staff={staff} />
        ))}
    </Panel>
  );
}
