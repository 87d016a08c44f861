import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { ResultStatusBadge } from './badges';
import { formatRate, monthLabel } from './numbers';
import type { MonthAbilities, MonthRow, MonthState } from './results';

export type MonthAction = 'open' | 'correct' | 'submit' | 'approve' | 'return';

interface ResultsTableProps {
  programName: string;
  rows: readonly MonthRow[];
  months: readonly MonthState[];
  abilitiesOf: (month: MonthState) => MonthAbilities;
  begunOf: (month: number) => boolean;
  onAction: (month: number, action: MonthAction) => void;
  busy: boolean;
}

/**
 * A program's twelve months: target and running target, the newest report and its status, the
 * approved (official) figure and running total, and what can be done with each month.
 */
export function ResultsTable({
  programName,
  rows,
  months,
  abilitiesOf,
  begunOf,
  onAction,
  busy,
}: ResultsTableProps) {
  const { locale, t } = useI18n();
  return (
    <div className="krds-table-wrap stack-wrap">
      <table className="tbl col data results-table stack-table" data-testid="results-table">
        <caption>{t('results.table.caption', { name: programName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.col.month')}</th>
            <th scope="col">{t('results.col.target')}</th>
            <th scope="col">{t('results.col.cumulativeTarget')}</th>
            <th scope="col">{t('results.col.reported')}</th>
            <th scope="col">{t('results.col.status')}</th>
            <th scope="col">{t('results.col.approved')}</th>
            <th scope="col">{t('results.col.cumulativeApproved')}</th>
            <th scope="col">{t('results.col.rate')}</th>
            <th scope="col">{t('results.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const month = months[i];
            if (!month) return null;
            const can = abilitiesOf(month);
            const name = monthLabel(row.month, locale);
            const begun = begunOf(row.month);
            const returned = row.status === 'returned';
            return (
              <tr
                key={row.month}
                data-testid={`month-${row.month}`}
                className={returned ? 'is-returned' : row.status === 'submitted' ? 'is-submitted' : undefined}
              >
                <th scope="row" data-label={t('results.col.month')}>
                  {name}
                </th>
                <td data-label={t('results.col.target')} className="num">
                  {formatNumber(row.target)}
                </td>
                <td data-label={t('results.col.cumulativeTarget')} className="num">
                  {formatNumber(row.cumulativeTarget)}
                </td>
                <td data-label={t('results.col.reported')} className="num">
                  {row.reported === null ? '—' : formatNumber(row.reported)}
                </td>
                <td data-label={t('results.col.status')}>
                  {begun || row.status ? (
                    <ResultStatusBadge status={row.status} />
                  ) : (
                    <span className="muted">{t('results.notBegun')}</span>
                  )}
                  {row.correctionPending && (
                    <span className="cell-sub">{t('results.correction.pending')}</span>
                  )}
                  {returned && month.current?.reviewComment && (
                    <span className="cell-sub returned-comment">
                      {t('results.returned.short', { comment: month.current.reviewComment })}
                    </span>
                  )}
                </td>
                <td data-label={t('results.col.approved')} className="num">
                  {row.approved === null ? '—' : formatNumber(row.approved)}
                </td>
                <td data-label={t('results.col.cumulativeApproved')} className="num">
                  {formatNumber(row.cumulativeApproved)}
                </td>
                <td data-label={t('results.col.rate')} className="num">
                  {formatRate(row.rate)}
                </td>
                <td data-label={t('results.col.actions')}>
                  <div className="row-actions">
                    {can.edit && (
                      <button
                        type="button"
                        className="krds-btn xsmall primary"
                        aria-label={t(row.status ? 'results.action.editOf' : 'results.action.enterOf', {
                          month: name,
                        })}
                        onClick={() => onAction(row.month, 'open')}
                      >
                        {row.status ? t('common.edit') : t('results.action.enter')}
                      </button>
                    )}
                    {can.submit && (
                      <button
                        type="button"
                        className="krds-btn xsmall secondary"
                        aria-label={t('results.action.submitOf', { month: name })}
                        onClick={() => onAction(row.month, 'submit')}
                        disabled={busy}
                      >
                        {t('results.action.submit')}
                      </button>
                    )}
                    {can.review && (
                      <>
                        <button
                          type="button"
                          className="krds-btn xsmall primary"
                          aria-label={t('results.action.approveOf', { month: name })}
                          onClick={() => onAction(row.month, 'approve')}
                          disabled={busy}
                        >
                          {t('results.action.approve')}
                        </button>
                        <button
                          type="button"
                          className="krds-btn xsmall secondary"
                          aria-label={t('results.action.returnOf', { month: name })}
                          onClick={() => onAction(row.month, 'return')}
                          disabled={busy}
                        >
                          {t('results.action.return')}
                        </button>
                      </>
                    )}
                    {can.correct && (
                      <button
                        type="button"
                        className="krds-btn xsmall tertiary"
                        aria-label={t('results.action.correctOf', { month: name })}
                        onClick={() => onAction(row.month, 'correct')}
                      >
                        {t('results.action.correct')}
                      </button>
                    )}
                    {!can.edit && (row.status !== null || begun) && (
                      <button
                        type="button"
                        className="krds-btn xsmall tertiary"
                        aria-label={t('results.action.detailsOf', { month: name })}
                        onClick={() => onAction(row.month, 'open')}
                      >
                        {t('results.action.details')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
