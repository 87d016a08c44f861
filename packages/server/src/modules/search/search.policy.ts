import type { Actor, UserActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { requireUser } from '../auth/auth.policy.js';

/** Who works with the registry at a desk: counsellors and admins. */
const DESK_STAFF = ['admin', 'counsellor'] as const;

/** Whether the actor is desk staff (may see vacancies other than open ones, and search seekers). */
export function isDeskStaff(actor: Actor): actor is UserActor {
  return (DESK_STAFF as readonly string[]).includes(actor.kind) && actor.organisationId !== null;
}

/** Desk staff only: the seeker search shows people, masked, of the staff's own organisation. */
export function requireSeekerSearch(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!isDeskStaff(user)) throw new AppError('FORBIDDEN');
  return user;
}
