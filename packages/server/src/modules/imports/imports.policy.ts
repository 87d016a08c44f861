import type { Actor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';

/**
 * Who imports and exports is settled by the routes' permissions (registry.import,
 * registry.export: admins and counsellors); what they reach is their own organisation's records.
 */
export function organisationOf(actor: Actor): number {
  if (actor.organisationId === null) throw new AppError('FORBIDDEN');
  return actor.organisationId;
}
