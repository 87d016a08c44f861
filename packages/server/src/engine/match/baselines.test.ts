import { describe, expect, it } from 'vitest';
import type { VacancyDocument } from '../search/vacancy-index.js';
import { VacancyIndex } from '../search/vacancy-index.js';
import { occupationOnlyRanker, textOnlyRanker, textQueryWords } from './baselines.js';
import type { MatchSeeker } from './types.js';

const TODAY = 20_000;
const CARE = ['5', '55', '550', '5501'];
const NURSE_AIDE = ['3', '30', '307', '3075'];
const COOK = ['5', '53', '531', '5312'];
const LABELS: Record<string, string> = {
  '5501': '요양 보호사 및 간병인',
  '3075': '간호조무사',
  '5312': '한식 조리사',
  '550': '돌봄 서비스직',
  '8132': '금속 공작기계 조작원',
};
const SKILLS: Record<string, string> = { 'NCS:13': '음식서비스' };

function doc(id: number, path: string[], over: Partial<VacancyDocument> = {}): VacancyDocument {
  const label = LABELS[path[path.length - 1]!]!;
  return {
    id,
    orgId: 1,
    employerId: 1,
    title: `${label} 모집`,
    company: '부평 (데모)',
    occupation: label,
    occupationPath: path,
    dong: null,
    monthlyWage: 2_300_000,
    employmentType: 'permanent',
    career: 'any',
    education: 'any',
    targetGroups: [],
    opensOn: TODAY - 10,
    closesOn: null,
    status: 'open',
    lat: null,
    lon: null,
    ...over,
  };
}

function seeker(over: Partial<MatchSeeker> = {}): MatchSeeker {
  return {
    id: 1,
    orgId: 1,
    occupationScheme: 'KECO-2018',
    desired: [NURSE_AIDE, CARE],
    careers: [],
    skills: [],
    certificates: [],
    education: 4,
    desiredMonthlyWage: null,
    wageFirm: false,
    weeklyHours: 40,
    shifts: [],
    employmentTypes: [],
    lat: null,
    lon: null,
    commuteKm: 0,
    groups: [],
    availableFrom: null,
    status: 'active',
    recommendable: true,
    ...over,
  };
}

function indexOf(documents: VacancyDocument[]): VacancyIndex {
  const index = new VacancyIndex();
  index.setAll(documents);
  return index;
}

const occupationLabel = (_scheme: string, code: string) => LABELS[code];

describe('occupation code only', () => {
  const index = indexOf([
    doc(1, CARE, { opensOn: TODAY - 30 }),
    doc(2, CARE, { opensOn: TODAY - 5 }),
    doc(3, NURSE_AIDE, { opensOn: TODAY - 40 }),
    doc(4, COOK, { opensOn: TODAY - 1 }),
    doc(5, COOK, { opensOn: TODAY - 50 }),
    doc(6, NURSE_AIDE, { status: 'closed' }),
    doc(7, NURSE_AIDE, { orgId: 2 }),
    doc(8, NURSE_AIDE, { closesOn: TODAY - 1 }),
  ]);

  it('lists the first desire, then the second, then the rest, newest first within each', () => {
    const rank = occupationOnlyRanker({ index, seeker: (id) => seeker({ id }), today: TODAY });
    expect(rank(1)).toEqual([3, 2, 1, 4, 5]);
  });

  it('stops at the limit', () => {
    const rank = occupationOnlyRanker({ index, seeker: (id) => seeker({ id }), today: TODAY, limit: 2 });
    expect(rank(1)).toEqual([3, 2]);
  });

  it('takes every vacancy under a desired group', () => {
    const rank = occupationOnlyRanker({
      index,
      seeker: () => seeker({ desired: [CARE.slice(0, 2)] }),
      today: TODAY,
    });
    // 5-55 holds the care vacancies only: cooks (5-53) follow as "the rest".
    expect(rank(1)).toEqual([2, 1, 4, 3, 5]);
  });

  it('reads codes of another scheme through the facet value the server gives them', () => {
    const other = indexOf([
      doc(1, ['W:1'], { title: '갑', occupation: '갑' }),
      doc(2, ['W:2'], { title: '을', occupation: '을' }),
    ]);
    const rank = occupationOnlyRanker({
      index: other,
      seeker: () => seeker({ occupationScheme: 'W', desired: [['1']] }),
      today: TODAY,
      facetValue: (scheme, code) => `${scheme}:${code}`,
    });
    expect(rank(1)).toEqual([1, 2]);
  });

  it('gives an unknown or inactive seeker nothing', () => {
    expect(occupationOnlyRanker({ index, seeker: () => undefined, today: TODAY })(1)).toEqual([]);
    const inactive = occupationOnlyRanker({
      index,
      seeker: () => seeker({ status: 'employed' }),
      today: TODAY,
    });
    expect(inactive(1)).toEqual([]);
  });
});

describe('text search only', () => {
  it('makes search words of the desired labels (and skills), leaving out one-syllable and stop words', () => {
    const s = seeker({ desired: [CARE, ['5', '55', '550']], skills: ['NCS:13', 'NCS:99'] });
    expect(textQueryWords(s, occupationLabel)).toEqual(['요양', '보호사', '간병인', '돌봄', '서비스직']);
    expect(textQueryWords(s, occupationLabel, (key) => SKILLS[key])).toEqual([
      '요양',
      '보호사',
      '간병인',
      '돌봄',
      '서비스직',
      '음식서비스',
    ]);
  });

  it('lists the matches of each desired label in order, then vacancies sharing a word', () => {
    const index = indexOf([
      doc(1, CARE),
      doc(2, NURSE_AIDE),
      doc(3, COOK),
      // Shares the word 보호사 with the care label, but is not a care vacancy.
      doc(4, ['8', '81', '813', '8132'], { title: '보호사 겸 기계 조작원' }),
      doc(5, CARE, { status: 'filled' }),
    ]);
    const rank = textOnlyRanker({ index, seeker: () => seeker(), today: TODAY, occupationLabel });
    expect(rank(1)).toEqual([2, 1, 4]);
  });

  it('ranks a desired label by the search relevance: a title match above an occupation match', () => {
    const index = indexOf([
      doc(1, CARE, { title: '주간보호센터 직원 모집' }),
      doc(2, CARE, { title: '요양 보호사 및 간병인 모집' }),
    ]);
    const rank = textOnlyRanker({
      index,
      seeker: () => seeker({ desired: [CARE] }),
      today: TODAY,
      occupationLabel,
    });
    expect(rank(1)).toEqual([2, 1]);
  });

  it('returns only matches: a seeker whose words match nothing gets an empty list', () => {
    const index = indexOf([doc(1, COOK)]);
    const rank = textOnlyRanker({ index, seeker: () => seeker(), today: TODAY, occupationLabel });
    expect(rank(1)).toEqual([]);
  });
});
