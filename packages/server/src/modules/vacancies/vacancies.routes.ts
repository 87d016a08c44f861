import type { FastifyInstance } from 'fastify';

/** Routes of the vacancies module (#4). */
export async function vacanciesRoutes(_app: FastifyInstance): Promise<void> {}
