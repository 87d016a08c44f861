import type { EmployerRow } from '../../db/tables.js';
import type { Actor, UserActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';

/** Staff who read company profiles and vacancies of every company of their organisation. */
const READING_STAFF = ['admin', 'planner', 'counsellor'] as const;
/** Staff who register and edit companies and post vacancies for them. */
const MANAGING_STAFF = ['admin', 'counsellor'] as const;

/** Whether the actor is staff who see every company of their organisation. */
export function isReadingStaff(actor: Actor): boolean {
  return (READING_STAFF as readonly string[]).includes(actor.kind);
}

/** Whether the actor is staff who manage every company of their organisation. */
export function isManagingStaff(actor: Actor): boolean {
  return (MANAGING_STAFF as readonly string[]).includes(actor.kind);
}

/** Whether the actor is the employer account of this company. */
export function isOwnCompany(actor: Actor, employerId: number): boolean {
  return actor.kind === 'employer' && actor.employerId !== null && actor.employerId === employerId;
}

/** Company lists and registering companies are staff work; an employer uses its own profile. */
export function checkStaff(actor: UserActor, managing: boolean): void {
  if (!(managing ? isManagingStaff(actor) : isReadingStaff(actor))) throw new AppError('FORBIDDEN');
}

/**
 * A company is visible to staff of its organisation and to its own employer account; for anyone
 * else it does not exist (404: other companies' profiles are not even confirmed).
 */
export function checkEmployerReadable(actor: UserActor, row: EmployerRow | undefined): EmployerRow {
  if (!row || row.organisation_id !== actor.organisationId) throw new AppError('NOT_FOUND');
  if (!isReadingStaff(actor) && !isOwnCompany(actor, row.id)) throw new AppError('NOT_FOUND');
  return row;
}

/** A company is edited by managing staff of its organisation or by its own employer account. */
export function checkEmployerEditable(actor: UserActor, row: EmployerRow | undefined): EmployerRow {
  const visible = checkEmployerReadable(actor, row);
  if (!isManagingStaff(actor) && !isOwnCompany(actor, visible.id)) throw new AppError('FORBIDDEN');
  return visible;
}
