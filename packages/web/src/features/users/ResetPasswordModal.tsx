import { useEffect, useRef, useState } from 'react';
import type { UserRow } from '../../api/types';
import { Modal } from '../../components/Modal';
import { ErrorNotice } from '../../components/status';
import { useT } from '../../i18n/I18nProvider';
import { useResetPassword } from './api';

/**
 * Asks before resetting, then shows the temporary password exactly once; closing the dialog
 * forgets it (it is never cached or stored by the client).
 */
export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useT();
  const reset = useResetPassword(user.id);
  const [copied, setCopied] = useState(false);
  const password = reset.data?.temporaryPassword;
  const resultRef = useRef<HTMLDivElement>(null);

  // The button that was pressed disappears; focus goes to the result instead of being lost.
  useEffect(() => {
    if (password) resultRef.current?.focus();
  }, [password]);

  const copy = async () => {
    if (!password) return;
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <Modal
      title={t('users.reset.title')}
      onClose={onClose}
      size="sm"
      testId="reset-password-dialog"
      actions={
        password ? (
          <button type="button" className="krds-btn medium primary" onClick={onClose}>
            {t('common.close')}
          </button>
        ) : (
          <>
            <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="krds-btn medium primary"
              onClick={() => reset.mutate()}
              disabled={reset.isPending}
            >
              {t('users.reset.submit')}
            </button>
          </>
        )
      }
    >
      {password ? (
        <div className="temp-password" role="status" tabIndex={-1} ref={resultRef}>
          <p className="temp-password-label">{t('users.reset.done')}</p>
          <p className="temp-password-row">
            <output className="temp-password-value" data-testid="temp-password">
              {password}
            </output>
            <button type="button" className="krds-btn small secondary" onClick={copy}>
              {t('users.reset.copy')}
            </button>
          </p>
          {copied && <p className="form-hint-success">{t('users.reset.copied')}</p>}
          <p className="form-hint">{t('users.reset.once')}</p>
        </div>
      ) : (
        <>
          <p>{t('users.reset.confirm', { name: user.name, email: user.email })}</p>
          {reset.isError && <ErrorNotice error={reset.error} />}
        </>
      )}
    </Modal>
  );
}
