import { ChangePasswordBody } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { Notice } from '../../components/status';
import { useT } from '../../i18n/I18nProvider';
import { useChangePassword } from './api';

const FORM = 'password';

/** Current and new password; used both by choice and when a temporary password must be replaced. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const t = useT();
  const change = useChangePassword();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const body = { currentPassword, newPassword };
    const invalid = validate(ChangePasswordBody, body);
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      await change.mutateAsync(body);
      setCurrentPassword('');
      setNewPassword('');
      setDone(true);
      onChanged?.();
    } catch (error) {
      showError(error);
    }
  };

  const labels = { currentPassword: t('field.currentPassword'), newPassword: t('field.newPassword') };
  return (
    <form id={FORM} className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
      {done && (
        <Notice tone="success" live>
          {t('account.passwordChanged')}
        </Notice>
      )}
      <TextField
        id={fieldId(FORM, 'currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        label={labels.currentPassword}
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={feedback.errors.currentPassword}
        required
      />
      <TextField
        id={fieldId(FORM, 'newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={labels.newPassword}
        hint={t('field.passwordHint')}
        value={newPassword}
        onChange={(e) => setNewPassword(e.target.value)}
        error={feedback.errors.newPassword}
        required
      />
      <div className="btn-row">
        <button type="submit" className="krds-btn medium primary" disabled={change.isPending}>
          {t('account.changePassword')}
        </button>
      </div>
    </form>
  );
}
