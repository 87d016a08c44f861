import { parseArgs } from 'node:util';
import { runMatchBatch } from '../../packages/server/src/engine/match/batch.js';
import { Matcher, type Ranked } from '../../packages/server/src/engine/match/matcher.js';
import type { MatchOptions, MatchResult } from '../../packages/server/src/engine/match/types.js';
import { Random } from '../lib/random.js';
import { percentile } from '../lib/stats.js';
import { generateSeekers, generateVacancies, TODAY } from './generate.js';

/**
 * One measurement in a process of its own (run.ts starts one per mode and size, with
 * --expose-gc, so memory figures are this run's alone). Modes `vacancies` and `seekers` build a
 * Matcher over `size` documents of one side (and OTHER_SIDE of the other), warm it up on queries
 * of their own, time the engine's top-10 on sampled queries, then run the full scan (the same
 * scoring, no candidate generation) and the reference scan (score.ts on every document) on the
 * first of them, checking that all three return the same top-10. Mode `batch` runs the nightly
 * batch over `size` seekers × `size` vacancies on `workers` threads and checks a sample of its
 * lists against the per-query ranking. Prints one JSON line.
 */

const { values: args } = parseArgs({
  options: {
    mode: { type: 'string', default: 'vacancies' },
    size: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '200' },
    baseline: { type: 'string', default: '20' },
    reference: { type: 'string', default: '5' },
    budget: { type: 'string', default: '30' },
    workers: { type: 'string', default: '2' },
    seed: { type: 'string', default: '20191130' },
  },
});

/** Documents of the side that is not measured (the query pool). */
const OTHER_SIDE = 10_000;
const LIMIT = 10;
/** Documents changed to time a write. */
const UPDATES = 1000;
/** Batch lists checked against the per-query ranking, per direction. */
const BATCH_CHECKS = 200;
const mode = args.mode as 'vacancies' | 'seekers' | 'batch';
const size = Number(args.size);
const seed = Number(args.seed);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** The heap in use and the typed arrays' memory outside it (the index keeps most of its numbers there). */
const heap = () => {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

if (mode === 'batch') await batch();
else queries(mode);

async function batch() {
  let start = performance.now();
  const vacancies = generateVacancies(size, seed);
  const seekers = generateSeekers(size, seed);
  const generateSeconds = (performance.now() - start) / 1000;
  const workers = Number(args.workers);
  start = performance.now();
  // CPU time of the process counts its worker threads too: it shows how much of the cores the
  // batch got on a shared machine.
  const cpu0 = process.cpuUsage();
  const result = await runMatchBatch(vacancies, seekers, { today: TODAY, workers });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // The lists equal the per-query ranking: checked on a sample of each direction.
  const matcher = new Matcher();
  matcher.setAllVacancies(vacancies);
  matcher.setAllSeekers(seekers);
  const options = { limit: result.vacancies.limit, today: TODAY };
  const random = new Random(seed + 13);
  let checked = 0;
  let identical = 0;
  for (const [lists, rank] of [
    [result.vacancies, (id: number) => matcher.rankVacancies(id, options)],
    [result.candidates, (id: number) => matcher.rankCandidates(id, options)],
  ] as const) {
    for (let n = 0; n < BATCH_CHECKS; n++) {
      const i = random.int(0, lists.queries.length - 1);
      const want = rank(lists.queries[i]!);
      const got = Array.from({ length: lists.counts[i]! }, (_, k) => ({
        id: lists.ids[i * lists.limit + k]!,
        score: lists.scores[i * lists.limit + k]!,
      }));
      checked++;
      if (JSON.stringify(got) === JSON.stringify(want)) identical++;
    }
  }
  const count = (counts: Int32Array) => counts.reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify({
      mode,
      size,
      workers: result.workers,
      limit: result.vacancies.limit,
      generateSeconds,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      lists: count(result.vacancies.counts) + count(result.candidates.counts),
      queries: result.vacancies.queries.length + result.candidates.queries.length,
      checked,
      identical,
      peakRss: process.resourceUsage().maxRSS * 1024,
    }),
  );
}

