import type { RouteObject } from 'react-router-dom';

/** Pages of features/registry (#4). */
export const registryRoutes: RouteObject[] = [];
