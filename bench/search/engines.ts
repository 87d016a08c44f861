import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { VacancyIndex } from '../../packages/server/src/engine/search/vacancy-index.js';
import { normalize } from '../../packages/server/src/engine/text/normalize.js';
import {
  type BenchQuery,
  CAREERS,
  DESCRIPTION_CHARS,
  DONGS,
  EDUCATIONS,
  EMPLOYMENT,
  GROUPS,
  isOpen,
  passesFilters,
  STATUSES,
  TODAY,
  type VacancyData,
  WAGE_BAND_NAMES,
  wageBand,
} from './generate.js';

/** What every engine answers: how many match, the first page of ids, facet counts when asked. */
export interface Answer {
  total: number;
  ids: number[];
  facets?: Record<string, Record<string, number>>;
}

/** A search engine under measurement. */
export interface Engine {
  /** Indexes the data (timed by the caller). */
  build(data: VacancyData): void;
  /** One search: the first `limit` results in the engine's own order, and the total. */
  search(q: BenchQuery, limit: number): Answer;
  /** Every matching id (untimed; for recall). */
  all(q: BenchQuery): number[];
  /** Facts for the report (sizes on disk and the like). */
  facts(): Record<string, string>;
  close(): void;
}

export const PAGE = 20;

/** Our engine: VacancyIndex (packages/server/src/engine/search). */
export class OurEngine implements Engine {
  private index = new VacancyIndex();

  build(data: VacancyData): void {
    this.index = new VacancyIndex({ capacity: data.n, descriptionChars: DESCRIPTION_CHARS });
    const docs = new Array(data.n);
    for (let i = 0; i < data.n; i++) {
      const o = data.occupations[data.occupation[i]!]!;
      const groups: string[] = [];
      for (let g = 0; g < GROUPS.length; g++) if (data.groups[i]! & (1 << g)) groups.push(GROUPS[g]!);
      docs[i] = {
        id: i + 1,
        orgId: 1,
        employerId: data.employerId[i]!,
        title: data.title[i]!,
        company: data.company[i]!,
        occupation: o.label,
        description: data.description[i]!,
        occupationPath: o.path,
        dong: DONGS[data.dong[i]!]!.code,
        monthlyWage: data.monthlyWage[i]!,
        employmentType: EMPLOYMENT[data.employmentType[i]!]!,
        career: CAREERS[data.career[i]!]!,
        education: EDUCATIONS[data.education[i]!]!,
        targetGroups: groups,
        opensOn: data.opensOn[i]!,
        closesOn: data.closesOn[i]! < 0 ? null : data.closesOn[i]!,
        status: STATUSES[data.status[i]!]!,
        lat: data.lat[i]!,
        lon: data.lon[i]!,
      };
    }
    this.index.setAll(docs);
  }

  private query(q: BenchQuery) {
    return {
      q: q.q,
      today: TODAY,
      dong: q.dong?.map((d) => DONGS[d]!.code),
      employmentType: q.employmentType?.map((e) => EMPLOYMENT[e]!),
      career: q.career?.map((c) => CAREERS[c]!),
      education: q.education?.map((e) => EDUCATIONS[e]!),
      occupation: q.occupationGroup,
      wageBand: q.wageBand?.map((b) => WAGE_BAND_NAMES[b]!),
      ...(q.open ? { status: ['open'], openOn: TODAY } : {}),
      facets: q.facets,
    };
  }

  search(q: BenchQuery, limit: number): Answer {
    const r = this.index.search({ ...this.query(q), limit });
    const facets = q.facets
      ? Object.fromEntries(
          Object.entries(r.facets).map(([f, counts]) => [
            f,
            Object.fromEntries(counts!.map((c) => [c.value, c.count])),
          ]),
        )
      : undefined;
    return { total: r.total, ids: r.hits.map((h) => h.id), ...(facets ? { facets } : {}) };
  }

  all(q: BenchQuery): number[] {
    const base = { ...this.query(q), facets: false, sort: 'newest' as const };
    const total = this.index.search({ ...base, limit: 0 }).total;
    return this.index.search({ ...base, limit: total }).hits.map((h) => h.id);
  }

