import type { STAFF_ROLES } from '@ilteo/shared';
import type { Db } from '../../db/kysely.js';
import { SYSTEM } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { insertOrganisation, primaryOrganisation, unitsOf } from './organisation.repository.js';
import { createStaffIn } from './users.service.js';

const systemCtx = (db: Db) => ({ db, actor: SYSTEM, requestId: `cli-${Date.now()}` });

/** Creates the local government a real deployment serves (DEMO=off); there is one per deployment. */
export async function createOrganisation(db: Db, input: { code: string; name: string; nameEn: string }) {
  if (await primaryOrganisation(db.kysely)) throw new AppError('CONFLICT');
  return db.kysely.transaction().execute(async (trx) => {
    const id = await insertOrganisation(trx, { ...input, isDemo: false, now: new Date().toISOString() });
    await audit(
      systemCtx(db),
      { action: 'organisation.create', entityType: 'organisation', entityId: id, after: input },
      trx,
    );
    return id;
  });
}

/** Creates a staff account from the command line, naming units by code. */
export async function createUserAsSystem(
  db: Db,
  input: {
    role: (typeof STAFF_ROLES)[number];
    email: string;
    password: string;
    name: string;
    unitCodes: string[];
  },
) {
  const org = await primaryOrganisation(db.kysely);
  if (!org) throw new AppError('NOT_FOUND');
  const units = await unitsOf(db.kysely, org.id);
  const unitIds = input.unitCodes.map((code, i) => {
    const unit = units.find((u) => u.code === code);
    if (!unit) throw validationError([fieldError(`unit.${i}`, 'invalid_value')]);
    return unit.id;
  });
  return createStaffIn(systemCtx(db), org.id, { ...input, unitIds });
}
