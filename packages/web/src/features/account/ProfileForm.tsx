import { UpdateMeBody } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import type { Me } from '../../api/types';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, SelectField, TextField, useFormFeedback } from '../../components/form';
import { Notice } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { asLocale, LOCALES, type Locale } from '../../i18n/locale';
import { translate } from '../../i18n/messages';
import { useUpdateMe } from './api';

const FORM = 'profile';

/** My name and preferred language. */
export function ProfileForm({ me }: { me: Me }) {
  const { t, setLocale } = useI18n();
  const update = useUpdateMe();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  // Untouched fields follow the profile (the header's switcher may change the language meanwhile).
  const [nameInput, setName] = useState<string | null>(null);
  const [languageInput, setLanguage] = useState<Locale | null>(null);
  const name = nameInput ?? me.user.name;
  const language = languageInput ?? me.user.locale;
  const [saved, setSaved] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body: { name?: string; locale?: Locale } = {};
    if (name !== me.user.name) body.name = name;
    if (language !== me.user.locale) body.locale = language;
    const invalid = validate(UpdateMeBody, body);
    if (invalid) return showInvalid(invalid);
    clear();
    if (Object.keys(body).length === 0) return setSaved(true);
    try {
      await update.mutateAsync(body);
      if (body.locale) setLocale(body.locale);
      setName(null);
      setLanguage(null);
      setSaved(true);
    } catch (error) {
      showError(error);
    }
  };

  const labels = { name: t('field.name'), locale: t('field.locale') };
  return (
    <form id={FORM} className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
      {saved && (
        <Notice tone="success" live>
          {t('account.profileSaved')}
        </Notice>
      )}
      <TextField
        id={fieldId(FORM, 'name')}
        name="name"
        autoComplete="name"
        label={labels.name}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={feedback.errors.name}
        maxLength={50}
        required
      />
      <SelectField
        id={fieldId(FORM, 'locale')}
        name="locale"
        label={labels.locale}
        value={language}
        onChange={(e) => setLanguage(asLocale(e.target.value) ?? 'ko')}
        error={feedback.errors.locale}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {translate(l, `locale.${l}`)}
          </option>
        ))}
      </SelectField>
      <div className="btn-row">
        <button type="submit" className="krds-btn medium primary" disabled={update.isPending}>
          {t('account.saveProfile')}
        </button>
      </div>
    </form>
  );
}