  facts(): Record<string, string> {
    const s = this.index.stats();
    return { keys: s.keys.toLocaleString('en-US'), postings: s.postings.toLocaleString('en-US') };
  }

  close(): void {}
}

/** The WHERE clause and parameters of a query's filters, over table v (one filter may be left out, for facets). */
function whereOf(q: BenchQuery, skip?: string): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const list = (column: string, values: readonly (string | number)[] | undefined, name: string) => {
    if (!values || skip === name) return;
    parts.push(`${column} in (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  list('dong', q.dong, 'dong');
  list('employment', q.employmentType, 'employmentType');
  list('career', q.career, 'career');
  list('education', q.education, 'education');
  list('occ_major', q.occupationGroup, 'occupationGroup');
  list('wage_band', q.wageBand, 'wageBand');
  return { sql: parts.length ? parts.join(' and ') : '1', params };
}

/**
 * SQLite: FTS5 with the trigram tokenizer over the same text, and the filter columns in an
 * ordinary indexed table. `like` decides what a word shorter than three characters does: in
 * `match` mode it is sent to MATCH as it is (and finds nothing: trigram needs three), in `like`
 * mode it becomes `body LIKE '%word%'` (a scan of every row's text).
 */
export class SqliteEngine implements Engine {
  private db: SQLite.Database;
  private statements = new Map<string, SQLite.Statement>();
  mode: 'match' | 'like' = 'like';

  constructor(private readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    this.db = new SQLite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
  }

  build(data: VacancyData): void {
    const db = this.db;
    db.exec(`create table v (id integer primary key, dong int, employment int, career int, education int,
      occ_major text, wage_band int, opens_on int, monthly_wage int);
      create table vg (vid int, grp int);
      create virtual table fts using fts5(body, tokenize = 'trigram');`);
    const insertV = db.prepare('insert into v values (?,?,?,?,?,?,?,?,?)');
    const insertG = db.prepare('insert into vg values (?,?)');
    const insertF = db.prepare('insert into fts (rowid, body) values (?,?)');
    db.transaction(() => {
      for (let i = 0; i < data.n; i++) {
        const id = i + 1;
        insertV.run(
          id,
          data.dong[i],
          data.employmentType[i],
          data.career[i],
          data.education[i],
          data.occupations[data.occupation[i]!]!.path[0],
          wageBand(data.monthlyWage[i]!),
          data.opensOn[i],
          data.monthlyWage[i],
        );
        for (let g = 0; g < GROUPS.length; g++) if (data.groups[i]! & (1 << g)) insertG.run(id, g);
        insertF.run(id, data.haystack[i]!.replaceAll('\u0000', '\n'));
      }
    })();
    for (const c of ['dong', 'employment', 'career', 'education', 'occ_major', 'wage_band', 'opens_on'])
      db.exec(`create index v_${c} on v (${c})`);
    db.exec('create index vg_vid on vg (vid); create index vg_grp on vg (grp)');
    db.exec('analyze');
  }

  private prepared(sql: string): SQLite.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** The FTS condition of a text query, or null when no word can use the index. */
  private textOf(q: string): { sql: string; params: string[]; ranked: boolean } {
    const words = normalize(q).split(' ').filter(Boolean);
    const long = this.mode === 'match' ? words : words.filter((w) => [...w].length >= 3);
    const short = this.mode === 'match' ? [] : words.filter((w) => [...w].length < 3);
    const parts: string[] = [];
    const params: string[] = [];
    if (long.length) {
      parts.push('fts match ?');
      params.push(long.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND '));
    }
    for (const w of short) {
      parts.push('body like ?');
      params.push(`%${w}%`);
    }
    return { sql: parts.join(' and '), params, ranked: long.length > 0 };
  }

  search(q: BenchQuery, limit: number): Answer {
    if (q.q) {
      const t = this.textOf(q.q);
      const order = t.ranked ? 'rank' : 'rowid desc';
      const ids = this.prepared(`select rowid as id from fts where ${t.sql} order by ${order} limit ${limit}`)
        .pluck()
        .all(...t.params) as number[];
      const total = this.prepared(`select count(*) from fts where ${t.sql}`)
        .pluck()
        .get(...t.params) as number;
      return { total, ids };
    }
    const w = whereOf(q);
    const ids = this.prepared(
      `select id from v where ${w.sql} order by opens_on desc, id desc limit ${limit}`,
    )
      .pluck()
      .all(...w.params) as number[];
    const total = this.prepared(`select count(*) from v where ${w.sql}`)
      .pluck()
      .get(...w.params) as number;
    if (!q.facets) return { total, ids };
    const facets: Record<string, Record<string, number>> = {};
    const columns: [string, string, (v: number | string) => string][] = [
      ['occupationGroup', 'occ_major', String],
      ['dong', 'dong', (d) => DONGS[Number(d)]!.code],
      ['wageBand', 'wage_band', (b) => WAGE_BAND_NAMES[Number(b)]!],
      ['employmentType', 'employment', (e) => EMPLOYMENT[Number(e)]!],
      ['career', 'career', (c) => CAREERS[Number(c)]!],
      ['education', 'education', (e) => EDUCATIONS[Number(e)]!],
    ];
    for (const [facet, column, label] of columns) {
      const f = whereOf(q, facet);
      const rows = this.prepared(
        `select ${column} as k, count(*) as n from v where ${f.sql} group by ${column}`,
      )
        .raw()
        .all(...f.params) as [number | string, number][];
      facets[facet] = Object.fromEntries(rows.map(([k, n]) => [label(k), n]));
    }
    const groups = this.prepared(
      `select grp, count(*) from vg join v on v.id = vg.vid where ${w.sql} group by grp`,
    )
      .raw()
      .all(...w.params) as [number, number][];
    facets.targetGroup = Object.fromEntries(groups.map(([g, n]) => [GROUPS[g]!, n]));
    const posted = this.prepared(
      `select sum(opens_on > ${TODAY - 1}), sum(opens_on > ${TODAY - 3}), sum(opens_on > ${TODAY - 7}),
       sum(opens_on > ${TODAY - 30}) from v where ${w.sql}`,
    )
      .raw()
      .get(...w.params) as (number | null)[];
    facets.postedWithin = Object.fromEntries(
      ['1d', '3d', '7d', '30d'].map((k, i) => [k, posted[i] ?? 0]).filter(([, n]) => Number(n) > 0),
    );
    return { total, ids, facets };
  }

  all(q: BenchQuery): number[] {
    if (q.q) {
      const t = this.textOf(q.q);
      return this.prepared(`select rowid from fts where ${t.sql}`)
        .pluck()
        .all(...t.params) as number[];
    }
    const w = whereOf(q);
    return this.prepared(`select id from v where ${w.sql}`)
      .pluck()
      .all(...w.params) as number[];
  }

  facts(): Record<string, string> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.statSync(this.file).size;
    return { 'size on disk': `${Math.round(bytes / 1024 / 1024)} MB` };
  }

  close(): void {
    this.db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(this.file + suffix, { force: true });
  }
}

/**
 * MiniSearch (prefix search, all words required, the same field weights as ours). Its tokenizer
 * cuts on spaces and punctuation, so a word matches the start of a token only: '조무' does not
 * find 간호조무사. Filters and facets run in JavaScript over the results (MiniSearch has no
 * columns), filter-only queries through its wildcard search.
 */
export class MiniSearchEngine implements Engine {
  private ms = this.create();
  private data!: VacancyData;

  private create() {
    return new MiniSearch<{ id: number }>({
      fields: ['title', 'occupation', 'company', 'description'],
      searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 4, occupation: 2, company: 2 } },
    });
  }

  build(data: VacancyData): void {
    this.data = data;
    this.ms = this.create();
    for (let i = 0; i < data.n; i++) {
      this.ms.add({
        id: i + 1,
        title: data.title[i],
        occupation: data.occupations[data.occupation[i]!]!.label,
        company: data.company[i],
        description: data.description[i],
      } as { id: number });
    }
  }

  private matches(q: BenchQuery, skipAtMostOne = false): number[] {
    const data = this.data;
    const ok = (id: number) =>
      skipAtMostOne ? mismatches(data, id - 1, q) <= 1 : passesFilters(data, id - 1, q);
    if (q.q) return this.ms.search(q.q, { filter: (r) => ok(r.id) }).map((r) => r.id as number);
    return this.ms.search(MiniSearch.wildcard, { filter: (r) => ok(r.id) }).map((r) => r.id as number);
  }

  search(q: BenchQuery, limit: number): Answer {
    if (q.q) {
      const ids = this.matches(q);
      return { total: ids.length, ids: ids.slice(0, limit) };
    }
    const data = this.data;
    if (!q.facets) {
      const ids = this.matches(q);
      return { total: ids.length, ids: newest(data, ids, limit) };
    }
    const near = this.matches(q, true);
    const exact = near.filter((id) => passesFilters(data, id - 1, q));
    return { total: exact.length, ids: newest(data, exact, limit), facets: facetCounts(data, q, near) };
  }

  all(q: BenchQuery): number[] {
    return this.matches(q);
  }

  facts(): Record<string, string> {
    return { terms: this.ms.termCount.toLocaleString('en-US') };
  }

  close(): void {}
}

const FILTER_NAMES = [
  'dong',
  'employmentType',
  'career',
  'education',
  'occupationGroup',
  'wageBand',
] as const;

/** How many of a query's filters vacancy i fails. */
function mismatches(data: VacancyData, i: number, q: BenchQuery): number {
  if (q.open && !isOpen(data, i)) return FILTER_NAMES.length;
  let n = 0;
  for (const f of FILTER_NAMES) if (q[f] && !passesFilters(data, i, { [f]: q[f], facets: false })) n++;
  return n;
}

/** The newest `limit` of some ids (opensOn, then id, descending). */
function newest(data: VacancyData, ids: number[], limit: number): number[] {
  return ids.sort((a, b) => data.opensOn[b - 1]! - data.opensOn[a - 1]! || b - a).slice(0, limit);
}

/** Disjunctive facet counts in JavaScript, from the ids that fail at most one filter. */
export function facetCounts(
  data: VacancyData,
  q: BenchQuery,
  near: number[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {
    occupationGroup: {},
    dong: {},
    wageBand: {},
    employmentType: {},
    career: {},
    education: {},
    targetGroup: {},
    postedWithin: {},
  };
  const add = (facet: string, value: string) => {
    const f = out[facet]!;
    f[value] = (f[value] ?? 0) + 1;
  };
  for (const id of near) {
    const i = id - 1;
    if (q.open && !isOpen(data, i)) continue;
    const failed = FILTER_NAMES.filter((f) => q[f] && !passesFilters(data, i, { [f]: q[f], facets: false }));
    const counts = (facet: string) => failed.length === 0 || (failed.length === 1 && failed[0] === facet);
    if (counts('occupationGroup')) add('occupationGroup', data.occupations[data.occupation[i]!]!.path[0]!);
    if (counts('dong')) add('dong', DONGS[data.dong[i]!]!.code);
    if (counts('wageBand')) add('wageBand', WAGE_BAND_NAMES[wageBand(data.monthlyWage[i]!)]!);
    if (counts('employmentType')) add('employmentType', EMPLOYMENT[data.employmentType[i]!]!);
    if (counts('career')) add('career', CAREERS[data.career[i]!]!);
    if (counts('education')) add('education', EDUCATIONS[data.education[i]!]!);
    if (failed.length === 0) {
      for (let g = 0; g < GROUPS.length; g++) if (data.groups[i]! & (1 << g)) add('targetGroup', GROUPS[g]!);
      for (const [k, days] of [
        ['1d', 1],
        ['3d', 3],
        ['7d', 7],
        ['30d', 30],
      ] as const)
        if (TODAY - data.opensOn[i]! < days) add('postedWithin', k);
    }
  }
  return out;
}
