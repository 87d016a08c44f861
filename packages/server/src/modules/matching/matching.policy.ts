import type { SeekerRow, VacancyRow } from '../../db/tables.js';
import type { Actor, UserActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { requireUser } from '../auth/auth.policy.js';
import { isManagingStaff, isOwnCompany } from '../employers/employers.policy.js';
import { requireServiceConsent } from '../seekers/seekers.policy.js';
import { checkVacancyReadable } from '../vacancies/vacancies.policy.js';

/** From whose screen a verdict on a pair comes. */
export type FeedbackSide = 'seeker' | 'employer' | 'staff';

/**
 * A seeker's recommendations: the seeker themself, and counsellors and admins of the seeker's
 * organisation while the employment-services consent stands. Anyone else is told the seeker
 * does not exist.
 */
export function checkSeekerMatches(
  actor: Actor,
  seeker: SeekerRow | undefined,
  withdrawn: boolean,
): FeedbackSide {
  const user = requireUser(actor);
  if (!seeker || seeker.organisation_id !== user.organisationId) throw new AppError('NOT_FOUND');
  if (user.kind === 'seeker') {
    if (seeker.user_id !== user.userId) throw new AppError('NOT_FOUND');
    return 'seeker';
  }
  if (!isManagingStaff(user)) throw new AppError('NOT_FOUND');
  requireServiceConsent(withdrawn);
  return 'staff';
}

/**
 * A vacancy's candidates (masked people): its company's account, and counsellors and admins of
 * its organisation. For anyone else a vacancy's candidates do not exist (404), whether the
 * vacancy itself is public or not.
 */
export function checkVacancyMatches(actor: Actor, vacancy: VacancyRow | undefined): FeedbackSide {
  const user: UserActor = requireUser(actor);
  const row = checkVacancyReadable(user, vacancy);
  if (row.organisation_id === user.organisationId) {
    if (isOwnCompany(user, row.employer_id)) return 'employer';
    if (isManagingStaff(user)) return 'staff';
  }
  throw new AppError('NOT_FOUND');
}

/**
 * Feedback on a pair: the seeker on their own recommendations, the company on its vacancy's
 * candidates, staff on both — always within one organisation.
 */
export function checkFeedback(
  actor: Actor,
  seeker: SeekerRow | undefined,
  vacancy: VacancyRow | undefined,
  withdrawn: boolean,
): FeedbackSide {
  const user = requireUser(actor);
  if (user.kind === 'seeker') return checkSeekerMatches(user, seeker, withdrawn);
  const side = checkVacancyMatches(user, vacancy);
  if (!seeker || seeker.organisation_id !== user.organisationId) throw new AppError('NOT_FOUND');
  if (side === 'staff') requireServiceConsent(withdrawn);
  return side;
}
