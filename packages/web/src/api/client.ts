import { type Bilingual, ERRORS, type FieldError, type Problem } from '@ilteo/shared';

/** Codes of the shared catalogue, plus `NETWORK` for a request that never got an answer. */
export type ClientErrorCode = keyof typeof ERRORS | 'NETWORK';

const NETWORK_MESSAGE: Bilingual = {
  ko: '서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도해 주세요.',
  en: 'Could not reach the server. Check your connection and try again.',
};

/** An API failure as the UI handles it: match on `code`, show `message[locale]`. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly bilingual: Bilingual;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | undefined;

  constructor(init: {
    code: ClientErrorCode;
    status: number;
    message: Bilingual;
    fieldErrors?: FieldError[];
    requestId?: string | undefined;
  }) {
    super(`${init.code} (${init.status}): ${init.message.en}`);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.bilingual = init.message;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId;
  }
}

const CSRF_COOKIE = 'ilteo_csrf';
const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Last token the server handed out in `GET /auth/session`, used only when the cookie is unreadable. */
let fallbackCsrfToken: string | null = null;

/** Remembers the token from the session answer. */
export function rememberCsrfToken(token: string | null): void {
  fallbackCsrfToken = token;
}

/** The value of the `ilteo_csrf` cookie, which the server mirrors in the header check. */
export function readCsrfCookie(
  cookieHeader: string = typeof document === 'undefined' ? '' : document.cookie,
) {
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && 'status' in body;
}

function isErrorCode(code: unknown): code is keyof typeof ERRORS {
  return typeof code === 'string' && code in ERRORS;
}

/** Turns any failed response into an ApiError, trusting the problem document when there is one. */
async function toApiError(response: Response): Promise<ApiError> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (isProblem(body)) {
    const code = isErrorCode(body.code) ? body.code : 'INTERNAL';
    const fallback = ERRORS[code];
    return new ApiError({
      code,
      status: body.status ?? response.status,
      message: body.message ?? { ko: fallback.ko, en: fallback.en },
      fieldErrors: Array.isArray(body.errors) ? body.errors : [],
      requestId: body.requestId ?? requestId,
    });
  }
  const code = codeForStatus(response.status);
  return new ApiError({
    code,
    status: response.status,
    message: { ko: ERRORS[code].ko, en: ERRORS[code].en },
    requestId,
  });
}

function codeForStatus(status: number): keyof typeof ERRORS {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from an object, leaving out empty values so URLs stay short. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls the ilteo API: same-origin cookies, JSON both ways, the CSRF header on mutations, and
 * every failure as an ApiError. A mutation refused for a stale CSRF token is retried once
 * with a fresh token, because the token rotates at sign-in and sign-out in other tabs.
 */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const url = `/api/v1${path}${options.query ? toQueryString(options.query) : ''}`;
  const send = async () => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (MUTATIONS.has(method)) {
      const token = readCsrfCookie() ?? fallbackCsrfToken;
      if (token) headers['x-csrf-token'] = token;
    }
    try {
      return await fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({ code: 'NETWORK', status: 0, message: NETWORK_MESSAGE });
    }
  };

  let response = await send();
  if (!response.ok && response.status === 403 && MUTATIONS.has(method)) {
    const error = await toApiError(response.clone());
    if (error.code === 'CSRF') {
      const session = await fetch('/api/v1/auth/session', { credentials: 'same-origin' });
      if (session.ok) {
        const data = (await session.json()) as { csrfToken?: string };
        rememberCsrfToken(data.csrfToken ?? null);
        response = await send();
      }
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** True when the error says the visitor must sign in. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'UNAUTHENTICATED';
}
