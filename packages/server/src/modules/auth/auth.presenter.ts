import type { SessionUser, UnitKind } from '@ilteo/shared';
import type { OrganisationRow, UserRow } from '../../db/tables.js';

export interface UnitOfUser {
  user_id: number;
  id: number;
  name: string;
  name_en: string;
  kind: UnitKind;
}

/** The signed-in user as the client sees them. */
export function presentSessionUser(user: UserRow, org: OrganisationRow, units: UnitOfUser[]): SessionUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisation: { id: org.id, code: org.code, name: org.name },
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
    employerId: user.employer_id,
    locale: user.locale,
    mustChangePassword: user.must_change_password === 1,
  };
}

/** A user in the admin's list. */
export function presentUserListItem(user: UserRow, units: UnitOfUser[]) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    units: units.filter((u) => u.user_id === user.id).map((u) => ({ id: u.id, name: u.name })),
    status: user.status,
    lastSignInAt: user.last_sign_in_at,
    createdAt: user.created_at,
  };
}

/** What the audit log keeps of a user: never the password hash. */
export function auditableUser(user: UserRow, unitIds?: number[]) {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    employerId: user.employer_id,
    ...(unitIds ? { unitIds } : {}),
  };
}
