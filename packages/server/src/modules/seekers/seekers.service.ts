import {
  type FieldError,
  SEEKER_CONSENT_TEXTS,
  type Seeker,
  type SeekerConsentPurpose,
  type SeekerCreateBody,
  type SeekerPatch,
  type SeekerProfileInput,
  type SeekerSelfCreateBody,
} from '@ilteo/shared';
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database, SeekerRow } from '../../db/tables.js';
import type { Ctx, UserActor } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { ageRulesOf } from '../privacy/settings.js';
import { recordChange } from '../search/change-log.js';
import { checkSeeker, inputOf, writeSeeker } from './seekers.commands.js';
import { canUseDesk, requireSeekerUser, requireServiceConsent, requireStaffOf } from './seekers.policy.js';
import {
  parsedColumns,
  presentSeeker,
  redactedSeeker,
  type SeekerLabels,
  servicesWithdrawn,
  standingPurposes,
} from './seekers.presenter.js';
import * as repo from './seekers.repository.js';

/** A seeker's own reads move their last activity forward at most this often. */
const TOUCH_EVERY_MS = 24 * 3_600_000;

/** Labels of the taxonomy items and the dong a profile refers to. */
async function labelsFor(k: Kysely<Database>, row: SeekerRow): Promise<SeekerLabels> {
  const cols = parsedColumns(row);
  const items = new Map<string, string>();
  const byKind = {
    occupation: [...cols.desiredOccupations, ...cols.careers.map((c) => c.occupation)],
    skill: cols.skills,
    certificate: cols.certificates,
  };
  for (const [kind, refs] of Object.entries(byKind) as [keyof typeof byKind, typeof cols.skills][]) {
    if (refs.length === 0) continue;
    const found = await repo.itemsWithCodes(
      k,
      kind,
      refs.map((r) => r.code),
    );
    for (const f of found) items.set(`${kind}|${f.scheme}|${f.code}`, f.label);
  }
  const dongs = new Map<string, string>();
  if (row.home_dong_code) {
    const found = await repo.dongsWithCodes(k, [row.home_dong_code]);
    const dong = found.find((d) => d.scheme === row.home_region_scheme) ?? found[0];
    if (dong) dongs.set(dong.code, dong.name);
  }
  return { items, dongs };
}

