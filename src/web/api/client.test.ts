import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, readCsrfToken, toApiError } from './client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeServer(responses: Response[], cookie = 'oila_csrf=tok123') {
  const calls: Call[] = [];
  const signInNeeded: ApiError[] = [];
  const client = createApiClient({
    fetch: async (url, init) => {
      calls.push({ url, init });
      const next = responses.shift();
      if (!next) throw new TypeError('Failed to fetch');
      return next;
    },
    cookies: () => cookie,
    onSignInNeeded: (e) => signInNeeded.push(e),
  });
  return { client, calls, signInNeeded };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('toApiError', () => {
  it('keeps the code, fields, current record and request id of an error body', () => {
    const e = toApiError(409, {
      error: { code: 'version_conflict', message: 'changed', requestId: 'r1', current: { id: 'p1', version: 4 } },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('version_conflict');
    expect(e.current).toEqual({ id: 'p1', version: 4 });
    expect(e.requestId).toBe('r1');
    expect(e.status).toBe(409);
  });

  it('keeps the candidates of a possible duplicate', () => {
    const e = toApiError(409, { error: { code: 'possible_duplicate', message: 'x', candidates: [{ person: { id: 'p1' }, band: 'likely' }] } });
    expect(e.code).toBe('possible_duplicate');
    expect(e.candidates).toEqual([{ person: { id: 'p1' }, band: 'likely' }]);
    expect(toApiError(409, { error: { code: 'conflict', message: 'x' } }).candidates).toEqual([]);
  });

  it('keeps only well-formed field errors', () => {
    const e = toApiError(400, {
      error: { code: 'validation_failed', message: 'x', fields: [{ path: ['pinfl'], code: 'invalid_pinfl' }, { nonsense: true }, null] },
    });
    expect(e.fields).toEqual([{ path: ['pinfl'], code: 'invalid_pinfl' }]);
  });

  it('falls back to a code from the status when the body is not ours', () => {
    expect(toApiError(502, '<html>Bad gateway</html>').code).toBe('service_unavailable');
    expect(toApiError(401, undefined).code).toBe('unauthenticated');
    expect(toApiError(404, { error: { code: 'no_such_code_yet', message: 'x' } }).code).toBe('not_found');
    expect(toApiError(500, null).code).toBe('internal');
  });

  it('reads the wait of a rate limit from the body or the Retry-After header', () => {
    expect(toApiError(429, { error: { code: 'rate_limited', message: 'x', retryAfterSeconds: 42 } }).retryAfterSeconds).toBe(42);
    expect(toApiError(429, {}, '17').retryAfterSeconds).toBe(17);
    expect(toApiError(429, {}, 'Wed, 21 Oct 2015 07:28:00 GMT').retryAfterSeconds).toBeUndefined();
  });

  it('marks the codes that need a new sign-in', () => {
    expect(toApiError(401, { error: { code: 'session_expired', message: 'x' } }).needsSignIn).toBe(true);
    expect(toApiError(401, { error: { code: 'invalid_credentials', message: 'x' } }).needsSignIn).toBe(false);
  });
});

describe('readCsrfToken', () => {
  it('reads the plain cookie and prefers the __Host- one', () => {
    expect(readCsrfToken('a=1; oila_csrf=abc; b=2')).toBe('abc');
    expect(readCsrfToken('oila_csrf=plain; __Host-oila_csrf=secure')).toBe('secure');
    expect(readCsrfToken('other=1')).toBeUndefined();
    expect(readCsrfToken('')).toBeUndefined();
  });
});

describe('createApiClient', () => {
  it('sends JSON with the CSRF header on state-changing requests', async () => {
    const { client, calls } = fakeServer([json(200, { ok: true })]);
    await client.post('/api/people/search', { q: 'Ali' });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('tok123');
    expect(headers['content-type']).toBe('application/json');
    expect(calls[0]?.init.body).toBe('{"q":"Ali"}');
  });

  it('sends {} when a state-changing request has no body', async () => {
    const { client, calls } = fakeServer([json(200, { ok: true })]);
    await client.post('/api/auth/sign-out');
    expect(calls[0]?.init.body).toBe('{}');
  });

  it('sends no body and no CSRF header on GET', async () => {
    const { client, calls } = fakeServer([json(200, { stage: 'anonymous' })]);
    expect(await client.get('/api/auth/session')).toEqual({ stage: 'anonymous' });
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBeUndefined();
    expect(calls[0]?.init.body).toBeUndefined();
  });

  it('throws an ApiError with the field errors of a 400', async () => {
    const { client } = fakeServer([json(400, { error: { code: 'validation_failed', message: 'x', fields: [{ path: ['phone'], code: 'invalid_phone' }] } })]);
    const error = await client.post('/api/people', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fields[0]?.code).toBe('invalid_phone');
  });

  it('tells the app to sign in again on an expired session', async () => {
    const { client, signInNeeded } = fakeServer([json(401, { error: { code: 'session_expired', message: 'x' } })]);
    await expect(client.get('/api/people/1')).rejects.toMatchObject({ code: 'session_expired' });
    expect(signInNeeded).toHaveLength(1);
  });

  it('does not send wrong credentials back to sign-in as an expired session', async () => {
    const { client, signInNeeded } = fakeServer([json(401, { error: { code: 'invalid_credentials', message: 'x' } })]);
    await expect(client.post('/api/auth/sign-in', {})).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(signInNeeded).toHaveLength(0);
  });

  it('retries once when the CSRF token was refused', async () => {
    const { client, calls } = fakeServer([json(403, { error: { code: 'csrf_failed', message: 'x' } }), json(200, { ok: true })]);
    expect(await client.put('/api/me/locale', { locale: 'ru' })).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('gives up after one CSRF retry', async () => {
    const refused = () => json(403, { error: { code: 'csrf_failed', message: 'x' } });
    const { client, calls } = fakeServer([refused(), refused(), refused()]);
    await expect(client.put('/api/me/locale', { locale: 'ru' })).rejects.toMatchObject({ code: 'csrf_failed' });
    expect(calls).toHaveLength(2);
  });

  it('maps a network failure to the network code', async () => {
    const { client } = fakeServer([]);
    await expect(client.get('/api/organisation')).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('lets an abort through untouched', async () => {
    const client = createApiClient({
      fetch: async () => {
        throw new DOMException('aborted', 'AbortError');
      },
      cookies: () => '',
    });
    await expect(client.get('/x')).rejects.toMatchObject({ name: 'AbortError' });
  });
});
