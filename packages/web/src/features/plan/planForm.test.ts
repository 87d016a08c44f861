import type { Plan } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import { planChanges, planFormFrom, readPlanForm } from './planForm';

const plan = {
  id: 1,
  year: 2019,
  title: '2019년 부평구 일자리대책 세부계획',
  vision: '부평비전 2020',
  masterPlan: '민선7기 일자리대책 종합계획',
  previousYearTarget: 9717,
  employmentRateTarget: 61.5,
  employedIncreaseTarget: 3200,
  paceBehindBelow: 90,
  paceAheadAbove: 110,
  version: 4,
} as Plan;

describe('the plan form', () => {
  it('reads a new plan with blanks as no value', () => {
    const state = { ...planFormFrom(null, 2020), title: '2020년 계획' };
    expect(readPlanForm(state).body).toEqual({
      year: 2020,
      title: '2020년 계획',
      vision: '',
      masterPlan: '',
      previousYearTarget: null,
      employmentRateTarget: null,
      employedIncreaseTarget: null,
      paceBehindBelow: 90,
      paceAheadAbove: 110,
    });
  });

  it('refuses a missing title and figures that are not numbers', () => {
    const state = { ...planFormFrom(null, 2020), previousYearTarget: '9,7l7', employmentRateTarget: '101' };
    expect(Object.keys(readPlanForm(state).errors).sort()).toEqual([
      'employmentRateTarget',
      'previousYearTarget',
      'title',
    ]);
  });

  it('sends only the changed fields of an edit, with the version', () => {
    const state = { ...planFormFrom(plan, 2019), previousYearTarget: '9,800' };
    expect(state.previousYearTarget).toBe('9,800');
    const { body } = readPlanForm(state);
    expect(planChanges(plan, body!)).toEqual({ version: 4, previousYearTarget: 9800 });
  });
});
