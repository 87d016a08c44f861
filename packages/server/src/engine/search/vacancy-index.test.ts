import { POSTED_WITHIN, WAGE_BAND_RANGES, WAGE_BANDS } from '@ilteo/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay } from './days.js';
import { distanceKm } from './geo.js';
import { highlightRanges } from './highlight.js';
import {
  POSTED_WITHIN_DAYS,
  VACANCY_FACETS,
  type VacancyDocument,
  type VacancyFacet,
  VacancyIndex,
  type VacancyQuery,
  WAGE_BAND_LIMITS,
  wageBandOf,
} from './vacancy-index.js';

const TODAY = dayNumber('2026-11-26');

const OCCUPATIONS = [
  { path: ['3', '30', '307', '3075'], label: '간호조무사' },
  { path: ['3', '30', '304', '3040'], label: '간호사' },
  { path: ['8', '85', '851', '8510'], label: '금속가공기계조작원' },
  { path: ['9', '92', '921', '9210'], label: '택배원' },
  { path: ['5', '53', '531', '5310'], label: '음식 조리원' },
];
const DONGS = ['2306051', '2306052', '2306053', null] as const;
const TYPES = ['permanent', 'fixed_term', 'daily'];
const CAREERS = ['new', 'experienced', 'any'];
const EDUCATION = ['any', 'high', 'university'];
const GROUPS = ['youth', 'elderly', 'disabled', 'career_break_women'];
const STATUSES = ['open', 'draft', 'closed', 'filled'];
const WAGES = [1_900_000, 2_156_880, 2_600_000, 3_500_000, 4_200_000];
const DONG_POINTS: Record<string, [number, number]> = {
  '2306051': [37.5, 126.72],
  '2306052': [37.49, 126.7],
  '2306053': [37.51, 126.74],
};

/** A vacancy built from small choices, so that generated sets share values and facets mean something. */
function vacancy(id: number, c: number[]): VacancyDocument {
  const at = (list: readonly unknown[], i: number) => list[c[i]! % list.length];
  const occupation = at(OCCUPATIONS, 0) as (typeof OCCUPATIONS)[number];
  const dong = at(DONGS, 1) as string | null;
  const point = dong ? DONG_POINTS[dong]! : null;
  return {
    id,
    orgId: 1 + (c[2]! % 2),
    employerId: 10 + (c[3]! % 3),
    title: `${['급구', '정규직', '주간'][c[4]! % 3]} ${occupation.label} 모집`,
    company: ['부평정밀', '청천요양원', 'Bupyeong Logistics'][c[5]! % 3]!,
    occupation: occupation.label,
    description: '4대보험, 주5일 근무',
    occupationPath: occupation.path,
    dong,
    monthlyWage: at(WAGES, 6) as number,
    employmentType: at(TYPES, 7) as string,
    career: at(CAREERS, 8) as string,
    education: at(EDUCATION, 9) as string,
    targetGroups: GROUPS.filter((_, g) => (c[10]! >> g) & 1),
    opensOn: TODAY - (c[11]! % 40),
    closesOn: c[12]! % 3 === 0 ? null : TODAY - 5 + (c[12]! % 15),
    status: at(STATUSES, 13) as string,
    source: c[14]! % 4 === 0 ? 'work24' : 'own',
    lat: point ? point[0] : null,
    lon: point ? point[1] : null,
  };
}

const choices = fc.array(fc.nat(1000), { minLength: 15, maxLength: 15 });
const documents = fc
  .array(choices, { minLength: 0, maxLength: 60 })
  .map((list) => list.map((c, i) => vacancy(i * 3 + 1, c)));

const subset = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: 2 });
const queries = fc.record({
  q: fc.constantFrom(undefined, '간호', '모집', 'ㄱㅎ', '부평', 'logis', '조리원 주간'),
  occupation: subset(['3', '30', '3075', '8', '8510', '9', '5']),
  dong: subset(['2306051', '2306052', '2306053']),
  wageBand: subset(WAGE_BANDS),
  employmentType: subset(TYPES),
  career: subset(CAREERS),
  education: subset(EDUCATION),
  targetGroup: subset(GROUPS),
  postedWithin: fc.constantFrom(undefined, ...POSTED_WITHIN),
  status: subset(STATUSES),
  openOn: fc.constantFrom(undefined, TODAY),
  orgId: fc.constantFrom(undefined, 1, 2),
  employerId: fc.constantFrom(undefined, 11),
  source: fc.constantFrom(undefined, 'own', 'work24'),
  minMonthlyWage: fc.constantFrom(undefined, 2_500_000),
  withinKm: fc.constantFrom(undefined, 1, 3),
});

