import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceDataPath } from '../../reference-data.js';
import {
  careerMonths,
  careerOf,
  closingDate,
  educationOf,
  employmentTypeOf,
  ksicSectionOf,
  parseWork24,
  wageFrom,
  wonFromText,
  work24Date,
  work24ErrorMessage,
} from './work24.js';

const fixture = (name: string) => fs.readFileSync(referenceDataPath(`work24/${name}`), 'utf8');

describe('고용24 XML', () => {
  it('reads the real list: every posting, with our vocabulary', () => {
    const doc = parseWork24(fixture('work24_list_sample_real_20261001.xml'));
    expect(doc.type).toBe('list');
    if (doc.type !== 'list') return;
    expect(doc.total).toBe(2);
    expect(doc.postings).toHaveLength(2);
    expect(doc.postings[0]).toMatchObject({
      wantedAuthNo: 'K140022610010052',
      company: '워터매니지먼트주식회사',
      businessNumber: '5038169211',
      industry: 'E',
      jobsCd: '155500',
      education: 'university',
      career: 'experienced',
      wage: { type: 'annual', amount: 41_000_000 },
      employmentType: 'permanent',
      regionName: '대구 서구',
      opensOn: '2026-10-01',
      closesOn: '2026-11-30',
      address: '대구광역시 서구 와룡로90길 24 워터매니지먼트',
    });
  });

  it('reads a list of one posting as a list (one <wanted> parses as an object)', () => {
    const one = fixture('work24_list_sample_real_20261001.xml').replace(
      /<wanted><wantedAuthNo>K140022609170041.*<\/wanted>/,
      '',
    );
    const doc = parseWork24(one);
    expect(doc.type === 'list' && doc.postings.map((p) => p.wantedAuthNo)).toEqual(['K140022610010052']);
  });

  it('reads the real detail and drops the contact person', () => {
    const xml = fixture('work24_detail_sample_real_20261001.xml').replace(
      '</wantedDtl>',
      '<empchargeInfo><empChargerDpt>인사팀</empChargerDpt><chargerEmail>a@b.kr</chargerEmail></empchargeInfo></wantedDtl>',
    );
    const doc = parseWork24(xml);
    expect(doc.type).toBe('detail');
    if (doc.type !== 'detail') return;
    expect(doc.posting).toMatchObject({
      representative: '김남진',
      size: 'small',
      companyAddress: '대구광역시 서구 와룡로90길 24 (이현동)',
      homepage: null,
      jobsCd: '155500',
      jobsName: '환경공학 기술자 및 연구원',
      education: 'university',
      career: 'experienced',
      minCareerMonths: 36,
      wage: { type: 'annual', amount: 41_000_000 },
      employmentType: 'permanent',
      openings: 1,
      closesOn: null,
    });
    expect(JSON.stringify(doc)).not.toMatch(/인사팀|a@b\.kr/);
  });

  it('reads each error body as an error with its code', () => {
    const bodies = fixture('work24_error_samples.xml')
      .split('\n')
      .filter((l) => l.startsWith('<?xml'));
    expect(bodies.map((b) => parseWork24(b))).toEqual([
      { type: 'error', code: '006', message: '정보가 존재하지 않습니다.' },
      {
        type: 'error',
        code: '018',
        message: '채용정보API의 상세보기 필수항목인 정보제공처가 바르지 않습니다.',
      },
      { type: 'error', code: null, message: '신청하신 OpenApi 서비스가 존재하지 않습니다' },
      { type: 'error', code: null, message: '개인회원은 사용할 수 없는 OPEN-API입니다.' },
      { type: 'error', code: null, message: 'authKey는 필수 입니다.' },
      { type: 'error', code: '002', message: '유효하지 않은 인증키 입니다.' },
    ]);
    expect(work24ErrorMessage('006', '정보가 존재하지 않습니다.').en).toMatch(
      /No postings matched.*0 rows imported/,
    );
    expect(work24ErrorMessage(null, '개인회원은 사용할 수 없는 OPEN-API입니다.').en).toMatch(
      /company member/,
    );
  });

  it('refuses what is not XML, and XML with a DTD', () => {
    expect(parseWork24('a,b,c')).toEqual({ type: 'unreadable', reason: 'not_xml' });
    expect(parseWork24('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><wantedRoot/>').type).toBe(
      'unreadable',
    );
    expect(parseWork24('<html><body>hi</body></html>')).toEqual({
      type: 'unreadable',
      reason: 'unknown_document',
    });
  });

  it('normalises dates, closing dates, wages, education, career, employment types and industries', () => {
    expect(work24Date('26-10-01')).toBe('2026-10-01');
    expect(work24Date('20261001')).toBe('2026-10-01');
    expect(work24Date('26-02-30')).toBeNull();
    expect(closingDate('채용시까지  26-11-30')).toBe('2026-11-30');
    expect(closingDate('채용시까지')).toBeNull();
    expect(wonFromText('4100만원')).toBe(41_000_000);
    expect(wonFromText('연봉41,000,000원 이상, 면접 후 재조정 가능')).toBe(41_000_000);
    expect(wonFromText('회사내규에 따름')).toBeNull();
    expect(wageFrom('monthly', '0', '3500000', null)).toEqual({ type: 'monthly', amount: 3_500_000 });
    expect(wageFrom('hourly', '0', '0', '10,320원')).toEqual({ type: 'hourly', amount: 10_320 });
    expect(wageFrom('hourly', '0', '0', null)).toBeNull();
    expect(educationOf('대졸(2~3년)')).toBe('college');
    expect(educationOf('학력무관')).toBe('any');
    expect(careerOf('신입')).toBe('new');
    expect(careerOf('관계없음')).toBe('any');
    expect(careerOf('신입·경력')).toBe('any');
    expect(careerMonths('경력 (최소3년) 필수')).toBe(36);
    expect(['10', '11', '20', '21', '4', 'Y'].map(employmentTypeOf)).toEqual([
      'permanent',
      'permanent_part_time',
      'fixed_term',
      'fixed_term_part_time',
      'dispatch',
      'substitute',
    ]);
    expect(employmentTypeOf('기간의 정함이 있는 근로계약(시간(선택)제)')).toBe('fixed_term_part_time');
    expect(ksicSectionOf('자동차 부품 제조업')).toBe('C');
    expect(ksicSectionOf('노인 요양 복지시설 운영업')).toBe('Q');
    expect(ksicSectionOf('무엇인지 모를 업')).toBeNull();
  });
});