/** The full profile of a seeker as stored now. */
export async function loadSeeker(k: Kysely<Database>, id: number): Promise<Seeker> {
  const row = await repo.findSeeker(k, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [consents, labels, ageRules] = await Promise.all([
    repo.consentRecordsOf(k, [id]),
    labelsFor(k, row),
    ageRulesOf(k, row.organisation_id),
  ]);
  return presentSeeker(row, consents, labels, ageRules);
}

async function ensureValid(
  k: Kysely<Database>,
  organisationId: number,
  input: SeekerProfileInput,
  sensitive: boolean,
  extra: FieldError[] = [],
): Promise<void> {
  const errors = [...extra, ...(await checkSeeker(k, organisationId, input, { sensitive }))];
  if (errors.length) throw validationError(errors);
}

/* The seeker's own profile. */

/** The signed-in seeker's profile (404 before they register); a read counts as activity once a day. */
export async function getOwnSeeker(ctx: Ctx): Promise<Seeker> {
  const actor = requireSeekerUser(ctx.actor);
  const k = ctx.db.kysely;
  const row = await repo.findSeekerOfUser(k, actor.userId);
  if (!row) throw new AppError('NOT_FOUND');
  const now = new Date();
  if (now.getTime() - Date.parse(row.last_active_at) > TOUCH_EVERY_MS) {
    await k.transaction().execute(async (trx) => {
      await repo.touchSeeker(trx, row.id, now.toISOString());
      await recordChange(trx, 'seeker', row.id);
    });
  }
  return loadSeeker(k, row.id);
}

/** A signed-in seeker registers themself, with their consents. */
export async function createOwnSeeker(ctx: Ctx, body: SeekerSelfCreateBody): Promise<Seeker> {
  const actor = requireSeekerUser(ctx.actor);
  const k = ctx.db.kysely;
  if (await repo.findSeekerOfUser(k, actor.userId)) throw new AppError('SEEKER_PROFILE_EXISTS');
  const { consents, ...input } = body;
  await ensureValid(k, actor.organisationId, input, consents.sensitive);
  try {
    const id = await k.transaction().execute((trx) =>
      writeSeeker(ctx, trx, {
        organisationId: actor.organisationId,
        input,
        consents,
        registeredBy: 'self',
        userId: actor.userId,
      }),
    );
    return loadSeeker(k, id);
  } catch (error) {
    // The same person registering twice at once: the second meets the unique user_id.
    if (isUniqueViolation(error)) throw new AppError('SEEKER_PROFILE_EXISTS');
    throw error;
  }
}

/** The signed-in seeker changes their profile. */
export async function patchOwnSeeker(ctx: Ctx, patch: SeekerPatch): Promise<Seeker> {
  const actor = requireSeekerUser(ctx.actor);
  const row = await repo.findSeekerOfUser(ctx.db.kysely, actor.userId);
  if (!row) throw new AppError('NOT_FOUND');
  return patchSeeker(ctx, row, patch);
}

/** The signed-in seeker gives or withdraws a consent. */
export async function setOwnConsent(
  ctx: Ctx,
  body: { purpose: SeekerConsentPurpose; granted: boolean },
): Promise<Seeker> {
  const actor = requireSeekerUser(ctx.actor);
  const row = await repo.findSeekerOfUser(ctx.db.kysely, actor.userId);
  if (!row) throw new AppError('NOT_FOUND');
  await changeConsent(ctx, row.id, body, null);
  return loadSeeker(ctx.db.kysely, row.id);
}

/* Staff: desk intake and audited full-profile reads. */

function requireStaff(ctx: Ctx): UserActor {
  const actor = requireUser(ctx.actor);
  if (actor.kind !== 'admin' && actor.kind !== 'counsellor') throw new AppError('FORBIDDEN');
  return actor;
}

/**
 * A counsellor registers a seeker at a desk: one of their own units (their first one when none is
 * named); an admin at any desk of the organisation. The counsellor records the consents.
 */
export async function createDeskSeeker(ctx: Ctx, body: SeekerCreateBody): Promise<Seeker> {
  const actor = requireStaff(ctx);
  const k = ctx.db.kysely;
  const { consents, intakeNote, deskUnitId, ...input } = body;
  const deskId = deskUnitId ?? (actor.kind === 'counsellor' ? actor.unitIds[0] : undefined);
  const extra: FieldError[] = [];
  if (deskId !== undefined && !canUseDesk(actor, await repo.findUnit(k, actor.organisationId, deskId))) {
    extra.push(fieldError('deskUnitId', 'unknown_desk'));
  }
  await ensureValid(k, actor.organisationId, input, consents.sensitive, extra);
  const id = await k.transaction().execute((trx) =>
    writeSeeker(ctx, trx, {
      organisationId: actor.organisationId,
      input,
      consents,
      registeredBy: 'desk',
      deskUnitId: deskId ?? null,
      intakeNote: intakeNote ?? null,
    }),
  );
  return loadSeeker(k, id);
}

/** A staff member reads a full profile; every read is audited (ids only, no personal data). */
export async function readSeekerAsStaff(ctx: Ctx, id: number): Promise<Seeker> {
  const k = ctx.db.kysely;
  const row = await repo.findSeeker(k, id);
  requireStaffOf(ctx.actor, row);
  requireServiceConsent(servicesWithdrawn(await repo.consentRecordsOf(k, [id])));
  const seeker = await loadSeeker(k, id);
  await audit(ctx, { action: 'seeker.read', entityType: 'seeker', entityId: id });
  return seeker;
}

/** A staff member edits a profile. */
export async function patchSeekerAsStaff(ctx: Ctx, id: number, patch: SeekerPatch): Promise<Seeker> {
  const row = await repo.findSeeker(ctx.db.kysely, id);
  requireStaffOf(ctx.actor, row);
  requireServiceConsent(servicesWithdrawn(await repo.consentRecordsOf(ctx.db.kysely, [id])));
  return patchSeeker(ctx, row, patch);
}

/** A staff member records a consent given or withdrawn (at the desk, by phone, on paper). */
export async function setConsentAsStaff(
  ctx: Ctx,
  id: number,
  body: { purpose: SeekerConsentPurpose; granted: boolean },
): Promise<Seeker> {
  const row = await repo.findSeeker(ctx.db.kysely, id);
  requireStaffOf(ctx.actor, row);
  await changeConsent(ctx, id, body, ctx.actor.userId);
  const seeker = await loadSeeker(ctx.db.kysely, id);
  const records = seeker.consents.map((c) => ({ purpose: c.purpose, withdrawn_at: c.withdrawnAt }));
  if (servicesWithdrawn(records)) {
    return redactedSeeker(seeker);
  }
  await audit(ctx, { action: 'seeker.read', entityType: 'seeker', entityId: id });
  return seeker;
}

/* Shared by the seeker's and the staff's routes. */

async function patchSeeker(ctx: Ctx, row: SeekerRow, patch: SeekerPatch): Promise<Seeker> {
  const k = ctx.db.kysely;
  const { version, status, ...fields } = patch;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const input = { ...inputOf(row), ...defined } as SeekerProfileInput;
  const records = await repo.consentRecordsOf(k, [row.id]);
  const standing = standingPurposes(records);
  const extra =
    status === 'active' && servicesWithdrawn(records)
      ? [fieldError('status', 'employment_consent_required')]
      : [];
  await ensureValid(k, row.organisation_id, input, standing.has('sensitive'), extra);
  await k.transaction().execute((trx) =>
    writeSeeker(ctx, trx, {
      id: row.id,
      organisationId: row.organisation_id,
      input,
      registeredBy: row.registered_by,
      version,
      ...(status ? { status } : {}),
    }),
  );
  return loadSeeker(k, row.id);
}

/**
 * Gives or withdraws one consent, and stops the processing it covered at once: withdrawing
 * `sensitive` erases the disability; withdrawing `employment_services` withdraws the other two
 * with it and makes the seeker inactive (staff can no longer open the profile; the retention job
 * removes it). `recommendation` is read by matching from the consent records (seekerConsentsOf).
 * Optional consents need the employment-services one.
 */
async function changeConsent(
  ctx: Ctx,
  seekerId: number,
  body: { purpose: SeekerConsentPurpose; granted: boolean },
  recordedBy: number | null,
): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = (await repo.findSeeker(trx, seekerId))!;
    const standing = standingPurposes(await repo.consentRecordsOf(trx, [seekerId]));
    if (standing.has(body.purpose) === body.granted) return;
    const now = new Date().toISOString();
    let groups = parsedColumns(row).groups;
    let status = row.status;
    if (body.granted) {
      if (body.purpose !== 'employment_services' && !standing.has('employment_services')) {
        throw validationError([fieldError('purpose', 'employment_consent_required')]);
      }
      await repo.insertConsentRecord(trx, {
        seekerId,
        purpose: body.purpose,
        version: SEEKER_CONSENT_TEXTS[body.purpose].version,
        at: now,
        recordedBy,
      });
      if (body.purpose === 'employment_services' && status === 'inactive') status = 'active';
    } else {
      const withdrawn = body.purpose === 'employment_services' ? [...standing] : [body.purpose];
      await repo.withdrawConsentRecords(trx, seekerId, withdrawn, now);
      if (withdrawn.includes('sensitive')) groups = groups.filter((g) => g !== 'disabled');
      if (body.purpose === 'employment_services') status = 'inactive';
    }
    await repo.updateSeeker(trx, seekerId, {
      groups: JSON.stringify(groups),
      status,
      updated_at: now,
      last_active_at: now,
    });
    await recordChange(trx, 'seeker', seekerId);
    const after = standingPurposes(await repo.consentRecordsOf(trx, [seekerId]));
    await audit(
      ctx,
      {
        action: body.granted ? 'seeker.consent_given' : 'seeker.consent_withdrawn',
        entityType: 'seeker',
        entityId: seekerId,
        before: { consents: [...standing].sort(), status: row.status },
        after: {
          purpose: body.purpose,
          version: SEEKER_CONSENT_TEXTS[body.purpose].version,
          consents: [...after].sort(),
          status,
        },
      },
      trx,
    );
  });
}
