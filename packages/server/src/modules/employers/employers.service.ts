import type {
  Employer,
  EmployerFlag,
  EmployerInput,
  EmployerPatch,
  EmployerQuery,
  KsicSection,
  VerifyEmployerBody,
} from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database, EmployerRow } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { recordChange } from '../search/change-log.js';
import { businessNumberTakenError, checkEmployer, writeEmployer } from './employers.commands.js';
import {
  checkEmployerEditable,
  checkEmployerReadable,
  checkStaff,
  isOwnCompany,
} from './employers.policy.js';
import {
  contactsFromRow,
  parseJson,
  presentEmployer,
  presentEmployerListItem,
} from './employers.presenter.js';
import * as repo from './employers.repository.js';
import { placeFromColumns } from './place.js';

/** A company profile as the API returns it. */
export async function employerView(k: Kysely<Database>, row: EmployerRow): Promise<Employer> {
  const [names, counts] = await Promise.all([
    repo.regionNames(k, [row]),
    repo.openVacancyCounts(k, [row.id]),
  ]);
  return presentEmployer(row, names, counts.get(row.id) ?? 0);
}

/** The organisation's companies, contact data masked (staff only; an employer uses its own page). */
export async function browseEmployers(ctx: Ctx, query: EmployerQuery) {
  const actor = requireUser(ctx.actor);
  checkStaff(actor, false);
  const k = ctx.db.kysely;
  const { rows, total } = await repo.listEmployers(
    k,
    ctx.db.dialect,
    {
      organisationId: actor.organisationId,
      q: query.q,
      verified: query.verified === undefined ? undefined : query.verified === 'true',
      flag: query.flag,
      industry: query.industry,
      dongCode: query.dongCode,
    },
    query,
  );
  const names = await repo.regionNames(k, rows);
  return {
    items: rows.map((r) => presentEmployerListItem(r, names)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A company's full profile: its own account, or staff (a staff read is audited). */
export async function getEmployer(ctx: Ctx, id: number): Promise<Employer> {
  const actor = requireUser(ctx.actor);
  const row = checkEmployerReadable(actor, await repo.findEmployer(ctx.db.kysely, id));
  if (!isOwnCompany(actor, id)) {
    await audit(ctx, { action: 'employer.read', entityType: 'employer', entityId: id });
  }
  return employerView(ctx.db.kysely, row);
}

/** Runs a profile write; a business number taken by a concurrent write becomes its field error. */
async function writeChecked(ctx: Ctx, work: (trx: Kysely<Database>) => Promise<number>): Promise<number> {
  try {
    return await ctx.db.kysely.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw validationError([businessNumberTakenError()]);
    throw error;
  }
}

/** Staff register a company. */
export async function createEmployer(ctx: Ctx, input: EmployerInput): Promise<Employer> {
  const actor = requireUser(ctx.actor);
  checkStaff(actor, true);
  const errors = await checkEmployer(ctx.db.kysely, actor.organisationId, input);
  if (errors.length) throw validationError(errors);
  const id = await writeChecked(ctx, (trx) =>
    writeEmployer(ctx, trx, { organisationId: actor.organisationId, input }),
  );
  return employerView(ctx.db.kysely, (await repo.findEmployer(ctx.db.kysely, id))!);
}

/** The stored profile as an input; a company registered at sign-up lacks the required fields. */
function inputFromRow(row: EmployerRow): Partial<EmployerInput> {
  return {
    ...(row.business_number ? { businessNumber: row.business_number } : {}),
    name: row.name,
    ...(row.representative ? { representative: row.representative } : {}),
    ...(row.industry ? { industry: row.industry as KsicSection } : {}),
    ...(row.size ? { size: row.size as EmployerInput['size'] } : {}),
    place: placeFromColumns(row),
    flags: parseJson<EmployerFlag[]>(row.flags, []),
    ...(row.homepage ? { homepage: row.homepage } : {}),
    ...(row.description ? { description: row.description } : {}),
    contacts: contactsFromRow(row),
  };
}

const PROFILE_REQUIRED = ['businessNumber', 'representative', 'industry', 'size'] as const;

/**
 * Changes a profile (its own employer account, or managing staff). The fields given replace the
 * stored ones; a company that has only a name yet must give the whole profile.
 */
export async function changeEmployer(ctx: Ctx, id: number, patch: EmployerPatch): Promise<Employer> {
  const actor = requireUser(ctx.actor);
  const k = ctx.db.kysely;
  const row = checkEmployerEditable(actor, await repo.findEmployer(k, id));
  const { version, ...fields } = patch;
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const merged = { ...inputFromRow(row), ...given } as Partial<EmployerInput>;
  const missing = PROFILE_REQUIRED.filter((f) => merged[f] === undefined);
  if (missing.length) throw validationError(missing.map((f) => fieldError(f, 'required')));
  const input = merged as EmployerInput;
  const errors = await checkEmployer(k, row.organisation_id, input, id);
  if (errors.length) throw validationError(errors);
  await writeChecked(ctx, (trx) =>
    writeEmployer(ctx, trx, { id, organisationId: row.organisation_id, input, version }),
  );
  return employerView(k, (await repo.findEmployer(k, id))!);
}

/** Staff verify a company (its business number checked against the registration), or withdraw that. */
export async function verifyEmployer(
  ctx: Ctx,
  id: number,
  body: z.infer<typeof VerifyEmployerBody>,
): Promise<Employer> {
  const actor = requireUser(ctx.actor);
  checkStaff(actor, true);
  const k = ctx.db.kysely;
  const row = checkEmployerReadable(actor, await repo.findEmployer(k, id));
  // Verifying is checking the registration: a company without a business number has nothing to check.
  if (body.verified && !row.business_number) {
    throw validationError([fieldError('businessNumber', 'required')]);
  }
  const now = new Date().toISOString();
  const change = body.verified
    ? { verified_at: row.verified_at ?? now, verified_by: row.verified_at ? row.verified_by : actor.userId }
    : { verified_at: null, verified_by: null };
  await k.transaction().execute(async (trx) => {
    if (!(await repo.updateEmployerRow(trx, id, body.version, { ...change, updated_at: now }))) {
      throw new AppError('CONFLICT');
    }
    await recordChange(trx, 'employer', id);
    await audit(
      ctx,
      {
        action: 'employer.verify',
        entityType: 'employer',
        entityId: id,
        before: { verified: row.verified_at !== null },
        after: { verified: body.verified },
      },
      trx,
    );
  });
  return employerView(k, (await repo.findEmployer(k, id))!);
}
