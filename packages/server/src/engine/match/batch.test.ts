import { describe, expect, it } from 'vitest';
import { type RankedLists, runMatchBatch } from './batch.js';
import { randomDocuments, TODAY } from './match.fixtures.js';
import { Matcher, type Ranked } from './matcher.js';

const LIMIT = 20;

/** The lists of a batch direction as [query id, [result id, score][]] rows. */
function rows(lists: RankedLists): [number, [number, number][]][] {
  return Array.from(lists.queries, (query, i) => [
    query,
    Array.from({ length: lists.counts[i]! }, (_, k): [number, number] => [
      lists.ids[i * lists.limit + k]!,
      lists.scores[i * lists.limit + k]!,
    ]),
  ]);
}

const pairs = (ranked: Ranked[]) => ranked.map((r): [number, number] => [r.id, r.score]);

describe('the nightly batch', () => {
  const { vacancies, seekers } = randomDocuments(7, 400, 250);
  const matcher = new Matcher();
  matcher.setAllVacancies(vacancies);
  matcher.setAllSeekers(seekers);
  const options = { limit: LIMIT, today: TODAY };
  const expectedVacancies = seekers.map((s) => [s.id, pairs(matcher.rankVacancies(s.id, options))]);
  const expectedCandidates = vacancies.map((v) => [v.id, pairs(matcher.rankCandidates(v.id, options))]);

  it('gives every seeker and every vacancy the lists of the per-query ranking, on two workers', async () => {
    const batch = await runMatchBatch(vacancies, seekers, { today: TODAY, workers: 2 });
    expect(batch.workers).toBe(2);
    expect(rows(batch.vacancies)).toEqual(expectedVacancies);
    expect(rows(batch.candidates)).toEqual(expectedCandidates);
    // Not trivially: most seekers and vacancies get a full list.
    expect(batch.vacancies.counts.filter((n) => n === LIMIT).length).toBeGreaterThan(seekers.length / 2);
    expect(batch.candidates.counts.filter((n) => n === LIMIT).length).toBeGreaterThan(vacancies.length / 2);
  });

  it('gives the same lists on one worker, and leaves inactive seekers and closed vacancies empty', async () => {
    const batch = await runMatchBatch(vacancies, seekers, { today: TODAY, workers: 1 });
    expect(batch.workers).toBe(1);
    expect(rows(batch.vacancies)).toEqual(expectedVacancies);
    expect(rows(batch.candidates)).toEqual(expectedCandidates);
    const inactive = seekers.findIndex((s) => s.status !== 'active');
    const closed = vacancies.findIndex((v) => v.status !== 'open');
    expect(batch.vacancies.counts[inactive]).toBe(0);
    expect(batch.candidates.counts[closed]).toBe(0);
  });
});