/** The text rule for these documents, written plainly (the text index's own tests prove it in general). */
function textMatches(d: VacancyDocument, q: string | undefined): boolean {
  if (q === undefined) return true;
  const haystack = [d.title, d.company, d.occupation, d.description].join(' ').toLowerCase();
  const initials = [...haystack]
    .map((ch) => {
      const code = ch.charCodeAt(0) - 0xac00;
      return code >= 0 && code < 11172
        ? 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'[Math.floor(code / 588)]
        : ' ';
    })
    .join('');
  return q.split(' ').every((w) => (/^[ㄱ-ㅎ]+$/.test(w) ? initials.includes(w) : haystack.includes(w)));
}

const NEAR = { lat: 37.5, lon: 126.72 };

/** Whether a document passes one facet's filter of a query. */
function passesFacet(d: VacancyDocument, facet: VacancyFacet, q: VacancyQuery): boolean {
  const any = (selected: readonly string[] | undefined, values: readonly string[]) =>
    !selected || selected.length === 0 || values.some((v) => selected.includes(v));
  switch (facet) {
    case 'occupationGroup':
      return any(q.occupation, d.occupationPath);
    case 'dong':
      return any(q.dong, d.dong ? [d.dong] : []);
    case 'wageBand':
      return any(q.wageBand, [wageBandOf(d.monthlyWage)]);
    case 'employmentType':
      return any(q.employmentType, [d.employmentType]);
    case 'career':
      return any(q.career, [d.career]);
    case 'education':
      return any(q.education, [d.education]);
    case 'targetGroup':
      return any(q.targetGroup, d.targetGroups);
    case 'postedWithin':
      return !q.postedWithin || q.today - d.opensOn < POSTED_WITHIN_DAYS[q.postedWithin];
  }
}

/** Everything but the facets. */
function passesBase(d: VacancyDocument, q: VacancyQuery): boolean {
  return (
    textMatches(d, q.q) &&
    (!q.status?.length || q.status.includes(d.status)) &&
    (q.openOn === undefined || d.closesOn === null || d.closesOn >= q.openOn) &&
    (q.orgId === undefined || d.orgId === q.orgId) &&
    (q.employerId === undefined || d.employerId === q.employerId) &&
    (q.source === undefined || (d.source ?? 'own') === q.source) &&
    (q.minMonthlyWage === undefined || d.monthlyWage >= q.minMonthlyWage) &&
    (q.withinKm === undefined ||
      (d.lat !== null && distanceKm(NEAR.lat, NEAR.lon, d.lat, d.lon!) <= q.withinKm))
  );
}

/** The facet values a document is counted under. */
function countedValues(d: VacancyDocument, facet: VacancyFacet, today: number): string[] {
  switch (facet) {
    case 'occupationGroup':
      return [d.occupationPath[0]!];
    case 'dong':
      return d.dong ? [d.dong] : [];
    case 'wageBand':
      return [wageBandOf(d.monthlyWage)];
    case 'employmentType':
      return [d.employmentType];
    case 'career':
      return [d.career];
    case 'education':
      return [d.education];
    case 'targetGroup':
      return [...d.targetGroups];
    case 'postedWithin':
      return Object.entries(POSTED_WITHIN_DAYS)
        .filter(([, days]) => today - d.opensOn < days)
        .map(([w]) => w);
  }
}

function toQuery(raw: { withinKm: number | undefined }): VacancyQuery {
  return {
    ...raw,
    today: TODAY,
    ...(raw.withinKm === undefined ? {} : { near: NEAR }),
  } as VacancyQuery;
}

function build(docs: VacancyDocument[], oneByOne: boolean): VacancyIndex {
  const index = new VacancyIndex({ capacity: 4 });
  if (oneByOne) for (const d of docs) index.set(d);
  else index.setAll(docs);
  return index;
}

