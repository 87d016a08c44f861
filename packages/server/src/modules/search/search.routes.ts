import type { FastifyInstance } from 'fastify';

/** Routes of the search module (#4). */
export async function searchRoutes(_app: FastifyInstance): Promise<void> {}
