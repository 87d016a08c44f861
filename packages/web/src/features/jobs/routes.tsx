import type { RouteObject } from 'react-router-dom';

/** Pages of features/jobs (#4). */
export const jobsRoutes: RouteObject[] = [];
