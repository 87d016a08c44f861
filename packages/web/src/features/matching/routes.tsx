import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../components/Breadcrumbs';
import { rolesFor } from '../../components/nav';
import { Loading } from '../../components/status';
import { RequireRole } from '../auth/RequireRole';

const AdminMatchingPage = lazy(() =>
  import('./AdminMatchingPage').then((m) => ({ default: m.AdminMatchingPage })),
);

const handle: RouteHandle = { crumb: 'nav.adminMatching' };

/**
 * The matching weights screen (#5): `/admin/matching`. The recommendation panels live on the
 * pages they belong to (the seeker's profile, a seeker's and a vacancy's staff pages, the
 * employer's vacancy), whose routes are in features/registry and features/jobs.
 */
export const matchingRoutes: RouteObject[] = [
  {
    path: 'admin/matching',
    element: (
      <RequireRole roles={rolesFor('adminMatching')}>
        <Suspense fallback={<Loading />}>
          <AdminMatchingPage />
        </Suspense>
      </RequireRole>
    ),
    handle,
  },
];
