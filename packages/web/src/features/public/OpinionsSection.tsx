import { FIELD_MESSAGES, OpinionBody, type PublicPlan } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { useSession } from '../../api/queries';
import { validate } from '../../api/validation';
import {
  ErrorSummary,
  FieldFrame,
  fieldId,
  SelectField,
  TextField,
  useFormFeedback,
} from '../../components/form';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { type PublicOpinion, usePostOpinion, usePublicOpinions } from './api';

const FORM_ID = 'opinion';
const BODY_MAX = 4000;

function OpinionItem({ opinion }: { opinion: PublicOpinion }) {
  const { locale, t } = useI18n();
  return (
    <li className="pub-opinion">
      <div className="pub-opinion-head">
        <span className="pub-opinion-author">{opinion.authorName}</span>
        <span className="krds-badge bg-light-gray">{t(`public.opinions.kind.${opinion.authorKind}`)}</span>
        <time dateTime={opinion.createdAt} className="pub-opinion-date">
          {formatDate(opinion.createdAt, locale)}
        </time>
      </div>
      {opinion.programName && (
        <p className="pub-opinion-program">{t('public.opinions.about', { name: opinion.programName })}</p>
      )}
      <p className="pub-opinion-body">{opinion.body}</p>
      {opinion.answer && (
        <div className="pub-opinion-answer">
          <p className="pub-opinion-answer-title">
            {t('public.opinions.answer')}
            {opinion.answeredAt && (
              <time dateTime={opinion.answeredAt} className="pub-opinion-date">
                {formatDate(opinion.answeredAt, locale)}
              </time>
            )}
          </p>
          <p className="pub-opinion-body">{opinion.answer}</p>
        </div>
      )}
    </li>
  );
}

/** The form: name (unless signed in), an optional program, the opinion. */
function OpinionForm({ plan }: { plan: PublicPlan }) {
  const { locale, t } = useI18n();
  const session = useSession();
  const user = session.data?.user ?? null;
  const post = usePostOpinion(plan.id);
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [authorName, setAuthorName] = useState('');
  const [programId, setProgramId] = useState('');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  const errors = feedback.errors;
  const rateLimited = post.error instanceof ApiError && post.error.code === 'RATE_LIMITED';

  const labels = {
    authorName: t('public.opinions.name'),
    programId: t('public.opinions.program'),
    body: t('public.opinions.body'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const input = {
      programId: programId === '' ? null : Number(programId),
      body,
      ...(user ? {} : { authorName }),
    };
    const invalid = validate(OpinionBody, input) ?? {};
    if (!user && authorName.trim() === '') invalid.authorName = FIELD_MESSAGES.required;
    if (Object.keys(invalid).length > 0) {
      showInvalid(invalid);
      return;
    }
    clear();
    post.mutate(input, {
      onSuccess: () => {
        setBody('');
        setProgramId('');
        setSent(true);
      },
      onError: showError,
    });
  };

  return (
    <form
      id={FORM_ID}
      className="form pub-opinion-form"
      onSubmit={onSubmit}
      noValidate
      data-testid="opinion-form"
    >
      <h3 className="pub-subtitle">{t('public.opinions.formTitle')}</h3>
      <p className="muted">{t('public.opinions.formLead')}</p>
      <ErrorSummary formId={FORM_ID} feedback={feedback} labels={labels} />
      {rateLimited && <Notice tone="warning">{t('public.opinions.rateLimited')}</Notice>}
      {sent && (
        <Notice tone="success" live>
          {t('public.opinions.sent')}
        </Notice>
      )}
      {user ? (
        <p className="pub-opinion-signed-in">{t('public.opinions.signedInAs', { name: user.name })}</p>
      ) : (
        <TextField
          id={fieldId(FORM_ID, 'authorName')}
          label={labels.authorName}
          hint={t('public.opinions.nameHint')}
          required
          autoComplete="name"
          maxLength={50}
          value={authorName}
          onChange={(e) => setAuthorName(e.target.value)}
          error={errors.authorName}
        />
      )}
      <SelectField
        id={fieldId(FORM_ID, 'programId')}
        label={labels.programId}
        value={programId}
        onChange={(e) => setProgramId(e.target.value)}
        error={errors.programId}
      >
        <option value="">{t('public.opinions.programNone')}</option>
        {plan.strategies.map((s) => (
          <optgroup key={s.id} label={s.name}>
            {s.programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <FieldFrame
        id={fieldId(FORM_ID, 'body')}
        label={labels.body}
        hint={t('public.opinions.bodyHint')}
        error={errors.body}
        required
      >
        {(aria) => (
          <div className="textarea-wrap">
            <textarea
              id={fieldId(FORM_ID, 'body')}
              className="krds-input"
              rows={6}
              maxLength={BODY_MAX}
              required
              value={body}
              onChange={(e) => setBody(e.target.value)}
              {...aria}
            />
            <p className="textarea-count" aria-hidden="true">
              <span className="count-now">
                {body.length.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-GB')}
              </span>
              <span className="count-total">/{BODY_MAX.toLocaleString('en-GB')}</span>
            </p>
          </div>
        )}
      </FieldFrame>
      <div className="btn-row">
        <button type="submit" className="krds-btn large primary" disabled={post.isPending}>
          {post.isPending ? t('public.opinions.sending') : t('public.opinions.submit')}
        </button>
      </div>
    </form>
  );
}

/** 의견 수렴: what citizens and the council said, the answers, and a form to add one. */
export function OpinionsSection({ plan }: { plan: PublicPlan }) {
  const t = useI18n().t;
  const opinions = usePublicOpinions(plan.id);
  return (
    <section className="section" aria-labelledby="public-opinions-title">
      <h2 id="public-opinions-title" className="section-title">
        {t('public.opinions.title')}
      </h2>
      <div data-testid="public-opinions">
        {opinions.isError && <ErrorNotice error={opinions.error} onRetry={() => void opinions.refetch()} />}
        {opinions.isPending && <Loading />}
        {opinions.data &&
          (opinions.data.length === 0 ? (
            <EmptyState>{t('public.opinions.empty')}</EmptyState>
          ) : (
            <ul className="pub-opinion-list">
              {opinions.data.map((o) => (
                <OpinionItem key={o.id} opinion={o} />
              ))}
            </ul>
          ))}
      </div>
      <OpinionForm plan={plan} />
    </section>
  );
}
