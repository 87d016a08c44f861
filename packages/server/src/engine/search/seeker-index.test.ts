import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SEEKER_FACETS,
  type SeekerDocument,
  type SeekerFacet,
  SeekerIndex,
  type SeekerQuery,
} from './seeker-index.js';

const PATHS = [
  ['3', '30', '307', '3075'],
  ['3', '30', '304', '3040'],
  ['8', '85', '851', '8510'],
  ['9', '92', '921', '9210'],
];
const LABELS = ['간호조무사', '간호사', '금속가공기계조작원', '택배원'];
const GROUPS = ['youth', 'elderly', 'disabled', 'vulnerable'];
const TYPES = ['permanent', 'fixed_term', 'daily'];

function seeker(id: number, c: number[]): SeekerDocument {
  const picked = [c[0]! % 4, c[1]! % 4].slice(0, 1 + (c[2]! % 2));
  return {
    id,
    orgId: 1 + (c[3]! % 2),
    name: ['김민수', '이서연', '박지훈', 'John Smith'][c[4]! % 4]!,
    occupations: picked.map((p) => LABELS[p]!),
    skills: c[5]! % 2 ? ['지게차 운전'] : [],
    certificates: c[6]! % 2 ? ['요양보호사'] : [],
    occupationPaths: picked.map((p) => PATHS[p]!),
    dong: c[7]! % 3 === 0 ? null : `230605${c[7]! % 3}`,
    education: ['high', 'college', 'university'][c[8]! % 3]!,
    targetGroups: GROUPS.filter((_, g) => (c[9]! >> g) & 1),
    status: ['active', 'employed', 'inactive'][c[10]! % 3]!,
    employmentTypes: TYPES.filter((_, t) => (c[11]! >> t) & 1),
  };
}

const documents = fc
  .array(fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }), { maxLength: 50 })
  .map((list) => list.map((c, i) => seeker(i + 1, c)));
const subset = (values: string[]) => fc.subarray(values, { maxLength: 2 });
const queries = fc.record({
  q: fc.constantFrom(undefined, '간호', '김민', 'ㄱㅎ', 'john', '지게차'),
  orgId: fc.constantFrom(undefined, 1, 2),
  occupation: subset(['3', '30', '3040', '8', '9']),
  dong: subset(['2306051', '2306052']),
  education: subset(['high', 'college', 'university']),
  targetGroup: subset(GROUPS),
  status: subset(['active', 'employed', 'inactive']),
  employmentType: subset(TYPES),
});

function text(d: SeekerDocument): string {
  return [d.name, ...d.occupations, ...d.skills, ...d.certificates].join(' ').toLowerCase();
}
function textMatches(d: SeekerDocument, q: string | undefined): boolean {
  if (q === undefined) return true;
  if (q === 'ㄱㅎ') return d.occupations.some((o) => o.startsWith('간호'));
  return text(d).includes(q);
}
function values(d: SeekerDocument, facet: SeekerFacet, counting: boolean): string[] {
  const safeGroups = d.targetGroups.filter((g) => g !== 'disabled');
  switch (facet) {
    case 'occupationGroup':
      return counting ? d.occupationPaths.map((p) => p[0]!) : d.occupationPaths.flat();
    case 'dong':
      return d.dong ? [d.dong] : [];
    case 'education':
      return [d.education];
    case 'targetGroup':
      return safeGroups;
    case 'status':
      return [d.status];
    case 'employmentType':
      return [...d.employmentTypes];
  }
}
function selected(q: SeekerQuery, facet: SeekerFacet): readonly string[] | undefined {
  const map: Record<SeekerFacet, readonly string[] | undefined> = {
    occupationGroup: q.occupation,
    dong: q.dong,
    education: q.education,
    targetGroup: q.targetGroup?.filter((g) => g !== 'disabled'),
    status: q.status,
    employmentType: q.employmentType,
  };
  return map[facet];
}
function passes(d: SeekerDocument, facet: SeekerFacet, q: SeekerQuery): boolean {
  const s = selected(q, facet);
  return !s?.length || values(d, facet, false).some((v) => s.includes(v));
}

