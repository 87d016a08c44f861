import {
  MATCH_COMPONENT_LABELS,
  MATCH_COMPONENTS,
  type MatchEvaluationSet,
  type MatchQuality,
  type MatchWeights,
  type MatchWeightsSettings,
} from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useEvaluateWeights, useMatchWeights, useSaveMatchWeights } from './api';
import { percentOf } from './format';
import {
  draftOf,
  formatMetric,
  METRICS,
  type Metric,
  metricChange,
  parseDraft,
  sameWeights,
  sharesOf,
  WEIGHTS_FIELD,
  type WeightsDraft,
  weightField,
} from './weights';
import './matching.css';

const FORM = 'match-weights';

/** 매칭 가중치: the organisation's weights, what a change does to the quality figures, then saving it. */
export function AdminMatchingPage() {
  const t = useI18n().t;
  const settings = useMatchWeights();
  return (
    <div className="match-page">
      <PageHeading>{t('matching.admin.title')}</PageHeading>
      <p className="lead">{t('matching.admin.lead')}</p>
      {settings.isPending && <Loading />}
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <WeightsEditor settings={settings.data} />}
    </div>
  );
}

function WeightsEditor({ settings }: { settings: MatchWeightsSettings }) {
  const { locale, t } = useI18n();
  const [draft, setDraft] = useState<WeightsDraft>(() => draftOf(settings.weights));
  const { feedback, showError, clear } = useFormFeedback();
  const save = useSaveMatchWeights();
  const evaluate = useEvaluateWeights();
  const [evaluated, setEvaluated] = useState<MatchWeights | null>(null);
  const [saved, setSaved] = useState(false);

  const { weights, errors } = parseDraft(draft);
  const unchanged = weights !== null && sameWeights(weights, settings.weights);
  const stale = evaluate.data && evaluated && (weights === null || !sameWeights(weights, evaluated));
  const shares = weights ? sharesOf(weights) : null;
  const errorOf = (field: string) => errors[field] ?? feedback.errors[field];

  const change = (next: WeightsDraft) => {
    setDraft(next);
    setSaved(false);
    clear();
  };

  const onEvaluate = async () => {
    if (!weights) return;
    clear();
    try {
      setEvaluated(weights);
      await evaluate.mutateAsync(weights);
    } catch (error) {
      showError(error);
    }
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    if (!weights || unchanged) return;
    clear();
    try {
      await save.mutateAsync(weights);
      setSaved(true);
    } catch (error) {
      showError(error);
    }
  };

  const labels = Object.fromEntries([
    [WEIGHTS_FIELD, t('matching.admin.weights')],
    ...MATCH_COMPONENTS.map((name) => [weightField(name), MATCH_COMPONENT_LABELS[name][locale]]),
  ]);

  return (
    <>
      <form id={FORM} className="form match-weights-form" onSubmit={onSave} noValidate>
        <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
        {saved && (
          <Notice tone="success" live>
            {t('matching.admin.saved')}
          </Notice>
        )}
        <fieldset
          className="match-weights"
          aria-describedby={errorOf(WEIGHTS_FIELD) ? `${FORM}-all-error` : undefined}
        >
          <legend className="form-legend match-weights-legend">{t('matching.admin.weights')}</legend>
          <p className="muted">
            {settings.updatedAt
              ? t('matching.admin.updatedAt', { at: formatDateTime(settings.updatedAt, locale) })
              : t('matching.admin.usingDefaults')}
          </p>
          {errorOf(WEIGHTS_FIELD) && (
            // KRDS styles an error hint inside a form group only.
            <div className="form-group match-weights-all">
              <p className="form-hint-invalid" id={`${FORM}-all-error`} role="alert">
                {errorOf(WEIGHTS_FIELD)?.[locale]}
              </p>
            </div>
          )}
          <div className="match-weights-grid">
            {MATCH_COMPONENTS.map((name) => (
              <TextField
                key={name}
                id={fieldId(FORM, weightField(name))}
                label={MATCH_COMPONENT_LABELS[name][locale]}
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step={1}
                className="match-weight-input"
                value={draft[name]}
                onChange={(e) => change({ ...draft, [name]: e.target.value })}
                error={errorOf(weightField(name))}
                hint={
                  // One child: KRDS lays a hint out as a flex row beside its icon.
                  <span className="match-weight-hint">
                    <strong>
                      {t('matching.admin.default', { value: formatNumber(settings.defaults[name]) })}
                    </strong>
                    {shares && <> · {t('matching.admin.share', { percent: percentOf(shares[name]) })}</>}
                    <span className="match-weight-why">{t(`matching.admin.why.${name}`)}</span>
                  </span>
                }
                required
              />
            ))}
          </div>
        </fieldset>
        <div className="btn-row">
          <button
            type="button"
            className="krds-btn medium tertiary"
            onClick={() => change(draftOf(settings.defaults))}
          >
            {t('matching.admin.reset')}
          </button>
          <button
            type="button"
            className="krds-btn medium secondary"
            disabled={!weights || evaluate.isPending}
            onClick={() => void onEvaluate()}
          >
            {evaluate.isPending ? t('matching.admin.evaluating') : t('matching.admin.evaluate')}
          </button>
          <button
            type="submit"
            className="krds-btn medium primary"
            disabled={!weights || unchanged || save.isPending}
          >
            {t('common.save')}
          </button>
        </div>
        {unchanged && <p className="muted match-unchanged">{t('matching.admin.unchanged')}</p>}
      </form>

      <section className="section" aria-labelledby="match-evaluation-title" aria-busy={evaluate.isPending}>
        <h2 className="section-title" id="match-evaluation-title">
          {t('matching.admin.evaluation')}
        </h2>
        <p className="muted">{t('matching.admin.evaluationLead')}</p>
        {evaluate.isPending && <Loading label={t('matching.admin.evaluatingLong')} />}
        {!evaluate.isPending && !evaluate.data && <p>{t('matching.admin.notEvaluated')}</p>}
        {stale && !evaluate.isPending && (
          <Notice tone="warning" live>
            {t('matching.admin.stale')}
          </Notice>
        )}
        {evaluate.data && (
          <div
            className={stale ? 'match-evaluation is-stale' : 'match-evaluation'}
            data-testid="match-evaluation"
          >
            {evaluate.data.sets.length === 0 && <p>{t('matching.admin.noSets')}</p>}
            {evaluate.data.sets.map((set) => (
              <EvaluationTable key={set.source} set={set} />
            ))}
          </div>
        )}
      </section>
    </>
  );
}

