import fs from 'node:fs';
import type { CandidateList, MatchWeightsSettings, Problem, VacancyRecommendationList } from '@ilteo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/kysely.js';
import { SYSTEM } from '../../http/context.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { recordChange } from '../search/change-log.js';
import { demoOrganisationId, insertSeeker, insertVacancy, updateVacancy } from '../search/search.fixtures.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';
import { importTaxonomyFile } from '../taxonomy/import.service.js';

/** 부평1동's KOSTAT code and a KECO detail occupation (간호조무사) with its 세분류 siblings. */
const DONG = '2306051';
const NURSE_AIDE = '3040';

async function grantConsents(db: Db, seekerId: number, purposes: string[]): Promise<void> {
  const now = new Date().toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    for (const purpose of purposes) {
      await trx
        .insertInto('seeker_consents')
        .values({ seeker_id: seekerId, purpose: purpose as never, version: '2026-11', granted_at: now })
        .execute();
    }
    await recordChange(trx, 'seeker', seekerId);
  });
}

async function withdrawConsent(db: Db, seekerId: number, purpose: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('seeker_consents')
      .set({ withdrawn_at: new Date().toISOString() })
      .where('seeker_id', '=', seekerId)
      .where('purpose', '=', purpose as never)
      .execute();
    await recordChange(trx, 'seeker', seekerId);
  });
}

