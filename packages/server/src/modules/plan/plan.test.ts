import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

interface Tree {
  id: number;
  version: number;
  targetTotal: number;
  targetChangePct: number | null;
  strategies: {
    id: number;
    name: string;
    version: number;
    targetTotal: number;
    programs: {
      id: number;
      name: string;
      annualTarget: number;
      phasing: number[];
      phasingMode: string;
      version: number;
      strategyId: number;
    }[];
  }[];
}

describe.each(testDatabases())('building a plan on $name', (database) => {
  let t: TestApp;
  let planner: TestClient;
  let unitId: number;

  beforeAll(async () => {
    t = await createTestApp(database);
    planner = await t.signedIn('planner');
    const org = (await planner.get('/api/v1/organisation')).json();
    unitId = org.units.find((u: { code: string }) => u.code === 'dept-jobs').id;
  });
  afterAll(() => t.close());

  const program = (name: string, annualTarget: number, extra: Record<string, unknown> = {}) => ({
    name,
    ownerUnitId: unitId,
    jobType: 'direct',
    targetGroups: ['youth'],
    annualTarget,
    ...extra,
  });

  it('the demo plan has the article’s totals: 10,562 jobs, +8.7 % on 9,717', async () => {
    const plans = (await planner.get('/api/v1/plans')).json();
    expect(plans).toHaveLength(1);
    const tree = (await planner.get(`/api/v1/plans/${plans[0].id}`)).json();
    expect(tree).toMatchObject({
      year: 2019,
      targetTotal: 10562,
      previousYearTarget: 9717,
      targetChangePct: 8.7,
      vision: '부평비전 2020, 역동적이고 창조적인 일자리 창출',
    });
    expect(tree.strategies.map((s: { name: string }) => s.name)).toEqual([
      '부평 제조업 르네상스 일자리 확대',
      '도시재생 및 창업 지원',
      '일자리 질 개선 및 돌봄 산업 일자리 확대',
      '인력양성 미스매치 해소로 고용서비스 강화',
      '지역수요 맞춤형 공공일자리 및 취약계층 일자리 제공',
    ]);
  });

  it('a planner builds a plan: strategies, programs with even or custom phasing, live totals', async () => {
    const created = await planner.post('/api/v1/plans', {
      year: 2030,
      title: '2030 계획',
      previousYearTarget: 100,
    });
    expect(created.statusCode).toBe(201);
    const planId = created.json().id;
    let tree: Tree = (await planner.post(`/api/v1/plans/${planId}/strategies`, { name: '전략 A' })).json();
    tree = (await planner.post(`/api/v1/plans/${planId}/strategies`, { name: '전략 B' })).json();
    const [a, b] = tree.strategies;
    await planner.post(`/api/v1/strategies/${a!.id}/programs`, program('사업 1', 25));
    const custom = [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10];
    const p2 = (
      await planner.post(`/api/v1/strategies/${b!.id}/programs`, program('사업 2', 20, { phasing: custom }))
    ).json();
    expect(p2).toMatchObject({ phasing: custom, phasingMode: 'custom' });
    tree = (await planner.get(`/api/v1/plans/${planId}`)).json();
    expect(tree.targetTotal).toBe(45);
    expect(tree.targetChangePct).toBe(-55);
    expect(tree.strategies[0]!.programs[0]!.phasing).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3]);

    // Reorder strategies, move a program, reorder within a strategy.
    tree = (await planner.post(`/api/v1/plans/${planId}/strategies/order`, { ids: [b!.id, a!.id] })).json();
    expect(tree.strategies.map((s) => s.name)).toEqual(['전략 B', '전략 A']);
    const p1 = tree.strategies[1]!.programs[0]!;
    const moved = await planner.patch(`/api/v1/programs/${p1.id}`, {
      version: p1.version,
      strategyId: b!.id,
    });
    expect(moved.json().strategyId).toBe(b!.id);
    tree = (await planner.get(`/api/v1/plans/${planId}`)).json();
    expect(tree.strategies[0]!.programs.map((p) => p.name)).toEqual(['사업 2', '사업 1']);
    tree = (await planner.post(`/api/v1/strategies/${b!.id}/programs/order`, { ids: [p1.id, p2.id] })).json();
    expect(tree.strategies[0]!.programs.map((p) => p.name)).toEqual(['사업 1', '사업 2']);
    expect(tree.strategies[0]!.targetTotal).toBe(45);

    // An emptied strategy can go; one with programs cannot.
    expect((await planner.request('DELETE', `/api/v1/strategies/${b!.id}`)).json().code).toBe(
      'STRATEGY_NOT_EMPTY',
    );
    expect((await planner.request('DELETE', `/api/v1/strategies/${a!.id}`)).statusCode).toBe(200);
  });

  it('refuses targets that do not add up and says by how much, writing nothing', async () => {
    const planId = (await planner.post('/api/v1/plans', { year: 2031, title: '2031' })).json().id;
    const strategyId = (await planner.post(`/api/v1/plans/${planId}/strategies`, { name: 'S' })).json()
      .strategies[0].id;
    const before = await countRows(t.db, 'audit_log');
    const bad = await planner.post(
      `/api/v1/strategies/${strategyId}/programs`,
      program('나쁜 사업', 100, {
        phasing: Array(12).fill(8),
        targetGroups: ['youth'],
        groupTargets: { elderly: 5, youth: 200 },
      }),
    );
    expect(bad.statusCode).toBe(400);
    const errors = bad.json().errors as { field: string; code: string; message: { ko: string } }[];
    expect(errors.find((e) => e.field === 'phasing')).toMatchObject({ code: 'phasing_sum' });
    expect(errors.find((e) => e.field === 'phasing')!.message.ko).toContain('96');
    expect(errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['groupTargets.elderly', 'groupTargets']),
    );
    const negative = await planner.post(`/api/v1/strategies/${strategyId}/programs`, program('음수', -1));
    expect(negative.json().errors[0]).toMatchObject({ field: 'annualTarget', code: 'too_small_number' });
    const fraction = await planner.post(`/api/v1/strategies/${strategyId}/programs`, program('소수', 1.5));
    expect(fraction.statusCode).toBe(400);
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it('a stale edit is refused instead of overwriting someone else’s change', async () => {
    const planId = (await planner.post('/api/v1/plans', { year: 2032, title: '2032' })).json().id;
    const tree = (await planner.get(`/api/v1/plans/${planId}`)).json();
    const first = await planner.patch(`/api/v1/plans/${planId}`, { version: tree.version, title: '먼저' });
    expect(first.statusCode).toBe(200);
    const second = await planner.patch(`/api/v1/plans/${planId}`, { version: tree.version, title: '나중' });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('CONFLICT');
    expect((await planner.get(`/api/v1/plans/${planId}`)).json().title).toBe('먼저');
  });

  it('copies a plan into the next year with this year’s total as the previous-year target', async () => {
    const source = (await planner.get('/api/v1/plans')).json().find((p: { year: number }) => p.year === 2019);
    const copy = await planner.post(`/api/v1/plans/${source.id}/copy`, { year: 2020 });
    expect(copy.statusCode).toBe(201);
    const tree = copy.json();
    expect(tree).toMatchObject({
      year: 2020,
      title: '2020년 부평구 일자리대책 세부계획',
      previousYearTarget: 10562,
      targetTotal: 10562,
      status: 'draft',
    });
    expect(tree.strategies).toHaveLength(5);
    const again = await planner.post(`/api/v1/plans/${source.id}/copy`, { year: 2020 });
    expect(again.json().code).toBe('PLAN_YEAR_TAKEN');
  });

  it('a program with reported results cannot be deleted', async () => {
    const plan = (await planner.get('/api/v1/plans')).json().find((p: { year: number }) => p.year === 2019);
    const tree = (await planner.get(`/api/v1/plans/${plan.id}`)).json();
    const res = await planner.request('DELETE', `/api/v1/programs/${tree.strategies[0].programs[0].id}`);
    expect(res.json().code).toBe('PROGRAM_HAS_RESULTS');
  });

  it('every change to a plan is in the audit log with before and after', async () => {
    const rows = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity_type', 'in', ['plan', 'strategy', 'program'])
      .execute();
    const actions = new Set(rows.map((r) => r.action));
    for (const action of [
      'plan.create',
      'plan.update',
      'plan.copy',
      'strategy.create',
      'strategy.reorder',
      'strategy.delete',
      'program.create',
      'program.move',
      'program.reorder',
    ]) {
      expect(actions, action).toContain(action);
    }
    const update = rows.find((r) => r.action === 'plan.update')!;
    expect(JSON.parse(update.before_json!).title).toBe('2032');
    expect(JSON.parse(update.after_json!).title).toBe('먼저');
  });
});
