import fs from 'node:fs';
import type { JobType, TargetGroup } from '@ilteo/shared';
import SQLite from 'better-sqlite3';
import { type Insertable, sql } from 'kysely';
import pg from 'pg';
import { type Db, openDb } from '../../packages/server/src/db/kysely.js';
import { migrateUp } from '../../packages/server/src/db/migrate.js';
import type { Database } from '../../packages/server/src/db/tables.js';
import { evenPhasing } from '../../packages/server/src/modules/plan/phasing.js';
import { refreshApprovedJobs } from '../../packages/server/src/modules/plan/results.repository.js';
import { Random } from '../lib/random.js';

/**
 * National-scale jobs-plan data for the plan benchmark: organisations, units, plans, strategies,
 * programs and monthly results with revisions, drawn from a seeded generator and written with
 * bulk inserts (one prepared statement in one transaction on SQLite, multi-row `INSERT … SELECT
 * FROM unnest(…)` of a few thousand rows on PostgreSQL).
 */

/** How much plan data to generate, and the seed it is drawn from. */
export interface PlanDatasetSpec {
  organisations: number;
  years: number;
  firstYear: number;
  programsPerPlan: number;
  seed: number;
}

/** 250 local governments × 10 years × 60 programs × 12 months = 1.8 M program-months. */
export const NATIONAL: PlanDatasetSpec = {
  organisations: 250,
  years: 10,
  firstYear: 2016,
  programsPerPlan: 60,
  seed: 20_261_126,
};

// Bump whenever the generator writes different data, so cached datasets are rebuilt.
const GENERATOR_VERSION = 1;
const META_KEY = 'bench.plan';

/** What a generation wrote and how long it took. */
export interface GenerationReport {
  /** The spec and generator version the data came from; a cached dataset is reused only when it matches. */
  key: string;
  seconds: number;
  rows: Record<Table, number>;
  generatedAt: string;
}

/** A dataset ready to measure: the open database and how it was made. */
export interface PreparedDataset {
  db: Db;
  report: GenerationReport;
  /** False when a cached dataset was reused. */
  generatedNow: boolean;
}

// ---------------------------------------------------------------------------------------------
// Rows

type Kind = 'int' | 'bigint' | 'real' | 'text';
const TABLES = ['organisations', 'units', 'plans', 'strategies', 'programs', 'program_results'] as const;
/** The tables the generator fills, parents before children. */
export type Table = (typeof TABLES)[number];
type Row<T extends Table> = Required<Insertable<Database[T]>>;
type AnyRow = Record<string, string | number | null>;

// Every column of every table, with its type for PostgreSQL's unnest(); the mapped type makes
// the compiler insist that no column of the Kysely table types is missing.
const COLUMNS: { [T in Table]: Record<keyof Row<T> & string, Kind> } = {
  organisations: {
    id: 'int',
    code: 'text',
    name: 'text',
    name_en: 'text',
    is_demo: 'int',
    created_at: 'text',
  },
  units: {
    id: 'int',
    organisation_id: 'int',
    kind: 'text',
    code: 'text',
    name: 'text',
    name_en: 'text',
    sort_order: 'int',
  },
  plans: {
    id: 'int',
    organisation_id: 'int',
    year: 'int',
    title: 'text',
    vision: 'text',
    master_plan: 'text',
    previous_year_target: 'int',
    employment_rate_target: 'real',
    employed_increase_target: 'int',
    pace_behind_below: 'real',
    pace_ahead_above: 'real',
    status: 'text',
    published_at: 'text',
    is_demo: 'int',
    version: 'int',
    created_at: 'text',
    updated_at: 'text',
  },
  strategies: {
    id: 'int',
    plan_id: 'int',
    position: 'int',
    name: 'text',
    description: 'text',
    version: 'int',
  },
  programs: {
    id: 'int',
    plan_id: 'int',
    strategy_id: 'int',
    position: 'int',
    name: 'text',
    description: 'text',
    owner_unit_id: 'int',
    approved_jobs: 'int',
    job_type: 'text',
    target_groups: 'text',
    budget_national: 'bigint',
    budget_city: 'bigint',
    budget_district: 'bigint',
    budget_other: 'bigint',
    annual_target: 'int',
    phasing: 'text',
    phasing_mode: 'text',
    group_targets: 'text',
    illustrative: 'int',
    version: 'int',
    created_at: 'text',
    updated_at: 'text',
  },
  program_results: {
    id: 'int',
    program_id: 'int',
    month: 'int',
    revision: 'int',
    status: 'text',
    jobs: 'int',
    group_jobs: 'text',
    note: 'text',
    review_comment: 'text',
    correction_reason: 'text',
    source: 'text',
    created_by: 'int',
    submitted_by: 'int',
    submitted_at: 'text',
    reviewed_by: 'int',
    reviewed_at: 'text',
    version: 'int',
    created_at: 'text',
    updated_at: 'text',
  },
};

