import { FIELD_MESSAGES, type FieldError, type Plan } from '@ilteo/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { type FieldErrors, fieldErrorsOf, problemMessage } from '../../api/validation';
import { ErrorSummary, FieldFrame, fieldId, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/I18nProvider';
import { useImportPlan, useReplacePlan } from './api';
import { NumberField } from './fields';
import { type CellError, cellErrors, checkUpload } from './files';
import { parseWhole } from './numbers';

const FORM = 'import-plan';

interface ImportModalProps {
  /** Replace this plan's structure; without it the file becomes a new plan. */
  plan?: Pick<Plan, 'id' | 'title'>;
  defaultYear: number;
  onClose: () => void;
  onImported: (plan: Plan) => void;
}

/**
 * Reads a plan workbook. The server writes nothing unless every row is valid; when it refuses,
 * each bad cell is listed as `사업목록!F7 — message` so it can be fixed in the file.
 */
export function ImportModal({ plan, defaultYear, onClose, onImported }: ImportModalProps) {
  const { locale, t } = useI18n();
  const importNew = useImportPlan();
  const replace = useReplacePlan(plan?.id ?? 0);
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [year, setYear] = useState(String(defaultYear));
  const [file, setFile] = useState<File | null>(null);
  const [cells, setCells] = useState<CellError[]>([]);
  const cellsRef = useRef<HTMLDivElement>(null);
  const pending = importNew.isPending || replace.isPending;

  useEffect(() => {
    if (cells.length) cellsRef.current?.focus();
  }, [cells]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setCells([]);
    const errors: FieldErrors = {};
    const parsedYear = parseWhole(year);
    if (!plan && (!parsedYear.ok || parsedYear.value === null))
      errors.year = parsedYear.ok ? FIELD_MESSAGES.required : parsedYear.message;
    const fileError = file ? checkUpload(file, 'workbook') : FIELD_MESSAGES.file_required;
    if (fileError) errors.file = fileError;
    if (Object.keys(errors).length || !file) return showInvalid(errors);
    clear();
    try {
      const imported = plan
        ? await replace.mutateAsync(file)
        : await importNew.mutateAsync({ year: parsedYear.ok ? (parsedYear.value ?? 0) : 0, file });
      onImported(imported);
    } catch (error) {
      const fieldErrors: FieldError[] = error instanceof ApiError ? error.fieldErrors : [];
      const list = cellErrors(fieldErrors);
      if (list.length) {
        setCells(list);
        // The cells are listed below; the form's own fields keep their messages.
        const own = fieldErrorsOf(error);
        for (const cell of list) delete own[cell.where];
        if (Object.keys(own).length) showInvalid(own);
        else clear();
      } else {
        showError(error);
      }
    }
  };

  const labels = { year: t('plan.import.year'), file: t('plan.import.file') };
  const fileError = feedback.errors.file;
  const message =
    (importNew.error ?? replace.error) && cells.length
      ? problemMessage(importNew.error ?? replace.error)
      : null;
  return (
    <Modal
      title={plan ? t('plan.import.replaceTitle') : t('plan.import.title')}
      onClose={onClose}
      size="lg"
      testId="import-dialog"
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={FORM} className="krds-btn medium primary" disabled={pending}>
            {pending ? t('plan.import.reading') : t('plan.import.submit')}
          </button>
        </>
      }
    >
      <form id={FORM} className="form" onSubmit={onSubmit} noValidate data-testid="import-form">
        <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
        {cells.length > 0 && (
          <div
            className="notice notice-danger cell-errors"
            role="alert"
            tabIndex={-1}
            ref={cellsRef}
            data-testid="import-errors"
          >
            <p className="notice-title">{message ? message[locale] : t('plan.import.refused')}</p>
            <p>{t('plan.import.nothingWritten', { count: cells.length })}</p>
            <ul>
              {cells.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one cell can carry several errors
                <li key={`${cell.where}-${i}`}>
                  <code>{cell.where}</code> — {cell.message[locale]}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>{plan ? t('plan.import.replaceExplain', { title: plan.title }) : t('plan.import.explain')}</p>
        {!plan && (
          <NumberField
            id={fieldId(FORM, 'year')}
            label={labels.year}
            value={year}
            onChange={setYear}
            error={feedback.errors.year}
            grouping={false}
            maxLength={4}
            required
          />
        )}
        <FieldFrame
          id={fieldId(FORM, 'file')}
          label={labels.file}
          hint={t('plan.import.fileHint')}
          error={fileError}
          required
        >
          {(aria) => (
            <input
              id={fieldId(FORM, 'file')}
              type="file"
              className="krds-input file-input"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setCells([]);
              }}
              data-autofocus={plan ? true : undefined}
              {...aria}
            />
          )}
        </FieldFrame>
      </form>
    </Modal>
  );
}
