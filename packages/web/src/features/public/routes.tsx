import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, type RouteObject } from 'react-router-dom';
import type { RouteHandle } from '../../components/Breadcrumbs';
import { Loading } from '../../components/status';

const PublicPlansPage = lazy(() => import('./PublicPlansPage').then((m) => ({ default: m.PublicPlansPage })));
const PublicPlanPage = lazy(() => import('./PublicPlanPage').then((m) => ({ default: m.PublicPlanPage })));
const RollupPage = lazy(() => import('./RollupPage').then((m) => ({ default: m.RollupPage })));

const handle = (crumb: RouteHandle['crumb']): RouteHandle => ({ crumb });

function page(Page: ComponentType) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

/** 일자리 목표 공시: the citizens' pages, open to everyone without signing in. */
export const publicRoutes: RouteObject[] = [
  {
    path: 'public',
    handle: handle('public.title'),
    children: [
      { index: true, element: <Navigate to="/public/plans" replace /> },
      {
        path: 'plans',
        children: [
          { index: true, element: page(PublicPlansPage) },
          { path: ':id', element: page(PublicPlanPage), handle: handle('public.plan.crumb') },
        ],
      },
      { path: 'rollup', element: page(RollupPage), handle: handle('public.rollup.crumb') },
    ],
  },
];
