import { type ComponentType, lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../components/Breadcrumbs';
import { type NavItemId, rolesFor } from '../../components/nav';
import { Loading } from '../../components/status';
import { RequireRole } from '../auth/RequireRole';

const handle = (crumb: RouteHandle['crumb']): RouteHandle => ({ crumb });

// The registry's pages load on demand: citizens searching for jobs never download them.
const MyProfilePage = lazy(() => import('./MyProfilePage').then((m) => ({ default: m.MyProfilePage })));
const StaffSeekersPage = lazy(() =>
  import('./StaffSeekersPage').then((m) => ({ default: m.StaffSeekersPage })),
);
const StaffSeekerNewPage = lazy(() =>
  import('./StaffSeekerNewPage').then((m) => ({ default: m.StaffSeekerNewPage })),
);
const StaffSeekerPage = lazy(() => import('./StaffSeekerPage').then((m) => ({ default: m.StaffSeekerPage })));
const StaffEmployersPage = lazy(() =>
  import('./StaffEmployersPage').then((m) => ({ default: m.StaffEmployersPage })),
);
const StaffEmployerPage = lazy(() =>
  import('./StaffEmployerPage').then((m) => ({ default: m.StaffEmployerPage })),
);
const StaffVacanciesPage = lazy(() =>
  import('./StaffVacanciesPage').then((m) => ({ default: m.StaffVacanciesPage })),
);
// A vacancy with its recommended candidates (features/matching), for counsellors and admins.
const StaffVacancyMatchPage = lazy(() =>
  import('../matching/VacancyMatchPage').then((m) => ({ default: m.StaffVacancyMatchPage })),
);
const AccountDeletedPage = lazy(() =>
  import('./AccountDeletedPage').then((m) => ({ default: m.AccountDeletedPage })),
);
const ImportsPage = lazy(() => import('./ImportsPage').then((m) => ({ default: m.ImportsPage })));

/** A page behind the roles that see its navigation item. */
function page(nav: NavItemId, Page: ComponentType) {
  return (
    <RequireRole roles={rolesFor(nav)}>
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    </RequireRole>
  );
}

/** Pages of features/registry (#4): seeker self-service, the staff registry and imports. */
export const registryRoutes: RouteObject[] = [
  {
    path: 'account-deleted',
    element: (
      <Suspense fallback={<Loading />}>
        <AccountDeletedPage />
      </Suspense>
    ),
    handle: handle('registry.deleted.title'),
  },
  { path: 'me/profile', element: page('seekerProfile', MyProfilePage), handle: handle('registry.me.crumb') },
  {
    path: 'staff/seekers',
    handle: handle('nav.staffSeekers'),
    children: [
      { index: true, element: page('staffSeekers', StaffSeekersPage) },
      {
        path: 'new',
        element: page('staffSeekers', StaffSeekerNewPage),
        handle: handle('registry.intake.crumb'),
      },
      {
        path: ':id',
        element: page('staffSeekers', StaffSeekerPage),
        handle: handle('registry.seeker.crumb'),
      },
    ],
  },
  {
    path: 'staff/employers',
    handle: handle('nav.staffEmployers'),
    children: [
      { index: true, element: page('staffEmployers', StaffEmployersPage) },
      {
        path: ':id',
        element: page('staffEmployers', StaffEmployerPage),
        handle: handle('registry.employer.crumb'),
      },
    ],
  },
  {
    path: 'staff/vacancies',
    handle: handle('nav.staffVacancies'),
    children: [
      { index: true, element: page('staffVacancies', StaffVacanciesPage) },
      {
        path: ':id',
        element: page('staffVacancies', StaffVacancyMatchPage),
        handle: handle('matching.vacancy.crumb'),
      },
    ],
  },
  { path: 'staff/imports', element: page('staffImports', ImportsPage), handle: handle('nav.staffImports') },
];
