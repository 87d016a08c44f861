import type { FastifyInstance } from 'fastify';

/** Routes of the seekers module (#4). */
export async function seekersRoutes(_app: FastifyInstance): Promise<void> {}
