import { type Bilingual, FIELD_MESSAGES } from '@ilteo/shared';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/validation';
import { FieldFrame } from '../../components/form';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { type EvidenceData, evidenceUrl, useResultActions } from './api';
import { checkUpload, EVIDENCE_ACCEPT } from './files';
import { formatBytes } from './numbers';

/**
 * Evidence files (증빙) of a month's newest revision: download for everyone who may read it,
 * upload and remove while the month is a draft or returned.
 */
export function EvidenceSection({
  programId,
  month,
  files,
  editable,
  hasResult,
}: {
  programId: number;
  month: number;
  files: readonly EvidenceData[];
  editable: boolean;
  /** Files attach to a saved result; before that the upload waits. */
  hasResult: boolean;
}) {
  const { locale, t } = useI18n();
  const actions = useResultActions(programId);
  const inputRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<Bilingual | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = `evidence-${programId}-${month}`;

  const onUpload = async () => {
    setDone(null);
    const file = inputRef.current?.files?.[0];
    if (!file) return setError(FIELD_MESSAGES.file_required);
    const invalid = checkUpload(file, 'evidence');
    if (invalid) return setError(invalid);
    setError(null);
    try {
      await actions.addEvidence.mutateAsync({ month, file });
      setDone(t('results.evidence.uploaded', { name: file.name }));
      if (inputRef.current) inputRef.current.value = '';
    } catch (e) {
      const field = e instanceof ApiError ? e.fieldErrors.find((fe) => fe.field === 'file') : undefined;
      setError(field?.message ?? problemMessage(e));
    }
  };

  const onRemove = async (file: EvidenceData) => {
    setDone(null);
    try {
      await actions.removeEvidence.mutateAsync(file.id);
      setDone(t('results.evidence.removed', { name: file.filename }));
    } catch (e) {
      setError(problemMessage(e));
    }
  };

  return (
    <section className="evidence" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subsection-title">
        {t('results.evidence.title')}
      </h3>
      {files.length === 0 ? (
        <p className="muted">{t('results.evidence.none')}</p>
      ) : (
        <ul className="evidence-list" data-testid="evidence-list">
          {files.map((file) => (
            <li key={file.id}>
              <a href={evidenceUrl(file.id)} download={file.filename}>
                {file.filename}
              </a>
              <span className="muted">
                {' '}
                {formatBytes(file.size)} · {formatDateTime(file.uploadedAt, locale)}
              </span>
              {editable && (
                <button
                  type="button"
                  className="krds-btn xsmall tertiary"
                  onClick={() => void onRemove(file)}
                  disabled={actions.removeEvidence.isPending}
                  aria-label={t('results.evidence.removeOf', { name: file.filename })}
                >
                  {t('plan.delete')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {done && (
        <p className="form-hint-success" role="status">
          {done}
        </p>
      )}
      {editable && hasResult && (
        <div className="evidence-upload">
          <FieldFrame
            id={`${id}-file`}
            label={t('results.evidence.file')}
            hint={t('results.evidence.hint')}
            error={error ?? undefined}
          >
            {(aria) => (
              <input
                ref={inputRef}
                id={`${id}-file`}
                type="file"
                className="krds-input file-input"
                accept={EVIDENCE_ACCEPT}
                onChange={() => setError(null)}
                {...aria}
              />
            )}
          </FieldFrame>
          <button
            type="button"
            className="krds-btn small secondary"
            onClick={() => void onUpload()}
            disabled={actions.addEvidence.isPending}
          >
            {t('results.evidence.upload')}
          </button>
        </div>
      )}
      {editable && !hasResult && <p className="form-hint">{t('results.evidence.saveFirst')}</p>}
      {!editable && error && (
        <p className="form-hint-invalid" role="alert">
          {error[locale]}
        </p>
      )}
    </section>
  );
}
