import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'ilteo_session';
export const CSRF_COOKIE = 'ilteo_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyReply {
    /** The CSRF token the client must echo in X-CSRF-Token; set as a cookie when missing. */
    csrfToken(): string;
    newCsrfToken: string | null;
    /** Whether this app marks its cookies Secure (COOKIE_SECURE); per app, not per process. */
    secureCookies: boolean;
  }
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSessionCookie(reply: FastifyReply, token: string, ttlHours: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.secureCookies,
    maxAge: ttlHours * 3600,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Issues a fresh CSRF token (at sign-in and sign-out, so a token never outlives its session). */
export function rotateCsrf(reply: FastifyReply): string {
  const token = randomBytes(24).toString('base64url');
  reply.newCsrfToken = token;
  // Readable by the page's scripts on purpose: the double-submit pattern needs the page to echo it.
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    httpOnly: false,
    sameSite: 'strict',
    secure: reply.secureCookies,
  });
  return token;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Double-submit CSRF protection for every state-changing API request. */
export function checkCsrf(request: FastifyRequest): void {
  if (!MUTATING.has(request.method) || !request.url.startsWith('/api/')) return;
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers[CSRF_HEADER];
  if (!cookie || typeof header !== 'string' || !same(cookie, header)) throw new AppError('CSRF');
}

/** Decorates replies with csrfToken() and makes sure every client holds a CSRF cookie. */
export function registerCsrf(app: FastifyInstance, secure: boolean): void {
  app.decorateReply('secureCookies', secure);
  app.decorateReply('newCsrfToken', null);
  app.decorateReply('csrfToken', function (this: FastifyReply) {
    return this.newCsrfToken ?? this.request.cookies[CSRF_COOKIE] ?? rotateCsrf(this);
  });
  app.addHook('onSend', async (request, reply) => {
    if (!request.cookies[CSRF_COOKIE] && !reply.newCsrfToken) rotateCsrf(reply);
  });
}
