import { describe, expect, it } from 'vitest';
import { occupationOnlyRanker, textOnlyRanker } from '../../engine/match/baselines.js';
import { evaluateWeights, relevantCount } from '../../engine/match/evaluate.js';
import { Matcher } from '../../engine/match/matcher.js';
import { DEFAULT_MATCH_WEIGHTS } from '../../engine/match/score.js';
import type { MatchVacancy } from '../../engine/match/types.js';
import { VacancyIndex } from '../../engine/search/vacancy-index.js';
import {
  generateSynthetic,
  gradePair,
  hiresLabelledSet,
  LICENCES,
  type SeekerTruth,
  syntheticLabelledSet,
} from './synthetic.js';

const SMALL = { vacancies: 600, seekers: 300, seed: 7 };

describe('the synthetic labelled set', () => {
  const set = generateSynthetic(SMALL);

  it('is the same for the same seed', () => {
    const again = generateSynthetic(SMALL);
    expect(again.vacancies).toEqual(set.vacancies);
    expect(again.seekers).toEqual(set.seekers);
    expect(again.labels).toEqual(set.labels);
    expect(again.hires).toEqual(set.hires);
  });

  it('keeps the labels when only the profiles the matcher sees are drawn again', () => {
    // The non-circularity argument as a test: the labels read the truth, never the profile.
    const other = generateSynthetic({ ...SMALL, profileSeed: 99 });
    expect(other.seekers).not.toEqual(set.seekers);
    expect(other.truths).toEqual(set.truths);
    expect(other.labels).toEqual(set.labels);
  });

  it('shows the matcher a noisy view of the truth', () => {
    const pairs = set.truths.map((t, i) => ({ truth: t, profile: set.seekers[i]! }));
    const firstIsTarget = pairs.filter((p) => p.profile.desired[0]!.join() === p.truth.target.join()).length;
    // About 60 % list the target first; the others a neighbour, the group, or the target second.
    expect(firstIsTarget / pairs.length).toBeGreaterThan(0.45);
    expect(firstIsTarget / pairs.length).toBeLessThan(0.8);
    const statedWages = pairs.filter((p) => p.profile.desiredMonthlyWage !== null);
    expect(statedWages.some((p) => p.profile.desiredMonthlyWage! > p.truth.reservationWage)).toBe(true);
    expect(statedWages.some((p) => p.profile.desiredMonthlyWage! < p.truth.reservationWage)).toBe(true);
    expect(pairs.some((p) => p.profile.commuteKm !== p.truth.maxCommuteKm)).toBe(true);
    expect(pairs.some((p) => p.profile.certificates.length < p.truth.certificates.length)).toBe(true);
  });

  it('has relevant vacancies of both grades for most seekers, and hires among the grade-2 ones', () => {
    const withRelevant = [...set.labels.values()].filter((l) => relevantCount(l) > 0).length;
    expect(withRelevant / set.seekers.length).toBeGreaterThan(0.6);
    const grades = [...set.labels.values()].flatMap((l) => [...l.values()]);
    expect(grades).toContain(1);
    expect(grades).toContain(2);
    expect(set.hires.length).toBeGreaterThan(0);
    for (const h of set.hires) expect(set.labels.get(h.seekerId)!.get(h.vacancyId)).toBe(2);
    expect(hiresLabelledSet(set).pairs).toBe(set.hires.length);
    expect(syntheticLabelledSet(set).pairs).toBe(SMALL.vacancies * SMALL.seekers);
  });

  it('numbers vacancies in the order they opened, as a database would', () => {
    for (let i = 1; i < set.vacancies.length; i++)
      expect(set.vacancies[i]!.opensOn).toBeGreaterThanOrEqual(set.vacancies[i - 1]!.opensOn);
    expect(set.documents.map((d) => d.id)).toEqual(set.vacancies.map((v) => v.id));
  });

  it('is ranked better by the matcher than by either baseline', () => {
    const matcher = new Matcher();
    matcher.setAllVacancies(set.vacancies);
    matcher.setAllSeekers(set.seekers);
    const index = new VacancyIndex();
    index.setAll(set.documents);
    const baseline = { index, seeker: (id: number) => matcher.seeker(id), today: set.today };
    const result = evaluateWeights(
      syntheticLabelledSet(set),
      {
        matcher,
        today: set.today,
        textOnly: textOnlyRanker({ ...baseline, occupationLabel: (_s, code) => set.keco.labels.get(code) }),
        occupationOnly: occupationOnlyRanker(baseline),
      },
      DEFAULT_MATCH_WEIGHTS,
    );
    expect(result.current.ndcgAt10).toBeGreaterThan(result.baselines.textOnly.ndcgAt10);
    expect(result.current.ndcgAt10).toBeGreaterThan(result.baselines.occupationOnly.ndcgAt10);
  });
});

