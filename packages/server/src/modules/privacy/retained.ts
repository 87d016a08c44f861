import type { AgeRule } from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { Database, SeekerConsentTable, SeekerRow } from '../../db/tables.js';
import { groupsOf, parsedColumns } from '../seekers/seekers.presenter.js';
import { insertRetainedRecord } from './privacy.repository.js';

/** How long the record of services given is kept after a seeker's profile is removed. */
export const SERVICE_RECORD_YEARS = 5;

/** Why the record is kept (see docs/privacy.md). */
export const SERVICE_RECORD_LEGAL_BASIS =
  '「보조금 관리에 관한 법률」(보조사업 증거서류 보관, 5년), 「고용정책 기본법」(고용서비스 실적 관리), ' +
  '「개인정보 보호법」 제21조 제1항 단서·제3항(다른 법령에 따른 보존, 분리 보관)';

/**
 * Keeps apart, without name or contact data, what other laws make us keep of a seeker whose
 * profile is being removed: that employment services were given, when, at which desk, to which
 * (non-sensitive) groups, and the consent records. Returns how many records it wrote.
 */
export async function keepServiceRecord(
  trx: Kysely<Database>,
  seeker: SeekerRow,
  consents: Pick<SeekerConsentTable, 'purpose' | 'version' | 'granted_at' | 'withdrawn_at'>[],
  reason: 'account_deleted' | 'retention' | 'consent_withdrawn',
  ageRules: readonly AgeRule[],
  now: Date,
): Promise<number> {
  const keepUntil = new Date(now);
  keepUntil.setUTCFullYear(keepUntil.getUTCFullYear() + SERVICE_RECORD_YEARS);
  const groups = groupsOf(parsedColumns(seeker).groups, seeker.birth_year, ageRules, now.getUTCFullYear());
  await insertRetainedRecord(trx, {
    organisation_id: seeker.organisation_id,
    kind: 'employment_services',
    subject_ref: `seeker:${seeker.id}`,
    payload: JSON.stringify({
      registeredBy: seeker.registered_by,
      registeredAt: seeker.created_at,
      deskUnitId: seeker.desk_unit_id,
      lastActiveAt: seeker.last_active_at,
      statusAtRemoval: seeker.status,
      // 민감정보 (disability) is not kept: the law that requires the record does not require it.
      groups: groups.filter((g) => g !== 'disabled'),
      homeDongCode: seeker.home_dong_code,
      consents: consents.map((c) => ({
        purpose: c.purpose,
        version: c.version,
        grantedAt: c.granted_at,
        withdrawnAt: c.withdrawn_at,
      })),
      removedAt: now.toISOString(),
      reason,
    }),
    legal_basis: SERVICE_RECORD_LEGAL_BASIS,
    keep_until: keepUntil.toISOString(),
    created_at: now.toISOString(),
  });
  return 1;
}
