import { describe, expect, it } from 'vitest';
import {
  coverage,
  dcg,
  evaluateRanking,
  evaluateWeights,
  type Grade,
  type LabelledSet,
  labelsFromFeedback,
  ndcg,
  queriesOf,
  type Ranker,
  recall,
  reciprocalRank,
} from './evaluate.js';
import {
  COOK,
  seeker as fixtureSeeker,
  HOME,
  NORTH_3KM,
  NURSE_AIDE,
  TODAY,
  vacancy,
} from './match.fixtures.js';
import { Matcher } from './matcher.js';
import type { MatchWeights } from './types.js';

const labelsOf = (entries: [number, Grade][]) => new Map<number, Grade>(entries);
const log2 = Math.log2;

describe('the figures of one ranking, pinned by hand', () => {
  // Seeker labels: vacancy 1 is a job they would take (2), 3 is related (1), 4 is a job they would
  // take that the ranking never shows, 2 was judged not relevant (0).
  const labels = labelsOf([
    [1, 2],
    [2, 0],
    [3, 1],
    [4, 2],
  ]);

  it('DCG sums 2^grade − 1 discounted by log2 of the rank + 1', () => {
    expect(dcg([2, 0, 1])).toBeCloseTo(3 / log2(2) + 0 + 1 / log2(4), 12);
    expect(dcg([2, 2, 1])).toBeCloseTo(3 + 3 / log2(3) + 0.5, 12);
  });

  it('NDCG divides by the best order of every labelled relevant vacancy, shown or not', () => {
    // Shown: 1 (2), 2 (0), 3 (1) = 3.5; the best order of 1, 4, 3 = 3 + 3/log2(3) + 0.5.
    expect(ndcg([1, 2, 3], labels)).toBeCloseTo(3.5 / (3.5 + 3 / log2(3)), 12);
    expect(ndcg([1, 4, 3], labels)).toBeCloseTo(1, 12);
    expect(ndcg([9, 8], labels)).toBe(0);
  });

  it('recall counts every grade above 0 as relevant', () => {
    expect(recall([1, 2, 3], labels)).toBeCloseTo(2 / 3, 12);
    expect(recall([2, 9], labels)).toBe(0);
  });

  it('the reciprocal rank is that of the first relevant vacancy', () => {
    expect(reciprocalRank([1, 2, 3], labels)).toBe(1);
    expect(reciprocalRank([2, 9, 3], labels)).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank([2, 9], labels)).toBe(0);
  });

  it('nothing below the 10th place counts', () => {
    const ranked = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 1];
    expect(ndcg(ranked, labels)).toBe(0);
    expect(recall(ranked, labels)).toBe(0);
    expect(reciprocalRank(ranked, labels)).toBe(0);
    expect(recall(ranked, labels, 11)).toBeCloseTo(1 / 3, 12);
  });

  it('a seeker without a relevant vacancy scores 0 and is no query', () => {
    const none = labelsOf([[2, 0]]);
    expect(ndcg([2], none)).toBe(0);
    expect(recall([2], none)).toBe(0);
    expect(queriesOf(new Map([[7, none]]))).toEqual([]);
  });
});

describe('coverage', () => {
  it('is the share of open vacancies in at least one top 10', () => {
    const ranks: Record<number, number[]> = { 1: [1, 2], 2: [2, 5] };
    // 5 is not open: it counts neither above nor below the line.
    expect(coverage([1, 2, 3, 4], [1, 2], (id) => ranks[id]!)).toBe(0.5);
  });

  it('counts only the first k of each ranking', () => {
    const ranked = [1, 2, 3];
    expect(coverage([1, 2, 3], [1], () => ranked, 2)).toBeCloseTo(2 / 3, 12);
  });

  it('is 0 without open vacancies', () => {
    expect(coverage([], [1], () => [1])).toBe(0);
  });
});

