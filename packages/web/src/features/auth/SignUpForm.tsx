import { SELF_SIGNUP_ROLES, type SignUpBody } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import type { SessionUser } from '../../api/types';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { useI18n } from '../../i18n/I18nProvider';
import { useSignUp } from './api';
import { type AccountType, signUpBody, validateSignUp } from './signUp';

const FORM = 'signup';

/** Seeker or employer sign-up with the required agreements. */
export function SignUpForm({
  orgName,
  onSignedUp,
}: {
  orgName: string;
  onSignedUp: (user: SessionUser) => void;
}) {
  const { locale, t } = useI18n();
  const signUp = useSignUp();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [accountType, setAccountType] = useState<AccountType>('seeker');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [companyName, setCompanyName] = useState('');
  const [agreeTerms, setAgreeTerms] = useState(false);
  const [agreePrivacy, setAgreePrivacy] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = signUpBody({
      accountType,
      email,
      password,
      name,
      companyName,
      agreeTerms,
      agreePrivacy,
      locale,
    });
    const invalid = validateSignUp(body);
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      const { user } = await signUp.mutateAsync(body as SignUpBody);
      onSignedUp(user);
    } catch (error) {
      showError(error);
    }
  };

  const labels: Record<string, string> = {
    accountType: t('signUp.accountType'),
    companyName: t('field.companyName'),
    name: t('field.name'),
    email: t('field.email'),
    password: t('field.password'),
    agreeTerms: t('signUp.termsShort'),
    agreePrivacy: t('signUp.privacyShort'),
  };
  const { errors } = feedback;
  const checkError = (field: 'agreeTerms' | 'agreePrivacy') =>
    errors[field] ? (
      <p className="form-hint-invalid" id={`${fieldId(FORM, field)}-error`}>
        {errors[field][locale]}
      </p>
    ) : null;

  return (
    <form id={FORM} className="form" onSubmit={onSubmit} noValidate data-testid="signup-form">
      <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />

      <fieldset className="form-group choice-group">
        <legend className="form-legend">{labels.accountType}</legend>
        <div className="krds-check-area chk-column">
          {SELF_SIGNUP_ROLES.map((type, index) => (
            <div className="krds-form-check" key={type}>
              <input
                type="radio"
                name="accountType"
                id={index === 0 ? fieldId(FORM, 'accountType') : fieldId(FORM, `accountType-${type}`)}
                value={type}
                checked={accountType === type}
                onChange={() => setAccountType(type)}
                aria-describedby={`${FORM}-type-${type}-hint`}
              />
              <label
                htmlFor={index === 0 ? fieldId(FORM, 'accountType') : fieldId(FORM, `accountType-${type}`)}
              >
                {t(`signUp.type.${type}`)}
              </label>
              <div className="krds-form-check-cnt">
                <p className="krds-form-check-p" id={`${FORM}-type-${type}-hint`}>
                  {t(`signUp.type.${type}Hint`)}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>

      {accountType === 'employer' && (
        <TextField
          id={fieldId(FORM, 'companyName')}
          name="companyName"
          autoComplete="organization"
          label={labels.companyName}
          value={companyName}
          onChange={(e) => setCompanyName(e.target.value)}
          error={errors.companyName}
          maxLength={100}
          required
        />
      )}
      <TextField
        id={fieldId(FORM, 'name')}
        name="name"
        autoComplete="name"
        label={labels.name}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        maxLength={50}
        required
      />
      <TextField
        id={fieldId(FORM, 'email')}
        name="email"
        type="email"
        autoComplete="email"
        label={labels.email}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        required
      />
      <TextField
        id={fieldId(FORM, 'password')}
        name="password"
        type="password"
        autoComplete="new-password"
        label={labels.password}
        hint={t('field.passwordHint')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        required
      />

      <fieldset className="form-group consent-group">
        <legend className="form-legend">{t('signUp.consents')}</legend>

        <div className="consent-box" id={`${FORM}-terms-text`}>
          <p>{t('signUp.termsText', { org: orgName })}</p>
        </div>
        <div className={errors.agreeTerms ? 'krds-form-check is-error' : 'krds-form-check'}>
          <input
            type="checkbox"
            id={fieldId(FORM, 'agreeTerms')}
            name="agreeTerms"
            checked={agreeTerms}
            onChange={(e) => setAgreeTerms(e.target.checked)}
            aria-invalid={errors.agreeTerms ? true : undefined}
            aria-describedby={[
              `${FORM}-terms-text`,
              errors.agreeTerms && `${fieldId(FORM, 'agreeTerms')}-error`,
            ]
              .filter(Boolean)
              .join(' ')}
          />
          <label htmlFor={fieldId(FORM, 'agreeTerms')}>{t('signUp.agreeTerms')}</label>
        </div>
        {checkError('agreeTerms')}

        <div className="consent-box" id={`${FORM}-privacy-text`}>
          <dl className="consent-terms">
            <div>
              <dt>{t('signUp.privacy.purposeLabel')}</dt>
              <dd>{t('signUp.privacy.purpose')}</dd>
            </div>
            <div>
              <dt>{t('signUp.privacy.itemsLabel')}</dt>
              <dd>{t('signUp.privacy.items')}</dd>
            </div>
            <div>
              <dt>{t('signUp.privacy.retentionLabel')}</dt>
              <dd>{t('signUp.privacy.retention')}</dd>
            </div>
          </dl>
          <p className="consent-refuse">{t('signUp.privacy.refuse')}</p>
        </div>
        <div className={errors.agreePrivacy ? 'krds-form-check is-error' : 'krds-form-check'}>
          <input
            type="checkbox"
            id={fieldId(FORM, 'agreePrivacy')}
            name="agreePrivacy"
            checked={agreePrivacy}
            onChange={(e) => setAgreePrivacy(e.target.checked)}
            aria-invalid={errors.agreePrivacy ? true : undefined}
            aria-describedby={[
              `${FORM}-privacy-text`,
              errors.agreePrivacy && `${fieldId(FORM, 'agreePrivacy')}-error`,
            ]
              .filter(Boolean)
              .join(' ')}
          />
          <label htmlFor={fieldId(FORM, 'agreePrivacy')}>{t('signUp.agreePrivacy')}</label>
        </div>
        {checkError('agreePrivacy')}
      </fieldset>

      <div className="btn-row">
        <button type="submit" className="krds-btn large primary" disabled={signUp.isPending}>
          {signUp.isPending ? t('signUp.submitting') : t('signUp.submit')}
        </button>
      </div>
    </form>
  );
}
