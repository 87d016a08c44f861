import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COOK,
  HEALTH_OTHER,
  NORTH_3KM,
  NURSE,
  NURSE_AIDE,
  randomDocuments,
  seeker,
  TODAY,
  vacancy,
} from './match.fixtures.js';
import { Matcher } from './matcher.js';
import {
  conditionsComponent,
  DEFAULT_MATCH_WEIGHTS,
  distanceComponent,
  educationComponent,
  employerSide,
  freshnessComponent,
  hardFilters,
  harmonic,
  occupationComponent,
  pathSimilarity,
  skillsComponent,
  wageComponent,
} from './score.js';
import { TopK } from './top-k.js';
import type { MatchResult, MatchSeeker, MatchVacancy } from './types.js';

describe('hard filters', () => {
  const refused = (s: Partial<MatchSeeker>, v: Partial<MatchVacancy>, forEmployer = false) =>
    hardFilters(seeker(s), vacancy(v), TODAY, forEmployer);

  it('passes a plain pair', () => {
    expect(refused({}, {})).toEqual([]);
  });
  it('refuses a vacancy that is not open', () => {
    expect(refused({}, { status: 'closed' })).toEqual(['closed']);
    expect(refused({}, { status: 'draft' })).toEqual(['closed']);
    expect(refused({}, { status: 'filled' })).toEqual(['closed']);
  });
  it('refuses an expired vacancy, not one closing today', () => {
    expect(refused({}, { closesOn: TODAY - 1 })).toEqual(['expired']);
    expect(refused({}, { closesOn: TODAY })).toEqual([]);
  });
  it("refuses a wage under the seeker's firm minimum only when firm", () => {
    expect(refused({ wageFirm: true, desiredMonthlyWage: 3_000_000 }, {})).toEqual([
      'wage_below_firm_minimum',
    ]);
    expect(refused({ wageFirm: false, desiredMonthlyWage: 3_000_000 }, {})).toEqual([]);
    expect(refused({ wageFirm: true, desiredMonthlyWage: 2_500_000 }, {})).toEqual([]);
  });
  it('refuses a missing required certificate', () => {
    expect(refused({}, { requiredCertificates: ['QNET:1'] })).toEqual(['missing_required_certificate']);
    expect(refused({ certificates: ['QNET:1'] }, { requiredCertificates: ['QNET:1'] })).toEqual([]);
    expect(refused({}, { preferredCertificates: ['QNET:1'] })).toEqual([]);
  });
  it('refuses beyond the commute limit; unknown coordinates do not refuse', () => {
    expect(refused({ commuteKm: 3 }, NORTH_3KM)).toEqual(['beyond_commute']);
    expect(refused({ commuteKm: 4 }, NORTH_3KM)).toEqual([]);
    expect(refused({ commuteKm: 3 }, { lat: null, lon: null })).toEqual([]);
    expect(refused({ commuteKm: 3, lat: null, lon: null }, NORTH_3KM)).toEqual([]);
  });
  it('refuses a group-only vacancy for a seeker outside its groups', () => {
    expect(refused({ groups: ['youth'] }, { eligibleGroups: ['disabled'] })).toEqual(['not_eligible']);
    expect(refused({ groups: ['disabled'] }, { eligibleGroups: ['disabled'] })).toEqual([]);
  });
  it('refuses a seeker without the recommendation consent only as a candidate', () => {
    expect(refused({ recommendable: false }, {}, true)).toEqual(['not_recommendable']);
    expect(refused({ recommendable: false }, {}, false)).toEqual([]);
  });
  it('refuses an inactive or employed seeker', () => {
    expect(refused({ status: 'inactive' }, {})).toEqual(['inactive']);
    expect(refused({ status: 'employed' }, {})).toEqual(['inactive']);
  });
  it('refuses another organisation and another occupation scheme', () => {
    expect(refused({ orgId: 2 }, {})).toEqual(['other_organisation']);
    expect(refused({ occupationScheme: 'KSCO-7' }, {})).toEqual(['other_scheme']);
  });
});

