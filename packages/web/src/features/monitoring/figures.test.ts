import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatChangeValue,
  formatCount,
  formatRate,
  formatRateValue,
  labelOf,
  monthName,
  unitNameOf,
} from './figures';

describe('figures on screen', () => {
  it('groups counts by thousands and shows a dash for no figure', () => {
    expect(formatCount(10562)).toBe('10,562');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(null)).toBe('—');
  });

  it('writes rates with the API’s one decimal, always shown', () => {
    expect(formatRate(88.9)).toBe('88.9%');
    expect(formatRate(96)).toBe('96.0%');
    expect(formatRateValue(100)).toBe('100.0');
    expect(formatRate(null)).toBe('—');
  });

  it('signs every change, so +8.7% reads as an increase', () => {
    expect(formatChange(8.7)).toBe('+8.7%');
    expect(formatChangeValue(-64.4)).toBe('-64.4');
    expect(formatChangeValue(0)).toBe('0.0');
    expect(formatChangeValue(-0.01)).toBe('0.0');
    expect(formatChange(null)).toBe('—');
  });

  it('keeps the number inside a figure parseable', () => {
    expect(Number(formatCount(10562).replace(/,/g, ''))).toBe(10562);
    expect(Number(formatRateValue(88.9))).toBe(88.9);
    expect(Number(formatChangeValue(8.7))).toBe(8.7);
  });

  it('names months in both languages', () => {
    expect(monthName(11, 'ko')).toBe('11월');
    expect(monthName(11, 'en')).toBe('Nov');
  });

  it('uses the English label when there is one', () => {
    expect(labelOf({ label: '청년', labelEn: 'Youth' }, 'en')).toBe('Youth');
    expect(labelOf({ label: '청년', labelEn: '' }, 'en')).toBe('청년');
    expect(labelOf({ label: '청년', labelEn: 'Youth' }, 'ko')).toBe('청년');
  });
});

describe('department names', () => {
  it('come from the department breakdown in English, the program’s own name otherwise', () => {
    const units = [{ key: '3', label: '산업단지지원과', labelEn: 'Industrial Complex Support Division' }];
    expect(unitNameOf({ unitId: 3, unitName: '산업단지지원과' }, units, 'en')).toBe(
      'Industrial Complex Support Division',
    );
    expect(unitNameOf({ unitId: 3, unitName: '산업단지지원과' }, units, 'ko')).toBe('산업단지지원과');
    expect(unitNameOf({ unitId: 9, unitName: '전통시장과' }, units, 'en')).toBe('전통시장과');
  });
});
