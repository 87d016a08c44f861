import { type EmployerInput, type FieldError, normalisePhone } from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { Database, EmployerRow } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChange } from '../search/change-log.js';
import { maskContact, type StoredContact } from './employers.presenter.js';
import * as repo from './employers.repository.js';
import { checkPlace, placeColumns } from './place.js';

/**
 * Every rule about a company profile beyond its zod schema: the dong exists in the region scheme,
 * and no other company of the organisation has the business number (`business_number_taken`).
 */
export async function checkEmployer(
  k: Kysely<Database>,
  organisationId: number,
  input: EmployerInput,
  exceptId?: number,
): Promise<FieldError[]> {
  const errors = await checkPlace(k, organisationId, input.place);
  // An imported company may lack a number (고용24 masks some); staff add it later.
  const holder = input.businessNumber
    ? await findEmployerByBusinessNumber(k, organisationId, input.businessNumber)
    : undefined;
  if (holder && holder.id !== exceptId) errors.unshift(businessNumberTakenError());
  return errors;
}

/** The field error of a business number another company of the organisation holds. */
export function businessNumberTakenError(): FieldError {
  return fieldError('businessNumber', 'business_number_taken');
}

/** The company of an organisation with a business number (ten digits, hyphens allowed). */
export async function findEmployerByBusinessNumber(
  k: Kysely<Database>,
  organisationId: number,
  digits: string,
): Promise<{ id: number; name: string } | undefined> {
  return repo.employerByBusinessNumber(k, organisationId, digits.replace(/[\s-]/g, ''));
}

/** What the audit log keeps of a profile: contact people masked. */
export function auditedProfile(input: EmployerRecord | EmployerRow): Record<string, unknown> {
  if ('organisation_id' in input) {
    const { contacts, ...rest } = input;
    return { ...rest, contacts: (JSON.parse(contacts) as StoredContact[]).map(maskContact) };
  }
  return { ...input, contacts: input.contacts.map(storedContact).map(maskContact) };
}

function storedContact(c: EmployerRecord['contacts'][number]): StoredContact {
  return {
    name: c.name,
    ...(c.position ? { position: c.position } : {}),
    ...(c.phone ? { phone: normalisePhone(c.phone) ?? c.phone } : {}),
    ...(c.email ? { email: c.email } : {}),
  };
}

/**
 * A company as written: a full profile, or what an import knows of a company that staff complete
 * later (a 고용24 posting gives no 대표자 or size, and may mask the business number).
 */
export type EmployerRecord = Omit<
  EmployerInput,
  'businessNumber' | 'representative' | 'industry' | 'size'
> & {
  businessNumber: string | null;
  representative: string | null;
  industry: EmployerInput['industry'] | null;
  size: EmployerInput['size'] | null;
};

/**
 * Inserts a company (no id) or overwrites its profile (id; with `version`, only if it is still the
 * one the caller read, else 409). Coordinates default to the dong's centroid. Records the change
 * for the search and audits it. Call `checkEmployer` first; a business number taken by a
 * concurrent write surfaces as the database's unique violation (see `isUniqueViolation`).
 */
export async function writeEmployer(
  ctx: Ctx,
  trx: Kysely<Database>,
  args: { id?: number; organisationId: number; input: EmployerRecord; isDemo?: boolean; version?: number },
): Promise<number> {
  const { input, organisationId } = args;
  const now = new Date().toISOString();
  const columns = {
    business_number: input.businessNumber?.replace(/[\s-]/g, '') || null,
    name: input.name,
    representative: input.representative,
    industry: input.industry,
    size: input.size,
    ...(await placeColumns(trx, organisationId, input.place)),
    flags: JSON.stringify([...new Set(input.flags)]),
    homepage: input.homepage ?? null,
    description: input.description || null,
    contacts: JSON.stringify(input.contacts.map(storedContact)),
    updated_at: now,
  };
  if (args.id === undefined) {
    const id = await repo.insertEmployerRow(trx, {
      ...columns,
      organisation_id: organisationId,
      is_demo: args.isDemo ? 1 : 0,
      created_at: now,
    });
    await recordChange(trx, 'employer', id);
    await audit(
      ctx,
      { action: 'employer.create', entityType: 'employer', entityId: id, after: auditedProfile(input) },
      trx,
    );
    return id;
  }
  const before = await repo.findEmployer(trx, args.id);
  if (!before || before.organisation_id !== organisationId) throw new AppError('NOT_FOUND');
  if (!(await repo.updateEmployerRow(trx, args.id, args.version, columns))) throw new AppError('CONFLICT');
  await recordChange(trx, 'employer', args.id);
  await audit(
    ctx,
    {
      action: 'employer.update',
      entityType: 'employer',
      entityId: args.id,
      before: auditedProfile(before),
      after: auditedProfile(input),
    },
    trx,
  );
  return args.id;
}
