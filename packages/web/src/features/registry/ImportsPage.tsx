import { FIELD_MESSAGES } from '@ilteo/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { ErrorSummary, FieldFrame, fieldId, useFormFeedback } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmModal } from '../plan/ConfirmModal';
import { IMPORT_KINDS, type ImportKind, useImports, useRunImport } from './api';
import {
  acceptFor,
  canImportAll,
  canImportValidOnly,
  checkImportFile,
  countsOf,
  EXPORT_KINDS,
  exportUrl,
  type ImportReport,
  linesOfProblem,
  type ReportLine,
  reportLines,
  runKind,
} from './imports';
import { vocab } from './labels';
import './registry.css';

const FORM = 'registry-import';
const LIST_OF: Record<ImportKind, string> = {
  seekers: '/staff/seekers',
  employers: '/staff/employers',
  vacancies: '/staff/vacancies',
  work24: '/staff/vacancies?source=work24',
};

/** The row-by-row report of a read file: counts, then each problem with its row and column. */
function ReportView({ report, lines }: { report: ImportReport; lines: ReportLine[] }) {
  const { locale, t } = useI18n();
  const ref = useRef<HTMLHeadingElement>(null);
  const counts = countsOf(report);
  const errors = lines.filter((l) => !l.note).length;
  useEffect(() => ref.current?.focus(), []);
  return (
    <section className="section import-report" aria-labelledby="report-title" data-testid="import-report">
      <h2 className="section-title" id="report-title" tabIndex={-1} ref={ref}>
        {t('registry.imports.reportTitle', { file: report.source })}
      </h2>
      <dl className="count-cards">
        <div>
          <dt>{t('registry.imports.total')}</dt>
          <dd data-testid="count-total">{formatNumber(counts.total)}</dd>
        </div>
        <div className="ok">
          <dt>{t('registry.imports.valid')}</dt>
          <dd data-testid="count-valid">{formatNumber(counts.valid)}</dd>
        </div>
        <div className={counts.invalid ? 'bad' : ''}>
          <dt>{t('registry.imports.invalid')}</dt>
          <dd data-testid="count-invalid">{formatNumber(counts.invalid)}</dd>
        </div>
      </dl>
      {errors === 0 && counts.invalid === 0 && (
        <Notice tone="success">
          <p>{t('registry.imports.allValid')}</p>
        </Notice>
      )}
      {lines.length > 0 && (
        <div className="krds-table-wrap">
          <table className="tbl col data" data-testid="import-errors">
            <caption>
              {errors
                ? t('registry.imports.errorsCaption', { count: errors })
                : t('registry.imports.notesCaption', { count: lines.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.imports.row')}</th>
                <th scope="col">{t('registry.imports.column')}</th>
                <th scope="col">{t('registry.imports.message')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one row can carry several errors
                <tr key={i} className={e.note ? 'note-line' : 'error-line'}>
                  <td>{e.row ?? '—'}</td>
                  <td>{e.column ?? '—'}</td>
                  <td>
                    {e.note && (
                      <span className="krds-badge bg-light-warning">{t('registry.imports.note')}</span>
                    )}{' '}
                    {e.message[locale]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Past imports, newest first. */
function History() {
  const { locale, t } = useI18n();
  const [page, setPage] = useState(1);
  const history = useImports(page);
  const last = history.data ? Math.max(1, Math.ceil(history.data.total / history.data.pageSize)) : 1;
  return (
    <section className="section" aria-labelledby="history-title">
      <h2 className="section-title" id="history-title">
        {t('registry.imports.history')}
      </h2>
      {history.isError && <ErrorNotice error={history.error} onRetry={() => void history.refetch()} />}
      {history.isPending && <Loading />}
      {history.data &&
        (history.data.items.length === 0 ? (
          <EmptyState>{t('registry.imports.noHistory')}</EmptyState>
        ) : (
          <div className="krds-table-wrap">
            <table className="tbl col data" data-testid="import-history">
              <caption>{t('registry.imports.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('registry.imports.at')}</th>
                  <th scope="col">{t('registry.imports.kind')}</th>
                  <th scope="col">{t('registry.imports.file')}</th>
                  <th scope="col">{t('registry.imports.total')}</th>
                  <th scope="col">{t('registry.imports.inserted')}</th>
                  <th scope="col">{t('registry.imports.updated')}</th>
                  <th scope="col">{t('registry.imports.skipped')}</th>
                  <th scope="col">{t('registry.imports.mode')}</th>
                </tr>
              </thead>
              <tbody>
                {history.data.items.map((h) => (
                  <tr key={h.id}>
                    <td className="nowrap">{formatDateTime(h.createdAt, locale)}</td>
                    <td>{vocab(t, 'importKind', runKind(h))}</td>
                    <td className="break">{h.source}</td>
                    <td>{formatNumber(h.totalRows)}</td>
                    <td>{formatNumber(h.inserted)}</td>
                    <td>{formatNumber(h.updated)}</td>
                    <td>{formatNumber(h.skipped)}</td>
                    <td>{vocab(t, 'importMode', h.mode)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {last > 1 && (
        <div className="btn-row">
          <button
            type="button"
            className="krds-btn small tertiary"
            disabled={page <= 1}
            onClick={() => setPage((p) => p - 1)}
          >
            {t('pagination.prev')}
          </button>
          <span>
            {page} / {last}
          </span>
          <button
            type="button"
            className="krds-btn small tertiary"
            disabled={page >= last}
            onClick={() => setPage((p) => p + 1)}
          >
            {t('pagination.next')}
          </button>
        </div>
      )}
    </section>
  );
}

/** `/staff/imports`: read a file (a dry run with a row-by-row report), import it, and download exports. */
export function ImportsPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<ImportKind>('work24');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [lines, setLines] = useState<ReportLine[]>([]);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [confirmValid, setConfirmValid] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const run = useRunImport();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();

  const reset = () => {
    setReport(null);
    setResult(null);
    run.reset();
  };

  const dryRun = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    const problem = file ? checkImportFile(kind, file) : FIELD_MESSAGES.file_required;
    if (problem || !file) return showInvalid({ file: problem ?? FIELD_MESSAGES.file_required });
    clear();
    try {
      const read = await run.mutateAsync({ kind, file, dryRun: true, mode: 'all' });
      setReport(read);
      setLines(reportLines(read));
    } catch (error) {
      // A file that cannot be read at all (a 고용24 error body, a broken workbook) is a form error.
      showError(error);
    }
  };

  const importNow = async (mode: 'all' | 'valid_only') => {
    if (!file) return;
    setConfirmValid(false);
    try {
      const done = await run.mutateAsync({ kind, file, dryRun: false, mode });
      if (done.written) {
        setResult(done);
        setReport(null);
        setFile(null);
        setInputKey((k) => k + 1);
      } else {
        // Something changed since the check: show the new report instead.
        setReport(done);
        setLines(reportLines(done));
      }
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length) setLines(linesOfProblem(error.fieldErrors));
      showError(error);
    }
  };

  return (
    <>
      <PageHeading>{t('registry.imports.title')}</PageHeading>
      <p className="lead">{t('registry.imports.lead')}</p>

      <form id={FORM} className="form narrow" onSubmit={dryRun} noValidate data-testid="import-form">
        <ErrorSummary formId={FORM} feedback={feedback} labels={{ file: t('registry.imports.file') }} />
        <fieldset className="form-group">
          <legend className="form-legend">{t('registry.imports.kind')}</legend>
          <div className="check-row">
            {IMPORT_KINDS.map((k) => (
              <div className="krds-form-check" key={k}>
                <input
                  type="radio"
                  name="kind"
                  id={`${FORM}-kind-${k}`}
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    reset();
                  }}
                />
                <label htmlFor={`${FORM}-kind-${k}`}>{vocab(t, 'importKind', k)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <FieldFrame
          id={fieldId(FORM, 'file')}
          label={t('registry.imports.file')}
          hint={t(`registry.imports.hint.${kind}`)}
          error={feedback.errors.file}
          required
        >
          {(aria) => (
            <input
              key={inputKey}
              id={fieldId(FORM, 'file')}
              type="file"
              className="krds-input file-input"
              accept={acceptFor(kind)}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
              {...aria}
            />
          )}
        </FieldFrame>
        <div className="btn-row">
          <button type="submit" className="krds-btn medium primary" disabled={run.isPending}>
            {t('registry.imports.check')}
          </button>
        </div>
      </form>

      {run.isPending && (
        <div className="import-progress" aria-live="polite" data-testid="import-progress">
          <Loading label={t('registry.imports.working')} />
          <p>{t('registry.imports.working')}</p>
        </div>
      )}

      {result && (
        <Notice tone="success" live title={t('registry.imports.doneTitle')}>
          <p data-testid="import-result">
            {t('registry.imports.done', {
              inserted: formatNumber(result.inserted),
              updated: formatNumber(result.updated),
            })}
            {result.skipped > 0
              ? ` ${t('registry.imports.skippedRows', { count: formatNumber(result.skipped) })}`
              : ''}
          </p>
          <p>
            <Link to={LIST_OF[kind]}>{t(`registry.imports.see.${kind}`)}</Link>
          </p>
        </Notice>
      )}

      {report && (
        <>
          <ReportView report={report} lines={lines} />
          <div className="btn-row import-actions">
            <button
              type="button"
              className="krds-btn medium primary"
              disabled={!canImportAll(report) || run.isPending}
              aria-describedby={canImportAll(report) ? undefined : 'import-all-why'}
              onClick={() => void importNow('all')}
            >
              {t('registry.imports.importAll', { count: formatNumber(countsOf(report).valid) })}
            </button>
            {canImportValidOnly(report) && (
              <button
                type="button"
                className="krds-btn medium secondary"
                disabled={run.isPending}
                onClick={() => setConfirmValid(true)}
              >
                {t('registry.imports.importValid', { count: formatNumber(countsOf(report).valid) })}
              </button>
            )}
          </div>
          {!canImportAll(report) && (
            <p className="muted" id="import-all-why">
              {t('registry.imports.allDisabled')}
            </p>
          )}
        </>
      )}

      {confirmValid && report && (
        <ConfirmModal
          title={t('registry.imports.validTitle')}
          confirmLabel={t('registry.imports.importValid', { count: formatNumber(countsOf(report).valid) })}
          pending={run.isPending}
          onClose={() => setConfirmValid(false)}
          onConfirm={() => void importNow('valid_only')}
        >
          <p>
            {t('registry.imports.validExplain', {
              valid: formatNumber(countsOf(report).valid),
              invalid: formatNumber(report.invalid),
            })}
          </p>
        </ConfirmModal>
      )}

      <History />

      <section className="section" aria-labelledby="exports-title">
        <h2 className="section-title" id="exports-title">
          {t('registry.exports.title')}
        </h2>
        <p>{t('registry.exports.lead')}</p>
        <ul className="export-list">
          {EXPORT_KINDS.map((k) => (
            <li key={k}>
              <span className="export-kind">{vocab(t, 'importKind', k)}</span>
              {(['xlsx', 'csv'] as const).map((format) => (
                <a
                  key={format}
                  className="krds-btn small tertiary"
                  href={exportUrl(k, format)}
                  download
                  aria-label={t('registry.exports.of', {
                    kind: vocab(t, 'importKind', k),
                    format: format.toUpperCase(),
                  })}
                >
                  {format.toUpperCase()}
                </a>
              ))}
              <a
                className="krds-btn small tertiary"
                href={exportUrl(k, 'xlsx', true)}
                download
                aria-label={t('registry.exports.templateOf', { kind: vocab(t, 'importKind', k) })}
              >
                {t('registry.exports.template')}
              </a>
            </li>
          ))}
        </ul>
        <p className="muted">{t('registry.exports.audited')}</p>
      </section>
    </>
  );
}
