import { describe, expect, it } from 'vitest';
import {
  changePct,
  formatBytes,
  formatChange,
  groupDigits,
  monthLabel,
  parseDecimal,
  parseSignedWhole,
  parseWhole,
} from './numbers';

describe('reading numbers people type', () => {
  it('accepts thousands separators and treats an empty field as no value', () => {
    expect(parseWhole('1,234,000')).toEqual({ ok: true, value: 1_234_000 });
    expect(parseWhole(' 10 562 ')).toEqual({ ok: true, value: 10_562 });
    expect(parseWhole('')).toEqual({ ok: true, value: null });
  });

  it('refuses negative, fractional and non-numeric amounts with the server’s message', () => {
    for (const text of ['-5', '1.5', 'abc', '12a']) {
      const parsed = parseWhole(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message.ko).toContain(text);
    }
  });

  it('reads signed and decimal figures where the plan needs them', () => {
    expect(parseSignedWhole('-3,200')).toEqual({ ok: true, value: -3200 });
    expect(parseDecimal('61.5')).toEqual({ ok: true, value: 61.5 });
    expect(parseDecimal('6l.5').ok).toBe(false);
  });

  it('groups digits once a field reads as a whole number, and leaves anything else as typed', () => {
    expect(groupDigits('1234000')).toBe('1,234,000');
    expect(groupDigits('12a')).toBe('12a');
    expect(groupDigits('')).toBe('');
  });
});

describe('showing figures', () => {
  it('computes the year-on-year change as the server does (Bupyeong 2019: +8.7%)', () => {
    expect(changePct(10_562, 9_717)).toBe(8.7);
    expect(formatChange(changePct(10_562, 9_717))).toBe('+8.7%');
    expect(formatChange(changePct(9_000, 10_000))).toBe('-10.0%');
    expect(changePct(100, null)).toBeNull();
    expect(changePct(100, 0)).toBeNull();
    expect(formatChange(null)).toBe('—');
  });

  it('names months and sizes in the reader’s language', () => {
    expect(monthLabel(11, 'ko')).toBe('11월');
    expect(monthLabel(11, 'en')).toBe('Nov');
    expect(formatBytes(532)).toBe('532 B');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
