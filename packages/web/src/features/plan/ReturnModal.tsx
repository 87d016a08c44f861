import { ReturnBody } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/I18nProvider';
import { TextAreaField } from './fields';

const FORM = 'return-result';

/** "반려": a submitted month goes back to its reporter with a comment saying what to fix. */
export function ReturnModal({
  title,
  onClose,
  onReturn,
  pending,
}: {
  /** What is being returned, e.g. "찾아가는 취업정보센터 · 11월". */
  title: string;
  onClose: () => void;
  onReturn: (comment: string) => Promise<void>;
  pending: boolean;
}) {
  const t = useT();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [comment, setComment] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validate(ReturnBody, { comment });
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      await onReturn(comment.trim());
    } catch (error) {
      showError(error);
    }
  };
  const labels = { comment: t('results.return.comment') };
  return (
    <Modal
      title={t('results.return.title', { what: title })}
      onClose={onClose}
      testId="return-dialog"
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={FORM} className="krds-btn medium primary" disabled={pending}>
            {t('results.action.return')}
          </button>
        </>
      }
    >
      <form id={FORM} className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
        <TextAreaField
          id={fieldId(FORM, 'comment')}
          label={labels.comment}
          hint={t('results.return.hint')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          error={feedback.errors.comment}
          maxLength={2000}
          rows={4}
          required
          data-autofocus
        />
      </form>
    </Modal>
  );
}
