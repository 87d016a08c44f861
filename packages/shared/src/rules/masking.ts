/**
 * Masking of personal data in lists (개인정보 보호법 and 행정안전부 guidance): the data is
 * shown in full only on an audited profile read.
 */

/** 홍길동 → 홍*동, 남궁민수 → 남**수, 김수 → 김*, John Smith → J*** S****. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (/^[A-Za-z\s.'-]+$/.test(name)) {
    return name
      .trim()
      .split(/\s+/)
      .map((w) => w[0] + '*'.repeat(Math.max(w.length - 1, 1)))
      .join(' ');
  }
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** 010-1234-5678 → 010-****-5678; anything else keeps its last four digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 4) return '*'.repeat(digits.length);
  const last = digits.slice(-4);
  if (digits.length === 11) return `${digits.slice(0, 3)}-****-${last}`;
  if (digits.length === 10) return `${digits.slice(0, digits.startsWith('02') ? 2 : 3)}-***-${last}`;
  return `${'*'.repeat(digits.length - 4)}${last}`;
}

/** hong@example.com → ho**@example.com. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 0) return maskName(email);
  const local = email.slice(0, at);
  const keep = Math.min(2, Math.max(local.length - 1, 1));
  return `${local.slice(0, keep)}${'*'.repeat(Math.max(local.length - keep, 1))}${email.slice(at)}`;
}

/** 010-1234-5678, 02-123-4567 or 0321234567 → digits; null if not a Korean phone number. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^0\d{8,10}$/.test(digits) ? digits : null;
}

/** Digits → 010-1234-5678 / 02-123-4567 / 032-123-4567. */
export function formatPhone(digits: string): string {
  if (digits.startsWith('02')) {
    return digits.length === 9
      ? `02-${digits.slice(2, 5)}-${digits.slice(5)}`
      : `02-${digits.slice(2, 6)}-${digits.slice(6)}`;
  }
  return digits.length === 10
    ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`
    : `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
}
