import { type AgeRule, AgeRuleInput, ageGroupsFor, DEFAULT_AGE_RULES } from '@ilteo/shared';
import { z } from 'zod';
import type { Db } from '../../db/kysely.js';
import type { TaxonomyItemRow } from '../../db/tables.js';
import { Matcher } from '../../engine/match/matcher.js';
import type { MatchSeeker, MatchVacancy } from '../../engine/match/types.js';
import {
  dayNumber,
  SENSITIVE_GROUPS,
  type SeekerDocument,
  SeekerIndex,
  type VacancyDocument,
  VacancyIndex,
} from '../../engine/search/index.js';
import { parentChain } from '../taxonomy/hierarchy.js';
import { aliasesOf } from '../taxonomy/taxonomy.presenter.js';
import { allItems, latestImport } from '../taxonomy/taxonomy.repository.js';
import { matchSeeker, matchVacancy } from './match-documents.js';
import * as repo from './search.repository.js';

/**
 * The search indexes of one database, and how they follow it.
 *
 * Each server process holds a VacancyIndex and a SeekerIndex per open database (a WeakMap keyed
 * by the `Db`, like the taxonomy typeahead: services get the database, not the app). They are
 * built from the database on first use, then follow `change_log`: every write of a vacancy,
 * seeker or employer adds a row there in its own transaction (recordChange), and the follower
 * re-reads the entities of the rows it has not seen — whatever the operation, so applying a
 * change twice or out of order is harmless. It catches up before every search, so a write is
 * found by the next search in any process (read-your-writes), and every 500 ms in the
 * background. A new taxonomy import (labels, parent chains, regions), a new year (seekers' age
 * groups) or new age rules rebuild both indexes. The matcher of modules/matching is fed from the
 * same rows, so recommendations are as fresh as the search.
 *
 * PostgreSQL hands out ids when rows are inserted, not when they commit: the row with id 10 may
 * become visible after id 11 has been read. Ids skipped over are therefore remembered as gaps
 * and asked for again for GAP_WAIT_MS (a rolled-back transaction's id never shows up).
 */
export const POLL_MS = 500;
const NO_CONSENTS: ReadonlySet<string> = new Set();
const GAP_WAIT_MS = 30_000;
/** Recent change ids checked for gaps when the index is built. */
const GAP_LOOKBACK = 1000;

/** The occupation scheme whose codes are facet values as they are; others read `scheme:code`. */
export const DEFAULT_OCCUPATION_SCHEME = 'KECO-2018';

/** Labels and places the documents and the responses need. */
export interface SearchLabels {
  occupations: Map<string, TaxonomyItemRow>;
  skills: Map<string, string>;
  certificates: Map<string, string>;
  dongs: Map<string, { name: string; lat: number | null; lon: number | null }>;
  ageRules: Map<number, readonly AgeRule[]>;
  year: number;
}

/** What a search reads: both indexes and their labels; and the matcher (#5), fed from the same rows. */
export interface SearchIndexes {
  vacancies: VacancyIndex;
  seekers: SeekerIndex;
  matcher: Matcher;
  labels: SearchLabels;
}

interface State extends SearchIndexes {
  revision: string;
  lastSeen: number;
  /** Change ids skipped over, with when to stop waiting for them. */
  gaps: Map<number, number>;
}

