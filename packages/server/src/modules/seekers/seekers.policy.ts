import type { SeekerRow } from '../../db/tables.js';
import type { Actor, UserActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { requireUser } from '../auth/auth.policy.js';

/** Staff (counsellors, admins) of the seeker's own organisation; others are told it does not exist. */
export function requireStaffOf(actor: Actor, seeker: SeekerRow | undefined): asserts seeker is SeekerRow {
  const user = requireUser(actor);
  if (user.kind !== 'admin' && user.kind !== 'counsellor') throw new AppError('FORBIDDEN');
  if (!seeker || seeker.organisation_id !== user.organisationId) throw new AppError('NOT_FOUND');
}

/**
 * Once the employment-services consent is withdrawn, staff no longer read or edit the profile:
 * it waits, inactive, for the retention job. Recording a consent given again stays possible.
 */
export function requireServiceConsent(withdrawn: boolean): void {
  if (withdrawn) throw new AppError('SEEKER_CONSENT_WITHDRAWN');
}

/** The signed-in seeker. */
export function requireSeekerUser(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (user.kind !== 'seeker') throw new AppError('FORBIDDEN');
  return user;
}

/** The desk kinds a seeker can be registered at. */
export const DESK_KINDS = ['dong_centre', 'job_centre'] as const;

/**
 * Whether a staff member may register a seeker at a desk: a counsellor at one of their own
 * units, an admin at any desk of the organisation.
 */
export function canUseDesk(actor: UserActor, unit: { id: number; kind: string } | undefined): boolean {
  if (!unit || !(DESK_KINDS as readonly string[]).includes(unit.kind)) return false;
  return actor.kind === 'admin' || actor.unitIds.includes(unit.id);
}
