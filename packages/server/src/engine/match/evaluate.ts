import type { MatchEvaluationSet, MatchQuality } from '@ilteo/shared';
import type { Matcher } from './matcher.js';
import { DEFAULT_MATCH_WEIGHTS } from './score.js';
import type { MatchWeights } from './types.js';

/**
 * How good a ranking of vacancies for seekers is, on labelled pairs (#5, `npm run eval:match` and
 * `ilteo match evaluate`): NDCG@10, recall@10, MRR and coverage, for the matcher with proposed and
 * current weights and for the two baselines (baselines.ts). Pure: labels and rankers in, figures
 * out. docs/matching-evaluation.md says how the labels are made and why they are not circular.
 */

/** Graded relevance of a (seeker, vacancy) pair: 0 not relevant, 1 related and acceptable, 2 a job they would take. */
export type Grade = 0 | 1 | 2;

/** A seeker's labelled vacancies: vacancy id → grade (an unlabelled vacancy counts as 0). */
export type SeekerLabels = ReadonlyMap<number, Grade>;

/** A ranking method: a seeker's vacancy ids, best first (at least the first CUTOFF). */
export type Ranker = (seekerId: number) => readonly number[];

/** The rank every figure is cut at (the "@10"). */
export const CUTOFF = 10;

/** Gain of a grade: 2^g − 1 (0, 1, 3), so a job the seeker would take counts three times a related one. */
export function gain(grade: number): number {
  return 2 ** grade - 1;
}

/** Discounted cumulative gain of grades in rank order, the first `k`: Σ gain / log2(rank + 1). */
export function dcg(grades: readonly number[], k = CUTOFF): number {
  let sum = 0;
  const n = Math.min(k, grades.length);
  for (let i = 0; i < n; i++) sum += gain(grades[i]!) / Math.log2(i + 2);
  return sum;
}

/** How many labelled vacancies are relevant (grade ≥ 1). */
export function relevantCount(labels: SeekerLabels): number {
  let n = 0;
  for (const g of labels.values()) if (g > 0) n++;
  return n;
}

/** NDCG@k of one ranking: its DCG over the DCG of the best order of every labelled vacancy (0 when none is relevant). */
export function ndcg(ranked: readonly number[], labels: SeekerLabels, k = CUTOFF): number {
  const ideal = dcg(
    [...labels.values()].filter((g) => g > 0).sort((a, b) => b - a),
    k,
  );
  if (ideal === 0) return 0;
  return (
    dcg(
      ranked.slice(0, k).map((id) => labels.get(id) ?? 0),
      k,
    ) / ideal
  );
}

/** Recall@k: the share of all relevant vacancies found in the first k (0 when none is relevant). */
export function recall(ranked: readonly number[], labels: SeekerLabels, k = CUTOFF): number {
  const total = relevantCount(labels);
  if (total === 0) return 0;
  let found = 0;
  for (const id of ranked.slice(0, k)) if ((labels.get(id) ?? 0) > 0) found++;
  return found / total;
}

/** Reciprocal rank of the first relevant vacancy within the first k, 0 when there is none. */
export function reciprocalRank(ranked: readonly number[], labels: SeekerLabels, k = CUTOFF): number {
  const n = Math.min(k, ranked.length);
  for (let i = 0; i < n; i++) if ((labels.get(ranked[i]!) ?? 0) > 0) return 1 / (i + 1);
  return 0;
}

/** The share of open vacancies that appear in the first k of at least one seeker's ranking. */
export function coverage(
  openVacancyIds: readonly number[],
  seekerIds: readonly number[],
  rank: Ranker,
  k = CUTOFF,
): number {
  if (openVacancyIds.length === 0) return 0;
  const open = new Set(openVacancyIds);
  const shown = new Set<number>();
  for (const seekerId of seekerIds)
    for (const id of rank(seekerId).slice(0, k)) if (open.has(id)) shown.add(id);
  return shown.size / open.size;
}

/** A label set and the population it is evaluated on. */
export interface LabelledSet {
  /** feedback: recorded in a database (labelsFromFeedback); synthetic: generated (synthetic.ts). */
  source: MatchEvaluationSet['source'];
  /** Seeker id → their labelled vacancies. Seekers without a relevant label are not queries. */
  labels: ReadonlyMap<number, SeekerLabels>;
  /** Pairs judged: every labelled pair, or every (seeker, vacancy) pair when the labels are complete. */
  pairs: number;
  /** The seekers whose top 10 count toward coverage (every active seeker, or a sample of them). */
  seekerIds: readonly number[];
  /** The open vacancies coverage is a share of. */
  openVacancyIds: readonly number[];
}

/** The seekers a label set evaluates: those with at least one relevant label, in id order. */
export function queriesOf(labels: ReadonlyMap<number, SeekerLabels>): number[] {
  return [...labels.entries()]
    .filter(([, l]) => relevantCount(l) > 0)
    .map(([id]) => id)
    .sort((a, b) => a - b);
}