describe('the label rule', () => {
  const CARE = ['5', '55', '550', '5501'];
  const CARE_SIBLING = ['5', '55', '550', '5502'];
  const COOK = ['5', '53', '531', '5312'];
  const HOME = { lat: 37.5073, lon: 126.7219 };
  const truth: SeekerTruth = {
    seekerId: 1,
    target: CARE,
    reservationWage: 2_000_000,
    ...HOME,
    maxCommuteKm: 3,
    certificates: [LICENCES['5501']!.key],
    education: 3,
    monthsByMinor: new Map([['550', 24]]),
    partTime: false,
    shifts: ['day'],
    groups: ['new_middle_aged'],
  };
  const vacancy = (over: Partial<MatchVacancy> = {}): MatchVacancy => ({
    id: 1,
    orgId: 1,
    employerId: 1,
    occupationScheme: 'KECO-2018',
    occupation: CARE,
    requiredSkills: [],
    preferredSkills: [],
    requiredCertificates: [LICENCES['5501']!.key],
    preferredCertificates: [],
    education: 3,
    career: 'experienced',
    minCareerMonths: 24,
    monthlyWage: 2_000_000,
    weeklyHours: 40,
    shifts: ['day'],
    employmentType: 'permanent',
    ...HOME,
    opensOn: 0,
    closesOn: null,
    status: 'open',
    eligibleGroups: [],
    preferredGroups: [],
    ...over,
  });

  it('grades the target occupation 2 and another of its 소분류 1, when acceptable and qualified', () => {
    expect(gradePair(truth, vacancy(), true)).toBe(2);
    expect(gradePair(truth, vacancy({ occupation: CARE_SIBLING }), true)).toBe(1);
    expect(gradePair(truth, vacancy({ occupation: COOK }), true)).toBe(0);
  });

  it('grades 0 what the seeker would refuse: low pay, a long commute, other hours or shifts, a filled post', () => {
    expect(gradePair(truth, vacancy({ monthlyWage: 1_990_000 }), true)).toBe(0);
    // About 3.2 km north of home, over the true 3 km.
    expect(gradePair(truth, vacancy({ lat: 37.5361 }), true)).toBe(0);
    expect(gradePair(truth, vacancy({ weeklyHours: 20 }), true)).toBe(0);
    expect(gradePair(truth, vacancy({ shifts: ['night'] }), true)).toBe(0);
    expect(gradePair(truth, vacancy(), false)).toBe(0);
  });

  it('grades 0 what the seeker cannot get: a licence, schooling or experience they lack, another group', () => {
    expect(gradePair({ ...truth, certificates: [] }, vacancy(), true)).toBe(0);
    expect(gradePair(truth, vacancy({ education: 4 }), true)).toBe(0);
    expect(gradePair(truth, vacancy({ minCareerMonths: 36 }), true)).toBe(0);
    expect(gradePair(truth, vacancy({ eligibleGroups: ['disabled'] }), true)).toBe(0);
  });
});
