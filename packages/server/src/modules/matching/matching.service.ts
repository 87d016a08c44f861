import {
  type CandidateList,
  type MatchFeedback,
  type MatchFeedbackBody,
  type MatchQuery,
  MatchWeights,
  type MatchWeightsSettings,
  type VacancyRecommendationList,
} from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { dayNumber } from '../../engine/search/index.js';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { seekerItems, vacancyItems } from '../search/search.repository.js';
import { searchIndexes, seoulToday } from '../search/search-index.js';
import { servicesWithdrawn } from '../seekers/seekers.presenter.js';
import { consentRecordsOf, findSeeker } from '../seekers/seekers.repository.js';
import { checkVacancyReadable } from '../vacancies/vacancies.policy.js';
import { findVacancy } from '../vacancies/vacancies.repository.js';
import { checkFeedback, checkSeekerMatches, checkVacancyMatches } from './matching.policy.js';
import {
  DEFAULT_WEIGHTS,
  engineWeights,
  presentCandidate,
  presentVacancyRecommendation,
} from './matching.presenter.js';
import * as repo from './matching.repository.js';

type Verdict = 'relevant' | 'not_relevant';

/**
 * Recommendations both ways (#5). The matcher lives beside the search indexes of the database
 * (modules/search/search-index.ts) and is caught up with the change log before every call, so a
 * write in any server process shows in the next recommendation. Scores use the organisation's
 * weights (the admin screen), or the documented defaults.
 */
