import type { FastifyInstance } from 'fastify';

/** Routes of the imports module (#4). */
export async function importsRoutes(_app: FastifyInstance): Promise<void> {}
