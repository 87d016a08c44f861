import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../components/Breadcrumbs';
import { rolesFor } from '../../components/nav';
import { Loading } from '../../components/status';
import { RequireRole } from '../auth/RequireRole';

const SearchPage = lazy(() => import('./SearchPage').then((m) => ({ default: m.SearchPage })));
const VacancyPage = lazy(() => import('./VacancyPage').then((m) => ({ default: m.VacancyPage })));
const EmployerProfilePage = lazy(() =>
  import('./EmployerProfilePage').then((m) => ({ default: m.EmployerProfilePage })),
);
const EmployerVacanciesPage = lazy(() =>
  import('./EmployerVacanciesPage').then((m) => ({ default: m.EmployerVacanciesPage })),
);
const VacancyFormPage = lazy(() => import('./VacancyFormPage').then((m) => ({ default: m.VacancyFormPage })));
// The vacancy with its recommended candidates (features/matching), for the company that posted it.
const EmployerVacancyMatchPage = lazy(() =>
  import('../matching/VacancyMatchPage').then((m) => ({ default: m.EmployerVacancyMatchPage })),
);
const MinimumWagesPage = lazy(() =>
  import('./MinimumWagesPage').then((m) => ({ default: m.MinimumWagesPage })),
);

const handle = (crumb: RouteHandle['crumb']): RouteHandle => ({ crumb });

function page(Page: ComponentType, roles?: Parameters<typeof RequireRole>[0]['roles']): ReactNode {
  const body = (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
  return roles ? <RequireRole roles={roles}>{body}</RequireRole> : body;
}

const employer = rolesFor('employerVacancies');

/** Pages of features/jobs (#4): the public vacancy search, the employer portal, the minimum wage table. */
export const jobsRoutes: RouteObject[] = [
  {
    path: 'jobs',
    handle: handle('jobs.search.title'),
    children: [
      { index: true, element: page(SearchPage) },
      { path: ':id', element: page(VacancyPage), handle: handle('jobs.vacancy.crumb') },
    ],
  },
  {
    path: 'employer',
    children: [
      {
        path: 'profile',
        element: page(EmployerProfilePage, rolesFor('employerProfile')),
        handle: handle('jobs.profile.title'),
      },
      {
        path: 'vacancies',
        handle: handle('jobs.employer.title'),
        children: [
          { index: true, element: page(EmployerVacanciesPage, employer) },
          {
            path: 'new',
            element: (
              <RequireRole roles={employer}>
                <Suspense fallback={<Loading />}>
                  <VacancyFormPage mode="new" />
                </Suspense>
              </RequireRole>
            ),
            handle: handle('jobs.form.newTitle'),
          },
          {
            path: ':id',
            element: page(EmployerVacancyMatchPage, employer),
            handle: handle('matching.vacancy.crumb'),
          },
          {
            path: ':id/edit',
            element: (
              <RequireRole roles={employer}>
                <Suspense fallback={<Loading />}>
                  <VacancyFormPage mode="edit" />
                </Suspense>
              </RequireRole>
            ),
            handle: handle('jobs.form.editTitle'),
          },
        ],
      },
    ],
  },
  {
    path: 'admin/minimum-wages',
    element: page(MinimumWagesPage, rolesFor('adminMinimumWages')),
    handle: handle('jobs.minimumWage.title'),
  },
];
