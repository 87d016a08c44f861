import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  businessNumberCheckDigit,
  businessNumberDigits,
  formatBusinessNumber,
  isValidBusinessNumber,
} from './business-number.js';

const nineDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 9, maxLength: 9 });
/** A valid number: nine digits and the check digit they call for. */
const validNumber = nineDigits.map((nine) => `${nine}${businessNumberCheckDigit(nine)}`);

describe('사업자등록번호', () => {
  it('the published example numbers check out, and one digit off does not', () => {
    // 국세청's own number and a widely printed example.
    expect(isValidBusinessNumber('220-81-62517')).toBe(true);
    expect(isValidBusinessNumber('124-81-00998')).toBe(true);
    expect(isValidBusinessNumber('124-81-00999')).toBe(false);
  });

  it('any nine digits followed by their computed check digit are valid', () => {
    fc.assert(fc.property(validNumber, (digits) => isValidBusinessNumber(digits)));
  });

  it('changing any single digit makes a valid number invalid', () => {
    fc.assert(
      fc.property(validNumber, fc.nat(9), fc.integer({ min: 1, max: 9 }), (digits, position, shift) => {
        const changed = (Number(digits[position]) + shift) % 10;
        const typo = `${digits.slice(0, position)}${changed}${digits.slice(position + 1)}`;
        return !isValidBusinessNumber(typo);
      }),
    );
  });

  it('hyphens and spaces anywhere do not matter', () => {
    const separators = fc.array(fc.constantFrom('', '-', ' ', '--', ' - '), { minLength: 11, maxLength: 11 });
    const anyTenDigits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(fc.oneof(validNumber, anyTenDigits), separators, (digits, seps) => {
        const typed = [...digits].map((d, i) => `${seps[i]}${d}`).join('') + seps[10];
        return (
          isValidBusinessNumber(typed) === isValidBusinessNumber(digits) &&
          businessNumberDigits(typed) === digits
        );
      }),
    );
  });

  it('anything but ten digits is not a business number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (text) => {
        const digits = text.replace(/[\s-]/g, '');
        fc.pre(!/^\d{10}$/.test(digits));
        return !isValidBusinessNumber(text) && businessNumberDigits(text) === null;
      }),
    );
  });

  it('the formatted number reads back as the same digits', () => {
    fc.assert(
      fc.property(validNumber, (digits) => {
        const formatted = formatBusinessNumber(digits);
        return /^\d{3}-\d{2}-\d{5}$/.test(formatted) && businessNumberDigits(formatted) === digits;
      }),
    );
  });
});