class Follower {
  private state: State | null = null;
  /** A catch-up queued and not started yet: callers arriving now share it. */
  private queued: Promise<State> | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly today: () => string,
  ) {}

  /**
   * The indexes, current with every change committed before the call: a catch-up that starts
   * after this call, shared with the other calls waiting for one.
   */
  current(): Promise<State> {
    if (this.queued) return this.queued;
    const next = this.tail.then(() => {
      this.queued = null;
      return this.step();
    });
    this.queued = next;
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Polls in the background (the timer never keeps the process alive). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      // A failed poll (a closed or unreachable database) stops polling; the next search restarts
      // it, and reports its own failure if the database is still away.
      this.current().catch(() => this.stop());
    }, POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async step(): Promise<State> {
    const k = this.db.kysely;
    const today = this.today();
    const [imported, settings] = await Promise.all([latestImport(k), repo.ageRuleSettings(k)]);
    const year = Number(today.slice(0, 4));
    const revision = JSON.stringify([imported, year, settings.map((s) => [s.organisation_id, s.updated_at])]);
    if (!this.state || this.state.revision !== revision) {
      this.state = await build(this.db, revision, year, settings);
      return this.state;
    }
    await catchUp(this.db, this.state);
    return this.state;
  }
}

const followers = new WeakMap<Db, Follower>();

function followerOf(db: Db): Follower {
  let follower = followers.get(db);
  if (!follower) {
    follower = new Follower(db, seoulToday);
    followers.set(db, follower);
  }
  return follower;
}

/** The search indexes of a database, built on first use and caught up with every committed change. */
export async function searchIndexes(db: Db): Promise<SearchIndexes> {
  const follower = followerOf(db);
  const state = await follower.current();
  follower.start();
  return state;
}

/** Builds the indexes now and starts following (server start: the first search is then fast). */
export async function warmSearchIndexes(db: Db): Promise<void> {
  await searchIndexes(db);
}

/** Stops the background polling of a database (app close). */
export function stopSearchIndexes(db: Db): void {
  followers.get(db)?.stop();
}

/** Today in Korea, `YYYY-MM-DD`: what "expired" and "posted within" count from. */
export function seoulToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(now);
}

