import type { Plan } from '@ilteo/shared';
import { formatMoney, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { formatChange, formatCount } from './numbers';
import type { LiveTotals } from './programForm';

/**
 * The plan's vision and headline figures. The totals are the live ones while a program is being
 * edited, so the effect of a change shows before it is saved.
 */
export function PlanHeadline({
  plan,
  totals,
  ownUnitsOnly,
}: {
  plan: Plan;
  totals: LiveTotals;
  ownUnitsOnly: boolean;
}) {
  const { locale, t } = useI18n();
  const changed = totals.targetTotal !== plan.targetTotal || totals.budgetTotal !== plan.budgetTotal;
  return (
    <section className="plan-headline" aria-labelledby="plan-headline-title">
      <h2 id="plan-headline-title" className="sr-only">
        {t('plan.headline.title')}
      </h2>
      {plan.vision && (
        <p className="plan-vision">
          <span className="plan-vision-label">{t('plan.field.vision')}</span> {plan.vision}
        </p>
      )}
      {plan.masterPlan && (
        <p className="plan-master">
          {t('plan.field.masterPlan')}: {plan.masterPlan}
        </p>
      )}
      <dl className="figure-cards" aria-live="polite" data-testid="plan-figures">
        <div className={changed ? 'figure-card is-live' : 'figure-card'}>
          <dt>{ownUnitsOnly ? t('plan.headline.ownTarget') : t('plan.headline.target')}</dt>
          <dd data-testid="target-total">{formatCount(totals.targetTotal, locale)}</dd>
        </div>
        {!ownUnitsOnly && (
          <>
            <div className="figure-card">
              <dt>{t('plan.headline.previous')}</dt>
              <dd>{plan.previousYearTarget === null ? '—' : formatCount(plan.previousYearTarget, locale)}</dd>
            </div>
            <div className={changed ? 'figure-card is-live' : 'figure-card'}>
              <dt>{t('plan.headline.change')}</dt>
              <dd data-testid="target-change">{formatChange(totals.targetChangePct)}</dd>
            </div>
          </>
        )}
        <div className={changed ? 'figure-card wide is-live' : 'figure-card wide'}>
          <dt>{ownUnitsOnly ? t('plan.headline.ownBudget') : t('plan.headline.budget')}</dt>
          <dd data-testid="budget-total">{formatMoney(totals.budgetTotal, locale)}</dd>
        </div>
        {!ownUnitsOnly && plan.employmentRateTarget !== null && (
          <div className="figure-card">
            <dt>{t('plan.field.employmentRateTarget')}</dt>
            <dd>{plan.employmentRateTarget}%</dd>
          </div>
        )}
        {!ownUnitsOnly && plan.employedIncreaseTarget !== null && (
          <div className="figure-card">
            <dt>{t('plan.field.employedIncreaseTarget')}</dt>
            <dd>
              {plan.employedIncreaseTarget > 0 ? '+' : ''}
              {formatNumber(plan.employedIncreaseTarget)}
              {locale === 'ko' ? '명' : ''}
            </dd>
          </div>
        )}
      </dl>
      {changed && <p className="form-hint live-note">{t('plan.headline.unsaved')}</p>}
    </section>
  );
}
