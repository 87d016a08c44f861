import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ageGroupsFor } from '@ilteo/shared';
import { percentile } from '../lib/stats.js';
import { type Engine, facetCounts, MiniSearchEngine, OurEngine, PAGE, SqliteEngine } from './engines.js';
import {
  type BenchQuery,
  bruteForce,
  CATEGORIES,
  type Category,
  DONGS,
  EDUCATIONS,
  generateSeekers,
  generateVacancies,
  querySets,
  TWO_SYLLABLE_WORDS,
} from './generate.js';

/**
 * One engine at one size, in a process of its own (so its memory figures are its own): generate
 * the data, build the index, time the queries, check recall against a brute-force scan, and print
 * one JSON line for run.ts. Run by run.ts; by hand:
 *   TSX_TSCONFIG_PATH=bench/tsconfig.json node --expose-gc --import tsx bench/search/worker.ts --engine ours --size 10000
 */

const { values: options } = parseArgs({
  options: {
    engine: { type: 'string', default: 'ours' },
    size: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '300' },
    'recall-queries': { type: 'string', default: '40' },
    budget: { type: 'string', default: '40' },
    seed: { type: 'string', default: '20191130' },
  },
});

const size = Number(options.size);
const count = Number(options.queries);
const recallCount = Number(options['recall-queries']);
const budgetMs = Number(options.budget) * 1000;
const seed = Number(options.seed);

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
function memory() {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external, rss: m.rss };
}
/**
 * The resident set's high-water mark since the last `resetPeak` (Linux: /proc/self/status VmHWM,
 * reset by writing 5 to /proc/self/clear_refs), or the process maximum where that is not possible.
 */
function peakRss(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {}
  return process.resourceUsage().maxRSS * 1024;
}

function resetPeak(): void {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {}
}

const log = (message: string) => console.error(`[search ${options.engine} ${size}] ${message}`);

/** Latency figures of one query kind, in milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function latencyOf(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
}

/**
 * Runs queries one after another until all ran or the time budget is spent (at least 30). The
 * harness's own garbage (the brute-force recall checks of the kind before) is collected first,
 * so that its collection is not timed as part of these queries; the queries' own garbage is.
 */
function time(run: (q: BenchQuery) => unknown, queries: BenchQuery[]): Latency & CpuTime {
  gc();
  for (const q of queries.slice(0, 10)) run(q);
  const samples: number[] = [];
  const cpu: number[] = [];
  const started = performance.now();
  for (const q of queries) {
    const c = process.cpuUsage();
    const t = performance.now();
    run(q);
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    if (samples.length >= 30 && performance.now() - started > budgetMs) break;
  }
  return { ...latencyOf(samples), ...cpuTimeOf(cpu) };
}

/** Percentiles of the CPU time the process spent on each query (ms): what waiting for a core leaves out. */
interface CpuTime {
  cpuP50: number;
  cpuP95: number;
}

function cpuTimeOf(samples: number[]): CpuTime {
  const { p50, p95 } = latencyOf(samples);
  return { cpuP50: p50, cpuP95: p95 };
}

/** Recall and false positives of an engine's full answers against the brute-force scan. */
function recallOf(engine: Engine, data: ReturnType<typeof generateVacancies>, queries: BenchQuery[]) {
  let expected = 0;
  let found = 0;
  let falsePositives = 0;
  let perfect = 0;
  let facetsChecked = 0;
  let facetsWrong = 0;
  for (const q of queries) {
    const truth = bruteForce(data, q);
    const got = new Set(engine.all(q));
    const truthSet = new Set(truth);
    let hit = 0;
    for (const id of truth) if (got.has(id)) hit++;
    for (const id of got) if (!truthSet.has(id)) falsePositives++;
    expected += truth.length;
    found += hit;
    if (hit === truth.length && got.size === truth.length) perfect++;
    if (q.facets) {
      // The facet counts as the brute force counts them (disjunctive: each facet without its own filter).
      const all = Array.from({ length: data.n }, (_, i) => i + 1);
      const want = facetCounts(data, q, all);
      const answer = engine.search(q, PAGE).facets ?? {};
      facetsChecked++;
      const same = Object.entries(want).every(([facet, counts]) => {
        const have = Object.fromEntries(Object.entries(answer[facet] ?? {}).filter(([, n]) => n > 0));
        return JSON.stringify(sortKeys(have)) === JSON.stringify(sortKeys(counts));
      });
      if (!same) facetsWrong++;
    }
  }
  return {
    queries: queries.length,
    recall: expected === 0 ? 1 : found / expected,
    expected,
    falsePositives,
    perfectQueries: perfect,
    ...(facetsChecked ? { facetsChecked, facetsWrong } : {}),
  };
}

