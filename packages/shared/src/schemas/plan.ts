import { z } from 'zod';
import { Id, Timestamp } from './common.js';

/** 일자리사업 유형 (the national job-program classification). */
export const JOB_TYPES = [
  'direct',
  'training',
  'employment_service',
  'subsidy',
  'startup',
  'income_support',
  'other',
] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_TYPE_LABELS: Record<JobType, { ko: string; en: string }> = {
  direct: { ko: '직접일자리', en: 'Direct job creation' },
  training: { ko: '직업훈련', en: 'Vocational training' },
  employment_service: { ko: '고용서비스', en: 'Employment services' },
  subsidy: { ko: '고용장려금', en: 'Employment subsidies' },
  startup: { ko: '창업지원', en: 'Start-up support' },
  income_support: { ko: '실업소득 유지·지원', en: 'Unemployment income support' },
  other: { ko: '기타', en: 'Other' },
};

/** Target groups (대상 계층). */
export const TARGET_GROUPS = [
  'youth',
  'new_middle_aged',
  'career_break_women',
  'disabled',
  'elderly',
  'vulnerable',
  'self_sufficiency',
  'all',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TARGET_GROUP_LABELS: Record<TargetGroup, { ko: string; en: string }> = {
  youth: { ko: '청년', en: 'Youth' },
  new_middle_aged: { ko: '신중년', en: 'New middle-aged' },
  career_break_women: { ko: '경력단절여성', en: 'Women with career breaks' },
  disabled: { ko: '장애인', en: 'People with disabilities' },
  elderly: { ko: '노인', en: 'Older people' },
  vulnerable: { ko: '취업취약계층', en: 'Hard-to-employ' },
  self_sufficiency: { ko: '자활참여자', en: 'Self-sufficiency participants' },
  all: { ko: '전체', en: 'Everyone' },
};

export const RESULT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export const PACE_STATUSES = ['ahead', 'on_pace', 'behind', 'not_started'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number];

const Count = z.number().int().min(0).max(10_000_000);
const Won = z.number().int().min(0).max(1_000_000_000_000_000);
const Month = z.coerce.number().int().min(1).max(12);

export const Budget = z.strictObject({ national: Won, city: Won, district: Won, other: Won });
export type Budget = z.infer<typeof Budget>;

/** Twelve monthly targets; their sum must equal the annual target (checked by the service). */
export const Phasing = z.array(Count).length(12);

export const GroupCounts = z.partialRecord(z.enum(TARGET_GROUPS), Count);

export const PlanFields = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  vision: z.string().trim().max(500).default(''),
  masterPlan: z.string().trim().max(200).default(''),
  previousYearTarget: Count.nullable().default(null),
  employmentRateTarget: z.number().min(0).max(100).nullable().default(null),
  employedIncreaseTarget: z.number().int().min(-10_000_000).max(10_000_000).nullable().default(null),
  paceBehindBelow: z.number().min(0).max(100).default(90),
  paceAheadAbove: z.number().min(100).max(1000).default(110),
});
export const CreatePlanBody = PlanFields;
export const UpdatePlanBody = PlanFields.partial().extend({ version: z.number().int().min(1) });

export const StrategyBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
});
export const UpdateStrategyBody = StrategyBody.partial().extend({ version: z.number().int().min(1) });

export const ProgramFields = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  ownerUnitId: Id,
  jobType: z.enum(JOB_TYPES),
  targetGroups: z.array(z.enum(TARGET_GROUPS)).min(1).max(TARGET_GROUPS.length),
  budget: Budget.default({ national: 0, city: 0, district: 0, other: 0 }),
  annualTarget: Count,
  /** Omit (or null) for an even phasing over twelve months. */
  phasing: Phasing.nullable().default(null),
  groupTargets: GroupCounts.default({}),
  illustrative: z.boolean().default(false),
});
export const CreateProgramBody = ProgramFields;
export const UpdateProgramBody = ProgramFields.partial().extend({
  version: z.number().int().min(1),
  /** Moves the program to another strategy of the same plan. */
  strategyId: Id.optional(),
});

export const ReorderBody = z.strictObject({ ids: z.array(Id).min(1).max(500) });
export const CopyPlanBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200).optional(),
});