const UNITS = [
  ['department', 'JOBS', '일자리정책과', 'Jobs Policy Division'],
  ['department', 'ECON', '경제정책과', 'Economic Policy Division'],
  ['department', 'WELF', '복지정책과', 'Welfare Policy Division'],
  ['department', 'FAM', '여성가족과', 'Women and Family Division'],
  ['department', 'AGE', '노인장애인과', 'Older People and Disability Division'],
  ['agency', 'SEH', '여성새로일하기센터', 'Women Re-employment Centre'],
  ['job_centre', 'JC', '일자리센터', 'Job Centre'],
  ['dong_centre', 'DONG1', '1동 행정복지센터', 'Dong 1 Community Centre'],
] as const;

const STRATEGIES = [
  '청년이 머무는 일자리',
  '취약계층 고용 안전망',
  '지역 산업과 좋은 일자리',
  '고용 서비스 혁신',
  '사회적경제와 창업',
];

const PROGRAMS: [string, JobType, TargetGroup[]][] = [
  ['청년 일자리 도약 지원', 'subsidy', ['youth']],
  ['청년 창업 공간 지원', 'startup', ['youth']],
  ['신중년 경력형 일자리', 'direct', ['new_middle_aged']],
  ['노인 일자리 및 사회활동 지원', 'direct', ['elderly']],
  ['공공근로', 'direct', ['vulnerable']],
  ['지역공동체 일자리', 'direct', ['vulnerable', 'new_middle_aged']],
  ['자활근로', 'direct', ['self_sufficiency']],
  ['장애인 일자리', 'direct', ['disabled']],
  ['경력단절여성 직업훈련', 'training', ['career_break_women']],
  ['스마트 제조 인력 양성', 'training', ['youth', 'new_middle_aged']],
  ['취업 박람회', 'employment_service', ['all']],
  ['일자리센터 취업 알선', 'employment_service', ['all']],
  ['중소기업 고용 장려금', 'subsidy', ['all']],
  ['사회적기업 육성', 'startup', ['vulnerable', 'career_break_women']],
  ['실직자 생계 지원', 'income_support', ['vulnerable']],
  ['마을기업 지원', 'other', ['all']],
];

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));
const iso = (year: number, monthIndex: number, day: number) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString();

/** Splits a whole number by shares summing to 1; the remainder goes to the first shares. */
function split(total: number, shares: number[]): number[] {
  const parts = shares.map((s) => Math.floor(total * s));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]!++;
  return parts;
}

