import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Db } from '../../packages/server/src/db/kysely.js';
import { migrationStatus } from '../../packages/server/src/db/migrate.js';
import type { Database } from '../../packages/server/src/db/tables.js';
import { computeDashboard } from '../../packages/server/src/modules/plan/monitoring.js';
import {
  dashboardOf,
  loadMonitoringRows,
  monitoringInputOf,
} from '../../packages/server/src/modules/plan/monitoring.service.js';
import { rollupByOrganisation } from '../../packages/server/src/modules/plan/rollup.repository.js';
import { Random } from '../lib/random.js';
import { count, environment, loadAverage, markdownTable, megabytes, ms, writeResult } from '../lib/report.js';
import { type Summary, summarise, timed } from '../lib/stats.js';
import {
  datasetSize,
  NATIONAL,
  type PlanDatasetSpec,
  type PreparedDataset,
  preparePostgres,
  prepareSqlite,
  type Table,
} from './generate.js';

const USAGE = `Plan benchmark: monitoring dashboard and national roll-up on SQLite and PostgreSQL.

  npm run bench -- plan [options]        (or: npx tsx --tsconfig bench/tsconfig.json bench/plan/run.ts [options])

  --regenerate            rebuild the cached datasets
  --db sqlite|postgres|both   which databases to measure (default both)
  --organisations N       local governments in the dataset (default 250; fewer for a quick try)
  --samples N             dashboards measured per database (default 200)
  --rollup-samples N      national roll-ups measured per database (default 30)
  --explain               also print the query plans of the dashboard's and the roll-up's queries
  --no-write              print the table only; do not write bench/results/

  BENCH_DATA_DIR          where the SQLite dataset is cached (default /tmp/ilteo-bench)
  BENCH_DATABASE_URL      the PostgreSQL database to (re)create and use
                          (default postgres://postgres@127.0.0.1:5432/ilteo_bench)`;

const TARGET_DASHBOARD_MS = 100;
const TARGET_ROLLUP_MS = 1000;
const SAMPLE_SEED = 7;
const CONCURRENCY = 8;

