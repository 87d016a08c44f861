import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../components/Breadcrumbs';
import { rolesFor } from '../../components/nav';
import { Loading } from '../../components/status';
import { RequireRole } from '../auth/RequireRole';

// The dashboard (and ECharts, which only it and the public pages load) stays out of the main bundle.
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));

const handle = (crumb: RouteHandle['crumb']): RouteHandle => ({ crumb });

/**
 * The back-office monitoring dashboard of a plan. It sits under the plan pages' path so the
 * breadcrumbs read 홈 › 일자리대책 세부계획 › 세부계획 › 점검 대시보드; React Router matches this
 * branch only for `/plans/:id/dashboard`.
 */
export const monitoringRoutes: RouteObject[] = [
  {
    path: 'plans',
    handle: handle('plan.list.title'),
    children: [
      {
        path: ':id',
        handle: handle('plan.detail.crumb'),
        children: [
          {
            path: 'dashboard',
            element: (
              <RequireRole roles={rolesFor('plans')}>
                <Suspense fallback={<Loading />}>
                  <DashboardPage />
                </Suspense>
              </RequireRole>
            ),
            handle: handle('dashboard.title'),
          },
        ],
      },
    ],
  },
];
