import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  count,
  environment,
  loadAverage,
  markdownTable,
  megabytes,
  ms,
  ROOT,
  writeResult,
} from '../lib/report.js';
import { timed } from '../lib/stats.js';
import { DESCRIPTION_CHARS } from './generate.js';

const USAGE = `Search benchmark: our engine (VacancyIndex), SQLite FTS5 (trigram) and MiniSearch on the same
generated vacancies, at several sizes; and our seeker search.

  npm run bench -- search [options]

  --sizes N,N,…        vacancies (and seekers) per run (default 10000,100000,1000000)
  --engines a,b,…      ours, sqlite, minisearch, seekers (default all four)
  --queries N          queries of each kind (default 300)
  --recall-queries N   of those, how many are checked against a brute-force scan (default 40)
  --budget S           at most S seconds of timed queries per kind (default 30; at least 30 queries run)
  --seed N             data and query seed (default 20191130)
  --no-write           print the tables only; do not write bench/results/

  BENCH_DATA_DIR       where SQLite's database files are built (default /tmp/ilteo-bench)

Each engine at each size runs in a child process of its own (node --expose-gc), so its memory
figures are its own; MiniSearch gets an 8 GB heap limit so that it can finish at 1 M.`;

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    engines: { type: 'string', default: 'ours,sqlite,minisearch,seekers' },
    queries: { type: 'string', default: '300' },
    'recall-queries': { type: 'string', default: '40' },
    budget: { type: 'string', default: '30' },
    seed: { type: 'string', default: '20191130' },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