/** Compares a search with brute force over `docs` (the vacancies the index holds): hits and every facet. */
function expectBruteForce(index: VacancyIndex, docs: VacancyDocument[], q: VacancyQuery): void {
  const result = index.search({ ...q, limit: 1000 });
  const expected = docs.filter((d) => passesBase(d, q) && VACANCY_FACETS.every((f) => passesFacet(d, f, q)));
  expect(result.total).toBe(expected.length);
  expect(result.hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(
    expected.map((d) => d.id).sort((a, b) => a - b),
  );
  for (const facet of VACANCY_FACETS) {
    // Disjunctive: every filter applies but the facet's own.
    const counts = new Map<string, number>();
    for (const d of docs) {
      if (!passesBase(d, q) || !VACANCY_FACETS.every((f) => f === facet || passesFacet(d, f, q))) continue;
      for (const v of countedValues(d, facet, TODAY)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const got = new Map(result.facets[facet]!.filter((c) => c.count > 0).map((c) => [c.value, c.count]));
    expect(got, facet).toEqual(counts);
  }
}

describe('VacancyIndex', () => {
  it('filters exactly like a brute-force filter, and counts facets like a brute-force count', () => {
    fc.assert(
      fc.property(documents, queries, fc.boolean(), (docs, raw, oneByOne) => {
        expectBruteForce(build(docs, oneByOne), docs, toQuery(raw));
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact through additions, replacements and removals between public searches', () => {
    // The public search's requirements (open, not closed before today): kept counts are reused
    // from one search to the next and must follow every write.
    const publicQueries = queries.map((raw) => ({
      ...toQuery({
        ...raw,
        q: undefined,
        employerId: undefined,
        minMonthlyWage: undefined,
        withinKm: undefined,
      }),
      status: ['open'],
      openOn: TODAY,
      source: undefined,
    }));
    const step = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), id: fc.nat(40), c: choices }),
      fc.record({ kind: fc.constant('remove' as const), id: fc.nat(40) }),
      fc.record({ kind: fc.constant('search' as const), q: publicQueries }),
    );
    fc.assert(
      fc.property(documents, fc.array(step, { minLength: 10, maxLength: 40 }), (docs, steps) => {
        const index = build(docs, false);
        const held = new Map(docs.map((d) => [d.id, d]));
        for (const s of steps) {
          if (s.kind === 'set') {
            const d = vacancy(s.id, s.c);
            index.set(d);
            held.set(d.id, d);
          } else if (s.kind === 'remove') {
            index.remove(s.id);
            held.delete(s.id);
          } else expectBruteForce(index, [...held.values()], s.q);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sums up: with one value chosen per facet, the facet counts of the unfiltered search give the totals', () => {
    fc.assert(
      fc.property(documents, (docs) => {
        const index = build(docs, false);
        const all = index.search({ today: TODAY });
        expect(all.total).toBe(docs.length);
        for (const { value, count } of all.facets.employmentType!) {
          expect(index.search({ today: TODAY, employmentType: [value] }).total).toBe(count);
        }
        const perWage = all.facets.wageBand!.reduce((sum, c) => sum + c.count, 0);
        expect(perWage).toBe(docs.length);
      }),
    );
  });

  it('finds a document by every two-syllable substring of its title', () => {
    const syllables = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(
        fc.array(fc.array(syllables, { minLength: 2, maxLength: 8 }), { minLength: 1, maxLength: 30 }),
        (titles) => {
          const docs = titles.map((t, i) => ({ ...vacancy(i + 1, Array(15).fill(0)), title: t.join('') }));
          const index = build(docs, false);
          for (const d of docs) {
            for (let i = 0; i + 2 <= d.title.length; i++) {
              const hits = index.search({ today: TODAY, q: d.title.slice(i, i + 2), limit: 1000 }).hits;
              expect(hits.map((h) => h.id)).toContain(d.id);
            }
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('finds a document by every AND of its substrings of two or more syllables, and counts like brute force', () => {
    // Few syllables, so that documents often hold a word's bigrams without the word itself.
    const syllable = fc.constantFrom('간', '호', '조', '무', '사', '리');
    const text = fc.array(syllable, { minLength: 2, maxLength: 9 }).map((t) => t.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, text, text), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(2), fc.nat(20), fc.integer({ min: 2, max: 4 })), {
          minLength: 2,
          maxLength: 3,
        }),
        fc.constantFrom(undefined, 1, 5),
        (fields, pick, cuts, maxRanked) => {
          const docs = fields.map(([title, occupation, company], i) => ({
            ...vacancy(i * 2 + 1, Array(15).fill(i)),
            title,
            occupation,
            company,
            description: '',
          }));
          const index = build(docs, false);
          const doc = docs[pick % docs.length]!;
          const own = [doc.title, doc.occupation as string, doc.company];
          const words = cuts.map(([field, at, length]) => {
            const f = own[field]!;
            const from = at % (f.length - 1);
            return f.slice(from, Math.min(f.length, from + length));
          });
          const q = words.join(' ');
          const expected = docs
            .filter((d) =>
              words.every((w) => [d.title, d.occupation as string, d.company].some((f) => f.includes(w))),
            )
            .map((d) => d.id);
          for (const sort of ['relevance', 'newest'] as const) {
            const base = { today: TODAY, q, sort, maxRanked };
            const total = index.search({ ...base, limit: 0 }).total;
            expect(total, q).toBe(expected.length);
            // The full answer holds every match, however few are ranked (maxRanked).
            const all = index.search({ ...base, limit: total }).hits.map((h) => h.id);
            expect(
              all.sort((a, b) => a - b),
              q,
            ).toEqual(expected);
            expect(all).toContain(doc.id);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds 간호조무사 by 간호, by ㄱㅎ and by an English word of the company', () => {
    const index = build([vacancy(7, [0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0])], false);
    expect(index.search({ today: TODAY, q: '간호' }).hits.map((h) => h.id)).toEqual([7]);
    expect(index.search({ today: TODAY, q: 'ㄱㅎ' }).total).toBe(1);
    expect(index.search({ today: TODAY, q: 'logistics' }).total).toBe(1);
    expect(index.search({ today: TODAY, q: '택배' }).total).toBe(0);
  });

  it('ranks a title match above a match in the description', () => {
    const index = new VacancyIndex();
    const base = vacancy(1, Array(15).fill(0));
    index.set({ ...base, id: 1, title: '사무 보조', description: '간호 업무 지원' });
    index.set({ ...base, id: 2, title: '간호 보조', description: '' });
    expect(index.search({ today: TODAY, q: '간호' }).hits.map((h) => h.id)).toEqual([2, 1]);
  });

  it('sorts by newest, wage and distance, and pages without overlap', () => {
    const docs = Array.from({ length: 30 }, (_, i) =>
      vacancy(i + 1, [i, i, 0, 0, i, i, i, i, i, i, i, i * 7, 0, 0, 0]),
    );
    const index = build(docs, false);
    const newest = index.search({ today: TODAY, sort: 'newest', limit: 30 }).hits.map((h) => h.id);
    const byOpening = [...docs].sort((a, b) => b.opensOn - a.opensOn || b.id - a.id).map((d) => d.id);
    expect(newest).toEqual(byOpening);
    const wages = index
      .search({ today: TODAY, sort: 'wage', limit: 30 })
      .hits.map((h) => docs.find((d) => d.id === h.id)!.monthlyWage);
    expect(wages).toEqual([...wages].sort((a, b) => b - a));
    const near = index.search({ today: TODAY, sort: 'distance', near: NEAR, limit: 30 }).hits;
    const distances = near.map((h) => h.distanceKm ?? Number.POSITIVE_INFINITY);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(near[0]!.distanceKm).toBeCloseTo(0, 2);
    const pages = [0, 10, 20].flatMap((offset) =>
      index.search({ today: TODAY, sort: 'newest', offset, limit: 10 }).hits.map((h) => h.id),
    );
    expect(pages).toEqual(newest);
  });

  it('forgets removed vacancies and follows updates', () => {
    const index = new VacancyIndex();
    const d = vacancy(5, Array(15).fill(0));
    index.set(d);
    index.set({ ...d, title: '물류 상하차', occupation: '택배원', occupationPath: ['9', '92'] });
    expect(index.search({ today: TODAY, q: '간호' }).total).toBe(0);
    expect(index.search({ today: TODAY, q: '상하차', occupation: ['9'] }).total).toBe(1);
    expect(index.remove(5)).toBe(true);
    expect(index.remove(5)).toBe(false);
    expect(index.search({ today: TODAY }).total).toBe(0);
    expect(index.size).toBe(0);
  });

  it('keeps a chosen facet value in its facet even when nothing has it', () => {
    const index = build([vacancy(1, Array(15).fill(0))], false);
    const result = index.search({ today: TODAY, dong: ['9999999'] });
    expect(result.total).toBe(0);
    expect(result.facets.dong).toContainEqual({ value: '9999999', count: 0 });
  });

  it('names its wage bands and windows as the API does', () => {
    expect(WAGE_BAND_LIMITS.map((b) => b.band)).toEqual([...WAGE_BANDS]);
    for (const b of WAGE_BAND_LIMITS) {
      expect(WAGE_BAND_RANGES[b.band]).toEqual({ min: b.min, max: Number.isFinite(b.max) ? b.max : null });
    }
    expect(Object.keys(POSTED_WITHIN_DAYS)).toEqual([...POSTED_WITHIN]);
    expect(wageBandOf(2_156_880)).toBe('2m_2_5m');
    expect(wageBandOf(4_000_000)).toBe('4m_plus');
  });
});

describe('days and highlights', () => {
  it('turns dates into day numbers and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (day) => {
        expect(dayNumber(isoDay(day))).toBe(day);
      }),
    );
  });

  it('marks where the words of a query are in a title', () => {
    expect(highlightRanges('간호조무사 모집', '간호')).toEqual([[0, 2]]);
    expect(highlightRanges('간호조무사 모집', 'ㄱㅎ 모집')).toEqual([
      [0, 2],
      [6, 8],
    ]);
    expect(highlightRanges('Java 개발자', 'jav')).toEqual([[0, 3]]);
    expect(highlightRanges('간호조무사', undefined)).toEqual([]);
  });
});
