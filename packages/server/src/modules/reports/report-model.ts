import {
  type Budget,
  type Dashboard,
  JOB_TYPE_LABELS,
  type JobType,
  type PaceStatus,
  type Plan,
  type PublicPlan,
  TARGET_GROUP_LABELS,
  type TargetGroup,
} from '@ilteo/shared';
import { percent } from '../plan/monitoring.js';

/**
 * One report, whatever its file format: the XLSX, PDF and CSV writers all render this model, so
 * a figure cannot differ between them, and every figure is copied from the API's own answer
 * (the dashboard for the back office, the public plan for citizens), never recomputed.
 */

/** How a value is written: text, a count of jobs, an amount in won, or a percentage (71.3 = 71.3 %). */
export type CellFormat = 'text' | 'count' | 'won' | 'percent';
export type CellValue = string | number | null;

/** One column of a table: its Korean header, width in characters, format and value. */
export interface Column<R> {
  header: string;
  width: number;
  format: CellFormat;
  value: (row: R) => CellValue;
}

/** One labelled figure of the summary. */
export interface SummaryItem {
  label: string;
  value: CellValue;
  format: CellFormat;
}

export interface StrategyLine {
  /** The strategy's id, as text; programs name it as their `strategyKey`. */
  key: string;
  name: string;
  target: number;
  achieved: number;
  rate: number | null;
  expectedToDate?: number;
  paceStatus?: PaceStatus;
  forecast?: number;
}

export interface ProgramLine {
  strategyKey: string;
  strategyName: string;
  name: string;
  unitName: string;
  jobType: JobType;
  targetGroups: TargetGroup[];
  budget?: Budget;
  annualTarget: number;
  monthTargets?: number[];
  /** Approved jobs per month (null: nothing approved for that month). */
  monthApproved: (number | null)[];
  achieved: number;
  rate: number | null;
  paceStatus?: PaceStatus;
  forecast?: number;
  illustrative: boolean;
}

/** The month-by-month line of the first chart. */
export interface MonthPoint {
  month: number;
  cumulativeTarget: number | null;
  cumulativeActual: number | null;
}

/** The plan as the import template has it (`계획`, `전략목록` and `사업목록` sheets). */
export interface TemplatePlan {
  fields: {
    title: string;
    year: number;
    vision: string;
    masterPlan: string;
    previousYearTarget: number | null;
    employmentRateTarget: number | null;
    employedIncreaseTarget: number | null;
    paceBehindBelow: number;
    paceAheadAbove: number;
  };
  strategies: { name: string; description: string }[];
  programs: {
    strategyName: string;
    name: string;
    description: string;
    unitCode: string;
    jobType: JobType;
    targetGroups: TargetGroup[];
    budget: Budget;
    annualTarget: number;
    phasing: number[];
    groupTargets: Partial<Record<TargetGroup, number>>;
    illustrative: boolean;
  }[];
}

export interface Report {
  kind: 'plan' | 'public';
  organisationName: string;
  title: string;
  year: number;
  /** What the figures are as of, in words (기준일 or 마지막 보고월). */
  asOfText: string;
  /** A note on whose programs are included, when not all of them are. */
  scopeNote: string | null;
  /** Why some figures are illustrative (the demo plan's per-program figures), on every page; null if none are. */
  note: string | null;
  summary: SummaryItem[];
  /** Headline figures for the first page of the PDF. */
  headline: SummaryItem[];
  strategies: StrategyLine[];
  strategyColumns: Column<StrategyLine>[];
  programs: ProgramLine[];
  programColumns: Column<ProgramLine>[];
  monthly: MonthPoint[];
  /** The annual target, drawn as a line when monthly targets are not published. */
  annualTarget: number;
  template: TemplatePlan | null;
  /** File names: the Korean one and an ASCII fallback. */
  fileBase: string;
  asciiBase: string;
}

export const PACE_LABELS: Record<PaceStatus, string> = {
  ahead: '초과',
  on_pace: '정상',
  behind: '부진',
  not_started: '시작 전',
};

