import {
  type Bilingual,
  CreateProgramBody,
  FIELD_MESSAGES,
  type FieldError,
  fillMessage,
  type JobType,
  type Plan,
  type Program,
  TARGET_GROUPS,
  type TargetGroup,
} from '@ilteo/shared';
import type { z } from 'zod';
import { type FieldErrors, validate } from '../../api/validation';
import { changePct, numberText, parseWhole } from './numbers';
import { checkPhasing, evenPhasing } from './phasing';

export const BUDGET_KEYS = ['national', 'city', 'district', 'other'] as const;
export type BudgetKey = (typeof BUDGET_KEYS)[number];

/** The program form as typed: numbers stay text until the form is checked. */
export interface ProgramFormState {
  name: string;
  description: string;
  strategyId: number;
  ownerUnitId: number | null;
  jobType: JobType | '';
  targetGroups: TargetGroup[];
  budget: Record<BudgetKey, string>;
  annualTarget: string;
  phasingMode: 'even' | 'custom';
  phasing: string[];
  groupTargets: Partial<Record<TargetGroup, string>>;
  illustrative: boolean;
}

export type ProgramBody = z.infer<typeof CreateProgramBody>;

/** Every field the form shows, in its order: error summaries list errors in this order. */
export const PROGRAM_FIELDS = [
  'name',
  'strategyId',
  'description',
  'ownerUnitId',
  'jobType',
  'targetGroups',
  ...BUDGET_KEYS.map((k) => `budget.${k}` as const),
  'annualTarget',
  'phasingMode',
  ...Array.from({ length: 12 }, (_, i) => `phasing.${i}` as const),
  'phasing',
  ...TARGET_GROUPS.map((g) => `groupTargets.${g}` as const),
  'groupTargets',
  'illustrative',
] as const;

const text = (n: number) => numberText(n);

/** A form for a new program in a strategy, or one filled from an existing program. */
export function programFormFrom(program: Program | null, strategyId: number): ProgramFormState {
  if (!program) {
    return {
      name: '',
      description: '',
      strategyId,
      ownerUnitId: null,
      jobType: '',
      targetGroups: [],
      budget: { national: '0', city: '0', district: '0', other: '0' },
      annualTarget: '',
      phasingMode: 'even',
      phasing: Array.from({ length: 12 }, () => ''),
      groupTargets: {},
      illustrative: false,
    };
  }
  const groupTargets: Partial<Record<TargetGroup, string>> = {};
  for (const [group, value] of Object.entries(program.groupTargets) as [TargetGroup, number][]) {
    groupTargets[group] = text(value);
  }
  return {
    name: program.name,
    description: program.description,
    strategyId: program.strategyId,
    ownerUnitId: program.ownerUnit.id,
    jobType: program.jobType,
    targetGroups: [...program.targetGroups],
    budget: {
      national: text(program.budget.national),
      city: text(program.budget.city),
      district: text(program.budget.district),
      other: text(program.budget.other),
    },
    annualTarget: text(program.annualTarget),
    phasingMode: program.phasingMode,
    phasing: program.phasing.map(text),
    groupTargets,
    illustrative: program.illustrative,
  };
}

/** The figures the form holds right now, read as far as they can be (for live totals). */
export function liveFigures(state: ProgramFormState): { annualTarget: number; budgetTotal: number } {
  const read = (value: string) => {
    const parsed = parseWhole(value);
    return parsed.ok ? (parsed.value ?? 0) : 0;
  };
  return {
    annualTarget: read(state.annualTarget),
    budgetTotal: BUDGET_KEYS.reduce((sum, k) => sum + read(state.budget[k]), 0),
  };
}

/** The monthly figures of the form, in the mode it is in (an even phasing follows the target). */
export function monthlyFigures(state: ProgramFormState): (number | null)[] {
  if (state.phasingMode === 'even') return evenPhasing(liveFigures(state).annualTarget);
  return state.phasing.map((v) => {
    const parsed = parseWhole(v);
    return parsed.ok ? parsed.value : null;
  });
}

/** The groups a program can have group targets for: its target groups, in the catalogue's order. */
export function groupsWithTargets(state: ProgramFormState): TargetGroup[] {
  return TARGET_GROUPS.filter((g) => state.targetGroups.includes(g));
}

/**
 * Checks the form as the server would and builds the request body. Numbers must be whole and
 * not negative, a custom phasing must add up to the annual target, group targets belong to the
 * program's groups and add up to at most the target; the shared schema checks the rest.
 */
