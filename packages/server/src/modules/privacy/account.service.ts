import { SEEKER_CONSENT_TEXTS } from '@ilteo/shared';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { verifyPassword } from '../auth/password.js';
import { recordChange } from '../search/change-log.js';
import { requireSeekerUser } from '../seekers/seekers.policy.js';
import { consentRecordsOf, deleteSeeker, findSeekerOfUser } from '../seekers/seekers.repository.js';
import { loadSeeker } from '../seekers/seekers.service.js';
import * as repo from './privacy.repository.js';
import { keepServiceRecord } from './retained.js';
import { ageRulesOf } from './settings.js';

const json = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));

/**
 * Everything we hold about the signed-in person (개인정보 보호법 §35 열람): their account, its
 * consents, their seeker profile with its consent records, and the audit entries about them or
 * made by them. Other people appear only by role, never by name or id.
 */
export async function exportMyData(ctx: Ctx) {
  const actor = requireSeekerUser(ctx.actor);
  const k = ctx.db.kysely;
  const account = await repo.findAccount(k, actor.userId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  const seekerRow = await findSeekerOfUser(k, actor.userId);
  const [accountConsents, seeker, events, feedback] = await Promise.all([
    repo.accountConsents(k, actor.userId),
    seekerRow ? loadSeeker(k, seekerRow.id) : Promise.resolve(null),
    repo.auditAbout(k, actor.userId, seekerRow?.id ?? null),
    seekerRow ? repo.matchFeedbackAbout(k, seekerRow.id) : Promise.resolve([]),
  ]);
  const exportedAt = new Date().toISOString();
  const data = {
    format: 'ilteo.personal-data/1',
    exportedAt,
    account: {
      id: account.id,
      email: account.email,
      name: account.name,
      role: account.role,
      locale: account.locale,
      status: account.status,
      createdAt: account.created_at,
      updatedAt: account.updated_at,
      lastSignInAt: account.last_sign_in_at,
    },
    accountConsents: accountConsents.map((c) => ({
      purpose: c.purpose,
      version: c.version,
      grantedAt: c.granted_at,
      withdrawnAt: c.withdrawn_at,
    })),
    seekerProfile: seeker,
    seekerConsentTexts: seeker ? SEEKER_CONSENT_TEXTS : null,
    // Relevant / not relevant on recommended pairs: their own, and employers' and counsellors' about them.
    recommendationFeedback: feedback.map((f) => ({
      vacancyId: f.vacancy_id,
      verdict: f.verdict,
      by: f.user_id === actor.userId ? 'self' : f.side,
      at: f.updated_at,
    })),
    activity: events.map((e) => {
      const aboutThem =
        (e.entity_type === 'user' && e.entity_id === String(actor.userId)) ||
        (e.entity_type === 'seeker' && seekerRow && e.entity_id === String(seekerRow.id));
      return {
        at: e.at,
        action: e.action,
        entityType: e.entity_type,
        entityId: e.entity_id,
        by: e.actor_user_id === actor.userId ? 'self' : e.actor_role,
        // What changed is theirs to see only when the entry is about them, not about another record.
        ...(aboutThem ? { before: json(e.before_json), after: json(e.after_json) } : {}),
      };
    }),
  };
  await audit(ctx, { action: 'privacy.export', entityType: 'user', entityId: actor.userId });
  return { data, exportedAt };
}

/**
 * Deletes the signed-in seeker's account (개인정보 보호법 §36, §21): the seeker profile and its
 * consents, then the account with its sessions. What other laws make us keep goes to
 * retained_records first, without name or contact data. The audit entries carry ids only.
 */
export async function deleteMyAccount(ctx: Ctx, password: string): Promise<void> {
  const actor = requireSeekerUser(ctx.actor);
  const k = ctx.db.kysely;
  const account = await repo.findAccount(k, actor.userId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(account.password_hash, password))) {
    throw new AppError('WRONG_PASSWORD', {}, [fieldError('password', 'wrong_password')]);
  }
  const now = new Date();
  await k.transaction().execute(async (trx) => {
    const seeker = await findSeekerOfUser(trx, actor.userId);
    let keptApart = 0;
    if (seeker) {
      const consents = await consentRecordsOf(trx, [seeker.id]);
      const ageRules = await ageRulesOf(trx, seeker.organisation_id);
      keptApart = await keepServiceRecord(trx, seeker, consents, 'account_deleted', ageRules, now);
      await deleteSeeker(trx, seeker.id);
      await recordChange(trx, 'seeker', seeker.id, 'delete');
      await audit(
        ctx,
        {
          action: 'seeker.delete',
          entityType: 'seeker',
          entityId: seeker.id,
          after: { reason: 'account_deleted', keptApart },
        },
        trx,
      );
    }
    await repo.deleteAccount(trx, actor.userId);
    await audit(
      ctx,
      {
        action: 'account.delete',
        entityType: 'user',
        entityId: actor.userId,
        after: { role: account.role, seekerId: seeker?.id ?? null, keptApart },
      },
      trx,
    );
  });
}