function queries(side: 'vacancies' | 'seekers') {
  const heap0 = heap();
  let start = performance.now();
  const vacancies = generateVacancies(side === 'vacancies' ? size : OTHER_SIDE, seed);
  const seekers = generateSeekers(side === 'seekers' ? size : OTHER_SIDE, seed);
  const generateSeconds = (performance.now() - start) / 1000;
  const heapData = heap();

  const matcher = new Matcher();
  start = performance.now();
  matcher.setAllVacancies(vacancies);
  matcher.setAllSeekers(seekers);
  const buildSeconds = (performance.now() - start) / 1000;
  const heapBuilt = heap();

  // Queries: active seekers (vacancies side) or vacancies (seekers side), sampled with a seed.
  const pool =
    side === 'vacancies'
      ? seekers.filter((s) => s.status === 'active').map((s) => s.id)
      : vacancies.map((v) => v.id);
  const random = new Random(seed + 7);
  const sample = Array.from({ length: Number(args.queries) }, () => random.pick(pool));
  const options: MatchOptions = { limit: LIMIT, today: TODAY };
  const engine = (id: number): MatchResult[] =>
    side === 'vacancies' ? matcher.recommendVacancies(id, options) : matcher.candidatesFor(id, options);
  const scan = (id: number): Ranked[] =>
    side === 'vacancies' ? matcher.scanVacancies(id, options) : matcher.scanCandidates(id, options);
  const reference = (id: number): MatchResult[] =>
    side === 'vacancies'
      ? matcher.exhaustiveRecommendVacancies(id, options)
      : matcher.exhaustiveCandidatesFor(id, options);

  // Warm-up on queries of their own (a server answers many before these), then timed queries
  // within the budget (at least 30).
  const warm = new Random(seed + 11);
  for (let i = 0; i < Number(args.warmup); i++) engine(warm.pick(pool));
  const budgetMs = Number(args.budget) * 1000;
  const times: number[] = [];
  const cpu: number[] = [];
  let visited = 0;
  let scored = 0;
  let returned = 0;
  const began = performance.now();
  for (const id of sample) {
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

  // Baselines on the first queries: the full scan (speed ratio) and, on fewer, the reference
  // scan; the three top-10s must agree, ids and scores.
  const same = (a: Ranked[], b: Ranked[]) =>
    a.length === b.length && a.every((r, i) => r.id === b[i]!.id && r.score === b[i]!.score);
  const brief = (rs: MatchResult[]): Ranked[] => rs.map((r) => ({ id: r.id, score: r.score }));
  let engineMs = 0;
  let scanMs = 0;
  let scanned = 0;
  let scanIdentical = 0;
  let referenceMs = 0;
  let identical = 0;
  let recallHits = 0;
  let recallTotal = 0;
  const baselineQueries = sample.slice(0, Number(args.baseline));
  const referenceQueries = Number(args.reference);
  for (const [n, id] of baselineQueries.entries()) {
    let t0 = performance.now();
    const ours = brief(engine(id));
    engineMs += performance.now() - t0;
    t0 = performance.now();
    const full = scan(id);
    scanMs += performance.now() - t0;
    scanned += matcher.stats.visited;
    if (same(ours, full)) scanIdentical++;
    if (n >= referenceQueries) continue;
    t0 = performance.now();
    const truth = brief(reference(id));
    referenceMs += performance.now() - t0;
    if (same(ours, truth)) identical++;
    const got = new Set(ours.map((r) => r.id));
    recallTotal += truth.length;
    recallHits += truth.filter((r) => got.has(r.id)).length;
  }
  const references = Math.min(referenceQueries, baselineQueries.length);

  // Writes: a document of the measured side changed in place (setVacancy / setSeeker on an id
  // it holds), as the server does on every save.
  const updates: number[] = [];
  const changes = new Random(seed + 17);
  for (let i = 0; i < UPDATES; i++) {
    const t0 = performance.now();
    if (side === 'vacancies') {
      const v = changes.pick(vacancies);
      matcher.setVacancy({ ...v, monthlyWage: v.monthlyWage + 10_000, opensOn: v.opensOn + 1 });
    } else {
      const s = changes.pick(seekers);
      matcher.setSeeker({ ...s, commuteKm: s.commuteKm + 1, education: s.education + 1 });
    }
    updates.push((performance.now() - t0) * 1000);
  }
  updates.sort((a, b) => a - b);

  const peak = process.resourceUsage().maxRSS * 1024;
  const mean = (total: number, n: number) => total / Math.max(1, n);
  console.log(
    JSON.stringify({
      mode: side,
      size,
      otherSide: OTHER_SIDE,
      generateSeconds,
      buildSeconds,
      memory: { documents: heapData - heap0, index: heapBuilt - heapData, peakRss: peak },
      latency: {
        n: times.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        mean: mean(
          times.reduce((a, b) => a + b, 0),
          times.length,
        ),
        cpuP50: percentile(cpuSorted, 50),
        cpuP99: percentile(cpuSorted, 99),
      },
      update: { p50: percentile(updates, 50), p99: percentile(updates, 99) },
      visitedMean: mean(visited, times.length),
      scoredMean: mean(scored, times.length),
      returnedMean: mean(returned, times.length),
      baseline: {
        queries: baselineQueries.length,
        engineMeanMs: mean(engineMs, baselineQueries.length),
        scanMeanMs: mean(scanMs, baselineQueries.length),
        scannedMean: mean(scanned, baselineQueries.length),
        scanIdentical,
        references,
        referenceMeanMs: mean(referenceMs, references),
        identical,
        recall: recallTotal ? recallHits / recallTotal : 1,
      },
    }),
  );
}
