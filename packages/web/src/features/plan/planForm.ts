import { CreatePlanBody, FIELD_MESSAGES, type Plan } from '@ilteo/shared';
import type { z } from 'zod';
import { type FieldErrors, validate } from '../../api/validation';
import { numberText, type Parsed, parseDecimal, parseSignedWhole, parseWhole } from './numbers';

/** The plan's own fields as typed. */
export interface PlanFormState {
  year: string;
  title: string;
  vision: string;
  masterPlan: string;
  previousYearTarget: string;
  employmentRateTarget: string;
  employedIncreaseTarget: string;
  paceBehindBelow: string;
  paceAheadAbove: string;
}

export type PlanBody = z.infer<typeof CreatePlanBody>;

/** Fields in the order the form shows them. */
export const PLAN_FIELDS = [
  'year',
  'title',
  'vision',
  'masterPlan',
  'previousYearTarget',
  'employmentRateTarget',
  'employedIncreaseTarget',
  'paceBehindBelow',
  'paceAheadAbove',
] as const;

/** A new plan's form (next to the newest year there is), or an existing plan's. */
export function planFormFrom(plan: Plan | null, year: number): PlanFormState {
  return {
    year: String(plan?.year ?? year),
    title: plan?.title ?? '',
    vision: plan?.vision ?? '',
    masterPlan: plan?.masterPlan ?? '',
    previousYearTarget: numberText(plan?.previousYearTarget),
    employmentRateTarget:
      plan?.employmentRateTarget === null || !plan ? '' : String(plan.employmentRateTarget),
    employedIncreaseTarget: numberText(plan?.employedIncreaseTarget),
    paceBehindBelow: String(plan?.paceBehindBelow ?? 90),
    paceAheadAbove: String(plan?.paceAheadAbove ?? 110),
  };
}

/** Checks the plan form and builds the body the server takes (numbers read, blanks as null). */
export function readPlanForm(state: PlanFormState): { body: PlanBody | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const read = (field: keyof PlanFormState, parse: (text: string) => Parsed, required = false) => {
    const parsed = parse(state[field]);
    if (!parsed.ok) {
      errors[field] = parsed.message;
      return undefined;
    }
    if (parsed.value === null && required) {
      errors[field] = FIELD_MESSAGES.required;
      return undefined;
    }
    return parsed.value;
  };
  const body = {
    year: read('year', parseWhole, true),
    title: state.title,
    vision: state.vision,
    masterPlan: state.masterPlan,
    previousYearTarget: read('previousYearTarget', parseWhole),
    employmentRateTarget: read('employmentRateTarget', parseDecimal),
    employedIncreaseTarget: read('employedIncreaseTarget', parseSignedWhole),
    paceBehindBelow: read('paceBehindBelow', parseDecimal) ?? 90,
    paceAheadAbove: read('paceAheadAbove', parseDecimal) ?? 110,
  };
  for (const [field, message] of Object.entries(validate(CreatePlanBody, body) ?? {})) {
    if (!(field in errors)) errors[field] = message;
  }
  if (Object.keys(errors).length) return { body: null, errors };
  return { body: CreatePlanBody.parse(body), errors };
}

/** The fields of an edit that differ from the plan, with its version (the year never changes here). */
export function planChanges(plan: Plan, body: PlanBody): Partial<PlanBody> & { version: number } {
  const changes: Partial<PlanBody> & { version: number } = { version: plan.version };
  const keys = [
    'title',
    'vision',
    'masterPlan',
    'previousYearTarget',
    'employmentRateTarget',
    'employedIncreaseTarget',
    'paceBehindBelow',
    'paceAheadAbove',
  ] as const;
  for (const key of keys) {
    if (body[key] !== plan[key]) Object.assign(changes, { [key]: body[key] });
  }
  return changes;
}
