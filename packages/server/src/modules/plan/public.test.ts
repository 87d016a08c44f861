import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

describe.each(testDatabases())('the public plan pages on $name', (database) => {
  let t: TestApp;
  let planner: TestClient;
  let reporter: TestClient;
  let planId: number;

  beforeAll(async () => {
    t = await createTestApp(database);
    planner = await t.signedIn('planner');
    reporter = await t.signedIn('reporter');
    planId = (await planner.get('/api/v1/plans')).json()[0].id;
  });
  afterAll(() => t.close());

  it('lists published plans without sign-in, with the stable fields', async () => {
    const res = await t.client().get('/api/v1/public/plans');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        id: planId,
        organisationCode: '28237',
        organisationName: '인천광역시 부평구',
        year: 2019,
        title: '2019년 부평구 일자리대책 세부계획',
      },
    ]);
  });

  it('shows a plan with its summary, counting approved results only', async () => {
    const plan = (await t.client().get(`/api/v1/public/plans/${planId}`)).json();
    expect(plan.summary).toMatchObject({
      targetTotal: 10562,
      previousYearTarget: 9717,
      targetChangePct: 8.7,
    });
    const approvedInDb = await t.db.kysely
      .selectFrom('program_results as r')
      .select(['r.program_id', 'r.month', 'r.revision', 'r.jobs', 'r.status'])
      .where('r.status', '=', 'approved')
      .execute();
    const newest = new Map<string, { revision: number; jobs: number }>();
    for (const r of approvedInDb) {
      const key = `${r.program_id}:${r.month}`;
      if ((newest.get(key)?.revision ?? 0) < r.revision) newest.set(key, r);
    }
    const expected = [...newest.values()].reduce((s, r) => s + r.jobs, 0);
    expect(plan.summary.achievedTotal).toBe(expected);
    expect(plan.summary.achievementRate).toBe(Math.round((expected / 10562) * 1000) / 10);
    const strategiesSum = plan.strategies.reduce((s: number, x: { achieved: number }) => s + x.achieved, 0);
    expect(strategiesSum).toBe(expected);
  });

  it('drafts, submissions and returned months never leak', async () => {
    const tree = (await reporter.get(`/api/v1/plans/${planId}`)).json();
    const programId = tree.strategies.flatMap((s: { programs: { id: number }[] }) => s.programs)[0].id;
    const before = (await t.client().get(`/api/v1/public/plans/${planId}`)).json().summary.achievedTotal;
    await reporter.request('PUT', `/api/v1/programs/${programId}/results/12`, { body: { jobs: 777 } });
    expect((await t.client().get(`/api/v1/public/plans/${planId}`)).json().summary.achievedTotal).toBe(
      before,
    );
    await reporter.post(`/api/v1/programs/${programId}/results/12/submit`);
    expect((await t.client().get(`/api/v1/public/plans/${planId}`)).json().summary.achievedTotal).toBe(
      before,
    );
    await planner.post(`/api/v1/programs/${programId}/results/12/return`, { comment: '확인 필요' });
    const plan = (await t.client().get(`/api/v1/public/plans/${planId}`)).json();
    expect(plan.summary.achievedTotal).toBe(before);
    expect(JSON.stringify(plan)).not.toContain('777');
  });

  it('an unpublished plan is not public', async () => {
    await planner.post(`/api/v1/plans/${planId}/unpublish`);
    expect((await t.client().get(`/api/v1/public/plans/${planId}`)).statusCode).toBe(404);
    expect((await t.client().get('/api/v1/public/plans')).json()).toEqual([]);
    await planner.post(`/api/v1/plans/${planId}/publish`);
    expect((await t.client().get(`/api/v1/public/plans/${planId}`)).statusCode).toBe(200);
  });

  it('rolls up every published plan of a year', async () => {
    const rollup = (await t.client().get('/api/v1/public/rollup?year=2019')).json();
    const plan = (await t.client().get(`/api/v1/public/plans/${planId}`)).json();
    expect(rollup.organisations).toHaveLength(1);
    expect(rollup.total).toEqual({
      target: 10562,
      achieved: plan.summary.achievedTotal,
      achievementRate: plan.summary.achievementRate,
    });
  });
});

describe.each(testDatabases())('opinions on the plan on $name', (database) => {
  let t: TestApp;
  let planId: number;

  beforeAll(async () => {
    t = await createTestApp(database);
    planId = (await (await t.signedIn('planner')).get('/api/v1/plans')).json()[0].id;
  });
  afterAll(() => t.close());

  it('a citizen leaves an opinion, a planner answers, abuse is hidden; names are masked in public; all audited', async () => {
    const citizen = t.client();
    const posted = await citizen.post(`/api/v1/public/plans/${planId}/opinions`, {
      authorName: '홍길동',
      body: '청년 일자리를 더 늘려 주세요.',
    });
    expect(posted.statusCode).toBe(201);
    const abusive = await citizen.post(`/api/v1/public/plans/${planId}/opinions`, {
      authorName: '익명',
      body: '욕설',
    });
    const planner = await t.signedIn('planner');
    await planner.post(`/api/v1/opinions/${posted.json().id}/answer`, {
      answer: '청년인턴 사업을 확대하겠습니다.',
    });
    await planner.post(`/api/v1/opinions/${abusive.json().id}/moderation`, { hidden: true, reason: '욕설' });

    const shown = (await t.client().get(`/api/v1/public/plans/${planId}/opinions`)).json();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ authorName: '홍*동', answer: '청년인턴 사업을 확대하겠습니다.' });
    const all = (await planner.get(`/api/v1/plans/${planId}/opinions`)).json();
    expect(all).toHaveLength(2);
    expect(all.find((o: { hidden: boolean }) => o.hidden)).toMatchObject({
      body: '욕설',
      hiddenReason: '욕설',
    });
    const actions = (
      await t.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'opinion')
        .execute()
    ).map((r) => r.action);
    expect(actions.sort()).toEqual(['opinion.answer', 'opinion.create', 'opinion.create', 'opinion.hide']);
  });

  it('an anonymous opinion needs a name; a council member comments on a draft plan under their own name', async () => {
    const noName = await t.client().post(`/api/v1/public/plans/${planId}/opinions`, { body: '의견' });
    expect(noName.json().errors[0]).toMatchObject({ field: 'authorName', code: 'required' });
    const planner = await t.signedIn('planner');
    const draft = (await planner.post('/api/v1/plans', { year: 2035, title: '초안' })).json();
    expect(
      (
        await t
          .client()
          .post(`/api/v1/public/plans/${draft.id}/opinions`, { authorName: '시민', body: '의견' })
      ).statusCode,
    ).toBe(404);
    const council = await t.signedIn('council');
    const res = await council.post(`/api/v1/plans/${draft.id}/opinions`, {
      body: '노사민정협의회 의견입니다.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ authorKind: 'council', authorName: '윤협의 (데모)' });
  });
});
