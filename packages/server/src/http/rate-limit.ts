import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * A fixed one-minute window per client address, kept in this process. Account lockout (in the
 * database) is what holds across processes; this only blunts bursts from one address.
 */
export function perAddressRateLimit(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const now = Date.now();
    if (windows.size > 10_000) {
      for (const [key, w] of windows) if (now - w.start >= 60_000) windows.delete(key);
    }
    const window = windows.get(request.ip);
    if (!window || now - window.start >= 60_000) {
      windows.set(request.ip, { start: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > perMinute) {
      reply.header('retry-after', Math.ceil((window.start + 60_000 - now) / 1000));
      throw new AppError('RATE_LIMITED');
    }
  };
}