describe('score components', () => {
  it('occupation: by the level of the shared prefix, from the bottom', () => {
    expect(pathSimilarity(NURSE_AIDE, NURSE_AIDE)).toBe(1);
    expect(pathSimilarity(NURSE_AIDE, ['3', '30', '307', '3079'])).toBe(0.75);
    expect(pathSimilarity(NURSE_AIDE, NURSE)).toBe(0.5);
    expect(pathSimilarity(NURSE_AIDE, HEALTH_OTHER)).toBe(0.25);
    expect(pathSimilarity(NURSE_AIDE, COOK)).toBe(0);
    // Not tied to four levels: two-level schemes too.
    expect(pathSimilarity(['A', 'A1'], ['A', 'A2'])).toBe(0.75);
  });
  it('occupation: 2nd and 3rd choices are worth a little less', () => {
    const v = vacancy({ occupation: NURSE_AIDE });
    expect(occupationComponent(seeker({ desired: [NURSE_AIDE] }), v)).toBe(1);
    expect(occupationComponent(seeker({ desired: [COOK, NURSE_AIDE] }), v)).toBe(0.9);
    expect(occupationComponent(seeker({ desired: [COOK, COOK, NURSE_AIDE] }), v)).toBe(0.8);
    expect(occupationComponent(seeker({ desired: [COOK, NURSE, NURSE_AIDE] }), v)).toBe(0.8);
  });
  it('occupation: career months in a matching occupation add to it', () => {
    const v = vacancy({ occupation: NURSE_AIDE });
    expect(
      occupationComponent(seeker({ desired: [COOK], careers: [{ occupation: NURSE_AIDE, months: 36 }] }), v),
    ).toBe(0.2);
    expect(
      occupationComponent(seeker({ desired: [NURSE], careers: [{ occupation: NURSE_AIDE, months: 18 }] }), v),
    ).toBeCloseTo(0.5 + 0.2 * 0.5 * 0.5, 12);
  });
  it('skills: IDF-weighted overlap, required counting twice', () => {
    const v = vacancy({ requiredSkills: ['NCS:a'], preferredSkills: ['NCS:b'] });
    expect(skillsComponent(seeker({ skills: ['NCS:a'] }), v)).toBeCloseTo(2 / 3, 12);
    expect(skillsComponent(seeker({ skills: ['NCS:b'] }), v)).toBeCloseTo(1 / 3, 12);
    expect(skillsComponent(seeker({ skills: ['NCS:a', 'NCS:b'] }), v)).toBe(1);
    expect(skillsComponent(seeker({ skills: [] }), v)).toBe(0);
    const rareB = (item: string) => (item === 'NCS:b' ? 4 : 1);
    expect(skillsComponent(seeker({ skills: ['NCS:b'] }), v, rareB)).toBeCloseTo(4 / 6, 12);
    expect(skillsComponent(seeker(), vacancy())).toBe(0.5);
    expect(
      skillsComponent(seeker({ certificates: ['Q:1'] }), vacancy({ preferredCertificates: ['Q:1'] })),
    ).toBe(1);
  });
  it('distance: 1 at 0 km, 0 at the commute limit', () => {
    expect(distanceComponent(0, 10)).toBe(1);
    expect(distanceComponent(2.5, 10)).toBe(0.75);
    expect(distanceComponent(10, 10)).toBe(0);
    expect(distanceComponent(null, 10)).toBe(0.5);
    expect(distanceComponent(5, 0)).toBe(0.5);
  });
  it('wage: 1 when the offer meets the desired wage, 0 at 30 % short', () => {
    expect(wageComponent(3_000_000, 2_500_000)).toBe(1);
    expect(wageComponent(2_500_000, 2_500_000)).toBe(1);
    expect(wageComponent(2_350_000, 2_500_000)).toBeCloseTo(0.8, 12);
    expect(wageComponent(1_750_000, 2_500_000)).toBe(0);
    expect(wageComponent(1_000_000, null)).toBe(1);
  });
  it('conditions: hours, shifts and employment type', () => {
    expect(conditionsComponent(seeker(), vacancy())).toBe(1);
    expect(conditionsComponent(seeker({ weeklyHours: 20 }), vacancy({ weeklyHours: 40 }))).toBeCloseTo(
      (0.5 + 1 + 1) / 3,
      12,
    );
    expect(conditionsComponent(seeker({ shifts: ['night'] }), vacancy())).toBeCloseTo(2 / 3, 12);
    expect(conditionsComponent(seeker({ employmentTypes: ['daily'] }), vacancy())).toBeCloseTo(2 / 3, 12);
  });
  it('education and experience', () => {
    expect(educationComponent(seeker({ education: 4 }), vacancy({ education: 4 }))).toBe(1);
    expect(educationComponent(seeker({ education: 3 }), vacancy({ education: 6 }))).toBe(0.5);
    expect(
      educationComponent(
        seeker({ careers: [{ occupation: COOK, months: 6 }] }),
        vacancy({ minCareerMonths: 12 }),
      ),
    ).toBe(0.75);
  });
  it('freshness: newer vacancies higher', () => {
    expect(freshnessComponent(TODAY, TODAY)).toBe(1);
    expect(freshnessComponent(TODAY - 30, TODAY)).toBe(0.5);
    expect(freshnessComponent(TODAY - 90, TODAY)).toBe(0);
  });
  it('employer side and the harmonic mean', () => {
    expect(employerSide(seeker(), vacancy())).toBe(1);
    expect(employerSide(seeker(), vacancy({ requiredSkills: ['NCS:a'] }))).toBe(0.5);
    expect(employerSide(seeker(), vacancy({ preferredGroups: ['youth'] }))).toBeCloseTo(0.9, 12);
    expect(harmonic(1, 0.5)).toBeCloseTo(2 / 3, 12);
    expect(harmonic(0, 1)).toBe(0);
  });
});