const positive = (name: string, value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive whole number, not ${value}`);
  return n;
};
const sizes = options.sizes.split(',').map((s) => positive('sizes', s.trim()));
const ENGINES = ['ours', 'sqlite', 'minisearch', 'seekers'] as const;
type EngineName = (typeof ENGINES)[number];
const engines = options.engines.split(',').map((e) => e.trim()) as EngineName[];
for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`--engines: unknown engine ${e}`);
positive('queries', options.queries);
positive('recall-queries', options['recall-queries']);
positive('budget', options.budget);

/** Targets at one million vacancies (issue #4). */
const TARGET = { p95: 20, buildSeconds: 60, rssBytes: 2 * 1024 ** 3, size: 1_000_000 };
const HEAP_LIMIT_MB: Record<EngineName, number> = {
  ours: 4096,
  sqlite: 4096,
  minisearch: 8192,
  seekers: 4096,
};

interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** p50 and p95 of the CPU time the process spent on a query (excludes waiting for a core on a busy machine). */
  cpuP50: number;
  cpuP95: number;
}
interface Recall {
  queries: number;
  recall: number;
  expected: number;
  falsePositives: number;
  perfectQueries: number;
  facetsChecked?: number;
  facetsWrong?: number;
}
interface WorkerResult {
  kind: 'vacancies' | 'seekers';
  engine: string;
  size: number;
  generateSeconds?: number;
  buildSeconds: number;
  memory: {
    data: { rss: number };
    built: { heap: number; external: number; rss: number };
    indexHeap: number;
    indexRss: number;
    peakRss: number;
  };
  facts: Record<string, string>;
  results: { variant: string; category: string; latency: Latency; recall?: Recall }[];
  /** The 1-minute load average when the worker started and ended. */
  load: [number, number];
}
type Outcome = { engine: EngineName; size: number; seconds: number } & (
  | { ok: true; result: WorkerResult }
  | { ok: false; error: string }
);

const log = (message: string) => console.error(`[bench search] ${message}`);

function runWorker(engine: EngineName, size: number): Outcome {
  log(`${engine} at ${count(size)}…`);
  const start = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      `--max-old-space-size=${HEAP_LIMIT_MB[engine]}`,
      '--import',
      'tsx',
      path.join(ROOT, 'bench', 'search', 'worker.ts'),
      '--engine',
      engine,
      '--size',
      String(size),
      '--queries',
      options.queries,
      '--recall-queries',
      options['recall-queries'],
      '--budget',
      options.budget,
      '--seed',
      options.seed,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(ROOT, 'bench', 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - start) / 1000;
  const line = child.stdout?.trim().split('\n').at(-1);
  if (child.status !== 0 || !line) {
    const why = child.signal ?? `exit ${child.status}`;
    log(`${engine} at ${count(size)} failed (${why})`);
    return { engine, size, seconds, ok: false, error: why };
  }
  return { engine, size, seconds, ok: true, result: JSON.parse(line) as WorkerResult };
}

const LABEL: Record<string, string> = {
  ours: 'ours (VacancyIndex)',
  'ours:public': 'ours, public (open, not closed)',
  'sqlite:match': 'SQLite FTS5 trigram, MATCH only',
  'sqlite:like': 'SQLite FTS5 trigram + LIKE for < 3 syllables',
  minisearch: 'MiniSearch 7 (prefix)',
  seekers: 'ours (SeekerIndex)',
};

const percent = (r: number) => `${(r * 100).toFixed(r === 1 || r === 0 ? 0 : 1)} %`;
const mark = (ok: boolean) => (ok ? ' ✅' : ' ❌');

function latencyTable(outcomes: Outcome[], kind: 'vacancies' | 'seekers'): string {
  const rows: string[][] = [];
  for (const o of outcomes) {
    if (o.ok && o.result.kind !== kind) continue;
    if (!o.ok) {
      if ((o.engine === 'seekers') !== (kind === 'seekers')) continue;
      rows.push([
        count(o.size),
        LABEL[o.engine] ?? o.engine,
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        '—',
        `failed: ${o.error}`,
      ]);
      continue;
    }
    for (const r of o.result.results) {
      const label = LABEL[r.variant ? `${o.engine}:${r.variant}` : o.engine] ?? o.engine;
      const atTarget = o.size >= TARGET.size;
      const recall = r.recall
        ? `${percent(r.recall.recall)}${r.recall.falsePositives ? `, ${count(r.recall.falsePositives)} false` : ''}${
            r.recall.facetsChecked
              ? r.recall.facetsWrong
                ? `; facets wrong in ${r.recall.facetsWrong}/${r.recall.facetsChecked}`
                : `; facets exact (${r.recall.facetsChecked})`
              : ''
          }`
        : '—';
      rows.push([
        count(o.size),
        label,
        r.category,
        String(r.latency.n),
        ms(r.latency.p50),
        `${ms(r.latency.p95)}${atTarget ? mark(r.latency.p95 <= TARGET.p95) : ''}`,
        ms(r.latency.p99),
        ms(r.latency.cpuP50),
        ms(r.latency.cpuP95),
        recall,
        '',
      ]);
    }
  }
  return markdownTable(
    [kind, 'engine', 'query', 'queries', 'p50', 'p95', 'p99', 'p50 on CPU', 'p95 on CPU', 'recall', 'note'],
    rows,
  );
}

function buildTable(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) => {
    const label =
      o.engine === 'sqlite' ? 'SQLite FTS5 trigram + indexed columns' : (LABEL[o.engine] ?? o.engine);
    if (!o.ok) return [count(o.size), label, '—', '—', '—', '—', '—', `failed: ${o.error}`];
    const r = o.result;
    const atTarget = o.size >= TARGET.size;
    return [
      count(o.size),
      label,
      `${r.buildSeconds.toFixed(1)} s${atTarget ? mark(r.buildSeconds <= TARGET.buildSeconds) : ''}`,
      megabytes(r.memory.indexHeap),
      megabytes(r.memory.indexRss),
      `${megabytes(r.memory.built.rss)}${atTarget ? mark(r.memory.built.rss <= TARGET.rssBytes) : ''}`,
      `${megabytes(r.memory.peakRss)}${atTarget ? mark(r.memory.peakRss <= TARGET.rssBytes) : ''}`,
      Object.entries(r.facts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ];
  });
  return markdownTable(
    [
      'documents',
      'engine',
      'build',
      'index: heap + buffers',
      'index: RSS growth',
      'process RSS after build',
      'peak RSS while building',
      'facts',
    ],
    rows,
  );
}

function report(outcomes: Outcome[], totalSeconds: number, loadAtStart: string): string {
  const argv = process.argv.slice(2);
  return [
    `# Search benchmark — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Command: \`npm run bench -- search${argv.length ? ` ${argv.join(' ')}` : ''}\``,
    '',
    `Targets at 1 M vacancies (issue #4): p95 ≤ ${TARGET.p95} ms, build ≤ ${TARGET.buildSeconds} s, ≤ 2 GB resident, recall 100 % for substrings of two or more syllables. ✅/❌ mark them at 1 M for every engine.`,
    '',
    '## Vacancy search: latency (milliseconds) and recall',
    '',
    latencyTable(outcomes, 'vacancies'),
    '',
    '## Index build and memory',
    '',
    buildTable(outcomes),
    '',
    '## Seeker search (staff), our engine',
    '',
    latencyTable(outcomes, 'seekers'),
    '',
    '## How it was measured',
    '',
    `- data: the demo registry's generator (packages/server/src/modules/demo/registry-demo.ts) — the Bupyeong occupation mix (manufacturing, care, food service, retail, logistics, office, buildings), real KECO-2018 codes and labels, 2019 wages, 22 dongs — with one employer per ${2.7} vacancies; seed ${options.seed}. Every engine indexes the same text: title, occupation label, company name and the first ${DESCRIPTION_CHARS} characters of the description; all vacancies (any status) are searchable, so every engine answers the same question`,
    '- queries: "two-syllable word" is one of 30 words people type (간호, 조리, 포장, 용접, 요양 …); "several words" are two or three syllable runs of one random vacancy, each cut to its first two to four syllables (as typed: 요양보 주간); "filters only" are one to three of dong, employment type, career, education, occupation group (KECO 대분류), wage band, OR within and AND across, with no text; "filters + facets" adds the eight facet counts (disjunctive: each counted without its own filter). Every query returns the first 20 results and the total count. p50/p95/p99 are wall-clock; "p50 on CPU" and "p95 on CPU" are percentiles of the CPU time the process used per query (`process.cpuUsage()` before and after each), which leave out time spent waiting for a core on this shared machine (they include the threads of the garbage collector). "ours, public" asks the same filter queries as the public site does, with status open and not closed before the day (the other engines are not asked that). 10 warm-up queries, then one at a time, until all ran or the time budget was spent (`--budget`)',
    `- recall: the first ${options['recall-queries']} queries of each kind are answered in full (every matching id) and compared with a brute-force scan (every word a substring of the normalised text, every filter met); "false" counts ids returned that do not match; facet counts are compared with the brute-force counts`,
    '- ours: VacancyIndex (packages/server/src/engine/search: syllable bigrams, filters and facets over typed columns), bulk-built with setAll',
    '- SQLite: better-sqlite3 on a file (WAL, synchronous NORMAL, as the product opens it), an FTS5 table with `tokenize=trigram` over the text, and an ordinary table of the filter columns with one index per column plus a table of target groups; facets are 8 `GROUP BY` queries. Trigram cannot match fewer than three characters: "MATCH only" sends two-syllable words to MATCH as they are (and finds nothing, honestly measured); "+ LIKE" sends them as `body LIKE \'%간호%\'` instead (a scan of every row, correct but slow). Filter-only queries do not use FTS and are measured once',
    '- MiniSearch 7.2: fields and weights as ours, `prefix: true`, `combineWith: AND`; its tokenizer splits on spaces and punctuation, so a word matches the start of a token only (조무 does not find 간호조무사: that is its missed recall). Filters and facets are JavaScript over its results; filter-only queries use its wildcard search. Heap limit 8 GB',
    '- memory: `process.memoryUsage()` after two forced collections, before and after the build; "index: heap + buffers" is the growth of V8 heap + external (typed arrays; SQLite keeps its pages outside both), "RSS growth" the growth of the resident set, "process RSS after build" includes the generated data (about 200 bytes a vacancy) and Node itself; "peak RSS while building" is the high-water mark of the resident set from the start of the build to its end (Linux VmHWM, reset just before the build through /proc/self/clear_refs): the generated data, the documents the build is given and the index with everything it holds for a moment while building',
    '- seekers: our SeekerIndex over generated seekers (name, desired occupations, skills; dong, education, target groups from declared groups and birth years, status, employment types); "two-syllable word" as above, "filters + facets" a dong with sometimes an education and a target group, and the six facets',
    '- the machine is shared with other engineers building and testing at the same time (see the load average): latencies have outliers that an idle machine would not show; compare engines within one table rather than with other runs',
    '',
    '## Environment',
    '',
    environment({
      'load average at start, at end (1/5/15 min)': `${loadAtStart}; ${loadAverage()}`,
      'whole run': `${totalSeconds.toFixed(0)} s`,
      'child processes (1-min load average at their start → end)': outcomes
        .map(
          (o) =>
            `${o.engine}@${count(o.size)} ${o.seconds.toFixed(0)} s${o.ok ? ` (${o.result.load.map((l) => l.toFixed(1)).join(' → ')})` : ''}`,
        )
        .join(', '),
    }),
  ].join('\n');
}

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  const { seconds, value: outcomes } = await timed(async () => {
    const out: Outcome[] = [];
    for (const size of sizes) for (const engine of engines) out.push(runWorker(engine, size));
    return out;
  });
  const markdown = report(outcomes, seconds, loadAtStart);
  console.log(markdown);
  if (!options['no-write'])
    log(`written to ${path.relative(process.cwd(), writeResult('search', markdown))}`);
  if (outcomes.some((o) => !o.ok && o.engine === 'ours')) process.exitCode = 1;
}

await main();