const sortKeys = (o: Record<string, number>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The 1-minute load average when the worker started: with the one at its end, how busy the machine was. */
const loadAtStart = os.loadavg()[0]!;

async function vacancies(): Promise<void> {
  const base = memory();
  let t = performance.now();
  const data = generateVacancies(size, seed);
  const generateSeconds = (performance.now() - t) / 1000;
  log(`generated ${size.toLocaleString('en-US')} vacancies in ${generateSeconds.toFixed(1)} s`);
  const sets = querySets(data, count, seed + 7);
  const before = memory();
  const engine: Engine =
    options.engine === 'ours'
      ? new OurEngine()
      : options.engine === 'sqlite'
        ? new SqliteEngine(
            path.join(
              process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'ilteo-bench'),
              `search-${size}.sqlite`,
            ),
          )
        : new MiniSearchEngine();
  resetPeak();
  t = performance.now();
  engine.build(data);
  const buildSeconds = (performance.now() - t) / 1000;
  const buildPeak = peakRss();
  const after = memory();
  log(`built in ${buildSeconds.toFixed(1)} s`);

  const variants: {
    label: string;
    categories: readonly Category[];
    prepare?: () => void;
    /** The queries as this variant asks them. */
    map?: (q: BenchQuery) => BenchQuery;
  }[] =
    engine instanceof SqliteEngine
      ? [
          {
            label: 'match',
            categories: ['two-syllable word', 'several words'],
            prepare: () => {
              engine.mode = 'match';
            },
          },
          {
            label: 'like',
            categories: CATEGORIES,
            prepare: () => {
              engine.mode = 'like';
            },
          },
        ]
      : engine instanceof OurEngine
        ? [
            { label: '', categories: CATEGORIES },
            // What every public search asks besides its filters: open, not closed before today.
            {
              label: 'public',
              categories: ['filters only', 'filters + facets'],
              map: (q) => ({ ...q, open: true }),
            },
          ]
        : [{ label: '', categories: CATEGORIES }];
  const results: Record<string, unknown>[] = [];
  for (const variant of variants) {
    variant.prepare?.();
    for (const category of variant.categories) {
      const queries = variant.map ? sets[category].map(variant.map) : sets[category];
      const latency = time((q) => engine.search(q, PAGE), queries);
      log(
        `${variant.label} ${category}: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms (${latency.n})`,
      );
      const recall = recallOf(engine, data, queries.slice(0, recallCount));
      results.push({ variant: variant.label, category, latency, recall });
    }
  }
  const facts = engine.facts();
  engine.close();
  console.log(
    JSON.stringify({
      kind: 'vacancies',
      engine: options.engine,
      size,
      generateSeconds,
      buildSeconds,
      memory: {
        base,
        data: before,
        built: after,
        indexHeap: after.heap + after.external - (before.heap + before.external),
        indexRss: after.rss - before.rss,
        peakRss: buildPeak,
      },
      facts,
      results,
      load: [loadAtStart, os.loadavg()[0]!],
    }),
  );
}

/** The staff search over seekers (our engine only): build, memory, an occupation word, filters + facets. */
async function seekers(): Promise<void> {
  // Imported here, so that the vacancy runs do not depend on the seeker index.
  const { SeekerIndex } = await import('../../packages/server/src/engine/search/seeker-index.js');
  const base = memory();
  const people = generateSeekers(size, seed);
  const before = memory();
  const index = new SeekerIndex({ capacity: size });
  resetPeak();
  let t = performance.now();
  index.setAll(
    people.map((p, i) => ({
      id: i + 1,
      orgId: 1,
      name: p.name,
      occupations: p.occupations,
      skills: p.skills,
      certificates: [],
      occupationPaths: p.occupationPaths,
      dong: p.dong,
      education: p.education,
      targetGroups: [...p.groups, ...ageGroupsFor(p.birthYear, 2019)],
      status: p.status,
      employmentTypes: p.employmentTypes,
    })),
  );
  const buildSeconds = (performance.now() - t) / 1000;
  const buildPeak = peakRss();
  const after = memory();
  const random = (() => {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  })();
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const words = Array.from({ length: count }, () => pick(TWO_SYLLABLE_WORDS));
  const filters = Array.from({ length: count }, () => ({
    dong: [pick(DONGS).code],
    education: random() < 0.5 ? [pick(EDUCATIONS)] : undefined,
    targetGroup:
      random() < 0.5 ? [pick(['youth', 'new_middle_aged', 'elderly', 'career_break_women'])] : undefined,
  }));
  const results: Record<string, unknown>[] = [];
  for (const [category, run] of [
    ['two-syllable word', (i: number) => index.search({ q: words[i]!, limit: PAGE, facets: false })],
    ['filters + facets', (i: number) => index.search({ ...filters[i]!, limit: PAGE, facets: true })],
  ] as const) {
    for (let i = 0; i < 10; i++) run(i);
    const samples: number[] = [];
    const cpu: number[] = [];
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const c = process.cpuUsage();
      t = performance.now();
      run(i);
      samples.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
      if (samples.length >= 30 && performance.now() - started > budgetMs) break;
    }
    results.push({ variant: '', category, latency: { ...latencyOf(samples), ...cpuTimeOf(cpu) } });
  }
  console.log(
    JSON.stringify({
      kind: 'seekers',
      engine: 'ours',
      size,
      buildSeconds,
      memory: {
        base,
        data: before,
        built: after,
        indexHeap: after.heap + after.external - (before.heap + before.external),
        indexRss: after.rss - before.rss,
        peakRss: buildPeak,
      },
      facts: {},
      results,
      load: [loadAtStart, os.loadavg()[0]!],
    }),
  );
}

await (options.engine === 'seekers' ? seekers() : vacancies());