describe('Matcher', () => {
  it('explains a pair with reasons in Korean and English, most important first', () => {
    const m = new Matcher();
    m.setVacancy(vacancy({ id: 7, ...NORTH_3KM, monthlyWage: 2_600_000, requiredCertificates: ['Q:1'] }));
    m.setSeeker(seeker({ id: 3, certificates: ['Q:1'] }));
    const r = m.explain(3, 7, { today: TODAY }) as MatchResult;
    expect(r.id).toBe(7);
    expect(r.distanceKm).toBeCloseTo(3.2, 1);
    expect(
      r.reasons
        .map((x) => x.ko)
        .slice(0, 4)
        .join(' · '),
    ).toBe('희망직종 일치 · 통근 3.2km · 희망임금 충족 · 요구자격 보유');
    expect(
      r.reasons
        .map((x) => x.en)
        .slice(0, 4)
        .join(' · '),
    ).toBe('Desired occupation · 3.2 km commute · Meets desired wage · Has required certificate');
    expect(r.score).toBeCloseTo(harmonic(r.seekerSide, r.employerSide), 12);
    expect(m.explain(3, 7, { today: TODAY + 1 })).toMatchObject({ id: 7 });
    m.setVacancy(vacancy({ id: 7, status: 'closed', closesOn: TODAY - 1 }));
    expect(m.explain(3, 7, { today: TODAY })).toEqual({ refused: ['closed', 'expired'] });
    expect(m.explain(3, 99, { today: TODAY })).toBeUndefined();
  });

  it('ranks the desired occupation first and leaves out refused pairs', () => {
    const m = new Matcher();
    m.setAllVacancies([
      vacancy({ id: 1, occupation: COOK }),
      vacancy({ id: 2, occupation: NURSE_AIDE }),
      vacancy({ id: 3, occupation: NURSE }),
      vacancy({ id: 4, occupation: NURSE_AIDE, status: 'closed' }),
    ]);
    m.setAllSeekers([
      seeker({ id: 1 }),
      seeker({ id: 2, recommendable: false }),
      seeker({ id: 3, status: 'inactive' }),
    ]);
    expect(m.recommendVacancies(1, { limit: 10, today: TODAY }).map((r) => r.id)).toEqual([2, 3, 1]);
    expect(m.candidatesFor(2, { limit: 10, today: TODAY }).map((r) => r.id)).toEqual([1]);
    m.removeVacancy(2);
    expect(m.recommendVacancies(1, { limit: 10, today: TODAY }).map((r) => r.id)).toEqual([3, 1]);
    m.removeSeeker(1);
    expect(m.candidatesFor(3, { limit: 10, today: TODAY })).toEqual([]);
  });

  it('keeps IDF counts over the current documents', () => {
    const m = new Matcher();
    m.setVacancy(vacancy({ id: 1, requiredSkills: ['NCS:common'] }));
    m.setVacancy(vacancy({ id: 2, requiredSkills: ['NCS:common', 'NCS:rare'] }));
    expect(m.idf('NCS:rare')).toBeGreaterThan(m.idf('NCS:common'));
    m.removeVacancy(2);
    expect(m.idf('NCS:rare')).toBe(m.idf('NCS:never'));
  });

  it('TopK keeps the k best, ties by id', () => {
    const top = new TopK<number>(3);
    for (const [s, id] of [
      [0.5, 1],
      [0.9, 2],
      [0.5, 3],
      [0.7, 4],
      [0.5, 0],
    ] as const)
      top.offer(s, id, id);
    expect(top.sorted()).toEqual([2, 4, 0]);
  });
});

