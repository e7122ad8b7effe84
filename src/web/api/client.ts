import { ERROR_CODES, type ErrorCode, type FieldError } from '../../shared/errors.ts';

/**
 * The one way the staff app talks to the server: JSON in and out, the CSRF
 * double-submit header on every state-changing request, and every failure
 * turned into an `ApiError` whose `code` the UI translates.
 */

/** A server code, or `network` when no answer came back at all. */
export type ClientErrorCode = ErrorCode | 'network';

const KNOWN_CODES = new Set<string>(ERROR_CODES);

export class ApiError extends Error {
  readonly status: number;
  readonly code: ClientErrorCode;
  readonly fields: FieldError[];
  /** For `version_conflict`: the record as it is now on the server. */
  readonly current: unknown;
  /** For `possible_duplicate`: the likely duplicates the user may see. */
  readonly candidates: unknown[];
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ClientErrorCode;
    message: string;
    fields?: FieldError[];
    current?: unknown;
    candidates?: unknown[];
    retryAfterSeconds?: number | undefined;
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.current = init.current;
    this.candidates = init.candidates ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.requestId = init.requestId;
  }

  /** True when the user must sign in again. */
  get needsSignIn(): boolean {
    return this.code === 'session_expired' || this.code === 'unauthenticated';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Used when a response carries no usable error body (a proxy page, an empty 502). */
function codeOfStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'service_unavailable';
  if (status >= 400 && status < 500) return 'validation_failed';
  return 'internal';
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v['path']) && typeof v['code'] === 'string';
}

/**
 * Turns a failed response into an `ApiError`. Pure, so it is tested without a
 * server. An unknown code (a newer server) keeps the status's meaning rather
 * than showing nothing.
 */
export function toApiError(status: number, body: unknown, retryAfterHeader?: string | null): ApiError {
  const err = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const e = typeof err === 'object' && err !== null ? (err as Record<string, unknown>) : undefined;
  const rawCode = e?.['code'];
  const code: ErrorCode = typeof rawCode === 'string' && KNOWN_CODES.has(rawCode) ? (rawCode as ErrorCode) : codeOfStatus(status);
  const fields = Array.isArray(e?.['fields']) ? (e['fields'] as unknown[]).filter(isFieldError) : [];
  let retryAfterSeconds: number | undefined;
  if (typeof e?.['retryAfterSeconds'] === 'number') retryAfterSeconds = e['retryAfterSeconds'];
  else if (retryAfterHeader && /^\d+$/.test(retryAfterHeader.trim())) retryAfterSeconds = Number(retryAfterHeader.trim());
  return new ApiError({
    status,
    code,
    message: typeof e?.['message'] === 'string' ? e['message'] : `HTTP ${status}`,
    fields,
    current: e?.['current'],
    candidates: Array.isArray(e?.['candidates']) ? (e['candidates'] as unknown[]) : [],
    retryAfterSeconds,
    requestId: typeof e?.['requestId'] === 'string' ? e['requestId'] : undefined,
  });
}

/** The CSRF cookie's value; over https the server names it with the `__Host-` prefix. */
export function readCsrfToken(cookieHeader: string): string | undefined {
  let plain: string | undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = decodeURIComponent(part.slice(eq + 1).trim());
    if (name === '__Host-oila_csrf') return value;
    if (name === 'oila_csrf') plain = value;
  }
  return plain;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ApiClientDeps {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  cookies: () => string;
  /** Called once per response that says the session is gone; the app returns to sign-in. */
  onSignInNeeded?: (error: ApiError) => void;
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  del<T>(path: string, options?: RequestOptions): Promise<T>;
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  async function send(method: HttpMethod, path: string, body: unknown, options: RequestOptions, retried: boolean): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (options.signal) init.signal = options.signal;
    if (method !== 'GET') {
      headers['content-type'] = 'application/json';
      const token = readCsrfToken(deps.cookies());
      if (token) headers['x-csrf-token'] = token;
      init.body = JSON.stringify(body ?? {});
    }
    let response: Response;
    try {
      response = await deps.fetch(path, init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({ status: 0, code: 'network', message: 'The server could not be reached.' });
    }
    // The first state-changing request of a fresh browser may race the cookie being set; the failed
    // response has set it, so one retry with the new token is safe and invisible to the user.
    if (response.status === 403 && method !== 'GET' && !retried) {
      const clone = response.clone();
      const parsed: unknown = await clone.json().catch(() => undefined);
      const code = (parsed as { error?: { code?: unknown } } | undefined)?.error?.code;
      if (code === 'csrf_failed' && readCsrfToken(deps.cookies())) return send(method, path, body, options, true);
    }
    return response;
  }

  async function request<T>(method: HttpMethod, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const response = await send(method, path, body, options, false);
    const text = await response.text();
    let parsed: unknown;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      const error = toApiError(response.status, parsed, response.headers.get('retry-after'));
      if (error.needsSignIn) deps.onSignInNeeded?.(error);
      throw error;
    }
    return parsed as T;
  }

  return {
    request,
    get: (path, options) => request('GET', path, undefined, options),
    post: (path, body, options) => request('POST', path, body, options),
    put: (path, body, options) => request('PUT', path, body, options),
    patch: (path, body, options) => request('PATCH', path, body, options),
    del: (path, options) => request('DELETE', path, {}, options),
  };
}

let signInNeededListener: ((error: ApiError) => void) | undefined;

/** The session provider registers here to send the user back to sign-in. */
export function onSignInNeeded(listener: ((error: ApiError) => void) | undefined): void {
  signInNeededListener = listener;
}

/** The app's client, bound to the browser. */
export const api: ApiClient = createApiClient({
  fetch: (input, init) => globalThis.fetch(input, init),
  cookies: () => (typeof document === 'undefined' ? '' : document.cookie),
  onSignInNeeded: (error) => signInNeededListener?.(error),
});

/** Whether an error is the abort of a superseded request, which is not a failure to show. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