/** A seasonal phasing: monthly weights drawn at random, scaled to sum exactly to the target. */
function seasonalPhasing(rng: Random, target: number): number[] {
  const weights = Array.from({ length: 12 }, () => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  return split(
    target,
    weights.map((w) => w / sum),
  );
}

type Emit = <T extends Table>(table: T, rows: Row<T>[]) => void | Promise<void>;

/**
 * Emits the whole dataset, parents before children, one plan at a time. Ids are assigned here
 * (1, 2, 3… per table), so SQLite and PostgreSQL hold identical rows with identical ids.
 */
export async function emitDataset(spec: PlanDatasetSpec, emit: Emit): Promise<void> {
  const rng = new Random(spec.seed);
  const next = { unit: 0, plan: 0, strategy: 0, program: 0, result: 0 };
  for (let o = 1; o <= spec.organisations; o++) {
    await emit('organisations', [
      {
        id: o,
        code: String(10_000 + o * 10),
        name: `벤치마크${o}구`,
        name_en: `Bench district ${o}`,
        is_demo: 0,
        created_at: iso(spec.firstYear - 1, 0, 1),
      },
    ]);
    const units: Row<'units'>[] = UNITS.map(([kind, code, name, nameEn], i) => ({
      id: ++next.unit,
      organisation_id: o,
      kind,
      code,
      name,
      name_en: nameEn,
      sort_order: i,
    }));
    await emit('units', units);

    let previousTarget: number | null = null;
    for (let year = spec.firstYear; year < spec.firstYear + spec.years; year++) {
      const planId = ++next.plan;
      const newest = year === spec.firstYear + spec.years - 1;
      const strategies: Row<'strategies'>[] = STRATEGIES.map((name, position) => ({
        id: ++next.strategy,
        plan_id: planId,
        position,
        name,
        description: '',
        version: 1,
      }));
      const positions = strategies.map(() => 0);
      const programs: Row<'programs'>[] = [];
      const results: Row<'program_results'>[] = [];
      for (let k = 0; k < spec.programsPerPlan; k++) {
        const [baseName, jobType, groups] = PROGRAMS[(k + o) % PROGRAMS.length]!;
        const round = Math.floor(k / PROGRAMS.length);
        const s = rng.int(0, strategies.length - 1);
        const target = Math.round(clamp(Math.exp(rng.normal(4, 0.9)), 5, 3000));
        const seasonal = rng.chance(0.3);
        const phasing = seasonal ? seasonalPhasing(rng, target) : evenPhasing(target);
        // Programs for two groups split their target and their results 60 : 40 between them.
        const shares = groups.length > 1 ? [0.6, 0.4] : [];
        const byGroup = (n: number) => {
          const parts = split(n, shares);
          return JSON.stringify(Object.fromEntries(groups.map((g, i) => [g, parts[i]])));
        };
        const programId = ++next.program;
        programs.push({
          id: programId,
          plan_id: planId,
          strategy_id: strategies[s]!.id,
          position: positions[s]!++,
          name: round > 0 ? `${baseName} ${round + 1}` : baseName,
          description: '',
          owner_unit_id: units[rng.int(0, units.length - 1)]!.id,
          job_type: jobType,
          target_groups: JSON.stringify(groups),
          budget_national: target * rng.int(0, 20) * 500_000,
          budget_city: target * rng.int(0, 10) * 500_000,
          budget_district: target * rng.int(1, 20) * 500_000,
          budget_other: 0,
          annual_target: target,
          phasing: JSON.stringify(phasing),
          phasing_mode: seasonal ? 'custom' : 'even',
          group_targets: shares.length ? byGroup(target) : '{}',
          illustrative: 0,
          // Filled in after the load by refreshApprovedJobs, as the product's approvals keep it.
          approved_jobs: 0,
          version: 1,
          created_at: iso(year - 1, 11, 10),
          updated_at: iso(year - 1, 11, 20),
        });

        // A program runs ahead or behind its phasing all year, with month-to-month noise.
        const pace = clamp(rng.normal(1, 0.2), 0.3, 1.6);
        for (let month = 1; month <= 12; month++) {
          const jobs = Math.max(0, Math.round(phasing[month - 1]! * pace * (0.7 + 0.6 * rng.next())));
          const revision = (
            number: number,
            status: Row<'program_results'>['status'],
            n: number,
            day: number,
          ): Row<'program_results'> => ({
            id: ++next.result,
            program_id: programId,
            month,
            revision: number,
            status,
            jobs: n,
            group_jobs: shares.length ? byGroup(n) : '{}',
            note: '',
            review_comment: status === 'returned' ? '증빙 자료를 보완해 주세요.' : null,
            correction_reason: number > 1 ? '집계 누락분 정정' : null,
            source: 'manual',
            created_by: null,
            submitted_by: null,
            submitted_at: status === 'draft' ? null : iso(year, month, day + 1),
            reviewed_by: null,
            reviewed_at: status === 'approved' || status === 'returned' ? iso(year, month, day + 4) : null,
            version: status === 'draft' ? 1 : status === 'submitted' ? 2 : 3,
            created_at: iso(year, month, day),
            updated_at: iso(year, month, day + 4),
          });
          // The newest revision of a month: ~90 % approved; in the newest year the last months
          // are still under way, so fewer of them are.
          const lag = newest ? Math.max(0, month - 9) * 0.2 : 0;
          const r = rng.next();
          const status =
            r < 0.92 - lag ? 'approved' : r < 0.96 - lag / 4 ? 'submitted' : r < 0.98 ? 'returned' : 'draft';
          if (status === 'approved' && rng.chance(0.015)) {
            // A correction: the first approved figure, then a corrected revision, approved or still in review.
            results.push(revision(1, 'approved', jobs, 3));
            const corrected = Math.max(0, jobs + rng.int(-3, 5));
            results.push(revision(2, rng.chance(0.7) ? 'approved' : 'submitted', corrected, 20));
          } else {
            results.push(revision(1, status, jobs, 3));
          }
        }
      }
      const total = programs.reduce((sum, p) => sum + p.annual_target, 0);
      const published = !newest || rng.chance(0.8);
      await emit('plans', [
        {
          id: planId,
          organisation_id: o,
          year,
          title: `${year}년 일자리대책 세부계획`,
          vision: '좋은 일자리, 함께 잘사는 지역',
          master_plan: '',
          previous_year_target: previousTarget,
          employment_rate_target: Math.round(rng.normal(62, 3) * 10) / 10,
          employed_increase_target: rng.int(500, 5000),
          pace_behind_below: 90,
          pace_ahead_above: 110,
          status: published ? 'published' : 'draft',
          published_at: published ? iso(year, 1, 1) : null,
          is_demo: 0,
          version: 1,
          created_at: iso(year - 1, 11, 1),
          updated_at: iso(year, 1, 1),
        },
      ]);
      await emit('strategies', strategies);
      await emit('programs', programs);
      await emit('program_results', results);
      previousTarget = total;
    }
  }
}

/** The cache key of a spec: a cached dataset is reused only when its key matches. */
export function datasetKey(spec: PlanDatasetSpec): string {
  return JSON.stringify({ generator: GENERATOR_VERSION, ...spec });
}

// ---------------------------------------------------------------------------------------------
// Bulk writing

/**
 * Buffers rows per table and hands them to `insert` in chunks. Every flush writes all tables in
 * parent-first order, so foreign keys always find their parents.
 */
class ChunkedLoader {
  private readonly buffers = new Map<Table, AnyRow[]>(TABLES.map((t) => [t, []]));
  private buffered = 0;
  private inFlight: Promise<void> = Promise.resolve();
  readonly rows = Object.fromEntries(TABLES.map((t) => [t, 0])) as Record<Table, number>;

  constructor(
    private readonly chunk: number,
    private readonly insert: (table: Table, rows: AnyRow[]) => void | Promise<void>,
  ) {}

  /** Adds rows; flushes when a chunk is full. */
  add: Emit = async (table, rows) => {
    this.buffers.get(table)!.push(...(rows as unknown as AnyRow[]));
    this.rows[table] += rows.length;
    this.buffered += rows.length;
    if (this.buffered >= this.chunk) await this.flush();
  };

  /**
   * Starts writing what is buffered. One chunk may be in flight while the next is generated, so
   * PostgreSQL inserts and the generator overlap.
   */
  async flush(): Promise<void> {
    await this.inFlight;
    const batches = TABLES.map((t) => [t, this.buffers.get(t)!] as const).filter(([, rows]) => rows.length);
    for (const t of TABLES) this.buffers.set(t, []);
    this.buffered = 0;
    this.inFlight = (async () => {
      for (const [table, rows] of batches) await this.insert(table, rows);
    })();
    // A failure surfaces at the next flush or at finish(); this only keeps Node from calling it unhandled.
    this.inFlight.catch(() => undefined);
  }

  /** Writes what is left and waits for it. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }
}

async function readMeta(db: Db): Promise<GenerationReport | null> {
  try {
    const row = await db.kysely
      .selectFrom('app_meta')
      .select('value')
      .where('key', '=', META_KEY)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value) as GenerationReport) : null;
  } catch {
    // No schema yet: nothing cached.
    return null;
  }
}

async function writeMeta(db: Db, report: GenerationReport): Promise<void> {
  await db.kysely.deleteFrom('app_meta').where('key', '=', META_KEY).execute();
  await db.kysely
    .insertInto('app_meta')
    .values({ key: META_KEY, value: JSON.stringify(report) })
    .execute();
}

/** A cached dataset, brought up to the newest schema (a new index, say) before it is measured. */
async function reuse(db: Db, report: GenerationReport): Promise<PreparedDataset> {
  await migrateUp(db);
  return { db, report, generatedNow: false };
}

/** Opens the SQLite dataset at `file`, generating it first unless a matching one is cached. */
export async function prepareSqlite(
  file: string,
  spec: PlanDatasetSpec,
  regenerate: boolean,
): Promise<PreparedDataset> {
  const key = datasetKey(spec);
  if (!regenerate && fs.existsSync(file)) {
    const db = openDb({ sqliteFile: file });
    const report = await readMeta(db);
    if (report?.key === key) return reuse(db, report);
    await db.close();
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });

  const start = performance.now();
  const migrated = openDb({ sqliteFile: file });
  await migrateUp(migrated);
  await migrated.close();

  const raw = new SQLite(file);
  // The load is all-or-nothing (the file is deleted and rebuilt on failure), so durability
  // settings can be relaxed while it runs.
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -262144');
  const statements = new Map(
    TABLES.map((t) => {
      const columns = Object.keys(COLUMNS[t]);
      const sqlText = `INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
      return [t, raw.prepare(sqlText)] as const;
    }),
  );
  const loader = new ChunkedLoader(20_000, (table, rows) => {
    const statement = statements.get(table)!;
    for (const row of rows) statement.run(row);
  });
  raw.exec('BEGIN');
  await emitDataset(spec, loader.add);
  await loader.finish();
  raw.exec('COMMIT');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();

  const db = openDb({ sqliteFile: file });
  // What the approving transactions keep up in the product: each program's official total.
  await refreshApprovedJobs(db.kysely);
  const report: GenerationReport = {
    key,
    seconds: (performance.now() - start) / 1000,
    rows: loader.rows,
    generatedAt: new Date().toISOString(),
  };
  await writeMeta(db, report);
  return { db, report, generatedNow: true };
}

const PG_TYPES: Record<Kind, string> = { int: 'int4[]', bigint: 'int8[]', real: 'float8[]', text: 'text[]' };

/** The database name of a postgres:// URL, checked to be a plain identifier. */
function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`bench database name must be a plain identifier: ${name}`);
  return name;
}

/**
 * Opens the PostgreSQL dataset at `url` (a database of its own, created when missing), generating
 * it first unless a matching one is cached. Regenerating drops and recreates that database.
 */
export async function preparePostgres(
  url: string,
  spec: PlanDatasetSpec,
  regenerate: boolean,
): Promise<PreparedDataset> {
  const key = datasetKey(spec);
  const name = databaseName(url);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists && !regenerate) {
      const db = openDb({ databaseUrl: url });
      const report = await readMeta(db);
      if (report?.key === key) return reuse(db, report);
      await db.close();
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }

  const start = performance.now();
  const migrated = openDb({ databaseUrl: url });
  await migrateUp(migrated);
  await migrated.close();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const statements = new Map(
    TABLES.map((t) => {
      const columns = Object.entries(COLUMNS[t]);
      const sqlText = `INSERT INTO ${t} (${columns.map(([c]) => c).join(', ')})
        SELECT * FROM unnest(${columns.map(([, kind], i) => `$${i + 1}::${PG_TYPES[kind]}`).join(', ')})`;
      return [t, { sqlText, columns: columns.map(([c]) => c) }] as const;
    }),
  );
  const loader = new ChunkedLoader(5_000, async (table, rows) => {
    const { sqlText, columns } = statements.get(table)!;
    await client.query(
      sqlText,
      columns.map((c) => rows.map((r) => r[c])),
    );
  });
  await client.query('BEGIN');
  await client.query('SET LOCAL synchronous_commit = off');
  await emitDataset(spec, loader.add);
  await loader.finish();
  // Ids were given explicitly: move each identity past them so later inserts do not collide.
  for (const t of TABLES) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  }
  await client.query('COMMIT');
  // What autovacuum would do soon after such a load: planner statistics and the visibility map.
  await client.query('VACUUM (ANALYZE)');
  await client.end();

  const db = openDb({ databaseUrl: url });
  // What the approving transactions keep up in the product: each program's official total.
  await refreshApprovedJobs(db.kysely);
  const report: GenerationReport = {
    key,
    seconds: (performance.now() - start) / 1000,
    rows: loader.rows,
    generatedAt: new Date().toISOString(),
  };
  await writeMeta(db, report);
  return { db, report, generatedNow: true };
}

/** Bytes the dataset takes on disk (the SQLite file with its WAL, or the PostgreSQL database). */
export async function datasetSize(db: Db, sqliteFile: string): Promise<number> {
  if (db.dialect === 'postgres') {
    const { rows } = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(
      db.kysely,
    );
    return Number(rows[0]!.size);
  }
  return [sqliteFile, `${sqliteFile}-wal`].reduce(
    (sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0),
    0,
  );
}