// --- Property tests ---------------------------------------------------------------------------

const PATHS = [NURSE_AIDE, NURSE, HEALTH_OTHER, COOK, ['3', '30', '307', '3079'], ['5', '53', '532', '5320']];
const SKILLS = ['NCS:a', 'NCS:b', 'NCS:c', 'NCS:d'];
const CERTS = ['Q:1', 'Q:2'];
const GROUPS = ['youth', 'senior', 'disabled'];
const point = fc.option(
  fc.record({
    lat: fc.double({ min: 37.45, max: 37.55, noNaN: true }),
    lon: fc.double({ min: 126.65, max: 126.78, noNaN: true }),
  }),
  { freq: 6 },
);
const subset = <T>(list: readonly T[], max = list.length) => fc.subarray([...list], { maxLength: max });

const vacancyArb = fc
  .record({
    occupation: fc.constantFrom(...PATHS),
    requiredSkills: subset(SKILLS, 2),
    preferredSkills: subset(SKILLS, 2),
    requiredCertificates: subset(CERTS, 1),
    preferredCertificates: subset(CERTS, 1),
    education: fc.integer({ min: 0, max: 7 }),
    minCareerMonths: fc.constantFrom(0, 6, 24),
    monthlyWage: fc.integer({ min: 1_500_000, max: 4_000_000 }),
    weeklyHours: fc.constantFrom(15, 20, 40),
    shifts: subset(['day', 'night', 'evening'], 2),
    employmentType: fc.constantFrom('permanent', 'fixed_term', 'daily'),
    where: point,
    opensOn: fc.integer({ min: TODAY - 90, max: TODAY }),
    closesOn: fc.option(fc.integer({ min: TODAY - 5, max: TODAY + 30 }), { freq: 3 }),
    status: fc.constantFrom('open', 'open', 'open', 'closed' as const),
    eligibleGroups: fc.oneof(
      { arbitrary: fc.constant([] as string[]), weight: 5 },
      { arbitrary: subset(GROUPS, 1), weight: 1 },
    ),
    preferredGroups: subset(GROUPS, 1),
    orgId: fc.constantFrom(1, 1, 1, 2),
  })
  .map(
    ({ where, ...r }): Omit<MatchVacancy, 'id'> => ({
      ...vacancy(),
      ...r,
      status: r.status as MatchVacancy['status'],
      lat: where?.lat ?? null,
      lon: where?.lon ?? null,
    }),
  );

const seekerArb = fc
  .record({
    desired: fc.array(fc.constantFrom(...PATHS), { maxLength: 3 }),
    careers: fc.array(
      fc.record({ occupation: fc.constantFrom(...PATHS), months: fc.integer({ min: 0, max: 60 }) }),
      {
        maxLength: 2,
      },
    ),
    skills: subset(SKILLS),
    certificates: subset(CERTS),
    education: fc.integer({ min: 0, max: 7 }),
    desiredMonthlyWage: fc.option(fc.integer({ min: 1_500_000, max: 4_000_000 })),
    wageFirm: fc.boolean(),
    weeklyHours: fc.option(fc.constantFrom(20, 40)),
    shifts: subset(['day', 'night'], 2),
    employmentTypes: subset(['permanent', 'fixed_term', 'daily'], 2),
    where: point,
    commuteKm: fc.integer({ min: 0, max: 15 }),
    groups: subset(GROUPS, 2),
    status: fc.constantFrom('active', 'active', 'active', 'inactive' as const),
    recommendable: fc.boolean(),
    orgId: fc.constantFrom(1, 1, 1, 2),
  })
  .map(
    ({ where, ...r }): Omit<MatchSeeker, 'id'> => ({
      ...seeker(),
      ...r,
      status: r.status as MatchSeeker['status'],
      lat: where?.lat ?? null,
      lon: where?.lon ?? null,
    }),
  );

