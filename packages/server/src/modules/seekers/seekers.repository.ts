import type { SeekerConsentPurpose } from '@ilteo/shared';
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, SeekerRow, SeekerTable } from '../../db/tables.js';

type Q = Kysely<Database>;

/** Rows per `in (…)` list: well under both databases' limits on bound parameters. */
const CHUNK = 400;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** A seeker by id. */
export function findSeeker(db: Q, id: number): Promise<SeekerRow | undefined> {
  return db.selectFrom('seekers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The seeker profile of a sign-in account. */
export function findSeekerOfUser(db: Q, userId: number): Promise<SeekerRow | undefined> {
  return db.selectFrom('seekers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Inserts a seeker and returns its id. */
export async function insertSeeker(db: Q, row: Insertable<SeekerTable>): Promise<number> {
  const inserted = await db.insertInto('seekers').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Updates a seeker only if its version is still the one read, and bumps it. Returns false when
 * someone else changed it first.
 */
export async function updateSeekerIfVersion(
  db: Q,
  id: number,
  version: number,
  patch: Updateable<SeekerTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('seekers')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Updates a seeker whatever its version (consents, activity), and bumps the version. */
export async function updateSeeker(db: Q, id: number, patch: Updateable<SeekerTable>): Promise<void> {
  await db
    .updateTable('seekers')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Moves a seeker's last activity forward, without touching the version (nobody's edit is lost). */
export async function touchSeeker(db: Q, id: number, at: string): Promise<void> {
  await db.updateTable('seekers').set({ last_active_at: at }).where('id', '=', id).execute();
}

/** Deletes a seeker and their consent records. */
export async function deleteSeeker(db: Q, id: number): Promise<void> {
  await db.deleteFrom('seeker_consents').where('seeker_id', '=', id).execute();
  await db.deleteFrom('seekers').where('id', '=', id).execute();
}

/** Every consent record of some seekers, oldest first. */
export async function consentRecordsOf(db: Q, seekerIds: number[]) {
  const rows = [];
  for (const chunk of chunks(seekerIds)) {
    rows.push(
      ...(await db
        .selectFrom('seeker_consents')
        .selectAll()
        .where('seeker_id', 'in', chunk)
        .orderBy('id')
        .execute()),
    );
  }
  return rows;
}

/** Records a consent given now. */
export async function insertConsentRecord(
  db: Q,
  record: {
    seekerId: number;
    purpose: SeekerConsentPurpose;
    version: string;
    at: string;
    recordedBy: number | null;
  },
): Promise<void> {
  await db
    .insertInto('seeker_consents')
    .values({
      seeker_id: record.seekerId,
      purpose: record.purpose,
      version: record.version,
      granted_at: record.at,
      withdrawn_at: null,
      recorded_by: record.recordedBy,
    })
    .execute();
}

/** Marks a seeker's standing consents for some purposes withdrawn. */
export async function withdrawConsentRecords(
  db: Q,
  seekerId: number,
  purposes: SeekerConsentPurpose[],
  at: string,
): Promise<void> {
  await db
    .updateTable('seeker_consents')
    .set({ withdrawn_at: at })
    .where('seeker_id', '=', seekerId)
    .where('purpose', 'in', purposes)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/** Taxonomy items of a kind among some codes (any scheme: the caller matches the scheme). */
export async function itemsWithCodes(db: Q, kind: 'occupation' | 'skill' | 'certificate', codes: string[]) {
  const rows = [];
  for (const chunk of chunks([...new Set(codes)])) {
    rows.push(
      ...(await db
        .selectFrom('taxonomy_items')
        .select(['scheme', 'code', 'label'])
        .where('kind', '=', kind)
        .where('code', 'in', chunk)
        .execute()),
    );
  }
  return rows;
}

/** The dongs among some region codes. */
export async function dongsWithCodes(db: Q, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('regions')
    .select(['scheme', 'code', 'name'])
    .where('level', '=', 'dong')
    .where('code', 'in', [...new Set(codes)])
    .orderBy('id')
    .execute();
}

/** A unit of an organisation. */
export function findUnit(db: Q, organisationId: number, unitId: number) {
  return db
    .selectFrom('units')
    .select(['id', 'kind'])
    .where('organisation_id', '=', organisationId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** The ids of an organisation's seekers (for a change of age rules, which regroups them all). */
export async function seekerIdsOf(db: Q, organisationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('seekers')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The seekers the retention job removes: no activity since `cutoff`, or a withdrawn
 * employment-services consent that was not given again.
 */
export async function seekersDueForRemoval(db: Q, organisationId: number, cutoff: string) {
  return db
    .selectFrom('seekers as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select('u.last_sign_in_at as user_last_sign_in_at')
    .where('s.organisation_id', '=', organisationId)
    .where((eb) => {
      const serviceConsents = (standing: boolean) =>
        eb
          .selectFrom('seeker_consents as c')
          .select('c.id')
          .whereRef('c.seeker_id', '=', 's.id')
          .where('c.purpose', '=', 'employment_services')
          .where('c.withdrawn_at', standing ? 'is' : 'is not', null);
      return eb.or([
        eb('s.last_active_at', '<', cutoff),
        eb.and([eb.exists(serviceConsents(false)), eb.not(eb.exists(serviceConsents(true)))]),
      ]);
    })
    .orderBy('s.id')
    .execute();
}
