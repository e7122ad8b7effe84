import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, TEST_SECRETS, TestClient, type TestApp } from '../../../../test/support/test-app.ts';
import { FIXTURE_PASSWORD, clientFor, makeOrganisation, totpCode, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { sha256Hex } from './tokens.ts';
import { sealPlainTotpSecrets } from './totp.ts';

let t: TestApp;
let org: OrgFixture;
beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
});
afterAll(async () => t.close());

const auditOf = (userId: string, action: string) =>
  t.db.selectFrom('audit_event').select(['outcome', 'details']).where('actor_user_id', '=', userId).where('action', '=', action).orderBy('seq').execute();

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    const c = new TestClient(t.baseUrl);
    expect((await c.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await c.get('/readyz')).body).toEqual({ status: 'ready', database: 'ok', migrations: 'complete' });
  });
});

describe('sign-in with a password', () => {
  it('signs a social worker in with a fresh HttpOnly, SameSite=Lax session, and audits it', async () => {
    const c = await new TestClient(t.baseUrl).init();
    c.cookies.set('oila_session', 'planted-by-an-attacker');
    const res = await c.post('/api/auth/sign-in', { email: org.users.social_worker.email.toUpperCase(), password: FIXTURE_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('active');
    expect(res.body.user.roles).toEqual(['social_worker']);
    const setCookie = res.headers.getSetCookie().find((h) => h.startsWith('oila_session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(c.cookies.get('oila_session')).not.toBe('planted-by-an-attacker');
    const me = await c.get('/api/auth/session');
    expect(me.body.user.email).toBe(org.users.social_worker.email);
    expect(await auditOf(org.users.social_worker.id, 'auth.sign_in')).toContainEqual(expect.objectContaining({ outcome: 'ok' }));
  });

  it('refuses a wrong password and an unknown account alike, auditing the failure', async () => {
    const c = await new TestClient(t.baseUrl).init();
    const wrong = await c.post('/api/auth/sign-in', { email: org.users.care_worker.email, password: 'not the password at all' });
    const unknown = await c.post('/api/auth/sign-in', { email: 'nobody@test.oila', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(unknown.body.error.code).toBe('invalid_credentials');
    expect(await auditOf(org.users.care_worker.id, 'auth.sign_in')).toContainEqual(expect.objectContaining({ outcome: 'failed' }));
  });

  it('answers 429 after 10 failures of one account within 15 minutes, even with the right password', async () => {
    const local = await makeOrganisation(t.db);
    const c = await new TestClient(t.baseUrl).init();
    for (let i = 0; i < 10; i++) {
      const r = await c.post('/api/auth/sign-in', { email: local.users.editor.email, password: `wrong password ${i}` });
      expect(r.status).toBe(401);
    }
    const blocked = await c.post('/api/auth/sign-in', { email: local.users.editor.email, password: FIXTURE_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(blocked.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const c = await new TestClient(t.baseUrl).init();
    const res = await c.request('POST', '/api/auth/sign-in', { email: org.users.editor.email, password: FIXTURE_PASSWORD }, { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('answers bad input with field errors, never a 500', async () => {
    const c = await new TestClient(t.baseUrl).init();
    const missing = await c.post('/api/auth/sign-in', { email: 'x@y.z' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toContainEqual({ path: ['password'], code: 'required' });
    const extra = await c.post('/api/auth/sign-in', { email: 'x@y.z', password: 'p', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields[0].code).toBe('unknown_field');
    const notJson = await c.request('POST', '/api/auth/sign-in', '{"email":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    const text = await c.request('POST', '/api/auth/sign-in', 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });
});

describe('two-factor sign-in', () => {
  it('asks a director for a TOTP code, accepts it once, and refuses its replay', async () => {
    const director = org.users.director;
    const c = await new TestClient(t.baseUrl).init();
    const first = await c.post('/api/auth/sign-in', { email: director.email, password: FIXTURE_PASSWORD });
    expect(first.body).toEqual({ stage: 'pending_totp', totpEnrolled: true });
    expect((await c.post('/api/auth/sign-out')).status).toBe(401);
    const code = totpCode(director.totpSecret!);
    const bad = await c.post('/api/auth/totp/verify', { code: code === '000000' ? '111111' : '000000' });
    expect(bad.body.error.code).toBe('totp_invalid');
    const ok = await c.post('/api/auth/totp/verify', { code });
    expect(ok.body.stage).toBe('active');

    const again = await new TestClient(t.baseUrl).init();
    await again.post('/api/auth/sign-in', { email: director.email, password: FIXTURE_PASSWORD });
    const replay = await again.post('/api/auth/totp/verify', { code });
    expect(replay.body.error.code).toBe('totp_invalid');
  });

  it('makes a supervisor without 2FA enrol before the session is active, and the recovery codes work once', async () => {
    const local = await makeOrganisation(t.db);
    await t.db.updateTable('app_user').set({ totp_secret: null, totp_enabled_at: null }).where('id', '=', local.users.supervisor.id).execute();
    const c = await new TestClient(t.baseUrl).init();
    const first = await c.post('/api/auth/sign-in', { email: local.users.supervisor.email, password: FIXTURE_PASSWORD });
    expect(first.body).toEqual({ stage: 'pending_totp', totpEnrolled: false });
    const setup = await c.post('/api/auth/totp/setup');
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Oila/);
    expect(setup.body.qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const enabled = await c.post('/api/auth/totp/enable', { code: totpCode(setup.body.secret) });
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    expect(enabled.body.state.stage).toBe('active');

    const next = await new TestClient(t.baseUrl).init();
    await next.post('/api/auth/sign-in', { email: local.users.supervisor.email, password: FIXTURE_PASSWORD });
    const recovered = await next.post('/api/auth/totp/verify', { recoveryCode: enabled.body.recoveryCodes[0] });
    expect(recovered.body.stage).toBe('active');
    const third = await new TestClient(t.baseUrl).init();
    await third.post('/api/auth/sign-in', { email: local.users.supervisor.email, password: FIXTURE_PASSWORD });
    expect((await third.post('/api/auth/totp/verify', { recoveryCode: enabled.body.recoveryCodes[0] })).body.error.code).toBe('totp_invalid');
  });

  it('keeps the TOTP seed sealed in the database, bound to its user; plain seeds are sealed at start', async () => {
    const local = await makeOrganisation(t.db);
    const supervisor = local.users.supervisor;
    await t.db.updateTable('app_user').set({ totp_secret: null, totp_enabled_at: null }).where('id', '=', supervisor.id).execute();
    const c = await new TestClient(t.baseUrl).init();
    await c.post('/api/auth/sign-in', { email: supervisor.email, password: FIXTURE_PASSWORD });
    const setup = await c.post('/api/auth/totp/setup');
    await c.post('/api/auth/totp/enable', { code: totpCode(setup.body.secret) });
    const stored = (await t.db.selectFrom('app_user').select('totp_secret').where('id', '=', supervisor.id).executeTakeFirstOrThrow()).totp_secret!;
    expect(stored.startsWith('v1.')).toBe(true);
    expect(stored).not.toContain(setup.body.secret);

    // The sealed seed copied onto another account does not let anyone in there.
    const director = local.users.director;
    await t.db.updateTable('app_user').set({ totp_secret: stored, totp_last_step: null }).where('id', '=', director.id).execute();
    const copy = await new TestClient(t.baseUrl).init();
    await copy.post('/api/auth/sign-in', { email: director.email, password: FIXTURE_PASSWORD });
    expect((await copy.post('/api/auth/totp/verify', { code: totpCode(setup.body.secret) })).body.error.code).toBe('totp_invalid');
    const failure = await t.db.selectFrom('audit_event').select('details').where('actor_user_id', '=', director.id).where('action', '=', 'auth.sign_in.totp').executeTakeFirstOrThrow();
    expect(failure.details).toEqual({ code: 'totp_sealed_with_other_key' });

    // A seed stored before sealing existed (or by the demo seed) is sealed at start and still works.
    await t.db.updateTable('app_user').set({ totp_secret: director.totpSecret, totp_last_step: null }).where('id', '=', director.id).execute();
    expect(await sealPlainTotpSecrets(t.db, TEST_SECRETS)).toBeGreaterThanOrEqual(1);
    const resealed = (await t.db.selectFrom('app_user').select('totp_secret').where('id', '=', director.id).executeTakeFirstOrThrow()).totp_secret!;
    expect(resealed.startsWith('v1.')).toBe(true);
    const after = await new TestClient(t.baseUrl).init();
    await after.post('/api/auth/sign-in', { email: director.email, password: FIXTURE_PASSWORD });
    expect((await after.post('/api/auth/totp/verify', { code: totpCode(director.totpSecret!) })).body.stage).toBe('active');
  });
});

describe('sessions', () => {
  it('ends at sign-out: the old cookie no longer works', async () => {
    const c = await clientFor(t.baseUrl, t.db, org.users.social_worker);
    const token = c.cookies.get('oila_session')!;
    expect((await c.post('/api/auth/sign-out')).status).toBe(200);
    const replay = new TestClient(t.baseUrl);
    replay.cookies.set('oila_session', token);
    expect((await replay.get('/api/auth/session')).body).toEqual({ stage: 'anonymous' });
  });

  it('expires after 30 idle minutes and after 12 hours in all', async () => {
    const idle = await clientFor(t.baseUrl, t.db, org.users.care_worker);
    await t.db.updateTable('session').set({ last_seen_at: sql<string>`now() - interval '31 minutes'` }).where('id', '=', sha256Hex(idle.cookies.get('oila_session')!)).execute();
    expect((await idle.post('/api/auth/sign-out')).body.error.code).toBe('session_expired');
    const old = await clientFor(t.baseUrl, t.db, org.users.care_worker);
    await t.db.updateTable('session').set({ expires_at: sql<string>`now() - interval '1 second'` }).where('id', '=', sha256Hex(old.cookies.get('oila_session')!)).execute();
    expect((await old.get('/api/auth/session')).body).toEqual({ stage: 'anonymous' });
  });

  it('sends security headers and no-store on API answers', async () => {
    const res = await new TestClient(t.baseUrl).get('/api/auth/session');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
