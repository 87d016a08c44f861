import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPhone, maskEmail, maskName, maskPhone, normalisePhone } from './masking.js';

describe('masking personal data for lists', () => {
  it('masks Korean names like the 행정안전부 guidance: first and last syllable kept', () => {
    expect(maskName('홍길동')).toBe('홍*동');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('김수')).toBe('김*');
    expect(maskName('이')).toBe('*');
  });

  it('masks Latin names word by word', () => {
    expect(maskName('John Smith')).toBe('J*** S****');
  });

  it('never shows more than two characters of a name of three or more', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'가나다라마바사아자차카타파하김이박최'),
          minLength: 3,
          maxLength: 8,
        }),
        (name) => {
          const masked = maskName(name);
          expect(Array.from(masked).length).toBe(Array.from(name).length);
          expect(Array.from(masked).filter((c) => c !== '*').length).toBe(2);
        },
      ),
    );
  });

  it('keeps only the last four digits of a phone number', () => {
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone('032-123-4567')).toBe('032-***-4567');
    fc.assert(
      fc.property(fc.stringMatching(/^010\d{8}$/), (digits) => {
        const masked = maskPhone(digits);
        expect(masked.endsWith(digits.slice(-4))).toBe(true);
        expect(masked).not.toContain(digits.slice(3, 7));
      }),
    );
  });

  it('masks the local part of an email address', () => {
    expect(maskEmail('hong@example.com')).toBe('ho**@example.com');
    expect(maskEmail('a@example.com')).toBe('a*@example.com');
  });

  it('normalises and formats Korean phone numbers', () => {
    expect(normalisePhone('010-1234-5678')).toBe('01012345678');
    expect(normalisePhone('12345')).toBeNull();
    expect(formatPhone('01012345678')).toBe('010-1234-5678');
    expect(formatPhone('0212345678')).toBe('02-1234-5678');
    expect(formatPhone('021234567')).toBe('02-123-4567');
    expect(formatPhone('0321234567')).toBe('032-123-4567');
  });
});