/** The note on illustrative figures: for the demo plan, or for a plan with some programs marked illustrative. */
export function illustrativeNote(isDemo: boolean, lines: ProgramLine[]): string | null {
  if (isDemo) return '데모 계획: 계획 총계는 원자료의 수치이며, 사업별 예산·목표·실적은 예시입니다.';
  return lines.some((l) => l.illustrative) ? "'예시 수치'로 표시된 사업의 수치는 예시입니다." : null;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const groupLabels = (groups: TargetGroup[]) => groups.map((g) => TARGET_GROUP_LABELS[g].ko).join(', ');

/** The program columns both kinds of report start with. */
const leadColumns: Column<ProgramLine>[] = [
  { header: '사업명', width: 34, format: 'text', value: (p) => p.name },
  { header: '담당부서', width: 22, format: 'text', value: (p) => p.unitName },
  { header: '사업유형', width: 14, format: 'text', value: (p) => JOB_TYPE_LABELS[p.jobType].ko },
  { header: '대상', width: 18, format: 'text', value: (p) => groupLabels(p.targetGroups) },
];
const budgetColumns: Column<ProgramLine>[] = (
  [
    ['국비', 'national'],
    ['시비', 'city'],
    ['구비', 'district'],
    ['기타', 'other'],
  ] as const
).map(([label, key]) => ({
  header: `예산(${label})`,
  width: 15,
  format: 'won',
  value: (p) => p.budget?.[key] ?? 0,
}));
const approvedColumns: Column<ProgramLine>[] = MONTHS.map((m) => ({
  header: `${m}월 실적`,
  width: 9,
  format: 'count',
  value: (p) => p.monthApproved[m - 1] ?? null,
}));
const illustrativeColumn: Column<ProgramLine> = {
  header: '예시 수치',
  width: 9,
  format: 'text',
  value: (p) => (p.illustrative ? '예시' : ''),
};

/** Back-office program columns: structure, budget, phasing, approved results and monitoring. */
export const PLAN_PROGRAM_COLUMNS: Column<ProgramLine>[] = [
  ...leadColumns,
  ...budgetColumns,
  { header: '연간 목표', width: 10, format: 'count', value: (p) => p.annualTarget },
  ...MONTHS.map(
    (m): Column<ProgramLine> => ({
      header: `${m}월 목표`,
      width: 9,
      format: 'count',
      value: (p) => p.monthTargets?.[m - 1] ?? null,
    }),
  ),
  ...approvedColumns,
  { header: '누계 실적', width: 10, format: 'count', value: (p) => p.achieved },
  { header: '달성률(%)', width: 10, format: 'percent', value: (p) => p.rate },
  {
    header: '진도 상태',
    width: 10,
    format: 'text',
    value: (p) => (p.paceStatus ? PACE_LABELS[p.paceStatus] : ''),
  },
  { header: '연말 전망', width: 10, format: 'count', value: (p) => p.forecast ?? null },
  illustrativeColumn,
];

/** Public program columns: only what the public plan publishes (no budgets, phasing or forecasts). */
export const PUBLIC_PROGRAM_COLUMNS: Column<ProgramLine>[] = [
  ...leadColumns,
  { header: '연간 목표', width: 10, format: 'count', value: (p) => p.annualTarget },
  ...approvedColumns,
  { header: '누계 실적', width: 10, format: 'count', value: (p) => p.achieved },
  { header: '달성률(%)', width: 10, format: 'percent', value: (p) => p.rate },
  illustrativeColumn,
];

const strategyLead: Column<StrategyLine>[] = [
  { header: '전략', width: 44, format: 'text', value: (s) => s.name },
  { header: '목표', width: 12, format: 'count', value: (s) => s.target },
  { header: '실적(승인)', width: 12, format: 'count', value: (s) => s.achieved },
  { header: '달성률(%)', width: 11, format: 'percent', value: (s) => s.rate },
];
export const PLAN_STRATEGY_COLUMNS: Column<StrategyLine>[] = [
  ...strategyLead,
  { header: '현재까지 기대 실적', width: 16, format: 'count', value: (s) => s.expectedToDate ?? null },
  {
    header: '진도 상태',
    width: 10,
    format: 'text',
    value: (s) => (s.paceStatus ? PACE_LABELS[s.paceStatus] : ''),
  },
  { header: '연말 전망', width: 12, format: 'count', value: (s) => s.forecast ?? null },
];
export const PUBLIC_STRATEGY_COLUMNS = strategyLead;

/** `2019-12-31` → `2019. 12. 31.` (the product's date style). */
export function koreanDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}. ${m}. ${d}.`;
}

export interface PlanReportInput {
  plan: Plan;
  isDemo: boolean;
  dashboard: Dashboard;
  /** Unit code of each unit id, for the template. */
  unitCodes: Map<number, string>;
  /** Set when the reader sees only some units' programs (a reporter). */
  scopeUnitNames: string[] | null;
}

/** The back-office report: the plan tree joined with its dashboard as of a date. */
export function planReport({ plan, isDemo, dashboard, unitCodes, scopeUnitNames }: PlanReportInput): Report {
  const s = dashboard.summary;
  const strategyName = new Map(plan.strategies.map((st) => [st.id, st.name]));
  const programs = plan.strategies.flatMap((st) => st.programs);
  const monitored = new Map(dashboard.programs.map((p) => [p.id, p]));
  const lines: ProgramLine[] = programs.map((p) => {
    const m = monitored.get(p.id);
    if (!m) throw new Error(`program ${p.id} missing from the dashboard`);
    return {
      strategyKey: String(p.strategyId),
      strategyName: strategyName.get(p.strategyId) ?? '',
      name: p.name,
      unitName: p.ownerUnit.name,
      jobType: p.jobType,
      targetGroups: p.targetGroups,
      budget: p.budget,
      annualTarget: m.target,
      monthTargets: m.months.map((x) => x.target),
      monthApproved: m.months.map((x) => x.approved),
      achieved: m.achieved,
      rate: m.rate,
      paceStatus: m.paceStatus,
      forecast: m.forecast,
      illustrative: m.illustrative,
    };
  });
  const asOf = koreanDate(dashboard.asOf);
  // The previous year's target is the whole plan's: against some units' programs only it means nothing.
  const yearOnYear = (items: SummaryItem[]): SummaryItem[] =>
    scopeUnitNames ? items.filter((i) => !i.label.startsWith('전년')) : items;
  return {
    kind: 'plan',
    organisationName: plan.organisation.name,
    title: plan.title,
    year: plan.year,
    asOfText: `${asOf} 기준 (승인된 실적)`,
    scopeNote: scopeUnitNames ? `담당 부서의 사업만 포함: ${scopeUnitNames.join(', ')}` : null,
    note: illustrativeNote(isDemo, lines),
    summary: yearOnYear([
      { label: '계획명', value: plan.title, format: 'text' },
      { label: '연도', value: plan.year, format: 'text' },
      { label: '기관', value: plan.organisation.name, format: 'text' },
      { label: '비전', value: plan.vision, format: 'text' },
      { label: '종합계획', value: plan.masterPlan, format: 'text' },
      { label: '목표 합계', value: s.targetTotal, format: 'count' },
      { label: '전년도 목표', value: s.previousYearTarget, format: 'count' },
      { label: '전년 대비 증감률(%)', value: s.targetChangePct, format: 'percent' },
      { label: '누계 실적(승인)', value: s.achievedTotal, format: 'count' },
      { label: '달성률(%)', value: s.achievementRate, format: 'percent' },
      { label: '현재까지 기대 실적', value: s.expectedToDate, format: 'count' },
      { label: '진도율(%)', value: s.paceRatio, format: 'percent' },
      { label: '진도 상태', value: PACE_LABELS[s.paceStatus], format: 'text' },
      { label: '연말 전망', value: s.forecast, format: 'count' },
      { label: '전망 달성률(%)', value: s.forecastRate, format: 'percent' },
      { label: '사업 수', value: s.programCount, format: 'count' },
      { label: '기준일', value: dashboard.asOf, format: 'text' },
    ]),
    headline: yearOnYear([
      { label: '목표 합계', value: s.targetTotal, format: 'count' },
      { label: '전년도 목표', value: s.previousYearTarget, format: 'count' },
      { label: '전년 대비', value: s.targetChangePct, format: 'percent' },
      { label: '누계 실적(승인)', value: s.achievedTotal, format: 'count' },
      { label: '달성률', value: s.achievementRate, format: 'percent' },
      { label: '현재까지 기대 실적', value: s.expectedToDate, format: 'count' },
      { label: `진도 (${PACE_LABELS[s.paceStatus]})`, value: s.paceRatio, format: 'percent' },
      { label: '연말 전망', value: s.forecast, format: 'count' },
    ]),
    strategies: dashboard.byStrategy.map((b) => ({
      key: b.key,
      name: b.label,
      target: b.target,
      achieved: b.achieved,
      rate: b.rate,
      expectedToDate: b.expectedToDate,
      paceStatus: b.paceStatus,
      forecast: b.forecast,
    })),
    strategyColumns: PLAN_STRATEGY_COLUMNS,
    programs: lines,
    programColumns: PLAN_PROGRAM_COLUMNS,
    monthly: dashboard.monthly.map((m) => ({
      month: m.month,
      cumulativeTarget: m.cumulativeTarget,
      cumulativeActual: m.cumulativeActual,
    })),
    annualTarget: s.targetTotal,
    template: {
      fields: {
        title: plan.title,
        year: plan.year,
        vision: plan.vision,
        masterPlan: plan.masterPlan,
        previousYearTarget: plan.previousYearTarget,
        employmentRateTarget: plan.employmentRateTarget,
        employedIncreaseTarget: plan.employedIncreaseTarget,
        paceBehindBelow: plan.paceBehindBelow,
        paceAheadAbove: plan.paceAheadAbove,
      },
      strategies: plan.strategies.map((st) => ({ name: st.name, description: st.description })),
      programs: programs.map((p) => ({
        strategyName: strategyName.get(p.strategyId) ?? '',
        name: p.name,
        description: p.description,
        unitCode: unitCodes.get(p.ownerUnit.id) ?? '',
        jobType: p.jobType,
        targetGroups: p.targetGroups,
        budget: p.budget,
        annualTarget: p.annualTarget,
        phasing: p.phasing,
        groupTargets: p.groupTargets,
        illustrative: p.illustrative,
      })),
    },
    fileBase: `${plan.title} (${dashboard.asOf} 기준)`,
    asciiBase: `ilteo-plan-${plan.year}-${dashboard.asOf}`,
  };
}

/** The citizens' report: the public plan exactly as the public API shows it (approved results only). */
export function publicReport(plan: PublicPlan, isDemo: boolean): Report {
  const s = plan.summary;
  const lines: ProgramLine[] = plan.strategies.flatMap((st) =>
    st.programs.map((p) => {
      const monthApproved: (number | null)[] = Array(12).fill(null);
      for (const m of p.approvedMonths) monthApproved[m.month - 1] = m.jobs;
      return {
        strategyKey: String(st.id),
        strategyName: st.name,
        name: p.name,
        unitName: p.ownerUnitName,
        jobType: p.jobType,
        targetGroups: p.targetGroups,
        annualTarget: p.annualTarget,
        monthApproved,
        achieved: p.achieved,
        rate: percent(p.achieved, p.annualTarget),
        illustrative: p.illustrative,
      };
    }),
  );
  const monthlyActual = Array<number>(12).fill(0);
  for (const l of lines) {
    l.monthApproved.forEach((v, i) => {
      monthlyActual[i]! += v ?? 0;
    });
  }
  let cumulative = 0;
  const lastMonth = s.lastReportedMonth ? `${s.lastReportedMonth}월까지 승인된 실적` : '승인된 실적 없음';
  return {
    kind: 'public',
    organisationName: plan.organisationName,
    title: plan.title,
    year: plan.year,
    asOfText: lastMonth,
    scopeNote: null,
    note: illustrativeNote(isDemo, lines),
    summary: [
      { label: '계획명', value: plan.title, format: 'text' },
      { label: '연도', value: plan.year, format: 'text' },
      { label: '기관', value: plan.organisationName, format: 'text' },
      { label: '비전', value: plan.vision, format: 'text' },
      { label: '종합계획', value: plan.masterPlan, format: 'text' },
      { label: '목표 합계', value: s.targetTotal, format: 'count' },
      { label: '전년도 목표', value: s.previousYearTarget, format: 'count' },
      { label: '전년 대비 증감률(%)', value: s.targetChangePct, format: 'percent' },
      { label: '누계 실적(승인)', value: s.achievedTotal, format: 'count' },
      { label: '달성률(%)', value: s.achievementRate, format: 'percent' },
      { label: '마지막 보고월', value: s.lastReportedMonth || null, format: 'count' },
      { label: '공개일', value: plan.publishedAt ? plan.publishedAt.slice(0, 10) : null, format: 'text' },
    ],
    headline: [
      { label: '목표 합계', value: s.targetTotal, format: 'count' },
      { label: '전년도 목표', value: s.previousYearTarget, format: 'count' },
      { label: '전년 대비', value: s.targetChangePct, format: 'percent' },
      { label: '누계 실적(승인)', value: s.achievedTotal, format: 'count' },
      { label: '달성률', value: s.achievementRate, format: 'percent' },
    ],
    strategies: plan.strategies.map((st) => ({
      key: String(st.id),
      name: st.name,
      target: st.target,
      achieved: st.achieved,
      rate: percent(st.achieved, st.target),
    })),
    strategyColumns: PUBLIC_STRATEGY_COLUMNS,
    programs: lines,
    programColumns: PUBLIC_PROGRAM_COLUMNS,
    monthly: monthlyActual.map((actual, i) => {
      const shown = i < s.lastReportedMonth;
      if (shown) cumulative += actual;
      return { month: i + 1, cumulativeTarget: null, cumulativeActual: shown ? cumulative : null };
    }),
    annualTarget: s.targetTotal,
    template: null,
    fileBase: `${plan.title} (공개 보고서)`,
    asciiBase: `ilteo-public-plan-${plan.year}`,
  };
}
