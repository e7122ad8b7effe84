import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from './app.ts';
import { createDb, createPool, type Db } from './db/database.ts';
import { allRoutes } from './routes.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../test/support/fixtures.ts';
import { TEST_SECRETS, TestClient } from '../../test/support/test-app.ts';

let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let org: OrgFixture;
const logLines: string[] = [];

beforeAll(async () => {
  db = createDb(createPool({ connectionString: inject('databaseUrl') }, 3));
  app = await buildApp({ db, secrets: TEST_SECRETS, logLevel: 'info', logStream: { write: (line) => void logLines.push(line) } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  org = await makeOrganisation(db);
});
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('the OpenAPI document', () => {
  it('lists every route with its permission in x-permission, and example bodies', async () => {
    const doc = (await new TestClient(baseUrl).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const def of allRoutes) {
      const op = doc.paths[def.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[def.method.toLowerCase()];
      expect(op, `${def.method} ${def.url}`).toBeDefined();
      expect(op['x-permission']).toBe(def.permission);
      if (def.example !== undefined) expect(op.requestBody.content['application/json'].example).toEqual(def.example);
    }
  });

  it('resolves every $ref to a named schema in components', async () => {
    const doc = (await new TestClient(baseUrl).get('/api/openapi.json')).body;
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty(ref);
  });

  it('serves the API docs page', async () => {
    const res = await fetch(`${baseUrl}/api/docs/`, { redirect: 'follow' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('swagger');
  });
});

describe('logs', () => {
  it('carry request ids and paths, and no personal data nor query strings', async () => {
    const worker = await clientFor(baseUrl, db, org.users.social_worker);
    const created = await worker.post('/api/people', { givenName: 'Шаҳзода', familyName: 'Логова', sex: 'female', phone: '+998 93 741 29 58', branchId: org.branchA });
    expect(created.status).toBe(201);
    await worker.post('/api/people/search', { q: 'Шаҳзода' });
    await worker.get(`/api/locations?kind=region&secret=Логова`);
    await worker.post('/api/people', { givenName: 'Шаҳзода', familyName: 'Логова', sex: 'nope', branchId: org.branchA });
    await new Promise((r) => setTimeout(r, 50));
    const text = logLines.join('');
    expect(text).toContain('"path":"/api/people"');
    expect(text).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    // Digits long enough not to turn up by chance in a pid or a timestamp.
    for (const secret of ['Шаҳзода', 'Логова', '7412958', '741 29 58', 'secret=']) expect(text).not.toContain(secret);
  });
});

describe('unknown addresses and bad requests', () => {
  it('answers JSON 404s under /api and never a 500 for junk', async () => {
    const c = await new TestClient(baseUrl).init();
    expect((await c.get('/api/nothing-here')).body.error.code).toBe('not_found');
    const worker = await clientFor(baseUrl, db, org.users.social_worker);
    expect((await worker.get('/api/people/not-a-uuid')).status).toBe(400);
    expect((await worker.request('POST', '/api/people/search', '[1,2', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await worker.request('POST', '/api/people/search', 'x'.repeat(2_000_000), { 'content-type': 'application/json' })).status).toBe(413);
    expect((await worker.post('/api/people/search', { q: 'x'.repeat(101) })).status).toBe(400);
    expect((await worker.post('/api/people/search', { q: "'; DROP TABLE person; --" })).status).toBe(200);
    expect((await worker.post('/api/people/search', { q: '%_\\' })).status).toBe(200);
  });
});
