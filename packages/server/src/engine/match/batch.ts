import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Matcher } from './matcher.js';
import { CELL_LAT, CELL_LON } from './store.js';
import type { MatchSeeker, MatchVacancy, MatchWeights, OccupationPath } from './types.js';

/**
 * The nightly batch (#5): the top `limit` vacancies for every seeker and the top `limit`
 * candidate seekers for every vacancy, computed on worker threads so that every core works. Each
 * worker builds its own Matcher from the documents and answers every `workers`-th query of both
 * directions in order of occupation and place (consecutive queries then read the same postings;
 * interleaved, slow and fast queries spread evenly over the workers); the results come back
 * as typed arrays, ids and scores only (`Matcher.explain` gives the reasons of a pair when
 * someone looks at it). Every list equals what `rankVacancies` / `rankCandidates` return for
 * the same query.
 */

/** The batch's default list length. */
export const BATCH_LIMIT = 20;

export interface BatchOptions {
  /** Day number of today (closing dates, freshness). */
  today: number;
  /** Results per query (default BATCH_LIMIT). */
  limit?: number;
  /** Worker threads (default: the machine's available parallelism). */
  workers?: number;
  weights?: MatchWeights;
}

/** Ranked lists of one direction: for query `i`, `counts[i]` results at `i * limit` onwards. */
export interface RankedLists {
  limit: number;
  /** The queries' ids (seekers, or vacancies), in the order given. */
  queries: Float64Array;
  counts: Int32Array;
  /** The other side's ids, best first. */
  ids: Float64Array;
  scores: Float64Array;
}

export interface BatchResult {
  /** Vacancies for each seeker (empty for a seeker who is not active). */
  vacancies: RankedLists;
  /** Candidate seekers for each vacancy (empty for a vacancy that is not open). */
  candidates: RankedLists;
  workers: number;
}

/** What one worker is given. */
export interface BatchShard {
  vacancies: readonly MatchVacancy[];
  seekers: readonly MatchSeeker[];
  today: number;
  limit: number;
  weights?: MatchWeights;
  shard: number;
  shards: number;
}

/** The lists of the given length for `n` queries, all empty. */
function emptyLists(n: number, limit: number): RankedLists {
  return {
    limit,
    queries: new Float64Array(n),
    counts: new Int32Array(n),
    ids: new Float64Array(n * limit),
    scores: new Float64Array(n * limit),
  };
}

/** One worker's lists of one direction, with each row's place among the queries given. */
export interface ShardLists extends RankedLists {
  at: Int32Array;
}

/** One worker's lists. */
export interface ShardResult {
  vacancies: ShardLists;
  candidates: ShardLists;
}

/** Where a document works or lives, as an order key: its occupation, then its grid cell. */
const placeKey = (occupation: OccupationPath | undefined, lat: number | null, lon: number | null) =>
  `${occupation?.join('\u0001') ?? ''}\u0000${lat === null || lon === null ? '' : `${Math.floor(lat / CELL_LAT)},${Math.floor(lon / CELL_LON)}`}`;

/**
 * The queries in the order a worker answers them: by occupation and place, so that consecutive
 * queries read the same postings while they are in the processor's caches (a third less time at
 * 100 k × 100 k); each worker takes every `shards`-th of this order, so every worker gets a fair
 * share of slow and fast queries.
 */
function answerOrder(keys: readonly string[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

/** One worker's share: builds a Matcher over every document and answers its queries. */
export function rankShard(job: BatchShard): ShardResult {
  const matcher = new Matcher();
  matcher.setAllVacancies(job.vacancies);
  matcher.setAllSeekers(job.seekers);
  const options = { limit: job.limit, today: job.today, weights: job.weights };
  const run = (
    ids: readonly number[],
    keys: readonly string[],
    rank: (id: number) => { id: number; score: number }[],
  ): ShardLists => {
    const order = answerOrder(keys);
    const rows = Math.max(0, Math.ceil((ids.length - job.shard) / job.shards));
    const lists = { ...emptyLists(rows, job.limit), at: new Int32Array(rows) };
    for (let row = 0; row < rows; row++) {
      const at = order[job.shard + row * job.shards]!;
      const ranked = rank(ids[at]!);
      lists.at[row] = at;
      lists.queries[row] = ids[at]!;
      lists.counts[row] = ranked.length;
      for (let k = 0; k < ranked.length; k++) {
        lists.ids[row * job.limit + k] = ranked[k]!.id;
        lists.scores[row * job.limit + k] = ranked[k]!.score;
      }
    }
    return lists;
  };
  return {
    vacancies: run(
      job.seekers.map((s) => s.id),
      job.seekers.map((s) => placeKey(s.desired[0], s.lat, s.lon)),
      (id) => matcher.rankVacancies(id, options),
    ),
    candidates: run(
      job.vacancies.map((v) => v.id),
      job.vacancies.map((v) => placeKey(v.occupation, v.lat, v.lon)),
      (id) => matcher.rankCandidates(id, options),
    ),
  };
}

/**
 * Starts the worker entry. From the TypeScript sources (tests, benchmarks) the worker first
 * registers tsx, which the repository's tooling provides; the built server runs batch-worker.js.
 */
function startWorker(job: BatchShard): Worker {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith('.ts'))
    return new Worker(new URL('./batch-worker.js', import.meta.url), { workerData: job });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./batch-worker.ts', import.meta.url).href);
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); });`;
  return new Worker(code, { eval: true, workerData: job });
}

/** Runs the batch over the given documents on `workers` threads (at least one). */
export async function runMatchBatch(
  vacancies: readonly MatchVacancy[],
  seekers: readonly MatchSeeker[],
  options: BatchOptions,
): Promise<BatchResult> {
  const limit = Math.max(0, options.limit ?? BATCH_LIMIT);
  const shards = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const workers: Worker[] = [];
  const parts = await Promise.all(
    Array.from(
      { length: shards },
      (_, shard) =>
        new Promise<ShardResult>((resolve, reject) => {
          const worker = startWorker({
            vacancies,
            seekers,
            today: options.today,
            limit,
            weights: options.weights,
            shard,
            shards,
          });
          workers.push(worker);
          worker.once('message', (part) => {
            resolve(part);
            void worker.terminate();
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`match batch worker ${shard} stopped with exit code ${code}`));
          });
        }),
    ),
  ).catch(async (error: unknown) => {
    // One worker failed: stop the others rather than let them run on for nothing.
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  });
  const merge = (ids: number[], pick: (part: ShardResult) => ShardLists) => {
    const out = emptyLists(ids.length, limit);
    out.queries.set(ids);
    for (const part of parts.map(pick)) {
      part.at.forEach((i, row) => {
        out.counts[i] = part.counts[row]!;
        out.ids.set(part.ids.subarray(row * limit, (row + 1) * limit), i * limit);
        out.scores.set(part.scores.subarray(row * limit, (row + 1) * limit), i * limit);
      });
    }
    return out;
  };
  return {
    vacancies: merge(
      seekers.map((s) => s.id),
      (part) => part.vacancies,
    ),
    candidates: merge(
      vacancies.map((v) => v.id),
      (part) => part.candidates,
    ),
    workers: shards,
  };
}
