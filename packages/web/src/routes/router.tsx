import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../components/Breadcrumbs';
import { Layout } from '../components/Layout';
import { rolesFor } from '../components/nav';
import { RequireRole } from '../features/auth/RequireRole';
import { jobsRoutes } from '../features/jobs/routes';
import { matchingRoutes } from '../features/matching/routes';
import { mismatchRoutes } from '../features/mismatch/routes';
import { monitoringRoutes } from '../features/monitoring/routes';
import { publicRoutes } from '../features/public/routes';
import { registryRoutes } from '../features/registry/routes';
import { AccountPage } from './AccountPage';
import { AdminAuditPage } from './AdminAuditPage';
import { AdminUsersPage } from './AdminUsersPage';
import { ErrorPage, RootErrorPage } from './ErrorPage';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';

const handle = (crumb: RouteHandle['crumb']): RouteHandle => ({ crumb });

/** Every page; `handle.crumb` names it in the breadcrumbs, roles come from the navigation table. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RootErrorPage />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'sign-in', element: <SignInPage />, handle: handle('signIn.title') },
          { path: 'sign-up', element: <SignUpPage />, handle: handle('signUp.title') },
          {
            path: 'account',
            element: (
              <RequireRole>
                <AccountPage />
              </RequireRole>
            ),
            handle: handle('account.title'),
          },
          {
            path: 'admin/users',
            element: (
              <RequireRole roles={rolesFor('adminUsers')}>
                <AdminUsersPage />
              </RequireRole>
            ),
            handle: handle('users.title'),
          },
          {
            path: 'admin/audit',
            element: (
              <RequireRole roles={rolesFor('adminAudit')}>
                <AdminAuditPage />
              </RequireRole>
            ),
            handle: handle('audit.title'),
          },
          // --- plan pages (features/plan): /plans, /plans/:id, /plans/:id/results, /plans/:id/opinions, /programs/:id/results
          {
            path: 'plans',
            handle: handle('plan.list.title'),
            children: [
              {
                index: true,
                lazy: () => import('./plan').then((m) => m.planRoute('list')),
                hydrateFallbackElement: <div className="krds-spinner loading" />,
              },
              {
                path: ':id',
                handle: handle('plan.detail.crumb'),
                children: [
                  {
                    index: true,
                    lazy: () => import('./plan').then((m) => m.planRoute('plan')),
                    hydrateFallbackElement: <div className="krds-spinner loading" />,
                  },
                  {
                    path: 'results',
                    handle: handle('results.plan.crumb'),
                    lazy: () => import('./plan').then((m) => m.planRoute('results')),
                    hydrateFallbackElement: <div className="krds-spinner loading" />,
                  },
                  {
                    path: 'opinions',
                    handle: handle('opinions.crumb'),
                    lazy: () => import('./plan').then((m) => m.planRoute('opinions')),
                    hydrateFallbackElement: <div className="krds-spinner loading" />,
                  },
                ],
              },
            ],
          },
          {
            path: 'programs/:id/results',
            handle: handle('results.crumb'),
            lazy: () => import('./plan').then((m) => m.planRoute('program')),
            hydrateFallbackElement: <div className="krds-spinner loading" />,
          },
          // --- monitoring and public pages (features/monitoring, features/public): /plans/:id/dashboard, /public/...
          ...monitoringRoutes,
          ...publicRoutes,
          ...jobsRoutes,
          ...registryRoutes,
          ...mismatchRoutes,
          ...matchingRoutes,
          { path: '*', element: <NotFoundPage />, handle: handle('notFound.title') },
        ],
      },
    ],
  },
];

/** The browser router for the app. */
export function createRouter() {
  return createBrowserRouter(routes);
}
