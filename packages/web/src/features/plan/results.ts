import {
  type Dashboard,
  FIELD_MESSAGES,
  fillMessage,
  type ProgramResults,
  ResultBody,
  type ResultStatus,
  TARGET_GROUPS,
  type TargetGroup,
} from '@ilteo/shared';
import type { z } from 'zod';
import { type FieldErrors, validate } from '../../api/validation';
import { numberText, parseWhole } from './numbers';

export type ProgramResultsData = z.infer<typeof ProgramResults>;
export type MonthState = ProgramResultsData['months'][number];
export type ResultRevisionData = MonthState['history'][number];

/** Today as the server sees it (UTC calendar date, `YYYY-MM-DD`). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The last closed month of a plan year on a date, as the server computes it: 0 before the year,
 * 12 after it, otherwise the month before the date's month.
 */
export function lastClosedMonth(year: number, today: string): number {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (y < year) return 0;
  if (y > year) return 12;
  return m - 1;
}

/** Whether results can be entered for a month yet (the server refuses months that have not begun). */
export function monthHasBegun(year: number, month: number, today: string): boolean {
  return month <= lastClosedMonth(year, today) + 1;
}

/** One line of the results table. */
export interface MonthRow {
  month: number;
  target: number;
  cumulativeTarget: number;
  /** The newest revision's figure and status (null when nothing was reported). */
  reported: number | null;
  status: ResultStatus | null;
  /** The newest approved figure: the official one, even while a correction is pending. */
  approved: number | null;
  cumulativeApproved: number;
  /** Cumulative approved ÷ cumulative target × 100, one decimal; null when nothing was expected. */
  rate: number | null;
  /** An approved month whose correction is not approved yet. */
  correctionPending: boolean;
}

/** The table's rows: targets and approved figures with their running totals. */
export function monthRows(months: readonly MonthState[]): MonthRow[] {
  let cumulativeTarget = 0;
  let cumulativeApproved = 0;
  return months.map((m) => {
    cumulativeTarget += m.target;
    cumulativeApproved += m.approvedJobs ?? 0;
    return {
      month: m.month,
      target: m.target,
      cumulativeTarget,
      reported: m.current?.jobs ?? null,
      status: m.current?.status ?? null,
      approved: m.approvedJobs,
      cumulativeApproved,
      rate: cumulativeTarget > 0 ? Math.round((cumulativeApproved / cumulativeTarget) * 1000) / 10 : null,
      correctionPending: m.approvedJobs !== null && m.current !== null && m.current.status !== 'approved',
    };
  });
}

/** What the signed-in user may do with a month. */
export interface MonthAbilities {
  /** Save figures as a draft (a first report, a draft, or a returned month). */
  edit: boolean;
  submit: boolean;
  /** Open a correction of an approved month. */
  correct: boolean;
  /** Approve or return a submitted month. */
  review: boolean;
  evidence: boolean;
}

/**
 * The month's workflow for a user who may report (`report`) and/or review (`review`): drafts and
 * returned months are edited and submitted, submitted months wait for review, approved months
 * are locked and can only be corrected. Months that have not begun take nothing.
 */
export function monthAbilities(
  month: Pick<MonthState, 'current'>,
  can: { report: boolean; review: boolean },
  begun: boolean,
): MonthAbilities {
  const status = month.current?.status ?? null;
  const open = status === null || status === 'draft' || status === 'returned';
  return {
    edit: can.report && begun && open,
    submit: can.report && (status === 'draft' || status === 'returned'),
    correct: can.report && status === 'approved',
    review: can.review && status === 'submitted',
    evidence: can.report && (status === 'draft' || status === 'returned'),
  };
}

/** The result form as typed. */
export interface ResultFormState {
  jobs: string;
  groupJobs: Partial<Record<TargetGroup, string>>;
  note: string;
  correctionReason: string;
}

/** A form filled from a revision (or empty), for the groups that have targets. */
export function resultFormFrom(
  revision: ResultRevisionData | null,
  groups: readonly TargetGroup[],
): ResultFormState {
  const groupJobs: Partial<Record<TargetGroup, string>> = {};
  for (const g of groups) {
    const value = revision?.groupJobs[g];
    groupJobs[g] = numberText(value);
  }
  return {
    jobs: numberText(revision?.jobs),
    groupJobs,
    note: revision?.note ?? '',
    correctionReason: revision?.correctionReason ?? '',
  };
}

