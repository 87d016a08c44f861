import type { CandidateRecommendation, VacancyRecommendation } from '@ilteo/shared';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorNotice } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useDongName } from '../jobs/api';
import { wageText } from '../jobs/wage';
import { useMatchFeedback } from './api';
import {
  componentBars,
  type Direction,
  nextVerdict,
  pairOf,
  percentOf,
  reasonText,
  type Verdict,
} from './format';
import './matching.css';

type Recommendation = VacancyRecommendation | CandidateRecommendation;

/** Whose list it is: the seeker's vacancies or the vacancy's candidates, and who is reading it. */
export type ListFor =
  | { direction: 'vacancies'; seekerId: number; items: VacancyRecommendation[] }
  | { direction: 'candidates'; vacancyId: number; items: CandidateRecommendation[] };

/**
 * Recommendations in either direction: the other side, the score, the reasons, "why this
 * match" with each component, and the relevant / not relevant buttons. `staff` links a
 * candidate to the counsellor's (audited) view of the seeker.
 */
export function RecommendationList({ list, staff = false }: { list: ListFor; staff?: boolean }) {
  const ownerId = list.direction === 'vacancies' ? list.seekerId : list.vacancyId;
  return (
    <ol className="match-list" data-testid={`match-list-${list.direction}`}>
      {list.direction === 'vacancies'
        ? list.items.map((item, i) => (
            <MatchCard key={item.id} rank={i + 1} item={item} direction="vacancies" ownerId={ownerId}>
              <VacancySide item={item} />
            </MatchCard>
          ))
        : list.items.map((item, i) => (
            <MatchCard key={item.id} rank={i + 1} item={item} direction="candidates" ownerId={ownerId}>
              <CandidateSide item={item} staff={staff} />
            </MatchCard>
          ))}
    </ol>
  );
}

function MatchCard({
  rank,
  item,
  direction,
  ownerId,
  children,
}: {
  rank: number;
  item: Recommendation;
  direction: Direction;
  ownerId: number;
  children: ReactNode;
}) {
  const { locale, t } = useI18n();
  return (
    <li className="match-card" data-testid="match-card" data-id={item.id}>
      <div className="match-card-head">
        <div className="match-card-other">{children}</div>
        <p className="match-score">
          <span className="sr-only">{t('matching.score.rank', { rank })} </span>
          <span className="match-score-value">{percentOf(item.score)}%</span>
          <span className="match-score-caption">{t('matching.score.caption')}</span>
        </p>
      </div>
      {item.reasons.length > 0 && (
        <ul className="match-reasons" aria-label={t('matching.reasons')} data-testid="match-reasons">
          {item.reasons.map((reason) => (
            <li key={reason.code} className="krds-badge outline-primary">
              {reasonText(reason, locale)}
            </li>
          ))}
        </ul>
      )}
      <div className="match-card-foot">
        <WhyMatch item={item} />
        <FeedbackButtons direction={direction} ownerId={ownerId} otherId={item.id} feedback={item.feedback} />
      </div>
    </li>
  );
}

/** The vacancy's side of a seeker's recommendation. */
function VacancySide({ item }: { item: VacancyRecommendation }) {
  const { locale, t } = useI18n();
  const dongName = useDongName(locale);
  const v = item.vacancy;
  return (
    <>
      {v.isDemo && <span className="krds-badge bg-light-warning match-demo">{t('jobs.demo')}</span>}
      <h3 className="match-card-title">
        <Link to={`/jobs/${item.id}`}>{v.title}</Link>
      </h3>
      <p className="match-card-sub">{v.employerName}</p>
      <ul className="match-card-meta">
        <li>
          <strong>{wageText(v.wage, locale)}</strong>
        </li>
        <li>{t(`jobs.employmentType.${v.employmentType}`)}</li>
        {/* The distance is in the reasons ("통근 2.4km"), rounded once, by the engine. */}
        {v.dongName && <li>{dongName(null, v.dongName)}</li>}
        <li>
          {v.closesOn
            ? t('matching.closesOn', { date: formatDate(v.closesOn, locale) })
            : t('jobs.untilFilled')}
        </li>
      </ul>
    </>
  );
}

