import type { VacancyStatus } from '@ilteo/shared';
import type { VacancyRow } from '../../db/tables.js';
import type { Actor, UserActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { isManagingStaff, isOwnCompany, isReadingStaff } from '../employers/employers.policy.js';

/** Whether the actor sees a vacancy whatever its status: its company's account, or staff of its organisation. */
export function seesEveryStatus(actor: Actor, row: VacancyRow): boolean {
  if (actor.organisationId !== row.organisation_id) return false;
  return isReadingStaff(actor) || isOwnCompany(actor, row.employer_id);
}

/** An open vacancy is public; a draft, closed or filled one exists only for its company and staff. */
export function checkVacancyReadable(actor: Actor, row: VacancyRow | undefined): VacancyRow {
  if (!row || (row.status !== 'open' && !seesEveryStatus(actor, row))) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * A vacancy is edited by its company's account or by managing staff of its organisation. Another
 * company's open vacancy is public, so it is refused (403); its drafts stay hidden (404).
 */
export function checkVacancyEditable(actor: UserActor, row: VacancyRow | undefined): VacancyRow {
  const visible = checkVacancyReadable(actor, row);
  const mayEdit =
    visible.organisation_id === actor.organisationId &&
    (isManagingStaff(actor) || isOwnCompany(actor, visible.employer_id));
  if (!mayEdit) throw new AppError('FORBIDDEN');
  return visible;
}

/**
 * Which company a new vacancy is for. An employer account posts for its own company only (naming
 * another is refused); staff must name one (undefined: the caller reports the missing field).
 */
export function postingEmployerId(actor: UserActor, requested: number | undefined): number | undefined {
  if (actor.kind === 'employer') {
    if (actor.employerId === null || (requested !== undefined && requested !== actor.employerId)) {
      throw new AppError('FORBIDDEN');
    }
    return actor.employerId;
  }
  if (!isManagingStaff(actor)) throw new AppError('FORBIDDEN');
  return requested;
}

/** The status changes a vacancy allows: publish a draft, close or fill an open one, reopen a closed one. */
export const STATUS_CHANGES: Readonly<Record<VacancyStatus, readonly VacancyStatus[]>> = {
  draft: ['open', 'closed'],
  open: ['closed', 'filled'],
  closed: ['open'],
  filled: [],
};