export const Program = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  strategyId: z.number().int(),
  position: z.number().int(),
  name: z.string(),
  description: z.string(),
  ownerUnit: z.object({ id: z.number().int(), name: z.string(), nameEn: z.string(), kind: z.string() }),
  jobType: z.enum(JOB_TYPES),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  budget: Budget,
  budgetTotal: z.number(),
  annualTarget: z.number().int(),
  phasing: z.array(z.number().int()),
  phasingMode: z.enum(['even', 'custom']),
  groupTargets: GroupCounts,
  illustrative: z.boolean(),
  version: z.number().int(),
});
export type Program = z.infer<typeof Program>;

export const Strategy = z.object({
  id: z.number().int(),
  position: z.number().int(),
  name: z.string(),
  description: z.string(),
  targetTotal: z.number().int(),
  version: z.number().int(),
  programs: z.array(Program),
});

export const PlanSummaryItem = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  status: z.enum(['draft', 'published']),
  targetTotal: z.number().int(),
  previousYearTarget: z.number().int().nullable(),
  programCount: z.number().int(),
  updatedAt: Timestamp,
});

export const Plan = z.object({
  id: z.number().int(),
  organisation: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  title: z.string(),
  vision: z.string(),
  masterPlan: z.string(),
  previousYearTarget: z.number().int().nullable(),
  employmentRateTarget: z.number().nullable(),
  employedIncreaseTarget: z.number().int().nullable(),
  paceBehindBelow: z.number(),
  paceAheadAbove: z.number(),
  status: z.enum(['draft', 'published']),
  publishedAt: Timestamp.nullable(),
  targetTotal: z.number().int(),
  /** Year-on-year change of the total target, in percent (null without a previous-year target). */
  targetChangePct: z.number().nullable(),
  budgetTotal: z.number(),
  version: z.number().int(),
  strategies: z.array(Strategy),
});
export type Plan = z.infer<typeof Plan>;

export const ResultBody = z.strictObject({
  jobs: Count,
  groupJobs: GroupCounts.default({}),
  note: z.string().trim().max(2000).default(''),
  /** Required when correcting a month that was already approved. */
  correctionReason: z.string().trim().min(1).max(1000).optional(),
});
export const ReturnBody = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
export const ResultParams = z.strictObject({ id: Id, month: Month });

export const Evidence = z.object({
  id: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: Timestamp,
});

export const ResultRevision = z.object({
  id: z.number().int(),
  month: z.number().int(),
  revision: z.number().int(),
  status: z.enum(RESULT_STATUSES),
  jobs: z.number().int(),
  groupJobs: GroupCounts,
  note: z.string(),
  reviewComment: z.string().nullable(),
  correctionReason: z.string().nullable(),
  source: z.string(),
  submittedAt: Timestamp.nullable(),
  reviewedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
  evidence: z.array(Evidence),
});
export type ResultRevision = z.infer<typeof ResultRevision>;

export const ProgramResults = z.object({
  program: Program,
  months: z.array(
    z.object({
      month: z.number().int(),
      target: z.number().int(),
      current: ResultRevision.nullable(),
      approvedJobs: z.number().int().nullable(),
      history: z.array(ResultRevision),
    }),
  ),
});

export const OpinionBody = z.strictObject({
  programId: Id.nullable().default(null),
  authorName: z.string().trim().min(1).max(50).optional(),
  body: z.string().trim().min(1).max(4000),
});
export const AnswerBody = z.strictObject({ answer: z.string().trim().min(1).max(4000) });
export const ModerateBody = z.strictObject({
  hidden: z.boolean(),
  reason: z.string().trim().max(500).default(''),
});
export const Opinion = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  programId: z.number().int().nullable(),
  programName: z.string().nullable(),
  authorName: z.string(),
  authorKind: z.enum(['council', 'citizen', 'staff']),
  body: z.string(),
  answer: z.string().nullable(),
  answeredAt: Timestamp.nullable(),
  hidden: z.boolean(),
  /** Why a planner hid it; staff only (null on public pages). */
  hiddenReason: z.string().nullable(),
  createdAt: Timestamp,
});

/** Aggregated figures for a slice of the plan (a strategy, unit, job type, target group). */
export const Breakdown = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  target: z.number().int(),
  achieved: z.number().int(),
  /** achieved / target × 100, one decimal; null when the target is 0. */
  rate: z.number().nullable(),
  expectedToDate: z.number().int(),
  paceStatus: z.enum(PACE_STATUSES),
  forecast: z.number().int(),
});
export type Breakdown = z.infer<typeof Breakdown>;