const { values: options } = parseArgs({
  options: {
    regenerate: { type: 'boolean', default: false },
    db: { type: 'string', default: 'both' },
    organisations: { type: 'string' },
    samples: { type: 'string', default: '200' },
    'rollup-samples': { type: 'string', default: '30' },
    explain: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!['sqlite', 'postgres', 'both'].includes(options.db))
  throw new Error(`--db must be sqlite, postgres or both`);

/** A positive whole number from an option, or a clear error. */
function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive whole number, not ${value}`);
  return n;
}

const spec: PlanDatasetSpec = {
  ...NATIONAL,
  organisations: options.organisations
    ? positive('organisations', options.organisations)
    : NATIONAL.organisations,
};
const dashboardSamples = positive('samples', options.samples);
const rollupSamples = positive('rollup-samples', options['rollup-samples']);
const sqliteFile = path.join(
  process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'ilteo-bench'),
  'plan.sqlite',
);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ilteo_bench';

type Dialect = 'sqlite' | 'postgres';
const LABEL: Record<Dialect, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

interface Measured {
  dialect: Dialect;
  dataset: PreparedDataset;
  sizeBytes: number;
  versions: string;
  select1: Summary;
  compute: Summary;
  queries: Summary;
  dashboard: Summary;
  rollup: Summary;
  rollupSelect1: Summary;
  /** Dashboards per second with CONCURRENCY requests at a time. */
  dashboardsPerSecond: number;
  /** The newest migration applied to the dataset. */
  migration: string;
  explain: string;
  /** A dashboard and a roll-up, to check both databases give the same answers. */
  fingerprint: { dashboard: string; rollup: string };
}

const log = (message: string) => console.error(`[bench plan] ${message}`);

/** The SQL a task sends, captured by a plugin that compiles each query as Kysely executes it. */
async function queriesOf(db: Db, task: (k: Kysely<Database>) => Promise<unknown>): Promise<CompiledQuery[]> {
  const captured: CompiledQuery[] = [];
  const k = db.kysely.withPlugin({
    transformQuery: (args) => {
      captured.push(db.kysely.getExecutor().compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  });
  await task(k);
  return captured;
}

/** EXPLAIN QUERY PLAN (SQLite) or EXPLAIN ANALYZE (PostgreSQL) of every query a task sends. */
async function explain(
  db: Db,
  title: string,
  task: (k: Kysely<Database>) => Promise<unknown>,
): Promise<string> {
  const out: string[] = [];
  for (const query of await queriesOf(db, task)) {
    const prefix = db.dialect === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN (ANALYZE, BUFFERS) ';
    const result = await db.kysely.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(prefix + query.sql, [...query.parameters]),
    );
    const plan = result.rows.map((r) =>
      db.dialect === 'sqlite' ? `${r.parent === 0 ? '' : '  '}${r.detail}` : String(r['QUERY PLAN']),
    );
    out.push(`-- ${title}\n${query.sql.replace(/\s+/g, ' ')}\n${plan.join('\n')}`);
  }
  return out.join('\n\n');
}

async function run(dialect: Dialect): Promise<Measured> {
  log(
    `${LABEL[dialect]}: preparing the dataset (${spec.organisations} organisations × ${spec.years} years)…`,
  );
  const dataset =
    dialect === 'sqlite'
      ? await prepareSqlite(sqliteFile, spec, options.regenerate)
      : await preparePostgres(postgresUrl, spec, options.regenerate);
  const { db } = dataset;
  const k = db.kysely;
  log(
    dataset.generatedNow
      ? `${LABEL[dialect]}: generated in ${dataset.report.seconds.toFixed(1)} s`
      : `${LABEL[dialect]}: reusing the cached dataset from ${dataset.report.generatedAt}`,
  );
  const sizeBytes = await datasetSize(db, sqliteFile);
  const versions =
    dialect === 'sqlite'
      ? `SQLite ${(await sql<{ v: string }>`select sqlite_version() as v`.execute(k)).rows[0]!.v}`
      : String((await sql<{ v: string }>`select version() as v`.execute(k)).rows[0]!.v).split(' on ')[0]!;

  // The same government-years and years on both databases: the generator gives both the same ids.
  const plans = await k.selectFrom('plans').selectAll().orderBy('id').execute();
  const rng = new Random(SAMPLE_SEED);
  const sample = Array.from({ length: dashboardSamples }, () => rng.pick(plans));
  const years = [...new Set(plans.map((p) => p.year))];
  const rollupYears = Array.from({ length: rollupSamples }, () => rng.pick(years));

  // Each sample runs the baselines and the dashboard back to back, so noise on this shared
  // machine falls on all of them alike and their ratios stay readable.
  log(`${LABEL[dialect]}: ${dashboardSamples} dashboards…`);
  const times = {
    select1: [] as number[],
    queries: [] as number[],
    compute: [] as number[],
    dashboard: [] as number[],
  };
  const warmup = Math.min(20, sample.length);
  for (const [i, plan] of [...sample.slice(0, warmup), ...sample].entries()) {
    const t0 = performance.now();
    await sql`select 1`.execute(k);
    const select1 = performance.now() - t0;
    const queries = async () => {
      const start = performance.now();
      const loaded = await loadMonitoringRows(k, plan);
      const queried = performance.now();
      const input = monitoringInputOf(plan, loaded, `${plan.year}-12-31`, false);
      const computeStart = performance.now();
      computeDashboard(input);
      return { queries: queried - start, compute: performance.now() - computeStart };
    };
    const dashboard = async () => {
      const start = performance.now();
      await dashboardOf(k, plan, `${plan.year}-12-31`);
      return performance.now() - start;
    };
    // Whichever runs second finds the plan's pages cached, so the order alternates.
    const parts =
      i % 2 ? { d: await dashboard(), q: await queries() } : { q: await queries(), d: await dashboard() };
    if (i < warmup) continue;
    times.select1.push(select1);
    times.queries.push(parts.q.queries);
    times.compute.push(parts.q.compute);
    times.dashboard.push(parts.d);
  }

  log(`${LABEL[dialect]}: ${rollupSamples} national roll-ups…`);
  const rollupTimes = { select1: [] as number[], rollup: [] as number[] };
  const rollupWarmup = Math.min(3, rollupYears.length);
  for (const [i, year] of [...rollupYears.slice(0, rollupWarmup), ...rollupYears].entries()) {
    const t0 = performance.now();
    await sql`select 1`.execute(k);
    const t1 = performance.now();
    await rollupByOrganisation(k, year, true);
    const t2 = performance.now();
    if (i < rollupWarmup) continue;
    rollupTimes.select1.push(t1 - t0);
    rollupTimes.rollup.push(t2 - t1);
  }

  log(`${LABEL[dialect]}: ${dashboardSamples} dashboards, ${CONCURRENCY} at a time…`);
  const throughput = await timed(async () => {
    const queue = [...sample];
    const worker = async () => {
      for (let plan = queue.shift(); plan; plan = queue.shift())
        await dashboardOf(k, plan, `${plan.year}-12-31`);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  });

  const probe = plans[Math.floor(plans.length / 2)]!;
  const fingerprint = {
    dashboard: JSON.stringify(await dashboardOf(k, probe, `${probe.year}-12-31`)),
    // The roll-up's rows come in no particular order; the public API sorts them.
    rollup: JSON.stringify(
      (await rollupByOrganisation(k, probe.year, true)).sort((a, b) => a.planId - b.planId),
    ),
  };
  const explained = options.explain
    ? [
        await explain(db, `dashboard of plan ${probe.id}`, (q) =>
          dashboardOf(q, probe, `${probe.year}-12-31`),
        ),
        await explain(db, `national roll-up of ${probe.year}`, (q) =>
          rollupByOrganisation(q, probe.year, true),
        ),
      ].join('\n\n')
    : '';
  return {
    dialect,
    dataset,
    sizeBytes,
    versions,
    select1: summarise(times.select1),
    compute: summarise(times.compute),
    queries: summarise(times.queries),
    dashboard: summarise(times.dashboard),
    rollup: summarise(rollupTimes.rollup),
    rollupSelect1: summarise(rollupTimes.select1),
    dashboardsPerSecond: sample.length / throughput.seconds,
    migration: (await migrationStatus(db)).filter((m) => m.appliedAt).at(-1)?.name ?? 'none',
    explain: explained,
    fingerprint,
  };
}

function report(results: Measured[], totalSeconds: number, loadAtStart: string): string {
  const by = (d: Dialect) => results.find((r) => r.dialect === d);
  const dialects = results.map((r) => r.dialect);
  const cells = (pick: (m: Measured) => Summary, target?: number) =>
    dialects.flatMap((d) => {
      const s = pick(by(d)!);
      const mark = target === undefined ? '' : s.p95 <= target ? ' ✅' : ' ❌';
      return [ms(s.p50), `${ms(s.p95)}${mark}`];
    });
  const header = [
    'measure',
    'samples',
    ...dialects.flatMap((d) => [`${LABEL[d]} p50`, `${LABEL[d]} p95`]),
    'target (p95)',
  ];
  const latency = markdownTable(header, [
    ['`select 1` round trip (baseline)', String(dashboardSamples), ...cells((m) => m.select1), '—'],
    ['`computeDashboard` alone, pure (baseline)', String(dashboardSamples), ...cells((m) => m.compute), '—'],
    ["the dashboard's 3 queries alone", String(dashboardSamples), ...cells((m) => m.queries), '—'],
    [
      '**dashboard, one government-year** (`dashboardOf`)',
      String(dashboardSamples),
      ...cells((m) => m.dashboard, TARGET_DASHBOARD_MS),
      `≤ ${TARGET_DASHBOARD_MS} ms`,
    ],
    [
      '**national roll-up, one year** (`rollupByOrganisation`)',
      String(rollupSamples),
      ...cells((m) => m.rollup, TARGET_ROLLUP_MS),
      `≤ ${count(TARGET_ROLLUP_MS)} ms`,
    ],
  ]);
  const throughput = markdownTable(
    ['', ...dialects.map((d) => LABEL[d])],
    [
      [
        `dashboards per second, ${CONCURRENCY} requests at a time (one process)`,
        ...results.map((m) => count(m.dashboardsPerSecond)),
      ],
    ],
  );
  const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`;
  const ratios = markdownTable(
    ['ratio of p50s', ...dialects.map((d) => LABEL[d])],
    [
      ['dashboard ÷ `computeDashboard` alone', ...results.map((m) => ratio(m.dashboard.p50, m.compute.p50))],
      ['dashboard ÷ `select 1`', ...results.map((m) => ratio(m.dashboard.p50, m.select1.p50))],
      ['roll-up ÷ `select 1`', ...results.map((m) => ratio(m.rollup.p50, m.rollupSelect1.p50))],
      ['roll-up ÷ dashboard', ...results.map((m) => ratio(m.rollup.p50, m.dashboard.p50))],
    ],
  );
  const tables: [Table, string][] = [
    ['organisations', 'organisations'],
    ['units', 'units'],
    ['plans', 'plans (government-years)'],
    ['strategies', 'strategies'],
    ['programs', 'programs'],
    ['program_results', 'result rows (revisions)'],
  ];
  const rowsTotal = (m: Measured) => Object.values(m.dataset.report.rows).reduce((a, b) => a + b, 0);
  const dataset = markdownTable(
    ['', ...dialects.map((d) => LABEL[d])],
    [
      ...tables.map(([t, label]) => [label, ...results.map((m) => count(m.dataset.report.rows[t]))]),
      [
        'generation (migrate, bulk insert, finish)',
        ...results.map(
          (m) =>
            `${m.dataset.report.seconds.toFixed(1)} s${m.dataset.generatedNow ? '' : ` (cached, ${m.dataset.report.generatedAt.slice(0, 10)})`}`,
        ),
      ],
      ['rows written per second', ...results.map((m) => count(rowsTotal(m) / m.dataset.report.seconds))],
      ['size on disk', ...results.map((m) => megabytes(m.sizeBytes))],
    ],
  );
  const same =
    results.length === 2
      ? results[0]!.fingerprint.dashboard === results[1]!.fingerprint.dashboard &&
        results[0]!.fingerprint.rollup === results[1]!.fingerprint.rollup
        ? '- the same dashboard and the same national roll-up on both databases: **yes**'
        : '- the same dashboard and the same national roll-up on both databases: **NO — a dialect bug**'
      : '- one database only: the cross-database check did not run';
  const detail = [
    `- dataset: ${spec.organisations} local governments × ${spec.years} years (${spec.firstYear}–${spec.firstYear + spec.years - 1}) × ${spec.programsPerPlan} programs × 12 months, seed ${spec.seed}; ~90 % of months approved, the rest submitted, returned or draft; ~1.5 % of approved months corrected by a second revision`,
    `- dashboards: ${dashboardSamples} random government-years (seed ${SAMPLE_SEED}, the same on both databases) after ${Math.min(20, dashboardSamples)} warm-up ones, as of 31 December of the plan year; each sample runs \`select 1\`, then the 3 queries with \`computeDashboard\` and \`dashboardOf\` back to back, in alternating order`,
    `- roll-ups: ${rollupSamples} random years after 3 warm-up ones, published plans only (as the public API asks)`,
    `- latencies: one request at a time; throughput: the same dashboards, ${CONCURRENCY} in flight (PostgreSQL pool of 10; better-sqlite3 is synchronous, so SQLite runs them one by one anyway)`,
    '- PostgreSQL on the same machine (TCP to 127.0.0.1, default settings); SQLite in-process (better-sqlite3, WAL, as `openDb` configures it, no `ANALYZE`)',
    same,
  ];
  return [
    `# Plan benchmark — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Command: \`npm run bench -- plan${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}\``,
    '',
    '## Latency (milliseconds)',
    '',
    latency,
    '',
    throughput,
    '',
    '## Read as ratios (this machine is shared and noisy)',
    '',
    ratios,
    '',
    '## Dataset',
    '',
    dataset,
    '',
    '## How it was measured',
    '',
    ...detail,
    '',
    '## Environment',
    '',
    environment({
      databases: results.map((m) => m.versions).join('; '),
      schema: `migrations up to ${results[0]?.migration}`,
      'load average at start, at end (1/5/15 min)': `${loadAtStart}; ${loadAverage()}`,
      'whole run': `${totalSeconds.toFixed(0)} s`,
    }),
    ...(options.explain
      ? [
          '',
          '## Query plans',
          '',
          ...results.map((m) => `### ${LABEL[m.dialect]}\n\n\`\`\`\n${m.explain}\n\`\`\``),
        ]
      : []),
  ].join('\n');
}

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  const dialects: Dialect[] = options.db === 'both' ? ['sqlite', 'postgres'] : [options.db as Dialect];
  const { seconds, value: results } = await timed(async () => {
    const out: Measured[] = [];
    for (const dialect of dialects) {
      const measured = await run(dialect);
      await measured.dataset.db.close();
      out.push(measured);
    }
    return out;
  });
  const markdown = report(results, seconds, loadAtStart);
  console.log(markdown);
  if (!options['no-write']) log(`written to ${path.relative(process.cwd(), writeResult('plan', markdown))}`);
  const [a, b] = results;
  if (a && b && JSON.stringify(a.fingerprint) !== JSON.stringify(b.fingerprint)) process.exitCode = 1;
}

await main();
