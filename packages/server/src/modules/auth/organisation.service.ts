import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { primaryOrganisation, unitsOf } from './organisation.repository.js';

/** The local government this deployment serves, with its units; public information. */
export async function getOrganisation(ctx: Ctx) {
  const org = await primaryOrganisation(ctx.db.kysely);
  if (!org) throw new AppError('NOT_FOUND');
  const units = await unitsOf(ctx.db.kysely, org.id);
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    nameEn: org.name_en,
    isDemo: org.is_demo === 1,
    units: units.map((u) => ({ id: u.id, kind: u.kind, code: u.code, name: u.name, nameEn: u.name_en })),
  };
}
