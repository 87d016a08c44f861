import type { Actor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';

/**
 * Taxonomies and regions are reference data every other module codes against: anyone may read
 * them, only operators (the command line) and admins may import them.
 */
export function checkCanImport(actor: Actor): void {
  if (actor.kind !== 'system' && actor.kind !== 'admin') throw new AppError('FORBIDDEN');
}
