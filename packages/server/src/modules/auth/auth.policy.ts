import { type FieldError, ROLE_UNIT_KINDS, type Role, STAFF_ROLES } from '@ilteo/shared';
import type { UnitRow, UserRow } from '../../db/tables.js';
import type { UserActor } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';

/**
 * Checks that the units given to a staff account fit its role: reporters belong to a department or
 * partner agency, counsellors to desks (dong centres or the job centre); admins and planners to none.
 */
export function checkUnitsForRole(role: Role, unitIds: number[], orgUnits: UnitRow[]): void {
  const allowed = ROLE_UNIT_KINDS[role];
  const errors: FieldError[] = [];
  if (!allowed) {
    if (unitIds.length) errors.push(fieldError('unitIds', 'invalid_value'));
  } else {
    if (unitIds.length === 0) errors.push(fieldError('unitIds', 'required'));
    unitIds.forEach((id, i) => {
      const unit = orgUnits.find((u) => u.id === id);
      if (!unit || !allowed.includes(unit.kind)) errors.push(fieldError(`unitIds.${i}`, 'invalid_value'));
    });
  }
  if (errors.length) throw validationError(errors);
}

/** An admin manages accounts of their own organisation only, and cannot lock themself out. */
export function checkCanChangeUser(
  actor: UserActor,
  target: UserRow,
  change: { role?: Role | undefined; status?: string | undefined },
): void {
  if (target.organisation_id !== actor.organisationId) throw new AppError('NOT_FOUND');
  if (
    target.id === actor.userId &&
    ((change.role && change.role !== 'admin') || change.status === 'disabled')
  ) {
    throw validationError([fieldError(change.role ? 'role' : 'status', 'invalid_value')]);
  }
  const isStaff = (STAFF_ROLES as readonly string[]).includes(target.role);
  if (change.role && !isStaff) throw validationError([fieldError('role', 'invalid_value')]);
}

/** Narrows an actor to a signed-in user, or refuses. */
export function requireUser(actor: { kind: string; userId: number | null; organisationId: number | null }) {
  if (actor.kind === 'public' || actor.userId === null || actor.organisationId === null) {
    throw new AppError('UNAUTHENTICATED');
  }
  return actor as UserActor;
}
