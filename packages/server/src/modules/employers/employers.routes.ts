import type { FastifyInstance } from 'fastify';

/** Routes of the employers module (#4). */
export async function employersRoutes(_app: FastifyInstance): Promise<void> {}
