import { describe, expect, it } from 'vitest';
import { businessNumberState, checkEmployer, employerBody, tidyBusinessNumber } from './employerForm';
import {
  checkVacancy,
  emptyVacancyForm,
  readNumber,
  seoulToday,
  serverErrorsOf,
  vacancyBody,
} from './vacancyForm';

const TABLE = { 2026: 10320 };
const filled = () => ({
  ...emptyVacancyForm('2026-03-02', { regionScheme: 'KOSTAT-2023', dongCode: '23060510', address: null }),
  title: '간호조무사 모집',
  occupation: { scheme: 'KECO-2018', code: '3040', label: '간호조무사' },
  employmentType: 'permanent' as const,
  wageAmount: '2,300,000',
});

describe('the vacancy form', () => {
  it('reads amounts typed with separators, and keeps what is not a number for the schema to report', () => {
    expect(readNumber('2,300,000')).toBe(2_300_000);
    expect(readNumber('')).toBeUndefined();
    expect(readNumber('이백만')).toBe('이백만');
  });

  it('builds the API body: wage as a number, until-filled as no closing date', () => {
    const body = vacancyBody(filled());
    expect(body.wage).toEqual({ type: 'monthly', amount: 2_300_000 });
    expect(body.closesOn).toBeNull();
    expect(body.place).toEqual({ dongCode: '23060510', regionScheme: 'KOSTAT-2023' });
    expect(body.occupation).toEqual({ scheme: 'KECO-2018', code: '3040' });
    expect(checkVacancy(filled(), TABLE)).toEqual({});
  });

  it('names the missing fields and the minimum wage on the fields that show them', () => {
    const errors = checkVacancy(
      { ...filled(), title: '', occupation: null, employmentType: '', wageAmount: '2,000,000' },
      TABLE,
    );
    expect(Object.keys(errors).sort()).toEqual(['employmentType', 'occupation', 'title', 'wage.amount']);
    expect(errors['wage.amount']?.ko).toBe(
      '2026년 최저임금(10,320원/시간, 월급 2,156,880원) 이상이어야 합니다.',
    );
  });

  it('refuses a closing date before the opening date', () => {
    const errors = checkVacancy({ ...filled(), untilFilled: false, closesOn: '2026-03-01' }, TABLE);
    expect(errors.closesOn?.ko).toContain('마감일');
  });

  it('puts the server’s errors on the controls that show them', () => {
    const errors = serverErrorsOf([
      { field: 'occupation.code', code: 'unknown_item', message: { ko: 'a', en: 'a' } },
      { field: 'requiredSkills.1', code: 'unknown_item', message: { ko: 'b', en: 'b' } },
    ]);
    expect(Object.keys(errors)).toEqual(['occupation', 'requiredSkills']);
  });

  it('knows today in Korea whatever the browser’s zone', () => {
    expect(seoulToday(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
  });
});

describe('the company profile form', () => {
  it('checks the business number’s check digit as it is typed', () => {
    expect(businessNumberState('')).toBe('empty');
    expect(businessNumberState('123-45')).toBe('incomplete');
    expect(businessNumberState('123-45-67891')).toBe('valid');
    expect(businessNumberState('123-45-67890')).toBe('invalid');
    expect(tidyBusinessNumber('1234567891')).toBe('123-45-67891');
    expect(tidyBusinessNumber('12345')).toBe('12345');
  });

  it('asks for the fields that make a profile usable and leaves empty optional ones out', () => {
    const state = {
      businessNumber: '123-45-67891',
      name: '부평정밀',
      representative: '',
      industry: 'C' as const,
      size: '' as const,
      regionScheme: '',
      dongCode: '',
      address: '',
      flags: [],
      homepage: '',
      description: '',
      contacts: [{ name: '', position: '', phone: '', email: '' }],
    };
    expect(Object.keys(checkEmployer(state)).sort()).toEqual(['place.dongCode', 'representative', 'size']);
    const body = employerBody({
      ...state,
      contacts: [{ name: '김담당', position: '', phone: '010-1234-5678', email: '' }],
    });
    expect(body.contacts).toEqual([{ name: '김담당', phone: '010-1234-5678' }]);
    expect('homepage' in body).toBe(false);
  });
});
