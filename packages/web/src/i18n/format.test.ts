import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPhone } from './format';

describe('formatDate', () => {
  it('writes Korean dates with dots and English dates day-first', () => {
    expect(formatDate('2026-11-26T03:00:00Z', 'ko')).toBe('2026. 11. 26.');
    expect(formatDate('2026-11-26T03:00:00Z', 'en')).toBe('26 Nov 2026');
  });

  it('shows the day as it is in Korea, not in UTC', () => {
    // 23:30 UTC on the 25th is 08:30 on the 26th in Seoul.
    expect(formatDate('2026-11-25T23:30:00Z', 'ko')).toBe('2026. 11. 26.');
    expect(formatDateTime('2026-11-25T23:30:00Z', 'ko')).toBe('2026. 11. 26. 08:30');
    expect(formatDateTime('2026-11-25T23:30:00Z', 'en')).toBe('26 Nov 2026, 08:30');
  });

  it('takes a bare calendar date as that day, whatever the time zone', () => {
    expect(formatDate('2026-01-05', 'ko')).toBe('2026. 1. 5.');
    expect(formatDate('2026-01-05', 'en')).toBe('5 Jan 2026');
  });

  it('uses a 24-hour clock with leading zeros', () => {
    expect(formatDateTime('2026-03-01T15:05:00Z', 'ko')).toBe('2026. 3. 2. 00:05');
  });

  it('returns nothing for no value and the input for nonsense', () => {
    expect(formatDate(null, 'ko')).toBe('');
    expect(formatDate('', 'en')).toBe('');
    expect(formatDate('not a date', 'ko')).toBe('not a date');
  });
});

describe('formatMoney', () => {
  it('writes won the Korean way, and with the currency code in English', () => {
    expect(formatMoney(1234000, 'ko')).toBe('1,234,000원');
    expect(formatMoney(1234000, 'en')).toBe('KRW 1,234,000');
    expect(formatMoney(0, 'ko')).toBe('0원');
    expect(formatMoney(999, 'ko')).toBe('999원');
  });

  it('rounds to whole won and keeps the sign', () => {
    expect(formatMoney(-2500000.6, 'ko')).toBe('-2,500,001원');
    expect(formatNumber(1000000.25)).toBe('1,000,000.25');
  });
});

describe('formatPhone', () => {
  it.each([
    ['01012345678', '010-1234-5678'],
    ['010-1234-5678', '010-1234-5678'],
    ['010 123 4567', '010-123-4567'],
    ['0212345678', '02-1234-5678'],
    ['021234567', '02-123-4567'],
    ['0325091234', '032-509-1234'],
    ['03212345678', '032-1234-5678'],
    ['15771000', '1577-1000'],
    ['050512345678', '0505-1234-5678'],
    ['07012345678', '070-1234-5678'],
  ])('%s → %s', (input, expected) => {
    expect(formatPhone(input)).toBe(expected);
  });

  it('leaves numbers it does not recognise as they were typed', () => {
    expect(formatPhone('+82 10 1234 5678')).toBe('+82 10 1234 5678');
    expect(formatPhone('123')).toBe('123');
    expect(formatPhone(null)).toBe('');
  });
});
