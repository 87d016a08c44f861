/**
 * 사업자등록번호: ten digits written `123-45-67890`, the last a check digit. The check, as the
 * 국세청 publishes it: multiply the first nine digits by 1,3,7,1,3,7,1,3,5, add the tens digit of
 * (9th digit × 5), and the check digit is (10 − sum mod 10) mod 10.
 */
const WEIGHTS = [1, 3, 7, 1, 3, 7, 1, 3, 5] as const;

/** The digits of a business number typed with or without hyphens or spaces; null if not ten digits. */
export function businessNumberDigits(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/** The check digit the first nine digits call for. */
export function businessNumberCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * WEIGHTS[i]!;
  sum += Math.floor((Number(firstNine[8]) * 5) / 10);
  return (10 - (sum % 10)) % 10;
}

/** Whether a business number (hyphens optional) has ten digits and a correct check digit. */
export function isValidBusinessNumber(input: string): boolean {
  const digits = businessNumberDigits(input);
  return digits !== null && businessNumberCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

/** `1234567890` → `123-45-67890`. */
export function formatBusinessNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}