export type ResultBodyData = z.infer<typeof ResultBody>;

/**
 * Checks a month's figures as the server does: whole numbers, group figures adding up to at
 * most the total, a reason when an approved month is corrected.
 */
export function readResultForm(
  state: ResultFormState,
  groups: readonly TargetGroup[],
  correcting: boolean,
): { body: ResultBodyData | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const jobs = parseWhole(state.jobs);
  if (!jobs.ok) errors.jobs = jobs.message;
  else if (jobs.value === null) errors.jobs = FIELD_MESSAGES.required;
  const groupJobs: Partial<Record<TargetGroup, number>> = {};
  for (const g of TARGET_GROUPS.filter((x) => groups.includes(x))) {
    const parsed = parseWhole(state.groupJobs[g] ?? '');
    if (!parsed.ok) errors[`groupJobs.${g}`] = parsed.message;
    else if (parsed.value !== null) groupJobs[g] = parsed.value;
  }
  const total = jobs.ok ? (jobs.value ?? 0) : 0;
  const sum = Object.values(groupJobs).reduce<number>((a, b) => a + (b ?? 0), 0);
  if (jobs.ok && jobs.value !== null && sum > total) {
    errors.groupJobs = fillMessage(FIELD_MESSAGES.group_sum, { sum, total });
  }
  const reason = state.correctionReason.trim();
  if (correcting && !reason) errors.correctionReason = FIELD_MESSAGES.correction_reason_required;
  const body = {
    jobs: jobs.ok ? (jobs.value ?? undefined) : undefined,
    groupJobs,
    note: state.note,
    ...(correcting || reason ? { correctionReason: reason || undefined } : {}),
  };
  for (const [field, message] of Object.entries(validate(ResultBody, body) ?? {})) {
    if (!(field in errors)) errors[field] = message;
  }
  if (Object.keys(errors).length) return { body: null, errors };
  return { body: ResultBody.parse(body), errors };
}

/** A submitted month waiting for the planner's review. */
export interface QueueItem {
  programId: number;
  programName: string;
  unitId: number;
  unitName: string;
  month: number;
  target: number;
}

/** Every program-month under review in a plan, oldest month first, in the plan's program order. */
export function reviewQueue(dashboard: Pick<Dashboard, 'programs'>): QueueItem[] {
  const items = dashboard.programs.flatMap((p, order) =>
    p.months
      .filter((m) => m.status === 'submitted')
      .map((m) => ({
        order,
        item: {
          programId: p.id,
          programName: p.name,
          unitId: p.unitId,
          unitName: p.unitName,
          month: m.month,
          target: m.target,
        },
      })),
  );
  return items.sort((a, b) => a.item.month - b.item.month || a.order - b.order).map((x) => x.item);
}

/** What a program still owes: months not reported, drafts not submitted, months returned. */
export interface ReportTodo {
  programId: number;
  programName: string;
  unitId: number;
  unitName: string;
  /** The last closed month has no submitted or approved figure. */
  missingLastMonth: boolean;
  /** Closed months with nothing reported at all. */
  missing: number[];
  drafts: number[];
  returned: number[];
}

/** The programs that still have something to report, as of the dashboard's last closed month. */
export function reportTodos(
  dashboard: Pick<Dashboard, 'programs' | 'lastClosedMonth' | 'missingReportProgramIds'>,
): ReportTodo[] {
  const missingIds = new Set(dashboard.missingReportProgramIds);
  return dashboard.programs
    .map((p) => {
      const closed = p.months.filter((m) => m.month <= dashboard.lastClosedMonth);
      return {
        programId: p.id,
        programName: p.name,
        unitId: p.unitId,
        unitName: p.unitName,
        missingLastMonth: missingIds.has(p.id),
        missing: closed.filter((m) => m.status === null).map((m) => m.month),
        drafts: p.months.filter((m) => m.status === 'draft').map((m) => m.month),
        returned: p.months.filter((m) => m.status === 'returned').map((m) => m.month),
      };
    })
    .filter((t) => t.missingLastMonth || t.missing.length || t.drafts.length || t.returned.length);
}
