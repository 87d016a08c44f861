import { describe, expect, it } from 'vitest';
import {
  belowMinimumMessage,
  checkMinimumWage,
  highlightParts,
  monthlyText,
  typedMonthly,
  wageText,
} from './wage';

const TABLE = { 2025: 10030, 2026: 10320 };

describe('wages as people read them', () => {
  it('names the kind of wage and writes won the Korean way', () => {
    expect(wageText({ type: 'monthly', amount: 2_500_000 }, 'ko')).toBe('월급 2,500,000원');
    expect(wageText({ type: 'hourly', amount: 10_320 }, 'en')).toBe('Hourly KRW 10,320');
  });

  it('shows the monthly equivalent beside hourly, daily and annual wages only', () => {
    expect(monthlyText({ type: 'hourly', monthly: 2_156_880 }, 'ko')).toBe('월 환산 2,156,880원');
    expect(monthlyText({ type: 'monthly', monthly: 2_500_000 }, 'ko')).toBeNull();
    expect(typedMonthly('hourly', 10_320)).toBe(2_156_880);
    expect(typedMonthly('hourly', null)).toBeNull();
  });

  it('refuses a wage under the minimum of the opening year with the message the server gives', () => {
    const message = checkMinimumWage(TABLE, '2026-03-02', 'monthly', 2_000_000);
    expect(message?.ko).toBe('2026년 최저임금(10,320원/시간, 월급 2,156,880원) 이상이어야 합니다.');
    expect(message?.en).toContain('10,320 won an hour, 2,156,880 won a month');
    expect(checkMinimumWage(TABLE, '2026-03-02', 'monthly', 2_156_880)).toBeNull();
    // A vacancy opening in 2025 is held to 2025's rate.
    expect(checkMinimumWage(TABLE, '2025-12-31', 'hourly', 10_030)).toBeNull();
    expect(checkMinimumWage(TABLE, '2026-01-01', 'hourly', 10_030)?.ko).toContain(
      '10,320원/시간, 시급 10,320원',
    );
    expect(belowMinimumMessage(2026, 10_320, 'annual').ko).toContain('연봉 25,882,560원');
  });

  it('cannot judge a wage without an amount or an opening date', () => {
    expect(checkMinimumWage(TABLE, '', 'monthly', 1)).toBeNull();
    expect(checkMinimumWage(TABLE, '2026-01-01', 'monthly', null)).toBeNull();
    expect(checkMinimumWage({}, '2026-01-01', 'monthly', 1)).toBeNull();
  });
});

describe('highlighted titles', () => {
  it('marks the matched ranges, merging overlaps and ignoring ranges outside the title', () => {
    expect(highlightParts('간호조무사 모집', [[0, 2]])).toEqual([
      { text: '간호', mark: true },
      { text: '조무사 모집', mark: false },
    ]);
    expect(
      highlightParts('abcdef', [
        [3, 5],
        [1, 4],
        [9, 12],
      ]),
    ).toEqual([
      { text: 'a', mark: false },
      { text: 'bcde', mark: true },
      { text: 'f', mark: false },
    ]);
    expect(highlightParts('abc', [])).toEqual([{ text: 'abc', mark: false }]);
  });
});
