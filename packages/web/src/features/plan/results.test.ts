import type { Dashboard } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import {
  lastClosedMonth,
  type MonthState,
  monthAbilities,
  monthHasBegun,
  monthRows,
  readResultForm,
  reportTodos,
  resultFormFrom,
  reviewQueue,
} from './results';

function revision(status: 'draft' | 'submitted' | 'approved' | 'returned', jobs: number, extra = {}) {
  return {
    id: jobs,
    month: 1,
    revision: 1,
    status,
    jobs,
    groupJobs: {},
    note: '',
    reviewComment: null,
    correctionReason: null,
    source: 'manual',
    submittedAt: null,
    reviewedAt: null,
    updatedAt: '2019-12-01T00:00:00.000Z',
    evidence: [],
    ...extra,
  };
}

function month(
  n: number,
  target: number,
  current: ReturnType<typeof revision> | null,
  approvedJobs: number | null,
): MonthState {
  return { month: n, target, current, approvedJobs, history: current ? [current] : [] };
}

describe('the months that can be reported', () => {
  it('follows the server: the month after the last closed one is the last open', () => {
    expect(lastClosedMonth(2019, '2019-07-15')).toBe(6);
    expect(lastClosedMonth(2019, '2026-11-26')).toBe(12);
    expect(lastClosedMonth(2027, '2026-11-26')).toBe(0);
    expect(monthHasBegun(2019, 7, '2019-07-15')).toBe(true);
    expect(monthHasBegun(2019, 8, '2019-07-15')).toBe(false);
    expect(monthHasBegun(2027, 1, '2026-11-26')).toBe(true);
  });
});

describe('the results table', () => {
  it('keeps running totals of targets and approved figures only', () => {
    const rows = monthRows([
      month(1, 20, revision('approved', 18), 18),
      month(2, 20, revision('submitted', 25), null),
      month(3, 20, revision('draft', 7, { revision: 2 }), 19),
    ]);
    expect(rows.map((r) => r.cumulativeTarget)).toEqual([20, 40, 60]);
    expect(rows.map((r) => r.cumulativeApproved)).toEqual([18, 18, 37]);
    expect(rows[2]).toMatchObject({ reported: 7, approved: 19, correctionPending: true, rate: 61.7 });
    expect(rows[0]!.correctionPending).toBe(false);
  });
});

describe('what a user may do with a month', () => {
  const reporter = { report: true, review: false };
  const planner = { report: true, review: true };
  const council = { report: false, review: false };

  it('lets a reporter enter a new month and submit a draft or returned one', () => {
    expect(monthAbilities({ current: null }, reporter, true)).toMatchObject({ edit: true, submit: false });
    expect(monthAbilities({ current: revision('draft', 1) }, reporter, true)).toMatchObject({
      edit: true,
      submit: true,
      evidence: true,
    });
    expect(monthAbilities({ current: revision('returned', 1) }, reporter, true)).toMatchObject({
      edit: true,
      submit: true,
    });
  });

  it('locks a month under review and an approved month, which can only be corrected', () => {
    expect(monthAbilities({ current: revision('submitted', 1) }, reporter, true)).toEqual({
      edit: false,
      submit: false,
      correct: false,
      review: false,
      evidence: false,
    });
    expect(monthAbilities({ current: revision('approved', 1) }, reporter, true)).toMatchObject({
      edit: false,
      correct: true,
    });
  });

  it('gives review to planners only, and nothing to council members', () => {
    expect(monthAbilities({ current: revision('submitted', 1) }, planner, true).review).toBe(true);
    expect(
      Object.values(monthAbilities({ current: revision('draft', 1) }, council, true)).some(Boolean),
    ).toBe(false);
  });

  it('does not open months that have not begun', () => {
    expect(monthAbilities({ current: null }, reporter, false).edit).toBe(false);
  });
});

describe('the result form', () => {
  it('reads figures and per-group figures', () => {
    const state = {
      ...resultFormFrom(null, ['youth']),
      jobs: '1,020',
      groupJobs: { youth: '20' },
      note: ' 현장 ',
    };
    expect(readResultForm(state, ['youth'], false)).toEqual({
      body: { jobs: 1020, groupJobs: { youth: 20 }, note: '현장' },
      errors: {},
    });
  });

  it('needs a figure, and group figures adding up to at most it', () => {
    expect(Object.keys(readResultForm(resultFormFrom(null, []), [], false).errors)).toEqual(['jobs']);
    const state = { ...resultFormFrom(null, ['youth']), jobs: '10', groupJobs: { youth: '11' } };
    expect(readResultForm(state, ['youth'], false).errors.groupJobs?.ko).toContain('11');
  });

  it('needs a reason to correct an approved month', () => {
    const approved = revision('approved', 17);
    const state = resultFormFrom(approved, []);
    expect(state.jobs).toBe('17');
    expect(Object.keys(readResultForm(state, [], true).errors)).toEqual(['correctionReason']);
    expect(readResultForm({ ...state, correctionReason: '중복 집계' }, [], true).body).toMatchObject({
      jobs: 17,
      correctionReason: '중복 집계',
    });
  });
});

const dashboard = {
  lastClosedMonth: 11,
  missingReportProgramIds: [20],
  programs: [
    {
      id: 18,
      name: '소규모 채용행사',
      unitId: 1,
      unitName: '일자리경제과',
      months: Array.from({ length: 12 }, (_, i) => ({
        month: i + 1,
        target: 31,
        approved: null,
        status: i === 10 ? 'submitted' : i < 10 ? 'approved' : null,
      })),
    },
    {
      id: 20,
      name: '찾아가는 취업정보센터',
      unitId: 1,
      unitName: '일자리경제과',
      months: Array.from({ length: 12 }, (_, i) => ({
        month: i + 1,
        target: 20,
        approved: null,
        status: i === 3 ? 'returned' : i === 9 ? 'submitted' : i < 10 ? 'approved' : null,
      })),
    },
  ],
} as unknown as Dashboard;

describe('the review queue and what is left to report', () => {
  it('lists every submitted month, oldest first', () => {
    expect(reviewQueue(dashboard).map((q) => [q.programId, q.month])).toEqual([
      [20, 10],
      [18, 11],
    ]);
  });

  it('lists programs missing the last closed month, and returned or draft months', () => {
    expect(reportTodos(dashboard)).toEqual([
      {
        programId: 20,
        programName: '찾아가는 취업정보센터',
        unitId: 1,
        unitName: '일자리경제과',
        missingLastMonth: true,
        missing: [11],
        drafts: [],
        returned: [4],
      },
    ]);
  });
});
