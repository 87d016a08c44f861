import type { ComponentType } from 'react';
import { rolesFor } from '../../components/nav';
import { RequireRole } from '../../features/auth/RequireRole';
import { PlanOpinionsPage } from './PlanOpinionsPage';
import { PlanPage } from './PlanPage';
import { PlanResultsPage } from './PlanResultsPage';
import { PlansPage } from './PlansPage';
import { ProgramResultsPage } from './ProgramResultsPage';

const PAGES = {
  list: PlansPage,
  plan: PlanPage,
  results: PlanResultsPage,
  opinions: PlanOpinionsPage,
  program: ProgramResultsPage,
} satisfies Record<string, ComponentType>;

/**
 * A plan page as a lazily loaded route: the jobs-plan pages load in their own chunk, and only
 * the roles that hold the plan in their navigation may open them.
 */
export function planRoute(page: keyof typeof PAGES) {
  const Page = PAGES[page];
  return {
    element: (
      <RequireRole roles={rolesFor('plans')}>
        <Page />
      </RequireRole>
    ),
  };
}
