import { type Bilingual, FIELD_MESSAGES, fillMessage } from '@ilteo/shared';
import { formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';

/** What a number field holds after reading the text someone typed. */
export type Parsed = { ok: true; value: number | null } | { ok: false; message: Bilingual };

/** Separators people type in amounts (`1,234,000`, `1 234 000`) that carry no value. */
const SEPARATORS = /[,\s]/g;

/**
 * Reads a whole number of 0 or more, as the server's import does: thousands separators are
 * allowed, an empty field is `null`, anything else (`-5`, `1.5`, `abc`) is refused with the
 * server's own message.
 */
export function parseWhole(text: string): Parsed {
  const bare = text.replace(SEPARATORS, '');
  if (bare === '') return { ok: true, value: null };
  if (!/^\d+$/.test(bare))
    return { ok: false, message: fillMessage(FIELD_MESSAGES.not_a_whole_number, { value: text.trim() }) };
  const value = Number(bare);
  if (!Number.isSafeInteger(value))
    return { ok: false, message: fillMessage(FIELD_MESSAGES.not_a_whole_number, { value: text.trim() }) };
  return { ok: true, value };
}

/** Reads a whole number that may be negative (e.g. a change in the number of employed people). */
export function parseSignedWhole(text: string): Parsed {
  const bare = text.replace(SEPARATORS, '').replace(/^−/, '-');
  if (bare === '') return { ok: true, value: null };
  if (!/^-?\d+$/.test(bare))
    return { ok: false, message: fillMessage(FIELD_MESSAGES.not_a_number, { value: text.trim() }) };
  return { ok: true, value: Number(bare) };
}

/** Reads a decimal number such as a rate in percent (`61.5`). */
export function parseDecimal(text: string): Parsed {
  const bare = text.replace(SEPARATORS, '');
  if (bare === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(bare))
    return { ok: false, message: fillMessage(FIELD_MESSAGES.not_a_number, { value: text.trim() }) };
  return { ok: true, value: Number(bare) };
}

/** The text of a whole-number field, grouped by thousands once it reads as a number; otherwise as typed. */
export function groupDigits(text: string): string {
  const parsed = parseWhole(text);
  return parsed.ok && parsed.value !== null ? formatNumber(parsed.value) : text;
}

/** The text a number field starts with. */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatNumber(value);
}

/** A year-on-year change in percent with its sign: `+8.7%`, `-3.0%`, `0.0%`. */
export function formatChange(pct: number | null): string {
  if (pct === null || !Number.isFinite(pct)) return '—';
  const fixed = (Math.round(pct * 10) / 10).toFixed(1);
  return pct > 0 ? `+${fixed}%` : `${fixed === '-0.0' ? '0.0' : fixed}%`;
}

/** A rate in percent with one decimal: `88.9%`. */
export function formatRate(pct: number | null): string {
  return pct === null || !Number.isFinite(pct) ? '—' : `${(Math.round(pct * 10) / 10).toFixed(1)}%`;
}

/** A count of people or jobs: `10,562명` / `10,562`. */
export function formatCount(value: number, locale: Locale): string {
  return locale === 'ko' ? `${formatNumber(value)}명` : formatNumber(value);
}

/** The year-on-year change of a total target, in percent to one decimal (null without a base). */
export function changePct(total: number, previous: number | null): number | null {
  if (previous === null || previous <= 0) return null;
  return Math.round(((total - previous) / previous) * 1000) / 10;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A month of the plan year: `11월` / `Nov`. */
export function monthLabel(month: number, locale: Locale): string {
  return locale === 'ko' ? `${month}월` : (EN_MONTHS[month - 1] ?? String(month));
}

/** A file size people read: `532 B`, `12.4 KB`, `3.1 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
