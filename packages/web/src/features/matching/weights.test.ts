import type { MatchQuality, MatchWeights } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import {
  ALL_ZERO,
  draftOf,
  formatMetric,
  metricChange,
  parseDraft,
  sameWeights,
  sharesOf,
  type WeightsDraft,
} from './weights';

const DEFAULTS: MatchWeights = {
  occupation: 30,
  skills: 15,
  distance: 15,
  wage: 15,
  conditions: 10,
  education: 10,
  freshness: 5,
};

const quality = (over: Partial<MatchQuality> = {}): MatchQuality => ({
  ndcgAt10: 0.5,
  recallAt10: 0.4,
  mrr: 0.3,
  coverage: 0.6,
  queries: 100,
  ...over,
});

describe('the weights form', () => {
  it('shows saved weights as typed text and reads them back unchanged', () => {
    const draft = draftOf(DEFAULTS);
    expect(draft.occupation).toBe('30');
    expect(parseDraft(draft)).toEqual({ weights: DEFAULTS, errors: {} });
  });

  it('accepts decimals and spaces around a number', () => {
    const { weights } = parseDraft({ ...draftOf(DEFAULTS), skills: ' 12.5 ' });
    expect(weights?.skills).toBe(12.5);
  });

  it('says which weight is missing, not a number, or outside 0–100, in Korean and English', () => {
    const draft: WeightsDraft = {
      ...draftOf(DEFAULTS),
      occupation: '',
      skills: 'abc',
      wage: '-1',
      freshness: '101',
    };
    const { weights, errors } = parseDraft(draft);
    expect(weights).toBeNull();
    expect(errors['weights.occupation']?.ko).toBe('필수 항목입니다.');
    expect(errors['weights.skills']?.en).toBe('This value has the wrong type.');
    expect(errors['weights.wage']).toEqual({ ko: '0 이상이어야 합니다.', en: 'Must be at least 0.' });
    expect(errors['weights.freshness']).toEqual({ ko: '100 이하여야 합니다.', en: 'Must be at most 100.' });
    expect(Object.keys(errors).sort()).toEqual([
      'weights.freshness',
      'weights.occupation',
      'weights.skills',
      'weights.wage',
    ]);
  });

  it('refuses weights that are all zero with the shared schema message in both languages', () => {
    const zeros = draftOf({
      ...DEFAULTS,
      occupation: 0,
      skills: 0,
      distance: 0,
      wage: 0,
      conditions: 0,
      education: 0,
      freshness: 0,
    });
    expect(parseDraft(zeros)).toEqual({ weights: null, errors: { weights: ALL_ZERO } });
    expect(ALL_ZERO.ko).toMatch(/0보다 커야/);
    expect(ALL_ZERO.en).toMatch(/above zero/);
  });

  it('shows each weight as its share of the sum, as the engine normalises them', () => {
    const shares = sharesOf(DEFAULTS);
    expect(shares.occupation).toBeCloseTo(0.3);
    expect(shares.freshness).toBeCloseTo(0.05);
    expect(sharesOf({ ...DEFAULTS, occupation: 60 }).occupation).toBeCloseTo(60 / 130);
  });

  it('knows when nothing was changed', () => {
    expect(sameWeights(DEFAULTS, { ...DEFAULTS })).toBe(true);
    expect(sameWeights(DEFAULTS, { ...DEFAULTS, wage: 16 })).toBe(false);
  });
});

describe('the evaluation table', () => {
  it('shows NDCG and MRR as scores and recall and coverage as percentages', () => {
    expect(formatMetric('ndcgAt10', 0.73449)).toBe('0.734');
    expect(formatMetric('mrr', 1)).toBe('1.000');
    expect(formatMetric('recallAt10', 0.615)).toBe('61.5%');
    expect(formatMetric('coverage', 0.0004)).toBe('0.0%');
  });

  it('marks what the proposal improves or worsens against the saved weights, at the precision shown', () => {
    expect(metricChange('ndcgAt10', quality({ ndcgAt10: 0.512 }), quality())).toEqual({
      text: '+0.012',
      direction: 'up',
    });
    expect(metricChange('coverage', quality({ coverage: 0.585 }), quality())).toEqual({
      text: '−1.5%p',
      direction: 'down',
    });
    expect(metricChange('mrr', quality({ mrr: 0.30004 }), quality())).toEqual({
      text: '±0',
      direction: 'same',
    });
  });
});
