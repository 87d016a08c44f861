import {
  type Bilingual,
  FIELD_MESSAGES,
  fillMessage,
  MATCH_COMPONENTS,
  type MatchComponentName,
  type MatchQuality,
  type MatchWeights,
} from '@ilteo/shared';
import type { FieldErrors } from '../../api/validation';

/** The weights as typed: one text per component. */
export type WeightsDraft = Record<MatchComponentName, string>;

/** The field an error of one weight belongs to, as the server names it in `{ weights }`. */
export const weightField = (name: MatchComponentName) => `weights.${name}`;
/** The field of an error about the weights together (none above zero). */
export const WEIGHTS_FIELD = 'weights';

const MIN = 0;
const MAX = 100;

/** "At least one weight must be above zero", in Korean and English (the server's field message). */
export const ALL_ZERO: Bilingual = FIELD_MESSAGES.all_weights_zero;

/** Saved weights as the form shows them. */
export function draftOf(weights: MatchWeights): WeightsDraft {
  return Object.fromEntries(MATCH_COMPONENTS.map((name) => [name, String(weights[name])])) as WeightsDraft;
}

/**
 * Reads the form: each weight a number from 0 to 100, at least one above zero. Returns the
 * weights when every field is valid, and the errors keyed as the server keys them.
 */
export function parseDraft(draft: WeightsDraft): { weights: MatchWeights | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const values: Partial<Record<MatchComponentName, number>> = {};
  for (const name of MATCH_COMPONENTS) {
    const text = draft[name].trim();
    const value = Number(text);
    if (text === '') errors[weightField(name)] = FIELD_MESSAGES.required;
    else if (!Number.isFinite(value)) errors[weightField(name)] = FIELD_MESSAGES.invalid_type;
    else if (value < MIN)
      errors[weightField(name)] = fillMessage(FIELD_MESSAGES.too_small_number, { min: MIN });
    else if (value > MAX)
      errors[weightField(name)] = fillMessage(FIELD_MESSAGES.too_big_number, { max: MAX });
    else values[name] = value;
  }
  if (Object.keys(errors).length > 0) return { weights: null, errors };
  const weights = values as MatchWeights;
  if (!MATCH_COMPONENTS.some((name) => weights[name] > 0)) {
    return { weights: null, errors: { [WEIGHTS_FIELD]: ALL_ZERO } };
  }
  return { weights, errors };
}

/** Each weight's share of their sum (the engine normalises by it), 0–1; all 0 when the sum is 0. */
export function sharesOf(weights: MatchWeights): Record<MatchComponentName, number> {
  const sum = MATCH_COMPONENTS.reduce((total, name) => total + weights[name], 0);
  return Object.fromEntries(
    MATCH_COMPONENTS.map((name) => [name, sum > 0 ? weights[name] / sum : 0]),
  ) as Record<MatchComponentName, number>;
}

/** True when two sets of weights are the same number for number. */
export function sameWeights(a: MatchWeights, b: MatchWeights): boolean {
  return MATCH_COMPONENTS.every((name) => a[name] === b[name]);
}

/** The quality figures the evaluation table shows, in its column order. */
export const METRICS = ['ndcgAt10', 'recallAt10', 'mrr', 'coverage'] as const;
export type Metric = (typeof METRICS)[number];

/** Recall and coverage read as shares (percent); NDCG and MRR as the 0–1 scores they are. */
const PERCENT_METRICS: ReadonlySet<Metric> = new Set(['recallAt10', 'coverage']);

/** A quality figure as the table shows it: `0.734` or `61.5%`. */
export function formatMetric(metric: Metric, value: number): string {
  return PERCENT_METRICS.has(metric) ? `${(value * 100).toFixed(1)}%` : value.toFixed(3);
}

/** How the proposed weights change a figure against the saved ones, at the precision shown. */
export interface MetricChange {
  text: string;
  direction: 'up' | 'down' | 'same';
}

/** `+0.012`, `−1.5%p` or `±0`: the change a proposal makes to one figure (higher is better for all four). */
export function metricChange(metric: Metric, proposed: MatchQuality, current: MatchQuality): MetricChange {
  // Both formats show thousandths of the 0–1 figure (0.001, or 0.1 percentage points).
  const delta = Math.round((proposed[metric] - current[metric]) * 1000);
  if (delta === 0) return { text: '±0', direction: 'same' };
  const size = PERCENT_METRICS.has(metric)
    ? `${(Math.abs(delta) / 10).toFixed(1)}%p`
    : (Math.abs(delta) / 1000).toFixed(3);
  return delta > 0 ? { text: `+${size}`, direction: 'up' } : { text: `−${size}`, direction: 'down' };
}