async function build(
  db: Db,
  revision: string,
  year: number,
  settings: { organisation_id: number; value: string }[],
): Promise<State> {
  const k = db.kysely;
  // The log's position first: a change committed while the rows load is applied again, harmlessly.
  const lastSeen = await repo.lastChangeId(k);
  const recent = new Set(await repo.changeIdsFrom(k, Math.max(1, lastSeen - GAP_LOOKBACK + 1)));
  const gaps = new Map<number, number>();
  const until = Date.now() + GAP_WAIT_MS;
  for (let id = Math.max(1, lastSeen - GAP_LOOKBACK + 1); id < lastSeen; id++) {
    if (!recent.has(id)) gaps.set(id, until);
  }
  const labels = await loadLabels(db, year, settings);
  const vacancies = new VacancyIndex();
  const matcher = new Matcher();
  const vacancyDocs: VacancyDocument[] = [];
  const matchVacancies: MatchVacancy[] = [];
  for (let after = 0; ; ) {
    const rows = await repo.vacancyPage(k, after);
    for (const row of rows) {
      vacancyDocs.push(vacancyDocument(row, labels));
      matchVacancies.push(matchVacancy(row, labels));
    }
    if (rows.length < repo.PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  vacancies.setAll(vacancyDocs);
  matcher.setAllVacancies(matchVacancies);
  const seekers = new SeekerIndex();
  const seekerDocs: SeekerDocument[] = [];
  const matchSeekers: MatchSeeker[] = [];
  for (let after = 0; ; ) {
    const rows = await repo.seekerPage(k, after);
    const consents = await repo.standingConsents(
      k,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      seekerDocs.push(seekerDocument(row, labels));
      matchSeekers.push(matchSeeker(row, labels, consents.get(row.id) ?? NO_CONSENTS));
    }
    if (rows.length < repo.PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  seekers.setAll(seekerDocs);
  matcher.setAllSeekers(matchSeekers);
  return { vacancies, seekers, matcher, labels, revision, lastSeen, gaps };
}

async function catchUp(db: Db, state: State): Promise<void> {
  const k = db.kysely;
  const now = Date.now();
  for (const [id, until] of state.gaps) if (until < now) state.gaps.delete(id);
  for (;;) {
    const rows = await repo.changesSince(k, state.lastSeen, [...state.gaps.keys()]);
    if (rows.length === 0) return;
    const vacancyIds = new Set<number>();
    const employerIds = new Set<number>();
    const seekerIds = new Set<number>();
    let beyond = 0;
    for (const row of rows) {
      if (row.id > state.lastSeen) {
        for (let gap = Math.max(state.lastSeen + 1, row.id - GAP_LOOKBACK); gap < row.id; gap++) {
          state.gaps.set(gap, now + GAP_WAIT_MS);
        }
        state.lastSeen = row.id;
        beyond++;
      } else state.gaps.delete(row.id);
      if (row.entity === 'vacancy') vacancyIds.add(row.entity_id);
      else if (row.entity === 'employer') employerIds.add(row.entity_id);
      else if (row.entity === 'seeker') seekerIds.add(row.entity_id);
    }
    await applyVacancies(db, state, [...vacancyIds], [...employerIds]);
    await applySeekers(db, state, [...seekerIds]);
    if (beyond < repo.PAGE) return;
  }
}

async function applyVacancies(db: Db, state: State, ids: number[], employerIds: number[]): Promise<void> {
  if (ids.length === 0 && employerIds.length === 0) return;
  const rows = await repo.vacanciesOf(db.kysely, ids, employerIds);
  const found = new Set<number>();
  for (const row of rows) {
    found.add(row.id);
    state.vacancies.set(vacancyDocument(row, state.labels));
    state.matcher.setVacancy(matchVacancy(row, state.labels));
  }
  for (const id of ids) {
    if (found.has(id)) continue;
    state.vacancies.remove(id);
    state.matcher.removeVacancy(id);
  }
}

async function applySeekers(db: Db, state: State, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await repo.seekersOf(db.kysely, ids);
  const consents = await repo.standingConsents(
    db.kysely,
    rows.map((r) => r.id),
  );
  const found = new Set<number>();
  for (const row of rows) {
    found.add(row.id);
    state.seekers.set(seekerDocument(row, state.labels));
    state.matcher.setSeeker(matchSeeker(row, state.labels, consents.get(row.id) ?? NO_CONSENTS));
  }
  for (const id of ids) {
    if (found.has(id)) continue;
    state.seekers.remove(id);
    state.matcher.removeSeeker(id);
  }
}

async function loadLabels(
  db: Db,
  year: number,
  settings: { organisation_id: number; value: string }[],
): Promise<SearchLabels> {
  const [items, regions] = await Promise.all([allItems(db.kysely), repo.dongs(db.kysely)]);
  const labels: SearchLabels = {
    occupations: new Map(),
    skills: new Map(),
    certificates: new Map(),
    dongs: new Map(),
    ageRules: new Map(),
    year,
  };
  for (const item of items) {
    const key = refKey(item.scheme, item.code);
    if (item.kind === 'occupation') labels.occupations.set(key, item);
    else if (item.kind === 'skill') labels.skills.set(key, item.label);
    else labels.certificates.set(key, item.label);
  }
  for (const r of regions) labels.dongs.set(r.code, { name: r.name, lat: r.lat, lon: r.lon });
  for (const s of settings) {
    const rules = parseAgeRules(s.value);
    if (rules) labels.ageRules.set(s.organisation_id, rules);
  }
  return labels;
}

/** The key of a taxonomy item in the label maps. */
export function refKey(scheme: string, code: string): string {
  return `${scheme}\u0000${code}`;
}

/** An occupation's facet value: its code in the default scheme, `scheme:code` in another. */
export function occupationValue(scheme: string, code: string): string {
  return scheme === DEFAULT_OCCUPATION_SCHEME ? code : `${scheme}:${code}`;
}

/** The occupation's parent chain as facet values, top level first (just its own when unknown). */
export function occupationPath(labels: SearchLabels, scheme: string, code: string): string[] {
  return codeChain(labels, scheme, code).map((c) => occupationValue(scheme, c));
}

/** The occupation's parent chain as its scheme's codes, top level first (the matcher's path). */
export function codeChain(labels: SearchLabels, scheme: string, code: string): string[] {
  return parentChain(code, (c) => labels.occupations.get(refKey(scheme, c))?.parent_code);
}

/** A seeker's target groups as staff may see them: declared ones (never `disabled`) and age groups. */
export function visibleGroups(
  labels: SearchLabels,
  organisationId: number,
  birthYear: number,
  declaredJson: string,
): string[] {
  const declared = jsonStrings(declaredJson).filter((g) => !SENSITIVE_GROUPS.includes(g));
  const rules = labels.ageRules.get(organisationId) ?? DEFAULT_AGE_RULES;
  return [...ageGroupsFor(birthYear, labels.year, rules), ...declared];
}

function vacancyDocument(row: repo.VacancyIndexRow, labels: SearchLabels): VacancyDocument {
  const occupation = labels.occupations.get(refKey(row.occupation_scheme, row.occupation_code));
  const dong = row.dong_code ? labels.dongs.get(row.dong_code) : undefined;
  const lat = row.lat ?? dong?.lat ?? null;
  const lon = row.lon ?? dong?.lon ?? null;
  return {
    id: row.id,
    orgId: row.organisation_id,
    employerId: row.employer_id,
    title: row.title,
    company: row.employer_name,
    occupation: occupation ? [occupation.label, ...aliasesOf(occupation.aliases)] : row.occupation_code,
    description: row.description,
    occupationPath: occupationPath(labels, row.occupation_scheme, row.occupation_code),
    dong: row.dong_code,
    monthlyWage: row.wage_monthly,
    employmentType: row.employment_type,
    career: row.career,
    education: row.education,
    targetGroups: [...new Set([...jsonStrings(row.preferred_groups), ...jsonStrings(row.eligible_groups)])],
    opensOn: dayNumber(row.opens_on),
    closesOn: row.closes_on ? dayNumber(row.closes_on) : null,
    status: row.status,
    source: row.source,
    lat: lat === null || lon === null ? null : lat,
    lon: lat === null || lon === null ? null : lon,
  };
}

function seekerDocument(row: repo.SeekerIndexRow, labels: SearchLabels): SeekerDocument {
  const desired = jsonRefs(row.desired_occupations);
  const label = (map: Map<string, string>) => (r: { scheme: string; code: string }) =>
    map.get(refKey(r.scheme, r.code)) ?? r.code;
  return {
    id: row.id,
    orgId: row.organisation_id,
    name: row.name,
    occupations: desired.map((r) => labels.occupations.get(refKey(r.scheme, r.code))?.label ?? r.code),
    skills: jsonRefs(row.skills).map(label(labels.skills)),
    certificates: jsonRefs(row.certificates).map(label(labels.certificates)),
    occupationPaths: desired.map((r) => occupationPath(labels, r.scheme, r.code)),
    dong: row.home_dong_code,
    education: row.education,
    targetGroups: visibleGroups(labels, row.organisation_id, row.birth_year, row.groups),
    status: row.status,
    employmentTypes: jsonStrings(row.employment_types),
  };
}

/** A JSON array of strings from a text column; anything else reads as empty. */
export function jsonStrings(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** A JSON array of { scheme, code } from a text column. */
export function jsonRefs(json: string): { scheme: string; code: string }[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is { scheme: string; code: string } =>
        typeof v === 'object' && v !== null && typeof v.scheme === 'string' && typeof v.code === 'string',
    );
  } catch {
    return [];
  }
}

const StoredAgeRules = z.array(AgeRuleInput).min(1);

/** An organisation's stored age rules (privacy settings), or null when unreadable. */
function parseAgeRules(json: string): AgeRule[] | null {
  try {
    const result = StoredAgeRules.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
