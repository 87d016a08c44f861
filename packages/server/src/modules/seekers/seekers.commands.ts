import {
  type FieldError,
  type ItemRef,
  monthlyEquivalent,
  normalisePhone,
  SEEKER_CONSENT_PURPOSES,
  SEEKER_CONSENT_TEXTS,
  type SeekerConsentPurpose,
  type SeekerCreateBody,
  type SeekerProfileInput,
  type SeekerStatus,
} from '@ilteo/shared';
import type { Insertable, Kysely } from 'kysely';
import type { Database, SeekerRow, SeekerTable } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChange } from '../search/change-log.js';
import { auditableSeeker, standingPurposes } from './seekers.presenter.js';
import * as repo from './seekers.repository.js';

type TaxonomyKind = 'occupation' | 'skill' | 'certificate';

/**
 * Every rule of a seeker's profile beyond the zod schema: occupation, skill and certificate codes
 * exist in their taxonomy (`unknown_item`), the home dong exists (`unknown_region`), and
 * `disabled` is declared only with the sensitive consent (`sensitive_consent_required`, on
 * `groups`). Field paths are relative to the input, e.g. `desiredOccupations.0.code`.
 */
export async function checkSeeker(
  k: Kysely<Database>,
  _organisationId: number,
  input: SeekerProfileInput,
  consents: { sensitive: boolean },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const refs: { field: string; kind: TaxonomyKind; ref: ItemRef }[] = [
    ...input.desiredOccupations.map((ref, i) => ({
      field: `desiredOccupations.${i}.code`,
      kind: 'occupation' as const,
      ref,
    })),
    ...(input.skills ?? []).map((ref, i) => ({ field: `skills.${i}.code`, kind: 'skill' as const, ref })),
    ...(input.certificates ?? []).map((ref, i) => ({
      field: `certificates.${i}.code`,
      kind: 'certificate' as const,
      ref,
    })),
    ...(input.careers ?? []).map((c, i) => ({
      field: `careers.${i}.occupation.code`,
      kind: 'occupation' as const,
      ref: c.occupation,
    })),
  ];
  for (const kind of ['occupation', 'skill', 'certificate'] as const) {
    const wanted = refs.filter((r) => r.kind === kind);
    if (wanted.length === 0) continue;
    const found = await repo.itemsWithCodes(
      k,
      kind,
      wanted.map((r) => r.ref.code),
    );
    const known = new Set(found.map((f) => `${f.scheme}|${f.code}`));
    for (const r of wanted) {
      if (!known.has(`${r.ref.scheme}|${r.ref.code}`)) {
        errors.push(fieldError(r.field, 'unknown_item', { value: r.ref.code }));
      }
    }
  }
  if (input.homeDongCode) {
    const dongs = await repo.dongsWithCodes(k, [input.homeDongCode]);
    if (dongs.length === 0)
      errors.push(fieldError('homeDongCode', 'unknown_region', { value: input.homeDongCode }));
  }
  if ((input.groups ?? []).includes('disabled') && !consents.sensitive) {
    errors.push(fieldError('groups', 'sensitive_consent_required'));
  }
  return errors;
}

/** The consent purposes that currently stand for each of some seekers (absent: none stands). */
export async function seekerConsentsOf(
  k: Kysely<Database>,
  seekerIds: number[],
): Promise<Map<number, Set<SeekerConsentPurpose>>> {
  const out = new Map<number, Set<SeekerConsentPurpose>>();
  for (const record of await repo.consentRecordsOf(k, seekerIds)) {
    if (record.withdrawn_at !== null) continue;
    const set = out.get(record.seeker_id) ?? new Set<SeekerConsentPurpose>();
    set.add(record.purpose);
    out.set(record.seeker_id, set);
  }
  return out;
}

/** The columns a profile input fills; `disabled` is dropped unless the sensitive consent stands. */
async function profileColumns(k: Kysely<Database>, input: SeekerProfileInput, sensitive: boolean) {
  const dong = input.homeDongCode ? (await repo.dongsWithCodes(k, [input.homeDongCode]))[0] : undefined;
  const groups = (input.groups ?? []).filter((g) => sensitive || g !== 'disabled');
  return {
    name: input.name,
    birth_year: input.birthYear,
    gender: input.gender ?? null,
    phone: input.phone ? (normalisePhone(input.phone) ?? input.phone.replace(/\D/g, '')) : null,
    email: input.email ?? null,
    desired_occupations: JSON.stringify(input.desiredOccupations.map(refOf)),
    skills: JSON.stringify((input.skills ?? []).map(refOf)),
    certificates: JSON.stringify((input.certificates ?? []).map(refOf)),
    education: input.education ?? 'high',
    careers: JSON.stringify(
      (input.careers ?? []).map((c) => ({
        occupation: refOf(c.occupation),
        months: c.months,
        ...(c.company ? { company: c.company } : {}),
      })),
    ),
    wage_type: input.desiredWage?.type ?? null,
    wage_amount: input.desiredWage?.amount ?? null,
    wage_monthly: input.desiredWage
      ? monthlyEquivalent(input.desiredWage.type, input.desiredWage.amount)
      : null,
    wage_firm: input.wageFirm ? 1 : 0,
    weekly_hours: input.weeklyHours ?? null,
    shifts: JSON.stringify(input.shifts ?? []),
    employment_types: JSON.stringify(input.employmentTypes ?? []),
    home_region_scheme: dong?.scheme ?? null,
    home_dong_code: dong ? input.homeDongCode! : null,
    commute_km: input.commuteKm ?? 10,
    available_from: input.availableFrom ?? null,
    groups: JSON.stringify(groups),
  };
}