describe('evaluateRanking', () => {
  const set: LabelledSet = {
    source: 'synthetic',
    labels: new Map([
      [1, labelsOf([[10, 2]])],
      [
        2,
        labelsOf([
          [20, 1],
          [21, 1],
        ]),
      ],
      // Judged, but nothing relevant: not a query.
      [3, labelsOf([[10, 0]])],
    ]),
    pairs: 4,
    seekerIds: [1, 2, 3, 4],
    openVacancyIds: [10, 20, 21, 30],
  };
  const ranks: Record<number, number[]> = { 1: [10], 2: [30, 20], 3: [10], 4: [30] };

  it('averages over the seekers with a relevant label and covers over every seeker', () => {
    const q = evaluateRanking(set, (id) => ranks[id]!);
    // Seeker 1: NDCG 1, recall 1, RR 1. Seeker 2: DCG 1/log2(3) over 1 + 1/log2(3); recall 1/2; RR 1/2.
    expect(q.queries).toBe(2);
    expect(q.ndcgAt10).toBeCloseTo((1 + 1 / log2(3) / (1 + 1 / log2(3))) / 2, 12);
    expect(q.recallAt10).toBeCloseTo(0.75, 12);
    expect(q.mrr).toBeCloseTo(0.75, 12);
    // 10, 20, 30 shown (21 never): 3 of 4.
    expect(q.coverage).toBe(0.75);
  });

  it('ranks each seeker once, for the figures and the coverage together', () => {
    const calls: number[] = [];
    evaluateRanking(set, (id) => {
      calls.push(id);
      return ranks[id]!;
    });
    expect(calls.sort()).toEqual([1, 2, 3, 4]);
  });

  it('is all zeros without queries', () => {
    const empty: LabelledSet = { ...set, labels: new Map(), seekerIds: [] };
    expect(evaluateRanking(empty, () => [])).toEqual({
      ndcgAt10: 0,
      recallAt10: 0,
      mrr: 0,
      coverage: 0,
      queries: 0,
    });
  });
});

describe('labels from recorded feedback and hires', () => {
  it('grades a hire 2, both sides relevant 2, one side relevant 1 and any "not relevant" 0', () => {
    const { labels, pairs } = labelsFromFeedback(
      [
        { seekerId: 1, vacancyId: 10, verdict: 'relevant', side: 'seeker' },
        { seekerId: 1, vacancyId: 10, verdict: 'relevant', side: 'employer' },
        { seekerId: 1, vacancyId: 11, verdict: 'relevant', side: 'staff' },
        { seekerId: 1, vacancyId: 12, verdict: 'relevant', side: 'seeker' },
        { seekerId: 1, vacancyId: 12, verdict: 'not_relevant', side: 'employer' },
        { seekerId: 2, vacancyId: 10, verdict: 'not_relevant', side: 'seeker' },
      ],
      [
        { seekerId: 2, vacancyId: 10 },
        { seekerId: 3, vacancyId: 30 },
      ],
    );
    expect(pairs).toBe(5);
    expect([...labels.get(1)!]).toEqual([
      [10, 2],
      [11, 1],
      [12, 0],
    ]);
    // A hire outweighs an earlier "not relevant": the seeker took the job.
    expect([...labels.get(2)!]).toEqual([[10, 2]]);
    expect([...labels.get(3)!]).toEqual([[30, 2]]);
  });
});

describe('evaluateWeights', () => {
  const seeker = fixtureSeeker({ desired: [NURSE_AIDE], education: 4, desiredMonthlyWage: 2_500_000 });
  // The job the seeker wants is 3 km away; an unrelated one is next door.
  const matcher = new Matcher();
  matcher.setAllVacancies([
    vacancy({ id: 1, occupation: NURSE_AIDE, ...NORTH_3KM }),
    vacancy({ id: 2, occupation: COOK, ...HOME }),
  ]);
  matcher.setAllSeekers([seeker]);
  const set: LabelledSet = {
    source: 'feedback',
    labels: new Map([[1, labelsOf([[1, 2]])]]),
    pairs: 1,
    seekerIds: [1],
    openVacancyIds: [1, 2],
  };
  const only = (key: keyof MatchWeights): MatchWeights => ({
    occupation: 0,
    skills: 0,
    distance: 0,
    wage: 0,
    conditions: 0,
    education: 0,
    freshness: 0,
    [key]: 1,
  });
  const nothing: Ranker = () => [];

  it('shows what proposed weights change against the current ones, next to the baselines', () => {
    const result = evaluateWeights(
      set,
      { matcher, today: TODAY, textOnly: nothing, occupationOnly: () => [1] },
      only('occupation'),
      only('distance'),
    );
    expect(result.source).toBe('feedback');
    expect(result.pairs).toBe(1);
    expect(result.relevant).toBe(1);
    expect(result.proposed.mrr).toBe(1);
    expect(result.current.mrr).toBe(0.5);
    expect(result.proposed.ndcgAt10).toBeGreaterThan(result.current.ndcgAt10);
    expect(result.baselines.textOnly).toEqual({
      ndcgAt10: 0,
      recallAt10: 0,
      mrr: 0,
      coverage: 0,
      queries: 1,
    });
    expect(result.baselines.occupationOnly.ndcgAt10).toBe(1);
    expect(result.baselines.occupationOnly.coverage).toBe(0.5);
  });
});
