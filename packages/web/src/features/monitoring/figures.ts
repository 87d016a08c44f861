import { formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';

/** What a figure the API does not have (null) looks like. */
export const NO_FIGURE = '—';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A count of jobs, grouped by thousands: `10,562`. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_FIGURE : formatNumber(value);
}

/**
 * A rate without its sign, one decimal as the API rounds it: `88.9`, `96.0`. Kept apart from
 * the `%` so a number on screen parses as it is.
 */
export function formatRateValue(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_FIGURE : value.toFixed(1);
}

/** A rate with its sign: `88.9%`. */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_FIGURE : `${formatRateValue(value)}%`;
}

/** A change with its direction always written: `+8.7`, `-3.0`, `0.0`. */
export function formatChangeValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return NO_FIGURE;
  const text = Math.abs(value).toFixed(1);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `-${text}`;
}

/** A change in percent: `+8.7%`. */
export function formatChange(value: number | null | undefined): string {
  return value === null || value === undefined ? NO_FIGURE : `${formatChangeValue(value)}%`;
}

/** A month of the plan year: `11월` / `Nov`. */
export function monthName(month: number, locale: Locale): string {
  return locale === 'ko' ? `${month}월` : (EN_MONTHS[month - 1] ?? String(month));
}

/** The name of a breakdown row in the reader's language. */
export function labelOf(row: { label: string; labelEn: string }, locale: Locale): string {
  return locale === 'ko' ? row.label : row.labelEn || row.label;
}

/**
 * A program's department or agency in the reader's language. Programs carry only the Korean
 * name; the department breakdown, keyed by unit id, has both.
 */
export function unitNameOf(
  program: { unitId: number; unitName: string },
  units: readonly { key: string; label: string; labelEn: string }[],
  locale: Locale,
): string {
  const unit = units.find((u) => u.key === String(program.unitId));
  return unit ? labelOf(unit, locale) : program.unitName;
}