/** Every figure of one ranking method on a label set (each seeker is ranked once). */
export function evaluateRanking(set: LabelledSet, rank: Ranker, k = CUTOFF): MatchQuality {
  const cache = new Map<number, readonly number[]>();
  const ranked: Ranker = (seekerId) => {
    let list = cache.get(seekerId);
    if (!list) {
      list = rank(seekerId);
      cache.set(seekerId, list);
    }
    return list;
  };
  const queries = queriesOf(set.labels);
  let sumNdcg = 0;
  let sumRecall = 0;
  let sumRr = 0;
  for (const seekerId of queries) {
    const labels = set.labels.get(seekerId)!;
    const list = ranked(seekerId);
    sumNdcg += ndcg(list, labels, k);
    sumRecall += recall(list, labels, k);
    sumRr += reciprocalRank(list, labels, k);
  }
  const n = queries.length;
  return {
    ndcgAt10: n ? sumNdcg / n : 0,
    recallAt10: n ? sumRecall / n : 0,
    mrr: n ? sumRr / n : 0,
    coverage: coverage(set.openVacancyIds, set.seekerIds, ranked, k),
    queries: n,
  };
}

/** The matcher as a ranking method: its top CUTOFF vacancies for a seeker with the given weights. */
export function matcherRanker(matcher: Matcher, today: number, weights: MatchWeights): Ranker {
  return (seekerId) =>
    matcher.recommendVacancies(seekerId, { limit: CUTOFF, today, weights }).map((r) => r.id);
}

/** What evaluateWeights ranks with: the matcher holding the documents, and the two baselines over the same. */
export interface EvaluationEngines {
  matcher: Matcher;
  today: number;
  textOnly: Ranker;
  occupationOnly: Ranker;
}

/**
 * What proposed weights do to the figures before they are saved: the matcher with `proposed` and
 * with `current` (the saved weights, the defaults unless given), and both baselines, on one label set.
 */
export function evaluateWeights(
  set: LabelledSet,
  engines: EvaluationEngines,
  proposed: MatchWeights,
  current: MatchWeights = DEFAULT_MATCH_WEIGHTS,
): MatchEvaluationSet {
  let relevant = 0;
  for (const labels of set.labels.values()) relevant += relevantCount(labels);
  return {
    source: set.source,
    pairs: set.pairs,
    relevant,
    proposed: evaluateRanking(set, matcherRanker(engines.matcher, engines.today, proposed)),
    current: evaluateRanking(set, matcherRanker(engines.matcher, engines.today, current)),
    baselines: {
      textOnly: evaluateRanking(set, engines.textOnly),
      occupationOnly: evaluateRanking(set, engines.occupationOnly),
    },
  };
}

/** One recorded verdict on a pair (the latest of one user), as the product stores it. */
export interface FeedbackVerdict {
  seekerId: number;
  vacancyId: number;
  verdict: 'relevant' | 'not_relevant';
  side: 'seeker' | 'employer' | 'staff';
}

/** One recorded hire (a referral that ended in employment). */
export interface Hire {
  seekerId: number;
  vacancyId: number;
}

/**
 * Labels from what the product recorded: a hire is 2; a pair marked relevant on the seeker's
 * side and on the employer's or staff side, with no "not relevant", is 2 (both would go ahead);
 * relevant with no "not relevant" from anyone is 1; any "not relevant" without a hire is 0.
 */
export function labelsFromFeedback(
  feedback: readonly FeedbackVerdict[],
  hires: readonly Hire[],
): { labels: Map<number, Map<number, Grade>>; pairs: number } {
  type Votes = { seeker: boolean; other: boolean; against: boolean; hired: boolean };
  const votes = new Map<number, Map<number, Votes>>();
  const at = (seekerId: number, vacancyId: number) => {
    let bySeeker = votes.get(seekerId);
    if (!bySeeker) {
      bySeeker = new Map();
      votes.set(seekerId, bySeeker);
    }
    let v = bySeeker.get(vacancyId);
    if (!v) {
      v = { seeker: false, other: false, against: false, hired: false };
      bySeeker.set(vacancyId, v);
    }
    return v;
  };
  for (const f of feedback) {
    const v = at(f.seekerId, f.vacancyId);
    if (f.verdict === 'not_relevant') v.against = true;
    else if (f.side === 'seeker') v.seeker = true;
    else v.other = true;
  }
  for (const h of hires) at(h.seekerId, h.vacancyId).hired = true;
  const labels = new Map<number, Map<number, Grade>>();
  let pairs = 0;
  for (const [seekerId, bySeeker] of votes) {
    const out = new Map<number, Grade>();
    for (const [vacancyId, v] of bySeeker) {
      pairs++;
      out.set(vacancyId, v.hired || (v.seeker && v.other && !v.against) ? 2 : v.against ? 0 : 1);
    }
    labels.set(seekerId, out);
  }
  return { labels, pairs };
}
