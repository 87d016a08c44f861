import {
  DEFAULT_MINIMUM_WAGES,
  isValidBusinessNumber,
  meetsMinimumWage,
  minimumWageFor,
  monthlyEquivalent,
} from '@ilteo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/kysely.js';
import { migrateUp } from '../../db/migrate.js';
import { testDatabases } from '../../test/databases.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';
import { DEMO_ACCOUNTS, seedDemo } from './demo.service.js';
import {
  demoDongs,
  generateRegistryDemo,
  REGISTRY_DEMO_FULL,
  REGISTRY_DEMO_SMALL,
  type RegistryDemoOptions,
} from './registry-demo.js';

const NOW = '2026-11-26T03:00:00.000Z';
const OPTIONS: RegistryDemoOptions = { ...REGISTRY_DEMO_FULL, seed: 2019, now: NOW, deskUnitIds: [7, 8] };

const json = <T>(text: string) => JSON.parse(text) as T;

describe('the demo registry generator', () => {
  const dongs = demoDongs();

  it('draws the same rows from the same seed, and other rows from another seed', () => {
    const a = generateRegistryDemo({ ...OPTIONS, dongs });
    const b = generateRegistryDemo({ ...OPTIONS, dongs });
    expect(b).toEqual(a);
    const c = generateRegistryDemo({ ...OPTIONS, dongs, seed: 2020 });
    expect(c.employers.map((e) => e.name)).not.toEqual(a.employers.map((e) => e.name));
    expect(c.seekers.map((s) => s.name)).not.toEqual(a.seekers.map((s) => s.name));
  });

  it("changing one count does not reshuffle the other kinds' rows", () => {
    const a = generateRegistryDemo({ ...OPTIONS, dongs });
    const fewerVacancies = generateRegistryDemo({ ...OPTIONS, dongs, vacancies: 100 });
    expect(fewerVacancies.seekers).toEqual(a.seekers);
    expect(fewerVacancies.employers).toEqual(a.employers);
  });

  it('looks like Bupyeong: mostly manufacturers, most in the industrial complex, most vacancies open', () => {
    const demo = generateRegistryDemo({ ...OPTIONS, dongs });
    const manufacturers = demo.employers.filter((e) => e.sector === 'manufacturing');
    expect(manufacturers.length / demo.employers.length).toBeGreaterThan(0.3);
    const inComplex = manufacturers.filter((e) => json<string[]>(e.flags).includes('industrial_complex'));
    expect(inComplex.length / manufacturers.length).toBeGreaterThan(0.5);
    expect(demo.employers.some((e) => json<string[]>(e.flags).includes('social_economy'))).toBe(true);
    expect(demo.employers.some((e) => json<string[]>(e.flags).includes('strong_small'))).toBe(true);
    for (const sector of ['care', 'food', 'retail', 'logistics', 'office'])
      expect(demo.employers.some((e) => e.sector === sector)).toBe(true);
    const open = demo.vacancies.filter((v) => v.row.status === 'open');
    expect(open.length / demo.vacancies.length).toBeGreaterThan(0.6);
    for (const status of ['closed', 'filled', 'draft'])
      expect(demo.vacancies.some((v) => v.row.status === status)).toBe(true);
    for (const v of demo.vacancies) expect(v.row.opens_on.startsWith('2019-')).toBe(true);
    const types = new Set(demo.vacancies.map((v) => v.row.wage_type));
    expect([...types].sort()).toEqual(['annual', 'daily', 'hourly', 'monthly']);
    // Every dong has people living in it.
    expect(new Set(demo.seekers.map((s) => s.home_dong_code)).size).toBe(22);
    const names = demo.employers.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each(testDatabases())('the demo registry on $name', (database) => {
  let db: Db;
  let seconds = 0;
  beforeAll(async () => {
    db = await database.open();
    await migrateUp(db);
    await ensureDefaultTaxonomies(db);
    const start = performance.now();
    await seedDemo(db);
    seconds = (performance.now() - start) / 1000;
  }, 120_000);
  afterAll(() => db?.close());

  it('npm start gets about 2,000 seekers, 300 employers and 800 vacancies, all marked as demo, quickly', async () => {
    const k = db.kysely;
    const employers = await k.selectFrom('employers').select(['is_demo']).execute();
    const vacancies = await k.selectFrom('vacancies').select(['is_demo']).execute();
    const seekers = await k.selectFrom('seekers').select(['is_demo']).execute();
    expect([employers.length, vacancies.length, seekers.length]).toEqual([300, 800, 2000]);
    for (const row of [...employers, ...vacancies, ...seekers]) expect(row.is_demo).toBe(1);
    // Well under 5 s on an idle machine (accounts, plan and registry together); this one is shared.
    expect(seconds).toBeLessThan(30);
    const changes = await k.selectFrom('change_log').select(['entity']).execute();
    expect(changes).toHaveLength(3100);
  });

  it('every vacancy pays at least the minimum wage of the year it opens, and its monthly equivalent is right', async () => {
    const rows = await db.kysely
      .selectFrom('vacancies')
      .select(['wage_type', 'wage_amount', 'wage_monthly', 'opens_on'])
      .execute();
    for (const v of rows) {
      const minimum = minimumWageFor(DEFAULT_MINIMUM_WAGES, Number(v.opens_on.slice(0, 4)))!;
      expect(minimum).toBe(8350);
      expect(meetsMinimumWage(v.wage_type, v.wage_amount, minimum)).toBe(true);
      expect(v.wage_monthly).toBe(monthlyEquivalent(v.wage_type, v.wage_amount));
    }
    const seekers = await db.kysely
      .selectFrom('seekers')
      .select(['wage_type', 'wage_amount'])
      .where('wage_type', 'is not', null)
      .execute();
    for (const s of seekers) expect(meetsMinimumWage(s.wage_type!, s.wage_amount!, 8350)).toBe(true);
  });

  it('every business number has a valid check digit, is unique and starts with the unassigned 세무서 code 000', async () => {
    const rows = await db.kysely.selectFrom('employers').select(['business_number']).execute();
    const numbers = rows.map((r) => r.business_number!);
    for (const n of numbers) {
      expect(isValidBusinessNumber(n)).toBe(true);
      expect(n).toMatch(/^000(81|10)\d{5}$/);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('every occupation and skill is a real code of the default taxonomies, every dong a Bupyeong dong', async () => {
    const k = db.kysely;
    const items = await k.selectFrom('taxonomy_items').select(['kind', 'scheme', 'code', 'level']).execute();
    const known = new Set(items.map((i) => `${i.kind}:${i.scheme}:${i.code}`));
    const detail = new Set(
      items
        .filter((i) => i.scheme === 'KECO-2018' && i.level === 4)
        .map((i) => `occupation:KECO-2018:${i.code}`),
    );
    const regions = await k
      .selectFrom('regions')
      .select(['scheme', 'code', 'lat', 'lon'])
      .where('level', '=', 'dong')
      .execute();
    const dongs = new Map(regions.map((r) => [`${r.scheme}:${r.code}`, r]));
    expect(dongs.size).toBe(22);
    const near = (scheme: string | null, code: string | null, lat: number | null, lon: number | null) => {
      const dong = dongs.get(`${scheme}:${code}`);
      expect(dong, `${scheme}:${code}`).toBeDefined();
      expect(Math.abs(lat! - dong!.lat!)).toBeLessThan(0.005);
      expect(Math.abs(lon! - dong!.lon!)).toBeLessThan(0.006);
    };

    const vacancies = await k.selectFrom('vacancies').selectAll().execute();
    for (const v of vacancies) {
      expect(detail.has(`occupation:${v.occupation_scheme}:${v.occupation_code}`)).toBe(true);
      for (const s of [...json<Ref[]>(v.required_skills), ...json<Ref[]>(v.preferred_skills)])
        expect(known.has(`skill:${s.scheme}:${s.code}`)).toBe(true);
      near(v.region_scheme, v.dong_code, v.lat, v.lon);
    }
    const employers = await k.selectFrom('employers').selectAll().execute();
    for (const e of employers) near(e.region_scheme, e.dong_code, e.lat, e.lon);
    const seekers = await k.selectFrom('seekers').selectAll().execute();
    for (const s of seekers) {
      const desired = json<Ref[]>(s.desired_occupations);
      expect(desired.length).toBeGreaterThanOrEqual(1);
      expect(desired.length).toBeLessThanOrEqual(3);
      const careers = json<{ occupation: Ref; months: number }[]>(s.careers).map((c) => c.occupation);
      for (const o of [...desired, ...careers])
        expect(detail.has(`occupation:${o.scheme}:${o.code}`)).toBe(true);
      for (const sk of json<Ref[]>(s.skills)) expect(known.has(`skill:${sk.scheme}:${sk.code}`)).toBe(true);
      expect(dongs.has(`${s.home_region_scheme}:${s.home_dong_code}`)).toBe(true);
    }
  });

  it('no seeker is recorded as disabled without the sensitive consent; everyone consented to employment services', async () => {
    const k = db.kysely;
    const seekers = await k.selectFrom('seekers').select(['id', 'groups', 'phone', 'email']).execute();
    const consents = await k.selectFrom('seeker_consents').selectAll().execute();
    const purposes = new Map<number, Set<string>>();
    for (const c of consents) {
      if (c.withdrawn_at !== null) continue;
      purposes.set(c.seeker_id, (purposes.get(c.seeker_id) ?? new Set()).add(c.purpose));
    }
    let disabled = 0;
    let recommending = 0;
    for (const s of seekers) {
      const given = purposes.get(s.id) ?? new Set();
      expect(given.has('employment_services')).toBe(true);
      if (given.has('recommendation')) recommending++;
      const groups = json<string[]>(s.groups);
      for (const g of groups)
        expect(['career_break_women', 'disabled', 'vulnerable', 'self_sufficiency']).toContain(g);
      if (groups.includes('disabled')) {
        disabled++;
        expect(given.has('sensitive')).toBe(true);
      }
      // Fictional contact data only.
      if (s.phone) expect(s.phone).toMatch(/^0100000\d{4}$/);
      if (s.email) expect(s.email).toMatch(/@(example\.com|demo\.ilteo\.kr)$/);
    }
    expect(disabled).toBeGreaterThan(0);
    expect(recommending / seekers.length).toBeGreaterThan(0.6);
  });

  it('the demo employer account has a full company profile with open vacancies; the demo seeker account a profile', async () => {
    const k = db.kysely;
    const employerUser = await k
      .selectFrom('users')
      .select(['id', 'employer_id'])
      .where('email', '=', 'employer@demo.ilteo.kr')
      .executeTakeFirstOrThrow();
    const company = await k
      .selectFrom('employers')
      .selectAll()
      .where('id', '=', employerUser.employer_id!)
      .executeTakeFirstOrThrow();
    expect(company.name).toBe('(데모) 부평정밀 주식회사');
    expect(isValidBusinessNumber(company.business_number!)).toBe(true);
    expect(company.industry).toBe('C');
    expect(json<string[]>(company.flags)).toContain('industrial_complex');
    expect(company.verified_at).not.toBeNull();
    expect(json<unknown[]>(company.contacts)).toHaveLength(1);
    const own = await k
      .selectFrom('vacancies')
      .select(['status', 'created_by'])
      .where('employer_id', '=', company.id)
      .execute();
    expect(own.filter((v) => v.status === 'open').length).toBeGreaterThanOrEqual(3);
    for (const v of own) expect(v.created_by).toBe(employerUser.id);

    const seekerUser = await k
      .selectFrom('users')
      .select(['id', 'name'])
      .where('email', '=', 'seeker@demo.ilteo.kr')
      .executeTakeFirstOrThrow();
    const profile = await k
      .selectFrom('seekers')
      .selectAll()
      .where('user_id', '=', seekerUser.id)
      .executeTakeFirstOrThrow();
    expect(profile.name).toBe(seekerUser.name);
    expect(profile.registered_by).toBe('self');
    expect(json<Ref[]>(profile.desired_occupations).map((o) => o.code)).toEqual(['3075', '5501']);
  });

  it('seeding again changes nothing', async () => {
    expect(await seedDemo(db)).toEqual({ created: false, accounts: [] });
    const count = async (table: 'seekers' | 'vacancies' | 'employers') =>
      (await db.kysely.selectFrom(table).select('id').execute()).length;
    expect([await count('employers'), await count('vacancies'), await count('seekers')]).toEqual([
      300, 800, 2000,
    ]);
  });

  it('test apps get the small demo; `none` gives the accounts only', async () => {
    for (const [registry, expected] of [
      ['small', REGISTRY_DEMO_SMALL],
      ['none', { employers: 1, vacancies: 0, seekers: 0 }],
    ] as const) {
      const other = await database.open();
      try {
        await migrateUp(other);
        expect((await seedDemo(other, { registry })).created).toBe(true);
        const count = async (table: 'seekers' | 'vacancies' | 'employers') =>
          (await other.kysely.selectFrom(table).select('id').execute()).length;
        expect({
          employers: await count('employers'),
          vacancies: await count('vacancies'),
          seekers: await count('seekers'),
        }).toEqual(expected);
        expect(await other.kysely.selectFrom('users').select('id').execute()).toHaveLength(
          DEMO_ACCOUNTS.length,
        );
      } finally {
        await other.close();
      }
    }
  });
});

interface Ref {
  scheme: string;
  code: string;
}