describe.each(testDatabases())('matching API on $name', (database) => {
  let t: TestApp;
  let organisationId: number;
  let demoSeekerId: number;
  let demoEmployerId: number;
  let ownVacancy: number;
  let otherEmployerId: number;

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    organisationId = await demoOrganisationId(t.db);
    const k = t.db.kysely;
    const seekerUser = await k
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'seeker@demo.ilteo.kr')
      .executeTakeFirstOrThrow();
    demoSeekerId = (
      await k
        .selectFrom('seekers')
        .select('id')
        .where('user_id', '=', seekerUser.id)
        .executeTakeFirstOrThrow()
    ).id;
    const employerUser = await k
      .selectFrom('users')
      .select('employer_id')
      .where('email', '=', 'employer@demo.ilteo.kr')
      .executeTakeFirstOrThrow();
    demoEmployerId = employerUser.employer_id!;
    otherEmployerId = (
      await k
        .selectFrom('employers')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('id', '!=', demoEmployerId)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
    ownVacancy = await insertVacancy(
      t.db,
      { organisationId, employerId: demoEmployerId },
      {
        title: '간호조무사 (매칭 시험)',
        occupation_code: NURSE_AIDE,
        dong_code: DONG,
        opens_on: '2026-11-20',
      },
    );
  }, 120_000);
  afterAll(() => t?.close());

  it("gives a seeker their own recommendations with the other side's id, score, components and reasons", async () => {
    const client = await t.signedIn('seeker');
    const res = await client.get(`/api/v1/seekers/${demoSeekerId}/recommendations?limit=5`);
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as VacancyRecommendationList;
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(5);
    for (const item of items) {
      expect(item.score).toBeGreaterThan(0);
      expect(item.score).toBeLessThanOrEqual(1);
      expect(Object.keys(item.components).sort()).toEqual(
        ['conditions', 'distance', 'education', 'freshness', 'occupation', 'skills', 'wage'].sort(),
      );
      expect(item.reasons.length).toBeGreaterThan(0);
      for (const reason of item.reasons) {
        expect(reason.ko).toMatch(/[가-힣]/);
        expect(reason.en).toMatch(/[A-Za-z]/);
      }
      expect(item.vacancy.title.length).toBeGreaterThan(0);
      expect(item.feedback).toBeNull();
    }
    const scores = items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("refuses another seeker's recommendations as not found, and strangers and planners", async () => {
    const other = await insertSeeker(t.db, organisationId, { name: '남의구직' });
    const seeker = await t.signedIn('seeker');
    expect((await seeker.get(`/api/v1/seekers/${other}/recommendations`)).statusCode).toBe(404);
    expect((await t.client().get(`/api/v1/seekers/${other}/recommendations`)).statusCode).toBe(401);
    const planner = await t.signedIn('planner');
    expect((await planner.get(`/api/v1/seekers/${other}/recommendations`)).statusCode).toBe(403);
    const employer = await t.signedIn('employer');
    expect((await employer.get(`/api/v1/seekers/${other}/recommendations`)).statusCode).toBe(403);
    const counsellor = await t.signedIn('counsellor');
    expect((await counsellor.get('/api/v1/seekers/99999999/recommendations')).statusCode).toBe(404);
    const bad = await counsellor.get(`/api/v1/seekers/${other}/recommendations?limit=0`);
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Problem).errors[0]).toMatchObject({ field: 'limit' });
  });

  it('shows a new vacancy in the next recommendation, and drops it once closed (read-your-writes)', async () => {
    const seekerId = await insertSeeker(t.db, organisationId, {
      desired_occupations: JSON.stringify([{ scheme: 'KECO-2018', code: NURSE_AIDE }]),
      home_dong_code: DONG,
      commute_km: 5,
    });
    await grantConsents(t.db, seekerId, ['employment_services', 'recommendation']);
    const counsellor = await t.signedIn('counsellor');
    const ids = async () =>
      (
        (
          await counsellor.get(`/api/v1/seekers/${seekerId}/recommendations?limit=3`)
        ).json() as VacancyRecommendationList
      ).items.map((i) => i.id);
    const before = await ids();
    const fresh = await insertVacancy(
      t.db,
      { organisationId, employerId: otherEmployerId },
      {
        title: '간호조무사 급구',
        occupation_code: NURSE_AIDE,
        dong_code: DONG,
        opens_on: '2026-11-26',
        wage_amount: 3_900_000,
      },
    );
    const after = await ids();
    expect(before).not.toContain(fresh);
    expect(after[0]).toBe(fresh);
    await updateVacancy(t.db, fresh, { status: 'closed' });
    expect(await ids()).not.toContain(fresh);
  });

  it('gives the employer masked candidates for its own vacancy, only people who agreed to be recommended', async () => {
    const agreed = await insertSeeker(t.db, organisationId, {
      name: '김추천',
      desired_occupations: JSON.stringify([{ scheme: 'KECO-2018', code: NURSE_AIDE }]),
      home_dong_code: DONG,
    });
    await grantConsents(t.db, agreed, ['employment_services', 'recommendation']);
    const notAgreed = await insertSeeker(t.db, organisationId, {
      name: '이비공개',
      desired_occupations: JSON.stringify([{ scheme: 'KECO-2018', code: NURSE_AIDE }]),
      home_dong_code: DONG,
    });
    await grantConsents(t.db, notAgreed, ['employment_services']);
    const employer = await t.signedIn('employer');
    const list = async () => {
      const res = await employer.get(`/api/v1/vacancies/${ownVacancy}/candidates?limit=50`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as CandidateList).items;
    };
    const items = await list();
    const mine = items.find((i) => i.id === agreed);
    expect(mine).toBeDefined();
    expect(mine!.seeker.maskedName).toBe('김*천');
    expect(JSON.stringify(items)).not.toContain('김추천');
    expect(JSON.stringify(items)).not.toContain('010');
    expect(mine!.reasons.map((r) => r.code)).toContain('desired_occupation');
    expect(items.map((i) => i.id)).not.toContain(notAgreed);

    await withdrawConsent(t.db, agreed, 'recommendation');
    expect((await list()).map((i) => i.id)).not.toContain(agreed);

    const other = await insertVacancy(
      t.db,
      { organisationId, employerId: otherEmployerId },
      { title: '남의 공고' },
    );
    // Another company's candidates do not exist for this employer, even for a public vacancy.
    expect((await employer.get(`/api/v1/vacancies/${other}/candidates`)).statusCode).toBe(404);
    const draft = await insertVacancy(
      t.db,
      { organisationId, employerId: otherEmployerId },
      { title: '남의 임시 공고', status: 'draft' },
    );
    expect((await employer.get(`/api/v1/vacancies/${draft}/candidates`)).statusCode).toBe(404);
    const counsellor = await t.signedIn('counsellor');
    expect((await counsellor.get(`/api/v1/vacancies/${other}/candidates`)).statusCode).toBe(200);
    expect((await (await t.signedIn('seeker')).get(`/api/v1/vacancies/${other}/candidates`)).statusCode).toBe(
      403,
    );
  });

  it('stores relevant / not relevant per user and pair, shows it back, and clears it', async () => {
    const seeker = await t.signedIn('seeker');
    const first = (
      (
        await seeker.get(`/api/v1/seekers/${demoSeekerId}/recommendations?limit=1`)
      ).json() as VacancyRecommendationList
    ).items[0]!;
    const send = (verdict: string | null) =>
      seeker.post('/api/v1/matching/feedback', { seekerId: demoSeekerId, vacancyId: first.id, verdict });
    const res = await send('relevant');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      seekerId: demoSeekerId,
      vacancyId: first.id,
      verdict: 'relevant',
      side: 'seeker',
    });
    const shown = async () =>
      (
        (
          await seeker.get(`/api/v1/seekers/${demoSeekerId}/recommendations?limit=1`)
        ).json() as VacancyRecommendationList
      ).items[0]!.feedback;
    expect(await shown()).toBe('relevant');
    expect((await send('not_relevant')).statusCode).toBe(200);
    expect(await shown()).toBe('not_relevant');
    const rows = await t.db.kysely
      .selectFrom('match_feedback')
      .selectAll()
      .where('vacancy_id', '=', first.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ side: 'seeker', verdict: 'not_relevant', seeker_id: demoSeekerId });
    const audited = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'matching.feedback')
      .execute();
    expect(audited.length).toBeGreaterThanOrEqual(2);
    // The verdict is the seeker's own data: it is in their download (개인정보 열람).
    const exported = (await seeker.get('/api/v1/me/seeker/export')).json() as {
      recommendationFeedback: { vacancyId: number; verdict: string; by: string }[];
    };
    expect(exported.recommendationFeedback).toContainEqual(
      expect.objectContaining({ vacancyId: first.id, verdict: 'not_relevant', by: 'self' }),
    );
    expect((await send(null)).statusCode).toBe(200);
    expect(await shown()).toBeNull();

    const bad = await seeker.post('/api/v1/matching/feedback', {
      seekerId: demoSeekerId,
      vacancyId: first.id,
      verdict: 'maybe',
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Problem).errors[0]).toMatchObject({ field: 'verdict' });
  });

  it('does not let an employer judge a seeker who is not its candidate', async () => {
    const hidden = await insertSeeker(t.db, organisationId, { name: '비추천' });
    await grantConsents(t.db, hidden, ['employment_services']);
    const employer = await t.signedIn('employer');
    const res = await employer.post('/api/v1/matching/feedback', {
      seekerId: hidden,
      vacancyId: ownVacancy,
      verdict: 'relevant',
    });
    expect(res.statusCode).toBe(404);
    const count = await t.db.kysely
      .selectFrom('match_feedback')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('seeker_id', '=', hidden)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('keeps weights per organisation: defaults documented, bad weights refused, saved ones used', async () => {
    const admin = await t.signedIn('admin');
    const initial = (await admin.get('/api/v1/matching/weights')).json() as MatchWeightsSettings;
    expect(initial.weights).toEqual(initial.defaults);
    expect(initial.defaults.occupation).toBe(30);
    expect(initial.updatedAt).toBeNull();

    const zero = {
      occupation: 0,
      skills: 0,
      distance: 0,
      wage: 0,
      conditions: 0,
      education: 0,
      freshness: 0,
    };
    const refused = await admin.put('/api/v1/matching/weights', { weights: zero });
    expect(refused.statusCode).toBe(400);
    expect((refused.json() as Problem).errors[0]).toMatchObject({
      field: 'weights',
      code: 'all_weights_zero',
    });
    const negative = await admin.put('/api/v1/matching/weights', { weights: { ...zero, distance: -1 } });
    expect(negative.statusCode).toBe(400);
    expect((negative.json() as Problem).errors[0]).toMatchObject({ field: 'weights.distance' });
    expect(
      ((await admin.get('/api/v1/matching/weights')).json() as MatchWeightsSettings).updatedAt,
    ).toBeNull();

    const counsellor = await t.signedIn('counsellor');
    expect(
      (await counsellor.put('/api/v1/matching/weights', { weights: { ...zero, distance: 1 } })).statusCode,
    ).toBe(403);

    const saved = await admin.put('/api/v1/matching/weights', { weights: { ...zero, distance: 1 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as MatchWeightsSettings).weights.distance).toBe(1);
    // Only distance counts now: the seeker's side of every recommendation is its distance component.
    const { items } = (
      await counsellor.get(`/api/v1/seekers/${demoSeekerId}/recommendations?limit=5`)
    ).json() as VacancyRecommendationList;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.seekerSide).toBeCloseTo(item.components.distance, 3);
    await admin.put('/api/v1/matching/weights', { weights: initial.defaults });
  });

  it('evaluates proposed weights on the generated set and on recorded feedback, next to the baselines', async () => {
    const seeker = await t.signedIn('seeker');
    const first = (
      (
        await seeker.get(`/api/v1/seekers/${demoSeekerId}/recommendations?limit=1`)
      ).json() as VacancyRecommendationList
    ).items[0]!;
    await seeker.post('/api/v1/matching/feedback', {
      seekerId: demoSeekerId,
      vacancyId: first.id,
      verdict: 'relevant',
    });
    const admin = await t.signedIn('admin');
    const defaults = ((await admin.get('/api/v1/matching/weights')).json() as MatchWeightsSettings).defaults;
    const res = await admin.post('/api/v1/matching/evaluate', { weights: { ...defaults, occupation: 0 } });
    expect(res.statusCode, res.body).toBe(200);
    const { sets } = res.json() as MatchEvaluation;
    expect(sets.map((s) => s.source)).toEqual(['synthetic', 'feedback']);
    const [generated, recorded] = sets as [MatchEvaluationSet, MatchEvaluationSet];
    expect(generated.current.queries).toBeGreaterThan(100);
    for (const q of [
      generated.proposed,
      generated.current,
      generated.baselines.textOnly,
      generated.baselines.occupationOnly,
    ]) {
      for (const figure of [q.ndcgAt10, q.recallAt10, q.mrr, q.coverage]) {
        expect(figure).toBeGreaterThanOrEqual(0);
        expect(figure).toBeLessThanOrEqual(1);
      }
    }
    // The saved (default) weights beat both baselines, and dropping the occupation costs quality.
    expect(generated.current.ndcgAt10).toBeGreaterThan(generated.baselines.textOnly.ndcgAt10);
    expect(generated.current.ndcgAt10).toBeGreaterThan(generated.baselines.occupationOnly.ndcgAt10);
    expect(generated.proposed.ndcgAt10).toBeLessThan(generated.current.ndcgAt10);
    // The one verdict recorded: the seeker's own top recommendation, relevant.
    expect(recorded).toMatchObject({ pairs: 1, relevant: 1 });
    expect(recorded.current.queries).toBe(1);
    expect(recorded.current.mrr).toBe(1);
    // Nothing was saved.
    expect(((await admin.get('/api/v1/matching/weights')).json() as MatchWeightsSettings).weights).toEqual(
      defaults,
    );
    const counsellor = await t.signedIn('counsellor');
    expect((await counsellor.post('/api/v1/matching/evaluate', { weights: defaults })).statusCode).toBe(403);
  }, 120_000);

  it('matches on another scheme by its own hierarchy: ISCO-08 imported beside KECO', async () => {
    await importTaxonomyFile(
      { db: t.db, actor: SYSTEM, requestId: 'isco' },
      {
        kind: 'occupation',
        scheme: 'ISCO-08',
        mode: 'merge',
        bytes: fs.readFileSync(new URL('../taxonomy/fixtures/isco08-excerpt.csv', import.meta.url)),
        source: 'isco08-excerpt.csv',
      },
    );
    // A midwife (2222) looking for work; a nursing professional's job (2221, same unit group 222),
    // an associate nurse's (3221, another major group) and a KECO nurse's (another scheme).
    const seekerId = await insertSeeker(t.db, organisationId, {
      desired_occupations: JSON.stringify([{ scheme: 'ISCO-08', code: '2222' }]),
      home_dong_code: DONG,
    });
    await grantConsents(t.db, seekerId, ['employment_services', 'recommendation']);
    const base = { organisationId, employerId: otherEmployerId };
    const sibling = await insertVacancy(t.db, base, {
      title: 'Nursing professional',
      occupation_scheme: 'ISCO-08',
      occupation_code: '2221',
      dong_code: DONG,
    });
    const distant = await insertVacancy(t.db, base, {
      title: 'Nursing associate',
      occupation_scheme: 'ISCO-08',
      occupation_code: '3221',
      dong_code: DONG,
    });
    const keco = await insertVacancy(t.db, base, {
      title: '간호사',
      occupation_code: '3040',
      dong_code: DONG,
    });
    const counsellor = await t.signedIn('counsellor');
    const { items } = (
      await counsellor.get(`/api/v1/seekers/${seekerId}/recommendations?limit=100`)
    ).json() as VacancyRecommendationList;
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(items[0]!.id).toBe(sibling);
    expect(byId.get(sibling)!.components.occupation).toBeGreaterThan(
      byId.get(distant)?.components.occupation ?? 0,
    );
    expect(byId.get(sibling)!.reasons.map((r) => r.code)).toContain('related_occupation');
    expect(byId.get(sibling)!.vacancy.occupation).toMatchObject({ scheme: 'ISCO-08', label: '간호 전문가' });
    // Codes of different schemes never match: the KECO vacancy is not the same occupation.
    expect(byId.get(keco)?.components.occupation ?? 0).toBe(0);
  });
});