const METRIC_LABEL: Record<
  Metric,
  'matching.metric.ndcg' | 'matching.metric.recall' | 'matching.metric.mrr' | 'matching.metric.coverage'
> = {
  ndcgAt10: 'matching.metric.ndcg',
  recallAt10: 'matching.metric.recall',
  mrr: 'matching.metric.mrr',
  coverage: 'matching.metric.coverage',
};

/** One label set: the proposal (with its change against the saved weights), the saved weights and the two baselines. */
function EvaluationTable({ set }: { set: MatchEvaluationSet }) {
  const t = useI18n().t;
  const rows: { key: string; label: string; quality: MatchQuality; proposal?: boolean }[] = [
    { key: 'proposed', label: t('matching.method.proposed'), quality: set.proposed, proposal: true },
    { key: 'current', label: t('matching.method.current'), quality: set.current },
    { key: 'textOnly', label: t('matching.method.textOnly'), quality: set.baselines.textOnly },
    {
      key: 'occupationOnly',
      label: t('matching.method.occupationOnly'),
      quality: set.baselines.occupationOnly,
    },
  ];
  const titleId = `match-quality-${set.source}-title`;
  return (
    <div className="match-evaluation-set" data-testid={`match-quality-${set.source}`}>
      {/* A heading, not a caption: KRDS hides table captions. */}
      <h3 className="match-set-title" id={titleId}>
        {t(set.source === 'feedback' ? 'matching.source.feedback' : 'matching.source.synthetic')}
      </h3>
      <p className="muted match-set-size">
        {t('matching.admin.setSize', {
          pairs: formatNumber(set.pairs),
          relevant: formatNumber(set.relevant),
          queries: formatNumber(set.proposed.queries),
        })}
      </p>
      <div className="krds-table-wrap">
        <table className="tbl data match-quality" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">{t('matching.admin.method')}</th>
              {METRICS.map((m) => (
                <th scope="col" key={m} className="num">
                  {t(METRIC_LABEL[m])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.proposal ? 'match-proposed' : undefined}>
                <th scope="row">{row.label}</th>
                {METRICS.map((m) => {
                  const delta = row.proposal ? metricChange(m, set.proposed, set.current) : null;
                  return (
                    <td key={m} className="num">
                      {formatMetric(m, row.quality[m])}
                      {delta && (
                        <span className={`match-delta ${delta.direction}`}>
                          <span className="sr-only">{t('matching.admin.vsCurrent')} </span>
                          {delta.text}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
