import type { Locale } from './locale';

/**
 * Times are shown in Korean time whatever the browser's zone: the records belong to a Korean
 * local government, and a counsellor abroad must see the same date as the office does.
 */
export const DISPLAY_TIME_ZONE = 'Asia/Seoul';

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const zoneFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** Calendar parts of a value in Korean time; a bare `YYYY-MM-DD` is taken as that calendar day. */
function partsOf(value: string | Date): DateParts | null {
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 };
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter.formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date as people write it: `2026. 11. 26.` in Korean, `26 Nov 2026` in English. */
export function formatDate(value: string | Date | null | undefined, locale: Locale): string {
  if (value == null || value === '') return '';
  const p = partsOf(value);
  if (!p) return String(value);
  return locale === 'ko'
    ? `${p.year}. ${p.month}. ${p.day}.`
    : `${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}`;
}

/** A date with the time of day (24-hour clock): `2026. 11. 26. 14:05` / `26 Nov 2026, 14:05`. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (value == null || value === '') return '';
  const p = partsOf(value);
  if (!p) return String(value);
  const time = `${pad2(p.hour)}:${pad2(p.minute)}`;
  return locale === 'ko' ? `${formatDate(value, locale)} ${time}` : `${formatDate(value, locale)}, ${time}`;
}

/** Digits grouped by thousands: `1234000` → `1,234,000`. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? '-' : '';
  const [int, frac] = Math.abs(value).toString().split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${sign}${grouped}.${frac}` : `${sign}${grouped}`;
}

/** An amount in won: `1,234,000원` in Korean, `KRW 1,234,000` in English. Won have no fractions. */
export function formatMoney(value: number, locale: Locale): string {
  const rounded = formatNumber(Math.round(value));
  return locale === 'ko' ? `${rounded}원` : `KRW ${rounded}`;
}

/**
 * A Korean telephone number with its usual hyphens: mobiles `010-1234-5678`, Seoul
 * `02-123-4567`, other areas `032-123-4567`, nationwide numbers `1577-1000`. Anything else is
 * returned as given, so nothing a person typed is lost.
 */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return '';
  const d = value.replace(/\D/g, '');
  if (/^02\d{7,8}$/.test(d)) return `02-${d.slice(2, -4)}-${d.slice(-4)}`;
  if (/^1[5-9]\d{6}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4)}`;
  if (/^050\d{8,9}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4, -4)}-${d.slice(-4)}`;
  if (/^0\d{9,10}$/.test(d)) return `${d.slice(0, 3)}-${d.slice(3, -4)}-${d.slice(-4)}`;
  return value;
}
