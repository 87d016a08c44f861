import { SignInBody } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import type { SessionUser } from '../../api/types';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { useT } from '../../i18n/I18nProvider';
import { useSignIn } from './api';

const FORM = 'signin';

/** Email and password; reports the signed-in user to `onSignedIn`. */
export function SignInForm({ onSignedIn }: { onSignedIn: (user: SessionUser) => void }) {
  const t = useT();
  const signIn = useSignIn();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { email, password };
    const invalid = validate(SignInBody, body);
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      const { user } = await signIn.mutateAsync(body);
      onSignedIn(user);
    } catch (error) {
      showError(error);
    }
  };

  const labels = { email: t('field.email'), password: t('field.password') };
  return (
    <form id={FORM} className="form" onSubmit={onSubmit} noValidate data-testid="signin-form">
      <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
      <TextField
        id={fieldId(FORM, 'email')}
        name="email"
        type="email"
        autoComplete="username"
        label={labels.email}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={feedback.errors.email}
        required
      />
      <TextField
        id={fieldId(FORM, 'password')}
        name="password"
        type="password"
        autoComplete="current-password"
        label={labels.password}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={feedback.errors.password}
        required
      />
      <div className="btn-row">
        <button type="submit" className="krds-btn large primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </div>
    </form>
  );
}