export const ProgramMonitoring = z.object({
  id: z.number().int(),
  name: z.string(),
  strategyId: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  jobType: z.enum(JOB_TYPES),
  target: z.number().int(),
  achieved: z.number().int(),
  rate: z.number().nullable(),
  expectedToDate: z.number().int(),
  /** actual / expected × 100 up to the last closed month; null when nothing was expected yet. */
  paceRatio: z.number().nullable(),
  paceStatus: z.enum(PACE_STATUSES),
  forecast: z.number().int(),
  missingLastMonth: z.boolean(),
  pendingMonths: z.number().int(),
  illustrative: z.boolean(),
  months: z.array(
    z.object({
      month: z.number().int(),
      target: z.number().int(),
      approved: z.number().int().nullable(),
      status: z.enum(RESULT_STATUSES).nullable(),
    }),
  ),
});
export type ProgramMonitoring = z.infer<typeof ProgramMonitoring>;

export const Dashboard = z.object({
  planId: z.number().int(),
  year: z.number().int(),
  asOf: z.string(),
  lastClosedMonth: z.number().int(),
  thresholds: z.object({ behindBelow: z.number(), aheadAbove: z.number() }),
  summary: z.object({
    targetTotal: z.number().int(),
    previousYearTarget: z.number().int().nullable(),
    targetChangePct: z.number().nullable(),
    achievedTotal: z.number().int(),
    achievementRate: z.number().nullable(),
    expectedToDate: z.number().int(),
    paceRatio: z.number().nullable(),
    paceStatus: z.enum(PACE_STATUSES),
    forecast: z.number().int(),
    forecastRate: z.number().nullable(),
    programCount: z.number().int(),
    programsBehind: z.number().int(),
    programsMissingReport: z.number().int(),
    pendingReviews: z.number().int(),
  }),
  monthly: z.array(
    z.object({
      month: z.number().int(),
      target: z.number().int(),
      cumulativeTarget: z.number().int(),
      actual: z.number().int().nullable(),
      cumulativeActual: z.number().int().nullable(),
    }),
  ),
  byStrategy: z.array(Breakdown),
  byUnit: z.array(Breakdown),
  byJobType: z.array(Breakdown),
  byTargetGroup: z.array(Breakdown),
  programs: z.array(ProgramMonitoring),
  laggingProgramIds: z.array(z.number().int()),
  missingReportProgramIds: z.array(z.number().int()),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const DashboardQuery = z.strictObject({ asOf: z.string().date().optional() });

export const PublicPlanListItem = z.object({
  id: z.number().int(),
  organisationCode: z.string(),
  organisationName: z.string(),
  year: z.number().int(),
  title: z.string(),
});

export const PublicPlan = z.object({
  id: z.number().int(),
  organisationCode: z.string(),
  organisationName: z.string(),
  year: z.number().int(),
  title: z.string(),
  vision: z.string(),
  masterPlan: z.string(),
  publishedAt: Timestamp.nullable(),
  summary: z.object({
    targetTotal: z.number().int(),
    previousYearTarget: z.number().int().nullable(),
    targetChangePct: z.number().nullable(),
    achievedTotal: z.number().int(),
    achievementRate: z.number().nullable(),
    lastReportedMonth: z.number().int(),
  }),
  strategies: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      target: z.number().int(),
      achieved: z.number().int(),
      programs: z.array(
        z.object({
          id: z.number().int(),
          name: z.string(),
          ownerUnitName: z.string(),
          jobType: z.enum(JOB_TYPES),
          targetGroups: z.array(z.enum(TARGET_GROUPS)),
          annualTarget: z.number().int(),
          groupTargets: GroupCounts,
          illustrative: z.boolean(),
          achieved: z.number().int(),
          approvedMonths: z.array(z.object({ month: z.number().int(), jobs: z.number().int() })),
        }),
      ),
    }),
  ),
});
export type PublicPlan = z.infer<typeof PublicPlan>;

export const RollupQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const Rollup = z.object({
  year: z.number().int(),
  organisations: z.array(
    z.object({
      planId: z.number().int(),
      organisationCode: z.string(),
      organisationName: z.string(),
      previousYearTarget: z.number().int().nullable(),
      target: z.number().int(),
      achieved: z.number().int(),
      achievementRate: z.number().nullable(),
    }),
  ),
  total: z.object({
    target: z.number().int(),
    achieved: z.number().int(),
    achievementRate: z.number().nullable(),
  }),
});
