import {
  type Bilingual,
  FIELD_MESSAGES,
  fillMessage,
  meetsMinimumWage,
  minimumAmount,
  minimumWageFor,
  monthlyEquivalent,
  REGISTRY_LABELS,
  type WageType,
} from '@ilteo/shared';
import { formatMoney, formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';

const TYPE_EN: Record<WageType, string> = {
  hourly: 'Hourly',
  daily: 'Daily',
  monthly: 'Monthly',
  annual: 'Annual',
};

/** How the English minimum-wage message names a period (`{minimum} won a month`). */
export const WAGE_PERIOD_EN: Record<WageType, string> = {
  hourly: 'an hour',
  daily: 'a day',
  monthly: 'a month',
  annual: 'a year',
};

/** The kind of a wage in words: 시급 / Hourly. */
export function wageTypeLabel(type: WageType, locale: Locale): string {
  return locale === 'ko' ? REGISTRY_LABELS.wageType[type] : TYPE_EN[type];
}

/** A wage as people read it: `월급 2,500,000원` / `Monthly KRW 2,500,000`. */
export function wageText(wage: { type: WageType; amount: number }, locale: Locale): string {
  return `${wageTypeLabel(wage.type, locale)} ${formatMoney(wage.amount, locale)}`;
}

/** The monthly equivalent beside a wage of another kind, or null for a monthly wage. */
export function monthlyText(wage: { type: WageType; monthly: number }, locale: Locale): string | null {
  if (wage.type === 'monthly') return null;
  const amount = formatMoney(wage.monthly, locale);
  return locale === 'ko' ? `월 환산 ${amount}` : `${amount} a month`;
}

/** The minimum wage table as `{ year: hourly }` from the API's list. */
export function minimumWageTable(items: readonly { year: number; hourly: number }[]): Record<number, number> {
  return Object.fromEntries(items.map((i) => [i.year, i.hourly]));
}

/**
 * The message the server gives for a wage under the minimum (`below_minimum_wage` on
 * `wage.amount`), built from the same catalogue entry so the form says the same before sending.
 */
export function belowMinimumMessage(year: number, hourly: number, type: WageType): Bilingual {
  return fillMessage(FIELD_MESSAGES.below_minimum_wage, {
    year,
    hourly: formatNumber(hourly),
    type: REGISTRY_LABELS.wageType[type],
    typeEn: WAGE_PERIOD_EN[type],
    minimum: formatNumber(minimumAmount(type, hourly)),
  });
}

/**
 * Checks a wage against the minimum of the year the vacancy opens. Null when it meets it, or
 * when it cannot be judged yet (no amount, no date); the year without a rate is the server's to report.
 */
export function checkMinimumWage(
  table: Readonly<Record<number, number>>,
  opensOn: string,
  type: WageType,
  amount: number | null,
): Bilingual | null {
  if (amount === null || !Number.isFinite(amount)) return null;
  const year = Number(/^(\d{4})-\d{2}-\d{2}$/.exec(opensOn)?.[1]);
  if (!year) return null;
  const hourly = minimumWageFor(table, year);
  if (hourly === null) return null;
  return meetsMinimumWage(type, amount, hourly) ? null : belowMinimumMessage(year, hourly, type);
}

/** The monthly equivalent of a typed amount (209 hours a month), or null if there is none to show. */
export function typedMonthly(type: WageType, amount: number | null): number | null {
  if (amount === null || !Number.isFinite(amount) || amount <= 0) return null;
  return monthlyEquivalent(type, amount);
}

/** A title cut into plain and highlighted parts from `[start, end)` ranges (overlaps merged). */
export function highlightParts(
  text: string,
  ranges: readonly (readonly [number, number])[],
): { text: string; mark: boolean }[] {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    const last = parts[parts.length - 1];
    if (last?.mark && from === at) last.text += text.slice(from, end);
    else parts.push({ text: text.slice(from, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}
