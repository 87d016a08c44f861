import type { Actor, UserActor } from '../../http/context.js';
import { requireUser } from '../auth/auth.policy.js';

/** The analytics are aggregates of the actor's own organisation; the route's permission says who. */
export function requireAnalyticsReader(actor: Actor): UserActor {
  return requireUser(actor);
}
