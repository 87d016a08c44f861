import type { MatchEvaluation, MatchEvaluationSet, MatchWeights } from '@ilteo/shared';
import type { Db } from '../../db/kysely.js';
import { occupationOnlyRanker, textOnlyRanker } from '../../engine/match/baselines.js';
import {
  type EvaluationEngines,
  evaluateWeights,
  type LabelledSet,
  labelsFromFeedback,
} from '../../engine/match/evaluate.js';
import { Matcher } from '../../engine/match/matcher.js';
import { dayNumber, VacancyIndex } from '../../engine/search/index.js';
import type { Ctx } from '../../http/context.js';
import { requireUser } from '../auth/auth.policy.js';
import { occupationValue, refKey, searchIndexes, seoulToday } from '../search/search-index.js';
import { aliasesOf } from '../taxonomy/taxonomy.presenter.js';
import * as repo from './matching.repository.js';
import { weightsOf } from './matching.service.js';
import { generateSynthetic, ncsLabels, syntheticLabelledSet } from './synthetic.js';

/**
 * What a change of weights would do (#5), before it is saved: the quality figures of the
 * proposed weights next to the saved ones and the two baselines, on every label set there is —
 * the generated set (modules/matching/synthetic.ts, docs/matching-evaluation.md), always, and the
 * verdicts recorded in this organisation (relevant / not relevant buttons), once there are some.
 */
export async function evaluateProposedWeights(ctx: Ctx, proposed: MatchWeights): Promise<MatchEvaluation> {
  const user = requireUser(ctx.actor);
  return evaluateForOrganisation(ctx.db, user.organisationId, proposed);
}

export async function evaluateForOrganisation(
  db: Db,
  organisationId: number,
  proposed: MatchWeights,
): Promise<MatchEvaluation> {
  const current = await weightsOf(db.kysely, organisationId);
  const sets: MatchEvaluationSet[] = [];
  const synthetic = syntheticEngines();
  sets.push(evaluateWeights(synthetic.set, synthetic.engines, proposed, current));
  const recorded = await feedbackSet(db, organisationId);
  if (recorded) sets.push(evaluateWeights(recorded.set, recorded.engines, proposed, current));
  return { sets };
}

let synthetic: { set: LabelledSet; engines: EvaluationEngines } | null = null;

/** The generated set and engines over it: deterministic, so built once per process. */
function syntheticEngines(): { set: LabelledSet; engines: EvaluationEngines } {
  if (synthetic) return synthetic;
  const generated = generateSynthetic();
  const matcher = new Matcher();
  matcher.setAllVacancies(generated.vacancies);
  matcher.setAllSeekers(generated.seekers);
  const index = new VacancyIndex();
  index.setAll(generated.documents);
  const skills = ncsLabels();
  const base = { index, seeker: (id: number) => matcher.seeker(id), today: generated.today };
  synthetic = {
    set: syntheticLabelledSet(generated),
    engines: {
      matcher,
      today: generated.today,
      textOnly: textOnlyRanker({
        ...base,
        occupationLabel: (_scheme, code) => generated.keco.labels.get(code),
        skillLabel: (key) => skills.get(key),
      }),
      occupationOnly: occupationOnlyRanker(base),
    },
  };
  return synthetic;
}

/** The organisation's recorded verdicts as labels, on the live matcher and search index. */
async function feedbackSet(
  db: Db,
  organisationId: number,
): Promise<{ set: LabelledSet; engines: EvaluationEngines } | null> {
  const rows = await repo.organisationFeedback(db.kysely, organisationId);
  if (rows.length === 0) return null;
  const { labels, pairs } = labelsFromFeedback(
    rows.map((r) => ({ seekerId: r.seeker_id, vacancyId: r.vacancy_id, verdict: r.verdict, side: r.side })),
    [],
  );
  const indexes = await searchIndexes(db);
  const today = dayNumber(seoulToday());
  const [seekerIds, openVacancyIds] = await Promise.all([
    repo.activeSeekerIds(db.kysely, organisationId),
    repo.openVacancyIds(db.kysely, organisationId, seoulToday()),
  ]);
  const base = {
    index: indexes.vacancies,
    seeker: (id: number) => indexes.matcher.seeker(id),
    today,
    facetValue: occupationValue,
  };
  return {
    set: { source: 'feedback', labels, pairs, seekerIds, openVacancyIds },
    engines: {
      matcher: indexes.matcher,
      today,
      textOnly: textOnlyRanker({
        ...base,
        occupationLabel: (scheme, code) => {
          const item = indexes.labels.occupations.get(refKey(scheme, code));
          return item ? [item.label, ...aliasesOf(item.aliases)] : undefined;
        },
        skillLabel: (key) => {
          const colon = key.indexOf(':');
          return indexes.labels.skills.get(refKey(key.slice(0, colon), key.slice(colon + 1)));
        },
      }),
      occupationOnly: occupationOnlyRanker(base),
    },
  };
}
