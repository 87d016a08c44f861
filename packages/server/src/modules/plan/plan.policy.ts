import type { PlanRow } from '../../db/tables.js';
import type { UserActor } from '../../http/context.js';
import { AppError } from '../../http/errors.js';

/**
 * Whether the actor sees every program of a plan (planners, admins, and council members, who are
 * consulted on the whole plan) or only their own unit's (reporters).
 */
export function seesAllPrograms(actor: UserActor): boolean {
  return actor.kind === 'admin' || actor.kind === 'planner' || actor.kind === 'council';
}

/** The units whose programs a reporter may see and report; undefined means all. */
export function visibleUnitIds(actor: UserActor): number[] | undefined {
  return seesAllPrograms(actor) ? undefined : actor.unitIds;
}

/** A plan is visible only inside its own organisation; elsewhere it does not exist. */
export function checkPlanInOrganisation(actor: UserActor, plan: PlanRow | undefined): PlanRow {
  if (!plan || plan.organisation_id !== actor.organisationId) throw new AppError('NOT_FOUND');
  return plan;
}

/**
 * A reporter works on their own unit's programs only; for anyone else's the program does not
 * exist (404, so that other units' programs are not even confirmed).
 */
export function checkProgramVisible(actor: UserActor, ownerUnitId: number): void {
  if (!seesAllPrograms(actor) && !actor.unitIds.includes(ownerUnitId)) throw new AppError('NOT_FOUND');
}
