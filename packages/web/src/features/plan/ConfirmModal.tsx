import type { ReactNode } from 'react';
import { Modal } from '../../components/Modal';
import { ErrorNotice } from '../../components/status';
import { useT } from '../../i18n/I18nProvider';

interface ConfirmModalProps {
  title: string;
  children: ReactNode;
  /** The name of the button that does it (e.g. 삭제, 공개). */
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  error?: unknown;
  danger?: boolean;
}

/** Asks before something that is hard to undo; the server's refusal is shown inside. */
export function ConfirmModal({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  pending,
  error,
  danger,
}: ConfirmModalProps) {
  const t = useT();
  return (
    <Modal
      title={title}
      onClose={onClose}
      size="sm"
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={danger ? 'krds-btn medium primary danger' : 'krds-btn medium primary'}
            onClick={onConfirm}
            disabled={pending}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error ? <ErrorNotice error={error} /> : null}
    </Modal>
  );
}