export function readProgramForm(state: ProgramFormState): { body: ProgramBody | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const whole = (field: string, value: string, required: boolean): number | null => {
    const parsed = parseWhole(value);
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return null;
    }
    if (parsed.value === null && required) errors[field] = FIELD_MESSAGES.required;
    return parsed.value;
  };

  const budget = {} as Record<BudgetKey, number>;
  for (const key of BUDGET_KEYS) budget[key] = whole(`budget.${key}`, state.budget[key], false) ?? 0;
  const annualTarget = whole('annualTarget', state.annualTarget, true);

  let phasing: number[] | null = null;
  if (state.phasingMode === 'custom') {
    const months = state.phasing.map((v, i) => whole(`phasing.${i}`, v, true));
    if (months.every((m): m is number => m !== null)) {
      phasing = months;
      const check = checkPhasing(months, annualTarget);
      if (annualTarget !== null && !check.matches) {
        errors.phasing = fillMessage(FIELD_MESSAGES.phasing_sum, { sum: check.sum, target: annualTarget });
      }
    }
  }

  const groupTargets: Partial<Record<TargetGroup, number>> = {};
  for (const group of groupsWithTargets(state)) {
    const value = whole(`groupTargets.${group}`, state.groupTargets[group] ?? '', false);
    if (value !== null) groupTargets[group] = value;
  }
  const groupSum = Object.values(groupTargets).reduce<number>((a, b) => a + (b ?? 0), 0);
  if (annualTarget !== null && groupSum > annualTarget) {
    errors.groupTargets = fillMessage(FIELD_MESSAGES.group_sum, { sum: groupSum, total: annualTarget });
  }

  const body = {
    name: state.name,
    description: state.description,
    ownerUnitId: state.ownerUnitId ?? undefined,
    jobType: state.jobType || undefined,
    targetGroups: TARGET_GROUPS.filter((g) => state.targetGroups.includes(g)),
    budget,
    annualTarget: annualTarget ?? undefined,
    phasing,
    groupTargets,
    illustrative: state.illustrative,
  };
  const schemaErrors = validate(CreateProgramBody, body) ?? {};
  for (const [field, message] of Object.entries(schemaErrors)) {
    const key = formFieldOf(field);
    if (!(key in errors)) errors[key] = message;
  }
  if (Object.keys(errors).length) return { body: null, errors };
  return { body: CreateProgramBody.parse(body), errors };
}

const KNOWN = new Set<string>(PROGRAM_FIELDS);

/**
 * The form field a server (or schema) error path belongs to: the path itself when the form has
 * that field, else its nearest parent the form shows (`targetGroups.3` → `targetGroups`,
 * `budget` → `budget.national`); `''` for errors that belong to no field.
 */
export function formFieldOf(path: string): string {
  if (KNOWN.has(path)) return path;
  if (path === 'budget') return 'budget.national';
  const parts = path.split('.');
  while (parts.length > 1) {
    parts.pop();
    const parent = parts.join('.');
    if (KNOWN.has(parent)) return parent;
  }
  return '';
}

/** The server's field errors keyed by the form fields they belong to; the first per field wins. */
export function programErrorsFrom(fieldErrors: readonly FieldError[]): FieldErrors {
  const errors: Record<string, Bilingual> = {};
  for (const fe of fieldErrors) {
    const key = formFieldOf(fe.field);
    if (!(key in errors)) errors[key] = fe.message;
  }
  return errors;
}

/** The changes an edit sends: only fields that differ, plus `version` (and `strategyId` to move). */
export function programChanges(
  program: Program,
  body: ProgramBody,
  strategyId: number,
): Partial<ProgramBody> & { version: number; strategyId?: number } {
  const changes: Partial<ProgramBody> & { version: number; strategyId?: number } = {
    version: program.version,
  };
  if (body.name !== program.name) changes.name = body.name;
  if (body.description !== program.description) changes.description = body.description;
  if (body.ownerUnitId !== program.ownerUnit.id) changes.ownerUnitId = body.ownerUnitId;
  if (body.jobType !== program.jobType) changes.jobType = body.jobType;
  if ([...body.targetGroups].sort().join() !== [...program.targetGroups].sort().join())
    changes.targetGroups = body.targetGroups;
  if (JSON.stringify(body.budget) !== JSON.stringify(program.budget)) changes.budget = body.budget;
  if (body.annualTarget !== program.annualTarget) changes.annualTarget = body.annualTarget;
  const phasingChanged =
    (body.phasing === null) !== (program.phasingMode === 'even') ||
    (body.phasing !== null && JSON.stringify(body.phasing) !== JSON.stringify(program.phasing));
  if (phasingChanged) changes.phasing = body.phasing;
  if (JSON.stringify(sortKeys(body.groupTargets)) !== JSON.stringify(sortKeys(program.groupTargets)))
    changes.groupTargets = body.groupTargets;
  if (body.illustrative !== program.illustrative) changes.illustrative = body.illustrative;
  if (strategyId !== program.strategyId) changes.strategyId = strategyId;
  return changes;
}

function sortKeys(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
}

/** Headline figures of a plan while one program is being edited (or added) and not yet saved. */
export interface LiveTotals {
  targetTotal: number;
  budgetTotal: number;
  targetChangePct: number | null;
}

/** What a program being edited looks like to the totals. */
export interface ProgramDraft {
  /** null for a program not saved yet. */
  programId: number | null;
  annualTarget: number;
  budgetTotal: number;
}

/** The plan's totals with a draft program counted instead of its saved figures. */
export function liveTotals(plan: Plan, draft: ProgramDraft | null): LiveTotals {
  let targetTotal = plan.targetTotal;
  let budgetTotal = plan.budgetTotal;
  if (draft) {
    const saved = plan.strategies.flatMap((s) => s.programs).find((p) => p.id === draft.programId);
    targetTotal += draft.annualTarget - (saved?.annualTarget ?? 0);
    budgetTotal += draft.budgetTotal - (saved?.budgetTotal ?? 0);
  }
  return { targetTotal, budgetTotal, targetChangePct: changePct(targetTotal, plan.previousYearTarget) };
}