export async function seekerRecommendations(
  ctx: Ctx,
  seekerId: number,
  query: MatchQuery,
): Promise<VacancyRecommendationList> {
  const k = ctx.db.kysely;
  const seeker = await findSeeker(k, seekerId);
  const withdrawn = seeker ? servicesWithdrawn(await consentRecordsOf(k, [seeker.id])) : false;
  checkSeekerMatches(ctx.actor, seeker, withdrawn);
  const user = requireUser(ctx.actor);
  const [indexes, weights] = await Promise.all([
    searchIndexes(ctx.db),
    weightsOf(k, seeker!.organisation_id),
  ]);
  const results = indexes.matcher.recommendVacancies(seekerId, {
    limit: query.limit,
    today: dayNumber(seoulToday()),
    weights: engineWeights(weights),
  });
  const [rows, verdicts] = await Promise.all([
    vacancyItems(
      k,
      results.map((r) => r.id),
    ),
    repo.feedbackOf(k, user.userId, { seekerId }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const verdictOf = new Map(verdicts.map((v) => [v.vacancy_id, v.verdict]));
  return {
    items: results.flatMap((r) => {
      const row = byId.get(r.id);
      return row ? [presentVacancyRecommendation(r, row, indexes.labels, verdictOf.get(r.id) ?? null)] : [];
    }),
  };
}

/** The best seekers for a vacancy, among those whose recommendation consent stands (masked). */
export async function vacancyCandidates(
  ctx: Ctx,
  vacancyId: number,
  query: MatchQuery,
): Promise<CandidateList> {
  const k = ctx.db.kysely;
  const vacancy = await findVacancy(k, vacancyId);
  checkVacancyMatches(ctx.actor, vacancy);
  const user = requireUser(ctx.actor);
  const [indexes, weights] = await Promise.all([
    searchIndexes(ctx.db),
    weightsOf(k, vacancy!.organisation_id),
  ]);
  const results = indexes.matcher.candidatesFor(vacancyId, {
    limit: query.limit,
    today: dayNumber(seoulToday()),
    weights: engineWeights(weights),
  });
  const [rows, verdicts] = await Promise.all([
    seekerItems(
      k,
      results.map((r) => r.id),
    ),
    repo.feedbackOf(k, user.userId, { vacancyId }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const verdictOf = new Map(verdicts.map((v) => [v.seeker_id, v.verdict]));
  return {
    items: results.flatMap((r) => {
      const row = byId.get(r.id);
      return row ? [presentCandidate(r, row, indexes.labels, verdictOf.get(r.id) ?? null)] : [];
    }),
  };
}

/**
 * Relevant / not relevant on a pair, one verdict per user and pair (null clears it). An employer
 * may judge only seekers who may be recommended to it; a seeker only vacancies they can see.
 */
export async function recordFeedback(ctx: Ctx, body: MatchFeedbackBody): Promise<MatchFeedback> {
  const k = ctx.db.kysely;
  const user = requireUser(ctx.actor);
  const [seeker, vacancy] = await Promise.all([findSeeker(k, body.seekerId), findVacancy(k, body.vacancyId)]);
  const withdrawn = seeker ? servicesWithdrawn(await consentRecordsOf(k, [seeker.id])) : false;
  const side = checkFeedback(user, seeker, vacancy, withdrawn);
  if (side === 'employer') {
    const indexes = await searchIndexes(ctx.db);
    if (!indexes.matcher.seeker(body.seekerId)?.recommendable) throw new AppError('NOT_FOUND');
  }
  if (side === 'seeker') checkVacancyReadable(user, vacancy);
  const now = new Date().toISOString();
  await k.transaction().execute(async (trx) => {
    const before = await repo.findFeedback(trx, user.userId, body.seekerId, body.vacancyId);
    if (body.verdict === null) await repo.deleteFeedback(trx, user.userId, body.seekerId, body.vacancyId);
    else {
      await repo.upsertFeedback(
        trx,
        {
          organisation_id: user.organisationId,
          seeker_id: body.seekerId,
          vacancy_id: body.vacancyId,
          user_id: user.userId,
          side,
          verdict: body.verdict,
        },
        now,
      );
    }
    await audit(
      ctx,
      {
        action: 'matching.feedback',
        entityType: 'vacancy',
        entityId: body.vacancyId,
        before: before ? { seekerId: body.seekerId, verdict: before.verdict } : null,
        after: { seekerId: body.seekerId, verdict: body.verdict },
      },
      trx,
    );
  });
  return { seekerId: body.seekerId, vacancyId: body.vacancyId, verdict: body.verdict, side, at: now };
}

/** The organisation's weights: saved ones if they still read as valid, else the defaults. */
export async function weightsOf(k: Kysely<Database>, organisationId: number): Promise<MatchWeights> {
  return (await storedWeights(k, organisationId)).weights;
}

async function storedWeights(k: Kysely<Database>, organisationId: number) {
  const row = await repo.weightsSetting(k, organisationId);
  if (!row) return { weights: DEFAULT_WEIGHTS, updatedAt: null };
  try {
    const parsed = MatchWeights.safeParse(JSON.parse(row.value));
    if (parsed.success) return { weights: parsed.data, updatedAt: row.updated_at };
  } catch {
    // An unreadable setting reads as the defaults; saving again repairs it.
  }
  return { weights: DEFAULT_WEIGHTS, updatedAt: null };
}

export async function getWeights(ctx: Ctx): Promise<MatchWeightsSettings> {
  const user = requireUser(ctx.actor);
  const stored = await storedWeights(ctx.db.kysely, user.organisationId);
  return { weights: stored.weights, defaults: DEFAULT_WEIGHTS, updatedAt: stored.updatedAt };
}

export async function saveWeights(ctx: Ctx, weights: MatchWeights): Promise<MatchWeightsSettings> {
  const user = requireUser(ctx.actor);
  const before = await getWeights(ctx);
  const now = new Date().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.writeWeightsSetting(trx, user.organisationId, JSON.stringify(weights), now);
    await audit(
      ctx,
      {
        action: 'matching.weights',
        entityType: 'organisation',
        entityId: user.organisationId,
        before: before.weights,
        after: weights,
      },
      trx,
    );
  });
  return getWeights(ctx);
}

export type { Verdict };