function refOf(ref: ItemRef): ItemRef {
  return { scheme: ref.scheme, code: ref.code };
}

export interface WriteSeekerArgs {
  id?: number;
  organisationId: number;
  input: SeekerProfileInput;
  consents?: SeekerCreateBody['consents'];
  registeredBy: 'self' | 'desk' | 'import';
  userId?: number | null;
  deskUnitId?: number | null;
  intakeNote?: string | null;
  isDemo?: boolean;
  /** On update: the version the caller read (409 CONFLICT if it moved on); absent: overwrite. */
  version?: number;
  /** On update: a new status. */
  status?: SeekerStatus;
}

/**
 * Writes a seeker's profile: a new one with its consent records (no id), or the profile of an
 * existing one (id; its consents change only through the consent routes). Records the change
 * for the search indexes and audits it (contact data masked). Call inside a transaction after
 * `checkSeeker`.
 */
export async function writeSeeker(ctx: Ctx, trx: Kysely<Database>, args: WriteSeekerArgs): Promise<number> {
  const now = new Date().toISOString();
  if (args.id === undefined) {
    const given = SEEKER_CONSENT_PURPOSES.filter((p) => args.consents?.[p] === true);
    const row: Insertable<SeekerTable> = {
      ...(await profileColumns(trx, args.input, given.includes('sensitive'))),
      organisation_id: args.organisationId,
      user_id: args.userId ?? null,
      status: args.status ?? 'active',
      registered_by: args.registeredBy,
      desk_unit_id: args.deskUnitId ?? null,
      intake_note: args.intakeNote ?? null,
      is_demo: args.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
      last_active_at: now,
    };
    const id = await repo.insertSeeker(trx, row);
    // A seeker's own consent has no recorder; at a desk or an import, the staff member is.
    const recordedBy = args.registeredBy === 'self' ? null : ctx.actor.userId;
    for (const purpose of given) {
      await repo.insertConsentRecord(trx, {
        seekerId: id,
        purpose,
        version: SEEKER_CONSENT_TEXTS[purpose].version,
        at: now,
        recordedBy,
      });
    }
    await recordChange(trx, 'seeker', id);
    const created = (await repo.findSeeker(trx, id))!;
    await audit(
      ctx,
      {
        action: 'seeker.create',
        entityType: 'seeker',
        entityId: id,
        after: {
          ...auditableSeeker(created),
          registeredBy: args.registeredBy,
          consents: given.map((p) => `${p}@${SEEKER_CONSENT_TEXTS[p].version}`),
        },
      },
      trx,
    );
    return id;
  }

  const before = await repo.findSeeker(trx, args.id);
  if (!before) throw new AppError('NOT_FOUND');
  const standing = standingPurposes(await repo.consentRecordsOf(trx, [args.id]));
  const patch = {
    ...(await profileColumns(trx, args.input, standing.has('sensitive'))),
    ...(args.status ? { status: args.status } : {}),
    ...(args.deskUnitId !== undefined ? { desk_unit_id: args.deskUnitId } : {}),
    ...(args.intakeNote !== undefined ? { intake_note: args.intakeNote } : {}),
    updated_at: now,
    last_active_at: now,
  };
  if (args.version !== undefined) {
    if (!(await repo.updateSeekerIfVersion(trx, args.id, args.version, patch)))
      throw new AppError('CONFLICT');
  } else {
    await repo.updateSeeker(trx, args.id, patch);
  }
  await recordChange(trx, 'seeker', args.id);
  const after = (await repo.findSeeker(trx, args.id))!;
  await audit(
    ctx,
    {
      action: 'seeker.update',
      entityType: 'seeker',
      entityId: args.id,
      before: auditableSeeker(before),
      after: auditableSeeker(after),
    },
    trx,
  );
  return args.id;
}

/** A profile as an input again, so a partial update can be checked and written whole. */
export function inputOf(row: SeekerRow): SeekerProfileInput {
  const careers = JSON.parse(row.careers) as SeekerProfileInput['careers'];
  return {
    name: row.name,
    birthYear: row.birth_year,
    ...(row.gender ? { gender: row.gender } : {}),
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.email ? { email: row.email } : {}),
    desiredOccupations: JSON.parse(row.desired_occupations),
    skills: JSON.parse(row.skills),
    certificates: JSON.parse(row.certificates),
    education: row.education as SeekerProfileInput['education'],
    careers,
    ...(row.wage_type && row.wage_amount !== null
      ? { desiredWage: { type: row.wage_type, amount: row.wage_amount } }
      : {}),
    wageFirm: row.wage_firm === 1,
    ...(row.weekly_hours !== null ? { weeklyHours: row.weekly_hours } : {}),
    shifts: JSON.parse(row.shifts),
    employmentTypes: JSON.parse(row.employment_types),
    ...(row.home_dong_code ? { homeDongCode: row.home_dong_code } : {}),
    commuteKm: Number(row.commute_km),
    ...(row.available_from ? { availableFrom: row.available_from } : {}),
    groups: JSON.parse(row.groups),
  };
}

/**
 * Marks a seeker active now (a service given, e.g. a referral or a counselling session): the
 * retention period counts from the last activity. Call inside the transaction of the service.
 */
export async function markSeekerActive(
  trx: Kysely<Database>,
  seekerId: number,
  at = new Date(),
): Promise<void> {
  await repo.touchSeeker(trx, seekerId, at.toISOString());
  await recordChange(trx, 'seeker', seekerId);
}
