import type { FieldError, PrivacySettings, RetentionReport } from '@ilteo/shared';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { recordChange } from '../search/change-log.js';
import { servicesWithdrawn } from '../seekers/seekers.presenter.js';
import {
  consentRecordsOf,
  deleteSeeker,
  seekerIdsOf,
  seekersDueForRemoval,
} from '../seekers/seekers.repository.js';
import * as repo from './privacy.repository.js';
import { keepServiceRecord } from './retained.js';
import { AGE_RULES_KEY, ageRulesOf, RETENTION_MONTHS_KEY, retentionMonthsOf } from './settings.js';

function organisationOf(ctx: Ctx): number {
  const actor = requireUser(ctx.actor);
  if (actor.kind !== 'admin') throw new AppError('FORBIDDEN');
  return actor.organisationId;
}

/** The organisation's privacy settings: age rules and the retention period. */
export async function getPrivacySettings(ctx: Ctx): Promise<PrivacySettings> {
  const organisationId = organisationOf(ctx);
  const k = ctx.db.kysely;
  return {
    ageRules: await ageRulesOf(k, organisationId),
    retentionMonths: await retentionMonthsOf(k, organisationId),
  };
}

function checkAgeRules(settings: PrivacySettings): FieldError[] {
  const errors: FieldError[] = [];
  settings.ageRules.forEach((rule, i) => {
    if (settings.ageRules.findIndex((r) => r.group === rule.group) !== i) {
      errors.push(fieldError(`ageRules.${i}.group`, 'duplicate_age_group', { value: rule.group }));
    }
    if (rule.max !== null && rule.max < rule.min) {
      errors.push(fieldError(`ageRules.${i}.max`, 'max_below_min', { min: rule.min }));
    }
  });
  return errors;
}

/**
 * Changes the privacy settings. New age rules regroup every seeker, so each is recorded as
 * changed for the search indexes.
 */
export async function putPrivacySettings(ctx: Ctx, settings: PrivacySettings): Promise<PrivacySettings> {
  const organisationId = organisationOf(ctx);
  const errors = checkAgeRules(settings);
  if (errors.length) throw validationError(errors);
  const before = await getPrivacySettings(ctx);
  const now = new Date().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.writeSetting(trx, organisationId, AGE_RULES_KEY, JSON.stringify(settings.ageRules), now);
    await repo.writeSetting(
      trx,
      organisationId,
      RETENTION_MONTHS_KEY,
      JSON.stringify(settings.retentionMonths),
      now,
    );
    if (JSON.stringify(before.ageRules) !== JSON.stringify(settings.ageRules)) {
      for (const id of await seekerIdsOf(trx, organisationId)) await recordChange(trx, 'seeker', id);
    }
    await audit(
      ctx,
      {
        action: 'privacy.settings',
        entityType: 'organisation',
        entityId: organisationId,
        before,
        after: settings,
      },
      trx,
    );
  });
  return getPrivacySettings(ctx);
}

/** The instant `months` calendar months before `now`. */
export function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * The retention job of one organisation (개인정보 보호법 §21 파기). It removes:
 * - seekers with no activity (profile change, service, own sign-in or read) for the retention
 *   period, and their sign-in accounts unless those signed in within the period;
 * - seekers whose employment-services consent was withdrawn and not given again (the account
 *   stays: the person may register again);
 * - records kept apart whose keeping period ended.
 * Before a seeker goes, the record of services given is kept apart (retained_records). A dry run
 * counts the same without writing anything.
 */
export async function runRetention(
  ctx: Ctx,
  organisationId: number,
  options: { dryRun: boolean; now?: Date },
): Promise<RetentionReport> {
  const k = ctx.db.kysely;
  const now = options.now ?? new Date();
  const months = await retentionMonthsOf(k, organisationId);
  const cutoff = monthsBefore(now, months).toISOString();
  const due = await seekersDueForRemoval(k, organisationId, cutoff);
  const records = await consentRecordsOf(
    k,
    due.map((s) => s.id),
  );
  const ageRules = await ageRulesOf(k, organisationId);
  const report: RetentionReport = {
    dryRun: options.dryRun,
    retentionMonths: months,
    cutoff,
    removed: 0,
    accountsRemoved: 0,
    keptApart: 0,
    expiredRecordsRemoved: 0,
  };
  for (const seeker of due) {
    const consents = records.filter((r) => r.seeker_id === seeker.id);
    const stale = seeker.last_active_at < cutoff;
    // A seeker who signed in within the period is not stale, whatever their profile's date says.
    const signedInLately = seeker.user_last_sign_in_at !== null && seeker.user_last_sign_in_at >= cutoff;
    const withdrawn = servicesWithdrawn(consents);
    if (stale && signedInLately && !withdrawn) continue;
    const removeAccount = stale && !signedInLately && seeker.user_id !== null;
    report.removed += 1;
    report.keptApart += 1;
    if (removeAccount) report.accountsRemoved += 1;
    if (options.dryRun) continue;
    await k.transaction().execute(async (trx) => {
      const reason = stale && !signedInLately ? 'retention' : 'consent_withdrawn';
      await keepServiceRecord(trx, seeker, consents, reason, ageRules, now);
      await deleteSeeker(trx, seeker.id);
      await recordChange(trx, 'seeker', seeker.id, 'delete');
      if (removeAccount) await repo.deleteAccount(trx, seeker.user_id!);
      await audit(
        ctx,
        {
          action: 'seeker.delete',
          entityType: 'seeker',
          entityId: seeker.id,
          after: { reason, keptApart: 1, accountRemoved: removeAccount ? seeker.user_id : null },
        },
        trx,
      );
    });
  }
  report.expiredRecordsRemoved = options.dryRun
    ? await repo.countExpiredRetained(k, organisationId, now.toISOString())
    : await repo.deleteExpiredRetained(k, organisationId, now.toISOString());
  if (!options.dryRun) {
    await audit(ctx, {
      action: 'privacy.retention',
      entityType: 'organisation',
      entityId: organisationId,
      after: report,
    });
  }
  return report;
}

/** The retention job for the signed-in admin's organisation. */
export function runRetentionHere(ctx: Ctx, dryRun: boolean): Promise<RetentionReport> {
  return runRetention(ctx, organisationOf(ctx), { dryRun });
}

/** The retention job for every organisation (the command line and schedulers). */
export async function runRetentionEverywhere(
  ctx: Ctx,
  options: { dryRun: boolean; now?: Date },
): Promise<{ organisationId: number; report: RetentionReport }[]> {
  const out = [];
  for (const organisationId of await repo.organisationIds(ctx.db.kysely)) {
    out.push({ organisationId, report: await runRetention(ctx, organisationId, options) });
  }
  return out;
}
