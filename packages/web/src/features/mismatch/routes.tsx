import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../components/Breadcrumbs';
import { rolesFor } from '../../components/nav';
import { Loading } from '../../components/status';
import { RequireRole } from '../auth/RequireRole';

// The page (with d3-geo and ECharts) loads on demand.
const MismatchPage = lazy(() => import('./MismatchPage').then((m) => ({ default: m.MismatchPage })));

const handle: RouteHandle = { crumb: 'nav.mismatch' };

/** The mismatch analytics (#5): `/staff/mismatch`. */
export const mismatchRoutes: RouteObject[] = [
  {
    path: 'staff/mismatch',
    element: (
      <RequireRole roles={rolesFor('mismatch')}>
        <Suspense fallback={<Loading />}>
          <MismatchPage />
        </Suspense>
      </RequireRole>
    ),
    handle,
  },
];
