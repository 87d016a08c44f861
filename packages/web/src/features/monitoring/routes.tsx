import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../components/Breadcrumbs';
import { rolesFor } from '../../components/nav';
import { Loading } from '../../components/status';
import { RequireRole } from '../auth/RequireRole';

// The dashboard (and ECharts, which only it and the public pages load) stays out of the main bundle.
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

const handle = (crumb: RouteHandle['crumb']): RouteHandle => ({ crumb });

/** The back-office monitoring dashboard of a plan. */
export const monitoringRoutes: RouteObject[] = [
  {
    path: 'plans/:id/dashboard',
    element: (
      <RequireRole roles={rolesFor('plans')}>
        <Suspense fallback={<Loading />}>
          <DashboardPage />
        </Suspense>
      </RequireRole>
    ),
    handle: handle('dashboard.title'),
  },
];
