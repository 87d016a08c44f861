import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

interface MonthView {
  month: number;
  current: { status: string; jobs: number; revision: number; reviewComment: string | null } | null;
  approvedJobs: number | null;
  history: unknown[];
}

describe.each(testDatabases())('monthly results workflow on $name', (database) => {
  let t: TestApp;
  let reporter: TestClient;
  let planner: TestClient;
  let planId: number;
  let ownProgram: number;
  let otherProgram: number;

  const month = async (client: TestClient, programId: number, m: number) =>
    ((await client.get(`/api/v1/programs/${programId}/results`)).json().months as MonthView[])[m - 1]!;
  const publicFigure = async (programId: number) => {
    const plan = (await t.client().get(`/api/v1/public/plans/${planId}`)).json();
    const programs = plan.strategies.flatMap(
      (s: { programs: { id: number; achieved: number }[] }) => s.programs,
    );
    return {
      program: programs.find((p: { id: number }) => p.id === programId).achieved as number,
      total: plan.summary.achievedTotal as number,
    };
  };

  beforeAll(async () => {
    t = await createTestApp(database);
    reporter = await t.signedIn('reporter');
    planner = await t.signedIn('planner');
    planId = (await planner.get('/api/v1/plans')).json()[0].id;
    const tree = (await planner.get(`/api/v1/plans/${planId}`)).json();
    const programs = tree.strategies.flatMap(
      (s: { programs: { id: number; name: string; ownerUnit: { name: string } }[] }) => s.programs,
    );
    // 찾아가는 취업정보센터 belongs to the reporter's 일자리경제과 and has not reported November.
    ownProgram = programs.find((p: { name: string }) => p.name === '찾아가는 취업정보센터').id;
    otherProgram = programs.find(
      (p: { ownerUnit: { name: string } }) => p.ownerUnit.name === '도시재생과',
    ).id;
  });
  afterAll(() => t.close());

  it('a reporter submits, the planner returns with a comment, the reporter corrects, the planner approves', async () => {
    const before = await publicFigure(ownProgram);
    const dashBefore = (await planner.get(`/api/v1/plans/${planId}/dashboard`)).json();
    expect(dashBefore.missingReportProgramIds).toContain(ownProgram);

    expect(
      (
        await reporter.request('PUT', `/api/v1/programs/${ownProgram}/results/11`, {
          body: { jobs: 15, note: '11월 실적' },
        })
      ).statusCode,
    ).toBe(200);
    expect((await month(reporter, ownProgram, 11)).current).toMatchObject({ status: 'draft', jobs: 15 });
    expect((await reporter.post(`/api/v1/programs/${ownProgram}/results/11/submit`)).statusCode).toBe(200);

    // Under review, the reporter cannot change it.
    const locked = await reporter.request('PUT', `/api/v1/programs/${ownProgram}/results/11`, {
      body: { jobs: 99 },
    });
    expect(locked.json().code).toBe('RESULT_UNDER_REVIEW');

    const returned = await planner.post(`/api/v1/programs/${ownProgram}/results/11/return`, {
      comment: '증빙을 첨부해 주세요',
    });
    expect(returned.statusCode).toBe(200);
    expect((await month(reporter, ownProgram, 11)).current).toMatchObject({
      status: 'returned',
      reviewComment: '증빙을 첨부해 주세요',
    });

    await reporter.request('PUT', `/api/v1/programs/${ownProgram}/results/11`, { body: { jobs: 18 } });
    await reporter.post(`/api/v1/programs/${ownProgram}/results/11/submit`);
    // Nothing under review is public yet.
    expect(await publicFigure(ownProgram)).toEqual(before);

    expect((await planner.post(`/api/v1/programs/${ownProgram}/results/11/approve`)).statusCode).toBe(200);
    expect((await month(planner, ownProgram, 11)).approvedJobs).toBe(18);
    expect(await publicFigure(ownProgram)).toEqual({
      program: before.program + 18,
      total: before.total + 18,
    });
    // The national roll-up reads each program's kept total: the approval updated it in step.
    const rollup = (await t.client().get('/api/v1/public/rollup?year=2019')).json();
    expect(rollup.total.achieved).toBe(before.total + 18);

    const dashAfter = (await planner.get(`/api/v1/plans/${planId}/dashboard`)).json();
    expect(dashAfter.missingReportProgramIds).not.toContain(ownProgram);
    expect(dashAfter.summary.achievedTotal).toBe(dashBefore.summary.achievedTotal + 18);
    const paceOf = (d: { programs: { id: number; paceRatio: number }[] }) =>
      d.programs.find((p) => p.id === ownProgram)!.paceRatio;
    expect(paceOf(dashAfter)).toBeGreaterThan(paceOf(dashBefore));
  });

  it('an approved month is locked: a correction is a new revision with a reason, official only once approved', async () => {
    const approved = await month(reporter, ownProgram, 11);
    const noReason = await reporter.request('PUT', `/api/v1/programs/${ownProgram}/results/11`, {
      body: { jobs: 20 },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({
      field: 'correctionReason',
      code: 'correction_reason_required',
    });

    const correction = await reporter.request('PUT', `/api/v1/programs/${ownProgram}/results/11`, {
      body: { jobs: 20, correctionReason: '중복 집계 정정' },
    });
    expect(correction.statusCode).toBe(200);
    const m = await month(reporter, ownProgram, 11);
    expect(m.current).toMatchObject({
      status: 'draft',
      jobs: 20,
      revision: (approved.current?.revision ?? 0) + 1,
    });
    expect(m.approvedJobs).toBe(18);
    expect(m.history).toHaveLength(2);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'result.correct')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a reporter cannot see or change another unit’s program', async () => {
    const before = await countRows(t.db, 'audit_log');
    expect((await reporter.get(`/api/v1/programs/${otherProgram}`)).statusCode).toBe(404);
    expect((await reporter.get(`/api/v1/programs/${otherProgram}/results`)).statusCode).toBe(404);
    const put = await reporter.request('PUT', `/api/v1/programs/${otherProgram}/results/11`, {
      body: { jobs: 5 },
    });
    expect(put.statusCode).toBe(404);
    expect((await reporter.post(`/api/v1/programs/${otherProgram}/results/11/submit`)).statusCode).toBe(404);
    const tree = (await reporter.get(`/api/v1/plans/${planId}`)).json();
    const units = new Set(
      tree.strategies.flatMap((s: { programs: { ownerUnit: { name: string } }[] }) =>
        s.programs.map((p) => p.ownerUnit.name),
      ),
    );
    expect([...units]).toEqual(['일자리경제과']);
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it('a reporter cannot approve their own result', async () => {
    const res = await reporter.post(`/api/v1/programs/${ownProgram}/results/11/approve`);
    expect(res.statusCode).toBe(403);
  });

  it('two reviewers approving at once: exactly one wins', async () => {
    await reporter.post(`/api/v1/programs/${ownProgram}/results/11/submit`);
    const admin = await t.signedIn('admin');
    const [a, b] = await Promise.all([
      planner.post(`/api/v1/programs/${ownProgram}/results/11/approve`),
      admin.post(`/api/v1/programs/${ownProgram}/results/11/return`, { comment: '반려' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('group figures must belong to the program’s groups and not exceed the total', async () => {
    const res = await reporter.request('PUT', `/api/v1/programs/${ownProgram}/results/12`, {
      body: { jobs: 3, groupJobs: { youth: 5, elderly: 1 } },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['groupJobs.youth', 'groupJobs']));
  });
});

describe.each(testDatabases())('a reporter’s dashboard on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t.close());

  it('covers their own programs only and claims no year-on-year change for the whole plan', async () => {
    const reporter = await t.signedIn('reporter');
    const planner = await t.signedIn('planner');
    const planId = (await planner.get('/api/v1/plans')).json()[0].id;
    const whole = (await planner.get(`/api/v1/plans/${planId}/dashboard`)).json();
    const own = (await reporter.get(`/api/v1/plans/${planId}/dashboard`)).json();
    expect(whole.summary.targetChangePct).toBe(8.7);
    expect(own.summary.targetTotal).toBeLessThan(whole.summary.targetTotal);
    expect(own.summary.previousYearTarget).toBeNull();
    expect(own.summary.targetChangePct).toBeNull();
    expect(new Set(own.byUnit.map((u: { label: string }) => u.label))).toEqual(new Set(['일자리경제과']));
    const tree = (await reporter.get(`/api/v1/plans/${planId}`)).json();
    expect(tree.targetTotal).toBe(own.summary.targetTotal);
    expect(tree.targetChangePct).toBeNull();
    expect(tree.strategies[0].programs[0]?.planId ?? planId).toBe(planId);
  });
});
