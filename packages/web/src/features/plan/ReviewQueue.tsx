import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { EmptyState, ErrorNotice, Notice } from '../../components/status';
import { useUnitName } from '../../components/useOrgName';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { resultsKey, useReview } from './api';
import { monthLabel } from './numbers';
import { ReturnModal } from './ReturnModal';
import type { ProgramResultsData, QueueItem, ReportTodo } from './results';

/**
 * The planner's review queue: every program-month submitted across the plan, with the figure,
 * note and evidence the reporter sent, to approve or return with a comment.
 */
export function ReviewQueue({ planId, items }: { planId: number; items: readonly QueueItem[] }) {
  const { locale, t } = useI18n();
  const unitName = useUnitName();
  const review = useReview(planId);
  const [returning, setReturning] = useState<QueueItem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const programIds = [...new Set(items.map((i) => i.programId))];
  const details = useQueries({
    queries: programIds.map((id) => ({
      queryKey: resultsKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<ProgramResultsData>('GET', `/programs/${id}/results`, { signal }),
    })),
  });
  const monthOf = (item: QueueItem) => {
    const data = details[programIds.indexOf(item.programId)]?.data;
    return data?.months[item.month - 1]?.current ?? null;
  };
  const what = (item: QueueItem) => `${item.programName} · ${monthLabel(item.month, locale)}`;

  const approve = (item: QueueItem) => {
    setDone(null);
    setError(null);
    review.approve.mutate(
      { programId: item.programId, month: item.month },
      { onSuccess: () => setDone(t('results.done.approved', { what: what(item) })), onError: setError },
    );
  };

  return (
    <>
      {done && (
        <Notice tone="success" live>
          {done}
        </Notice>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {items.length === 0 ? (
        <div data-testid="review-queue">
          <EmptyState>{t('results.queue.empty')}</EmptyState>
        </div>
      ) : (
        <div className="krds-table-wrap stack-wrap">
          <table className="tbl col data stack-table queue-table" data-testid="review-queue">
            <caption>{t('results.queue.caption', { n: items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.queue.program')}</th>
                <th scope="col">{t('results.col.month')}</th>
                <th scope="col">{t('results.col.target')}</th>
                <th scope="col">{t('results.queue.submitted')}</th>
                <th scope="col">{t('results.queue.note')}</th>
                <th scope="col">{t('results.queue.submittedAt')}</th>
                <th scope="col">{t('results.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const revision = monthOf(item);
                const name = what(item);
                return (
                  <tr
                    key={`${item.programId}-${item.month}`}
                    data-testid={`queue-${item.programId}-${item.month}`}
                  >
                    <th scope="row" data-label={t('results.queue.program')}>
                      <Link to={`/programs/${item.programId}/results?plan=${planId}`}>
                        {item.programName}
                      </Link>
                      <span className="cell-sub">{unitName({ id: item.unitId, name: item.unitName })}</span>
                    </th>
                    <td data-label={t('results.col.month')}>{monthLabel(item.month, locale)}</td>
                    <td data-label={t('results.col.target')} className="num">
                      {formatNumber(item.target)}
                    </td>
                    <td data-label={t('results.queue.submitted')} className="num">
                      {revision ? formatNumber(revision.jobs) : '…'}
                      {revision && revision.revision > 1 && (
                        <span className="cell-sub">{t('results.queue.correction')}</span>
                      )}
                    </td>
                    <td data-label={t('results.queue.note')}>
                      {revision?.correctionReason && (
                        <span className="cell-sub">
                          {t('results.correction.reason', { reason: revision.correctionReason })}
                        </span>
                      )}
                      {revision?.note || (revision?.correctionReason ? '' : '—')}
                      {revision && revision.evidence.length > 0 && (
                        <span className="cell-sub">
                          {t('results.queue.evidence', { n: revision.evidence.length })}
                        </span>
                      )}
                    </td>
                    <td data-label={t('results.queue.submittedAt')}>
                      {revision?.submittedAt ? formatDateTime(revision.submittedAt, locale) : '—'}
                    </td>
                    <td data-label={t('results.col.actions')}>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="krds-btn xsmall primary"
                          aria-label={t('results.action.approveOf', { month: name })}
                          disabled={review.approve.isPending}
                          onClick={() => approve(item)}
                        >
                          {t('results.action.approve')}
                        </button>
                        <button
                          type="button"
                          className="krds-btn xsmall secondary"
                          aria-label={t('results.action.returnOf', { month: name })}
                          onClick={() => {
                            setDone(null);
                            setReturning(item);
                          }}
                        >
                          {t('results.action.return')}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {returning && (
        <ReturnModal
          title={what(returning)}
          pending={review.returnMonth.isPending}
          onClose={() => setReturning(null)}
          onReturn={async (comment) => {
            await review.returnMonth.mutateAsync({
              programId: returning.programId,
              month: returning.month,
              comment,
            });
            setDone(t('results.done.returned', { what: what(returning) }));
            setReturning(null);
          }}
        />
      )}
    </>
  );
}

/** Programs that still owe a report: the last closed month missing, drafts, returned months. */
export function ReportTodoList({
  planId,
  todos,
  lastClosedMonth,
  canReport,
}: {
  planId: number;
  todos: readonly ReportTodo[];
  lastClosedMonth: number;
  canReport: boolean;
}) {
  const { locale, t } = useI18n();
  const unitName = useUnitName();
  const months = (list: number[]) => list.map((m) => monthLabel(m, locale)).join(', ');
  // The last closed month already has its own line.
  const older = (todo: ReportTodo) =>
    todo.missing.filter((m) => !(todo.missingLastMonth && m === lastClosedMonth));
  if (todos.length === 0) {
    return (
      <div data-testid="report-todos">
        <EmptyState>{t('results.todo.empty')}</EmptyState>
      </div>
    );
  }
  return (
    <ul className="todo-list" data-testid="report-todos">
      {todos.map((todo) => (
        <li key={todo.programId} className="todo-item" data-testid={`todo-${todo.programId}`}>
          <div>
            <p className="todo-name">{todo.programName}</p>
            <p className="cell-sub">{unitName({ id: todo.unitId, name: todo.unitName })}</p>
            <ul className="todo-facts">
              {todo.missingLastMonth && lastClosedMonth > 0 && (
                <li className="todo-missing">
                  {t('results.todo.lastMonth', { month: monthLabel(lastClosedMonth, locale) })}
                </li>
              )}
              {todo.returned.length > 0 && (
                <li>{t('results.todo.returned', { months: months(todo.returned) })}</li>
              )}
              {todo.drafts.length > 0 && <li>{t('results.todo.drafts', { months: months(todo.drafts) })}</li>}
              {older(todo).length > 0 && (
                <li>{t('results.todo.missing', { months: months(older(todo)) })}</li>
              )}
            </ul>
          </div>
          <Link
            className={canReport ? 'krds-btn small primary' : 'krds-btn small tertiary'}
            to={`/programs/${todo.programId}/results?plan=${planId}`}
            aria-label={t(canReport ? 'results.todo.reportOf' : 'results.todo.viewOf', {
              name: todo.programName,
            })}
          >
            {canReport ? t('results.todo.report') : t('results.todo.view')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
