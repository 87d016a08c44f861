import { parseArgs } from 'node:util';
import { Matcher } from '../../packages/server/src/engine/match/matcher.js';
import type { MatchOptions, MatchResult } from '../../packages/server/src/engine/match/types.js';
import { Random } from '../lib/random.js';
import { percentile } from '../lib/stats.js';
import { generateSeekers, generateVacancies, TODAY } from './generate.js';

/**
 * One measurement in a process of its own (run.ts starts one per mode and size, with
 * --expose-gc, so memory figures are this run's alone): builds a Matcher over `size` documents
 * of one side (and OTHER_SIDE of the other), times the engine's top-10 on sampled queries, then
 * the exhaustive scan on a few of them, checking that both return the same top-10. Prints one
 * JSON line.
 */

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'vacancies' },
    size: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '300' },
    baseline: { type: 'string', default: '20' },
    budget: { type: 'string', default: '30' },
    seed: { type: 'string', default: '20191130' },
  },
});

/** Documents of the side that is not measured (the query pool). */
const OTHER_SIDE = 10_000;
const LIMIT = 10;
const mode = args.mode as 'vacancies' | 'seekers';
const size = Number(args.size);
const seed = Number(args.seed);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const heap0 = heap();
let start = performance.now();
const vacancies = generateVacancies(mode === 'vacancies' ? size : OTHER_SIDE, seed);
const seekers = generateSeekers(mode === 'seekers' ? size : OTHER_SIDE, seed);
const generateSeconds = (performance.now() - start) / 1000;
const heapData = heap();

const matcher = new Matcher();
start = performance.now();
matcher.setAllVacancies(vacancies);
matcher.setAllSeekers(seekers);
const buildSeconds = (performance.now() - start) / 1000;
const heapBuilt = heap();

// Queries: active seekers (vacancies mode) or vacancies (seekers mode), sampled with a seed.
const random = new Random(seed + 7);
const pool =
  mode === 'vacancies'
    ? seekers.filter((s) => s.status === 'active').map((s) => s.id)
    : vacancies.map((v) => v.id);
const queries = Array.from({ length: Number(args.queries) }, () => random.pick(pool));
const options: MatchOptions = { limit: LIMIT, today: TODAY };
const engine = (id: number) =>
  mode === 'vacancies' ? matcher.recommendVacancies(id, options) : matcher.candidatesFor(id, options);
const exhaustive = (id: number) =>
  mode === 'vacancies'
    ? matcher.exhaustiveRecommendVacancies(id, options)
    : matcher.exhaustiveCandidatesFor(id, options);

// Warm-up, then timed queries within the budget (at least 30).
for (const id of queries.slice(0, 20)) engine(id);
const budgetMs = Number(args.budget) * 1000;
const times: number[] = [];
const cpu: number[] = [];
let visited = 0;
let scored = 0;
let returned = 0;
const began = performance.now();
for (const id of queries) {
  if (times.length >= 30 && performance.now() - began > budgetMs) break;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = engine(id);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  visited += matcher.stats.visited;
  scored += matcher.stats.scored;
  returned += r.length;
}
const sorted = [...times].sort((a, b) => a - b);
const cpuSorted = [...cpu].sort((a, b) => a - b);

// Baseline: the exhaustive scan on the first queries, and whether the two top-10s agree.
const same = (a: MatchResult[], b: MatchResult[]) =>
  a.length === b.length && a.every((r, i) => r.id === b[i]!.id && Math.abs(r.score - b[i]!.score) < 1e-12);
let baselineMs = 0;
let engineMs = 0;
let identical = 0;
let recallHits = 0;
let recallTotal = 0;
const baselineQueries = queries.slice(0, Number(args.baseline));
for (const id of baselineQueries) {
  let t0 = performance.now();
  const ours = engine(id);
  engineMs += performance.now() - t0;
  t0 = performance.now();
  const truth = exhaustive(id);
  baselineMs += performance.now() - t0;
  if (same(ours, truth)) identical++;
  const got = new Set(ours.map((r) => r.id));
  recallTotal += truth.length;
  recallHits += truth.filter((r) => got.has(r.id)).length;
}

const peak = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({
    mode,
    size,
    otherSide: OTHER_SIDE,
    generateSeconds,
    buildSeconds,
    memory: { documents: heapData - heap0, index: heapBuilt - heapData, peakRss: peak },
    latency: {
      n: times.length,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      mean: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
      cpuP50: percentile(cpuSorted, 50),
      cpuP99: percentile(cpuSorted, 99),
    },
    visitedMean: visited / Math.max(1, times.length),
    scoredMean: scored / Math.max(1, times.length),
    returnedMean: returned / Math.max(1, times.length),
    baseline: {
      queries: baselineQueries.length,
      meanMs: baselineMs / Math.max(1, baselineQueries.length),
      engineMeanMs: engineMs / Math.max(1, baselineQueries.length),
      identical,
      recall: recallTotal ? recallHits / recallTotal : 1,
    },
  }),
);
