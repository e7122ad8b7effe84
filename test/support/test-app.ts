import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { createDb, createPool, type Db } from '../../src/server/db/database.ts';
import type { RouteDef } from '../../src/server/platform/http/define-route.ts';
import { SecretBox } from '../../src/server/platform/crypto/secret-box.ts';

/** The secret key of every test app of a run: fixtures seal TOTP seeds with it. */
export const TEST_SECRETS = new SecretBox(Buffer.alloc(32, 0x5e));

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts the real server on a free loopback port, on the run's test database. */
export async function startTestApp(extraRoutes: readonly RouteDef[] = []): Promise<TestApp> {
  const pool = createPool({ connectionString: inject('databaseUrl') }, 5);
  const db = createDb(pool);
  // trustProxy: each TestClient names its own client address, as separate browsers would have.
  const app = await buildApp({ db, secrets: TEST_SECRETS, logLevel: 'silent', extraRoutes, trustProxy: true });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    app,
    db,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like client: keeps cookies, echoes the CSRF cookie in its header
 * as the web app does, and speaks JSON.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  readonly address = `192.0.2.${Math.floor(Math.random() * 254) + 1}-${Math.random().toString(36).slice(2, 8)}`;
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const csrf = this.cookies.get('oila_csrf');
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        'x-forwarded-for': this.address,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const raw of res.headers.getSetCookie()) {
      const [pair = ''] = raw.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(raw)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Fetches the CSRF cookie the way the web app gets it on first load. */
  async init(): Promise<this> {
    await this.request('GET', '/api/auth/session');
    return this;
  }

  get = <T = any>(path: string) => this.request<T>('GET', path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  put = <T = any>(path: string, body?: unknown) => this.request<T>('PUT', path, body ?? {});
  patch = <T = any>(path: string, body?: unknown) => this.request<T>('PATCH', path, body ?? {});
  delete = <T = any>(path: string) => this.request<T>('DELETE', path);
}