/** The seeker's side of a vacancy's candidate: masked, no contact, no sensitive data. */
function CandidateSide({ item, staff }: { item: CandidateRecommendation; staff: boolean }) {
  const { locale, t } = useI18n();
  const dongName = useDongName(locale);
  const s = item.seeker;
  const occupations = s.desiredOccupations.map((o) => o.label ?? o.code).join(', ');
  return (
    <>
      {s.isDemo && <span className="krds-badge bg-light-warning match-demo">{t('jobs.demo')}</span>}
      <h3 className="match-card-title">
        {staff ? <Link to={`/staff/seekers/${item.id}`}>{s.maskedName}</Link> : s.maskedName}
        <span className="match-card-birth">{t('matching.candidate.born', { year: s.birthYear })}</span>
      </h3>
      <p className="match-card-sub">
        {t('matching.candidate.desired')}: {occupations || t('common.none')}
      </p>
      <ul className="match-card-meta">
        <li>{t(`jobs.education.${s.education}`)}</li>
        {s.homeDongName && <li>{dongName(null, s.homeDongName)}</li>}
      </ul>
      {s.groups.length > 0 && (
        <ul className="match-groups" aria-label={t('matching.candidate.groups')}>
          {s.groups.map((g) => (
            <li key={g} className="krds-badge bg-light-point">
              {t(`jobs.group.${g}`)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** "왜 추천되었나요?": each component of the score as a labelled bar, and the two sides. */
function WhyMatch({ item }: { item: Recommendation }) {
  const { locale, t } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className={open ? 'krds-disclosure match-why active' : 'krds-disclosure match-why'}>
      <button
        type="button"
        className="btn-conts-expand"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        {t('matching.why')}
      </button>
      <div className="expand-wrap" id={panelId} hidden={!open}>
        {open && (
          <div className="expand-in" data-testid="match-why">
            <ul className="match-bars">
              {componentBars(item.components, locale).map((bar) => (
                <li key={bar.name} className="match-bar">
                  <span className="match-bar-label">{bar.label}</span>
                  <span className="match-bar-track" aria-hidden="true">
                    <span className="match-bar-fill" style={{ width: `${bar.percent}%` }} />
                  </span>
                  <span className="match-bar-value">{bar.percent}%</span>
                </li>
              ))}
            </ul>
            <p className="match-sides">
              {t('matching.sides', {
                seeker: percentOf(item.seekerSide),
                employer: percentOf(item.employerSide),
              })}
            </p>
          </div>
        )}
      </div>
    </div>
  );
}

/** 관련 있음 / 관련 없음: toggles stored for the signed-in user; pressing the pressed one clears it. */
function FeedbackButtons({
  direction,
  ownerId,
  otherId,
  feedback,
}: {
  direction: Direction;
  ownerId: number;
  otherId: number;
  feedback: Verdict | null;
}) {
  const t = useI18n().t;
  const send = useMatchFeedback();
  const click = (verdict: Verdict) => {
    // Not `disabled` while sending: a disabled button would drop the keyboard focus.
    if (send.isPending) return;
    send.mutate({ ...pairOf(direction, ownerId, otherId), verdict: nextVerdict(feedback, verdict) });
  };
  const button = (verdict: Verdict, label: string) => (
    <button
      type="button"
      className={`krds-btn small ${feedback === verdict ? 'primary' : 'secondary'}`}
      aria-pressed={feedback === verdict}
      aria-disabled={send.isPending || undefined}
      onClick={() => click(verdict)}
    >
      {label}
    </button>
  );
  return (
    <div className="match-feedback">
      <fieldset className="match-feedback-buttons" aria-busy={send.isPending || undefined}>
        <legend className="sr-only">{t('matching.feedback.legend')}</legend>
        {button('relevant', t('matching.feedback.relevant'))}
        {button('not_relevant', t('matching.feedback.notRelevant'))}
      </fieldset>
      {send.isError && <ErrorNotice error={send.error} />}
    </div>
  );
}
