import type { Db } from '../../db/kysely.js';
import { insertAudit } from '../audit/audit.repository.js';
import { SIGN_UP_CONSENTS } from '../auth/consent-texts.js';
import {
  insertEmployer,
  insertOrganisation,
  insertUnits,
  primaryOrganisation,
  unitsOf,
} from '../auth/organisation.repository.js';
import { hashPassword } from '../auth/password.js';
import { insertConsent, insertUser, setUserUnits } from '../auth/users.repository.js';
import {
  BUPYEONG,
  BUPYEONG_AGENCIES,
  BUPYEONG_DEPARTMENTS,
  BUPYEONG_JOB_CENTRE,
  bupyeongDongs,
} from './bupyeong.js';
import { seedBupyeongPlan } from './demo-plan.js';
import {
  REGISTRY_DEMO_FULL,
  REGISTRY_DEMO_SEED,
  REGISTRY_DEMO_SMALL,
  type RegistryDemoCounts,
  seedRegistryDemo,
} from './registry-demo.js';

/** The demo password every demo account shares; printed at first start. Demo data only. */
export const DEMO_PASSWORD = 'ilteo-demo-2019';

/** The demo sign-ins, by role. */
export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@demo.ilteo.kr', name: '김관리 (데모)', units: [] },
  { role: 'planner', email: 'planner@demo.ilteo.kr', name: '이계획 (데모)', units: [] },
  { role: 'reporter', email: 'reporter@demo.ilteo.kr', name: '박실적 (데모)', units: ['dept-jobs'] },
  {
    role: 'counsellor',
    email: 'counsellor@demo.ilteo.kr',
    name: '최상담 (데모)',
    units: ['job-centre', '2306051'],
  },
  { role: 'council', email: 'council@demo.ilteo.kr', name: '윤협의 (데모)', units: [] },
  { role: 'employer', email: 'employer@demo.ilteo.kr', name: '정채용 (데모)', units: [] },
  { role: 'seeker', email: 'seeker@demo.ilteo.kr', name: '한구직 (데모)', units: [] },
] as const;

/** The company of the demo employer account. */
const DEMO_EMPLOYER_NAME = '(데모) 부평정밀 주식회사';

export interface SeedResult {
  created: boolean;
  accounts: { role: string; email: string }[];
}

/** How much of the registry (seekers, employers, vacancies) the demo gets. */
export interface SeedDemoOptions {
  /**
   * `full` (the default: `npm start`, `ilteo seed --demo`): about 2,000 seekers, 300 employers
   * and 800 vacancies; `small` (every test app): 40, 20 and 60; `none`: the accounts only.
   */
  registry?: 'full' | 'small' | 'none';
}

/**
 * Seeds the Bupyeong demo organisation, its units, one demo account per role, the 2019 plan and
 * the demo registry, on a database that has no organisation yet. Running it again changes nothing.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedResult> {
  const registrySize =
    options.registry === 'none'
      ? null
      : options.registry === 'small'
        ? REGISTRY_DEMO_SMALL
        : REGISTRY_DEMO_FULL;
  if (await primaryOrganisation(db.kysely)) return { created: false, accounts: [] };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  await db.kysely.transaction().execute(async (trx) => {
    const orgId = await insertOrganisation(trx, { ...BUPYEONG, isDemo: true, now });
    await insertUnits(trx, orgId, [
      ...BUPYEONG_DEPARTMENTS.map((d) => ({ ...d, kind: 'department' as const })),
      ...BUPYEONG_AGENCIES.map((a) => ({ ...a, kind: 'agency' as const })),
      { ...BUPYEONG_JOB_CENTRE, kind: 'job_centre' as const },
      ...bupyeongDongs().map((d) => ({
        code: d.code,
        name: `${d.name} 행정복지센터`,
        nameEn: `${d.nameEn} Community Centre`,
        kind: 'dong_centre' as const,
      })),
    ]);
    const units = await unitsOf(trx, orgId);
    const userIds = new Map<string, number>();
    const employerId = await insertEmployer(trx, {
      organisationId: orgId,
      name: DEMO_EMPLOYER_NAME,
      isDemo: true,
      now,
    });
    for (const account of DEMO_ACCOUNTS) {
      const userId = await insertUser(trx, {
        organisation_id: orgId,
        email: account.email,
        password_hash: passwordHash,
        name: account.name,
        role: account.role,
        employer_id: account.role === 'employer' ? employerId : null,
        locale: 'ko',
        status: 'active',
        password_changed_at: now,
        is_demo: 1,
        created_at: now,
        updated_at: now,
      });
      userIds.set(account.role, userId);
      await setUserUnits(
        trx,
        userId,
        account.units.map((code) => units.find((u) => u.code === code)!.id),
      );
      if (account.role === 'seeker' || account.role === 'employer') {
        for (const consent of SIGN_UP_CONSENTS) {
          await insertConsent(trx, {
            userId,
            purpose: consent.purpose,
            version: consent.version,
            grantedAt: now,
          });
        }
      }
    }
    const planner = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'planner@demo.ilteo.kr')
      .executeTakeFirstOrThrow();
    const planId = await seedBupyeongPlan(trx, orgId, units, planner.id, now);
    let registry: RegistryDemoCounts | null = null;
    if (registrySize) {
      registry = await seedRegistryDemo(trx, {
        ...registrySize,
        seed: REGISTRY_DEMO_SEED,
        now,
        organisationId: orgId,
        deskUnitIds: units
          .filter((u) => u.kind === 'job_centre' || u.kind === 'dong_centre')
          .map((u) => u.id),
        accountEmployer: {
          id: employerId,
          name: DEMO_EMPLOYER_NAME,
          userId: userIds.get('employer') ?? null,
        },
        accountSeeker: {
          name: DEMO_ACCOUNTS.find((a) => a.role === 'seeker')!.name,
          userId: userIds.get('seeker')!,
        },
      });
    }
    await insertAudit(trx, {
      actorUserId: null,
      actorRole: 'system',
      action: 'demo.seed',
      entityType: 'organisation',
      entityId: orgId,
      after: {
        code: BUPYEONG.code,
        units: units.length,
        accounts: DEMO_ACCOUNTS.length,
        planId,
        registry,
      },
      requestId: null,
    });
  });
  return { created: true, accounts: DEMO_ACCOUNTS.map((a) => ({ role: a.role, email: a.email })) };
}