const withIds = <T>(list: T[]) => list.map((doc, i) => ({ ...doc, id: i + 1 }));
const brief = (rs: MatchResult[]) => rs.map((r) => [r.id, r.score]);

describe('properties', () => {
  it('a better wage never lowers the wage component', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.option(fc.integer({ min: 0, max: 10_000_000 })),
        (offer, raise, desired) => {
          const a = wageComponent(offer, desired);
          const b = wageComponent(offer + raise, desired);
          return b >= a && a >= 0 && b <= 1;
        },
      ),
    );
  });

  it('closer never lowers the distance component', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (a, b, limit) => {
          const [near, far] = a < b ? [a, b] : [b, a];
          const x = distanceComponent(near, limit);
          const y = distanceComponent(far, limit);
          return x >= y && y >= 0 && x <= 1;
        },
      ),
    );
  });

  it('adding a seeker skill never lowers the skills component (nor the employer side)', () => {
    fc.assert(
      fc.property(seekerArb, vacancyArb, fc.constantFrom(...SKILLS, ...CERTS), (s0, v0, extra) => {
        const s = { ...s0, id: 1 };
        const v = { ...v0, id: 1 };
        const more = { ...s, skills: [...s.skills, extra], certificates: [...s.certificates, extra] };
        const idf = (item: string) => 1 + item.length / 10;
        return (
          skillsComponent(more, v, idf) >= skillsComponent(s, v, idf) &&
          employerSide(more, v, idf) >= employerSide(s, v, idf)
        );
      }),
    );
  });

  it('every component and both sides stay in [0, 1]', () => {
    fc.assert(
      fc.property(seekerArb, vacancyArb, (s0, v0) => {
        const m = new Matcher();
        m.setSeeker({ ...s0, id: 1 });
        m.setVacancy({ ...v0, id: 1 });
        const r = m.explain(1, 1, { today: TODAY });
        if (!r || 'refused' in r) return true;
        const values = [...Object.values(r.components), r.seekerSide, r.employerSide, r.score];
        return values.every((x) => x >= 0 && x <= 1 + 1e-12);
      }),
    );
  });

  it('hard filters never let a refused pair through', () => {
    fc.assert(
      fc.property(
        fc.array(seekerArb, { minLength: 1, maxLength: 8 }),
        fc.array(vacancyArb, { maxLength: 30 }),
        (ss, vs) => {
          const m = new Matcher();
          m.setAllSeekers(withIds(ss));
          m.setAllVacancies(withIds(vs));
          for (const s of withIds(ss)) {
            for (const r of m.recommendVacancies(s.id, { limit: 50, today: TODAY }))
              expect(hardFilters(s, m.vacancy(r.id)!, TODAY)).toEqual([]);
          }
          for (const v of withIds(vs)) {
            for (const r of m.candidatesFor(v.id, { limit: 50, today: TODAY })) {
              const s = m.seeker(r.id)!;
              expect(hardFilters(s, v, TODAY, true)).toEqual([]);
              expect(s.recommendable && s.status === 'active').toBe(true);
            }
            // And everything refused is left out: the full list is exactly the passing pairs.
            const passing = withIds(ss).filter((s) => hardFilters(s, v, TODAY, true).length === 0);
            expect(m.candidatesFor(v.id, { limit: 1000, today: TODAY }).length).toBe(passing.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the candidate-generated top-k equals the exhaustive top-k', () => {
    fc.assert(
      fc.property(
        fc.array(seekerArb, { minLength: 1, maxLength: 40 }),
        fc.array(vacancyArb, { maxLength: 150 }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (ss, vs, limit, customWeights) => {
          const m = new Matcher();
          m.setAllSeekers(withIds(ss));
          m.setAllVacancies(withIds(vs));
          const weights = customWeights
            ? { ...DEFAULT_MATCH_WEIGHTS, occupation: 0.6, distance: 0.05 }
            : undefined;
          const options = { limit, today: TODAY, weights };
          for (let id = 1; id <= ss.length; id++)
            expect(brief(m.recommendVacancies(id, options))).toEqual(
              brief(m.exhaustiveRecommendVacancies(id, options)),
            );
          for (let id = 1; id <= vs.length; id++)
            expect(brief(m.candidatesFor(id, options))).toEqual(
              brief(m.exhaustiveCandidatesFor(id, options)),
            );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('stays exact through updates and removals', () => {
    const id = fc.integer({ min: 1, max: 30 });
    const change = fc.oneof(
      fc.record({ kind: fc.constant('vacancy' as const), id, vacancy: vacancyArb }),
      fc.record({ kind: fc.constant('seeker' as const), id, seeker: seekerArb }),
      fc.record({ kind: fc.constant('no vacancy' as const), id }),
      fc.record({ kind: fc.constant('no seeker' as const), id }),
    );
    fc.assert(
      fc.property(
        fc.array(seekerArb, { maxLength: 30 }),
        fc.array(vacancyArb, { maxLength: 30 }),
        fc.array(change, { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (ss, vs, changes, limit) => {
          const m = new Matcher();
          m.setAllSeekers(withIds(ss));
          m.setAllVacancies(withIds(vs));
          for (const c of changes) {
            if (c.kind === 'vacancy') m.setVacancy({ ...c.vacancy, id: c.id });
            else if (c.kind === 'seeker') m.setSeeker({ ...c.seeker, id: c.id });
            else if (c.kind === 'no vacancy') m.removeVacancy(c.id);
            else m.removeSeeker(c.id);
          }
          const options = { limit, today: TODAY };
          for (let i = 1; i <= 30; i++) {
            expect(brief(m.recommendVacancies(i, options))).toEqual(
              brief(m.exhaustiveRecommendVacancies(i, options)),
            );
            expect(brief(m.candidatesFor(i, options))).toEqual(brief(m.exhaustiveCandidatesFor(i, options)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('ranking for the batch and the scan baseline', () => {
  const { vacancies, seekers } = randomDocuments(3, 400, 300);
  const m = new Matcher();
  m.setAllVacancies(vacancies);
  m.setAllSeekers(seekers);
  const options = { limit: 15, today: TODAY };
  const pairs = (rs: MatchResult[]) => rs.map((r) => ({ id: r.id, score: r.score }));

  it('ranks the ids and scores of the full results; reading everything finds the same, visiting more', () => {
    let pruned = 0;
    let scanned = 0;
    for (const s of seekers) {
      const full = pairs(m.recommendVacancies(s.id, options));
      expect(m.rankVacancies(s.id, options)).toEqual(full);
      pruned += m.stats.visited;
      expect(m.scanVacancies(s.id, options)).toEqual(full);
      scanned += m.stats.visited;
    }
    for (const v of vacancies) {
      const full = pairs(m.candidatesFor(v.id, options));
      expect(m.rankCandidates(v.id, options)).toEqual(full);
      pruned += m.stats.visited;
      expect(m.scanCandidates(v.id, options)).toEqual(full);
      scanned += m.stats.visited;
    }
    expect(pruned).toBeLessThan(scanned / 2);
  });

  it('stays exact after every seeker changed twice (their occupation lists are compacted)', () => {
    const big = randomDocuments(11, 60, 3000);
    const changed = new Matcher();
    changed.setAllVacancies(big.vacancies);
    changed.setAllSeekers(big.seekers);
    for (const s of randomDocuments(12, 0, 3000).seekers) changed.setSeeker(s);
    for (const s of big.seekers.slice(0, 1500)) changed.setSeeker(s);
    expect(changed.seekerCount).toBe(3000);
    for (const v of big.vacancies)
      expect(brief(changed.candidatesFor(v.id, options))).toEqual(
        brief(changed.exhaustiveCandidatesFor(v.id, options)),
      );
    for (const s of big.seekers.slice(1400, 1600))
      expect(brief(changed.recommendVacancies(s.id, options))).toEqual(
        brief(changed.exhaustiveRecommendVacancies(s.id, options)),
      );
  });
});
