import { FIELD_MESSAGES } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/I18nProvider';
import { MY_EXPORT_URL, useDeleteAccount } from './api';

const FORM = 'delete-account';

/** The person's rights over their data: download it, and delete the account (with what law keeps). */
export function PrivacySection() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const remove = useDeleteAccount();
  const { feedback, showInvalid, showError } = useFormFeedback();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return showInvalid({ password: FIELD_MESSAGES.required });
    remove.mutate(password, {
      onSuccess: () => navigate('/account-deleted', { replace: true }),
      onError: showError,
    });
  };

  return (
    <section className="section" aria-labelledby="privacy-title" data-testid="privacy">
      <h2 className="section-title" id="privacy-title">
        {t('registry.privacy.title')}
      </h2>
      <div className="card-grid">
        <div className="card">
          <h3 className="card-title">{t('registry.privacy.downloadTitle')}</h3>
          <p>{t('registry.privacy.downloadBody')}</p>
          <a
            className="krds-btn medium secondary"
            href={MY_EXPORT_URL}
            download
            data-testid="download-my-data"
          >
            {t('registry.privacy.download')}
          </a>
        </div>
        <div className="card">
          <h3 className="card-title">{t('registry.privacy.deleteTitle')}</h3>
          <p>{t('registry.privacy.deleteBody')}</p>
          <button type="button" className="krds-btn medium tertiary danger" onClick={() => setOpen(true)}>
            {t('registry.privacy.delete')}
          </button>
        </div>
      </div>
      {open && (
        <Modal
          title={t('registry.privacy.deleteTitle')}
          onClose={() => setOpen(false)}
          size="md"
          testId="delete-dialog"
          actions={
            <>
              <button type="button" className="krds-btn medium tertiary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
              <button
                type="submit"
                form={FORM}
                className="krds-btn medium primary danger"
                disabled={remove.isPending}
              >
                {t('registry.privacy.deleteConfirm')}
              </button>
            </>
          }
        >
          <form id={FORM} className="form" onSubmit={submit} noValidate>
            <ErrorSummary formId={FORM} feedback={feedback} labels={{ password: t('field.password') }} />
            <p>{t('registry.privacy.deleteWhat')}</p>
            <h3 className="card-title">{t('registry.privacy.keptTitle')}</h3>
            <ul className="plain-list bullets">
              <li>{t('registry.privacy.kept.consents')}</li>
              <li>{t('registry.privacy.kept.referrals')}</li>
              <li>{t('registry.privacy.kept.audit')}</li>
            </ul>
            <p className="muted">{t('registry.privacy.keptApart')}</p>
            <TextField
              id={fieldId(FORM, 'password')}
              label={t('registry.privacy.password')}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={feedback.errors.password ?? feedback.errors.currentPassword}
              data-autofocus
              required
            />
          </form>
        </Modal>
      )}
    </section>
  );
}
