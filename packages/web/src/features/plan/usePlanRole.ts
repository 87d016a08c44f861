import { can, type Role } from '@ilteo/shared';
import { useSession } from '../../api/queries';

/** What the signed-in user may do in the plan pages, read from the shared permission table. */
export interface PlanAbilities {
  role: Role | null;
  /** Build the plan: strategies, programs, order, publishing (planners, admins). */
  manage: boolean;
  /** Report results (planners, admins, and reporters for their own units). */
  report: boolean;
  /** Approve or return results. */
  review: boolean;
  /** Answer and hide opinions. */
  moderate: boolean;
  /** Leave opinions as a council member. */
  consult: boolean;
  /** Sees only the programs of their own units. */
  ownUnitsOnly: boolean;
}

/** The plan abilities of the signed-in user. */
export function usePlanAbilities(): PlanAbilities {
  const role = useSession().data?.user?.role ?? null;
  return abilitiesOf(role);
}

/** The plan abilities of a role (none for visitors). */
export function abilitiesOf(role: Role | null): PlanAbilities {
  if (!role) {
    return {
      role,
      manage: false,
      report: false,
      review: false,
      moderate: false,
      consult: false,
      ownUnitsOnly: false,
    };
  }
  return {
    role,
    manage: can(role, 'plan.manage'),
    report: can(role, 'results.report'),
    review: can(role, 'results.review'),
    moderate: can(role, 'opinions.moderate'),
    consult: role === 'council',
    ownUnitsOnly: role === 'reporter',
  };
}
