import type { Kysely } from 'kysely';
import { containsInsensitive, type DialectName } from '../../db/dialect.js';
import type { Database, NewUser, UserRow, UserUpdate } from '../../db/tables.js';

type Q = Kysely<Database>;

/** A user by email (already normalised to lower case). */
export function findUserByEmail(db: Q, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** A user by id. */
export function findUserById(db: Q, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a user and returns its id. */
export async function insertUser(db: Q, user: NewUser): Promise<number> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a user's columns. */
export async function updateUser(db: Q, id: number, patch: UserUpdate): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Counts a failed sign-in atomically and returns the new count. */
export async function incrementFailedAttempts(db: Q, id: number): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_attempts')
    .executeTakeFirstOrThrow();
  return row.failed_attempts;
}

/** The units a user is scoped to, with their names. */
export function unitsOfUsers(db: Q, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_units')
    .innerJoin('units', 'units.id', 'user_units.unit_id')
    .select(['user_units.user_id', 'units.id', 'units.name', 'units.name_en', 'units.kind'])
    .where('user_units.user_id', 'in', userIds)
    .orderBy('units.sort_order')
    .execute();
}

/** Replaces the units a user is scoped to. */
export async function setUserUnits(db: Q, userId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('user_units').where('user_id', '=', userId).execute();
  if (unitIds.length) {
    await db
      .insertInto('user_units')
      .values(unitIds.map((unitId) => ({ user_id: userId, unit_id: unitId })))
      .execute();
  }
}

export interface UserListFilter {
  organisationId: number;
  q?: string | undefined;
  role?: UserRow['role'] | undefined;
}

/** A page of an organisation's users. */
export async function listUsers(
  db: Q,
  dialect: DialectName,
  filter: UserListFilter,
  page: {
    page: number;
    pageSize: number;
    sort: 'createdAt' | 'email' | 'name' | 'role';
    order: 'asc' | 'desc';
  },
) {
  let query = db.selectFrom('users').where('organisation_id', '=', filter.organisationId);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        containsInsensitive(dialect, eb.ref('email'), q),
        containsInsensitive(dialect, eb.ref('name'), q),
      ]),
    );
  }
  const sortColumn = ({ createdAt: 'created_at', email: 'email', name: 'name', role: 'role' } as const)[
    page.sort
  ];
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(sortColumn, page.order)
      .orderBy('id', page.order)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Records a consent. */
export async function insertConsent(
  db: Q,
  consent: { userId: number; purpose: string; version: string; grantedAt: string },
): Promise<void> {
  await db
    .insertInto('consents')
    .values({
      user_id: consent.userId,
      purpose: consent.purpose,
      version: consent.version,
      granted_at: consent.grantedAt,
      withdrawn_at: null,
    })
    .execute();
}

/** A user's consents, oldest first. */
export function consentsOf(db: Q, userId: number) {
  return db.selectFrom('consents').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}