/** Compares a search with brute force over `docs` (the documents the index holds): hits and every facet. */
function checkAgainstBruteForce(index: SeekerIndex, docs: SeekerDocument[], q: SeekerQuery): void {
  const result = index.search({ ...q, limit: 1000 });
  const base = (d: SeekerDocument) => textMatches(d, q.q) && (q.orgId === undefined || d.orgId === q.orgId);
  const expected = docs.filter((d) => base(d) && SEEKER_FACETS.every((f) => passes(d, f, q)));
  expect(result.total).toBe(expected.length);
  expect(result.hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(
    expected.map((d) => d.id).sort((a, b) => a - b),
  );
  for (const facet of SEEKER_FACETS) {
    const counts = new Map<string, number>();
    for (const d of docs) {
      if (!base(d) || !SEEKER_FACETS.every((f) => f === facet || passes(d, f, q))) continue;
      for (const v of new Set(values(d, facet, true))) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const got = new Map(result.facets[facet]!.filter((c) => c.count > 0).map((c) => [c.value, c.count]));
    expect(got, facet).toEqual(counts);
  }
}

describe('SeekerIndex', () => {
  it('filters and counts facets exactly like brute force, within the organisation', () => {
    fc.assert(
      fc.property(documents, queries, (docs, q) => {
        const index = new SeekerIndex({ capacity: 2 });
        index.setAll(docs);
        checkAgainstBruteForce(index, docs, q);
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact when a column widens from one byte to two mid-way (300 dongs and organisations)', () => {
    const DONGS = 300;
    const many = fc
      .array(fc.array(fc.nat(1000), { minLength: 12, maxLength: 12 }), { minLength: 320, maxLength: 320 })
      .map((list) =>
        list.map((c, i) => ({ ...seeker(i + 1, c), dong: `D${i % DONGS}`, orgId: 1 + ((i * 7) % DONGS) })),
      );
    const wideQueries = fc.record({
      q: fc.constantFrom(undefined, '간호', '김민'),
      orgId: fc.constantFrom(undefined, 1, 200, 300),
      occupation: subset(['3', '30', '8']),
      dong: fc.subarray(['D0', 'D5', 'D255', 'D256', 'D299'], { maxLength: 3 }),
      education: subset(['high', 'college', 'university']),
      targetGroup: subset(GROUPS),
      status: subset(['active', 'employed', 'inactive']),
      employmentType: subset(TYPES),
    });
    fc.assert(
      fc.property(many, fc.nat(320), fc.nat(1000), wideQueries, (docs, split, salt, q) => {
        const index = new SeekerIndex({ capacity: 2 });
        // Some in bulk, the rest one by one (the columns widen during either), then a few replaced and removed.
        index.setAll(docs.slice(0, split));
        for (const d of docs.slice(split)) index.set(d);
        // Searched before the writes too: the counts it keeps must follow them.
        checkAgainstBruteForce(index, docs, q);
        const held = new Map(docs.map((d) => [d.id, d]));
        for (const d of docs) {
          if ((d.id * 31 + salt) % 7 === 0) {
            index.remove(d.id);
            held.delete(d.id);
          } else if ((d.id * 17 + salt) % 11 === 0) {
            const moved = { ...d, dong: `D${(d.id + salt) % DONGS}`, status: 'employed' };
            index.set(moved);
            held.set(d.id, moved);
          }
        }
        checkAgainstBruteForce(index, [...held.values()], q);
      }),
      { numRuns: 40 },
    );
  });

  it('never filters or counts the sensitive group', () => {
    const index = new SeekerIndex();
    index.set({ ...seeker(1, Array(12).fill(0)), targetGroups: ['disabled', 'youth'] });
    const result = index.search({ targetGroup: ['disabled'] });
    expect(result.total).toBe(1);
    expect(result.facets.targetGroup!.map((c) => c.value)).toEqual(['youth']);
  });

  it('finds a person by name and sorts by name', () => {
    const index = new SeekerIndex();
    index.setAll([seeker(1, [0, 0, 0, 0, 1]), seeker(2, [0, 0, 0, 0, 0]), seeker(3, [0, 0, 0, 0, 2])]);
    expect(index.search({ q: '서연' }).hits.map((h) => h.id)).toEqual([1]);
    expect(index.search({ sort: 'name' }).hits.map((h) => h.id)).toEqual([2, 3, 1]);
    expect(index.search({}).hits.map((h) => h.id)).toEqual([3, 2, 1]);
    index.remove(2);
    expect(index.search({ sort: 'name' }).hits.map((h) => h.id)).toEqual([3, 1]);
  });
});
