import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TestClient, type TestApp } from '../../../../test/support/test-app.ts';
import { FIXTURE_PASSWORD, clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { userRoutes } from './user.routes.ts';

let t: TestApp;
let org: OrgFixture;
let other: OrgFixture;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  other = await makeOrganisation(t.db);
  admin = await clientFor(t.baseUrl, t.db, org.users.admin);
});
afterAll(async () => t.close());

const PASSWORD = 'river lantern quietly folding';
let seq = 0;
const newEmail = () => `made-${Date.now()}-${++seq}@test.oila`;
const newUser = (over: Record<string, unknown> = {}) => ({
  email: newEmail(), displayName: 'New Worker', locale: 'en', password: PASSWORD,
  assignments: [{ role: 'social_worker', branchId: org.branchA }], ...over,
});

const usersWithEmail = async (email: string) =>
  Number((await t.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).where('email', '=', email.toLowerCase()).executeTakeFirstOrThrow()).n);
const auditOf = (recordId: string) =>
  t.db.selectFrom('audit_event').select(['action', 'outcome', 'actor_user_id', 'details']).where('record_id', '=', recordId).orderBy('seq').execute();

describe('creating an account', () => {
  it('creates a social worker who can then sign in with the password, and audits it without names or e-mails', async () => {
    const body = newUser({ email: `  Mixed.Case-${Date.now()}@Test.Oila ` });
    const res = await admin.post('/api/users', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: (body.email).trim().toLowerCase(), displayName: 'New Worker', locale: 'en', disabledAt: null, totpEnabled: false, version: 1,
      assignments: [{ role: 'social_worker', branchId: org.branchA, programme: null, teamId: null }],
    });
    expect(res.body).not.toHaveProperty('lastSignInAt');
    expect(JSON.stringify(res.body)).not.toMatch(/password|totp_secret|recovery/i);

    const c = await new TestClient(t.baseUrl).init();
    const signIn = await c.post('/api/auth/sign-in', { email: res.body.email, password: PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.body.stage).toBe('active');
    expect(signIn.body.user.roles).toEqual(['social_worker']);

    const read = await admin.get(`/api/users/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(typeof read.body.lastSignInAt).toBe('string');

    const events = await auditOf(res.body.id);
    expect(events).toContainEqual(expect.objectContaining({ action: 'user.create', outcome: 'ok', actor_user_id: org.users.admin.id }));
    expect(events).toContainEqual(expect.objectContaining({ action: 'user.read', outcome: 'ok' }));
    const created = events.find((e) => e.action === 'user.create')!;
    expect(created.details).toMatchObject({ rolesAdded: ['social_worker'] });
    expect(JSON.stringify(events)).not.toContain(res.body.email);
    expect(JSON.stringify(events)).not.toContain('New Worker');
  });

  it('gives a partner the branch of their team, and refuses a team of another branch', async () => {
    const ok = await admin.post('/api/users', newUser({ assignments: [{ role: 'partner', teamId: org.teamA }] }));
    expect(ok.status).toBe(201);
    expect(ok.body.assignments).toEqual([{ role: 'partner', branchId: org.branchA, programme: null, teamId: org.teamA }]);
    const email = newEmail();
    const bad = await admin.post('/api/users', newUser({ email, assignments: [{ role: 'partner', branchId: org.branchB, teamId: org.teamA }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: ['assignments', 0, 'teamId'], code: 'invalid_value' }]);
    expect(await usersWithEmail(email)).toBe(0);
  });

  it('refuses a common password with password_too_common, and a short one with password_too_short; nothing is created', async () => {
    for (const [password, code] of [['password1234', 'password_too_common'], ['Password123!', 'password_too_common'], ['short', 'password_too_short']] as const) {
      const email = newEmail();
      const res = await admin.post('/api/users', newUser({ email, password }));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe(code);
      expect(await usersWithEmail(email)).toBe(0);
    }
  });

  it('answers 409 with a field error on email for an e-mail in use, in any case and in any organisation', async () => {
    for (const email of [org.users.care_worker.email.toUpperCase(), other.users.care_worker.email]) {
      const res = await admin.post('/api/users', newUser({ email }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
      expect(res.body.error.fields).toEqual([{ path: ['email'], code: 'invalid_value' }]);
      expect(await usersWithEmail(email)).toBe(1);
    }
  });

  it('answers bad input with 400 and field paths, and changes nothing', async () => {
    const cases: [Record<string, unknown>, { path: (string | number)[]; code: string }][] = [
      [{ email: undefined }, { path: ['email'], code: 'required' }],
      [{ assignments: undefined }, { path: ['assignments'], code: 'required' }],
      [{ assignments: [] }, { path: ['assignments'], code: 'too_small' }],
      [{ displayName: 42 }, { path: ['displayName'], code: 'invalid_type' }],
      [{ email: 'not an e-mail' }, { path: ['email'], code: 'invalid_format' }],
      [{ locale: 'fr' }, { path: ['locale'], code: 'invalid_value' }],
      [{ isAdmin: true }, { path: ['isAdmin'], code: 'unknown_field' }],
      [{ assignments: [{ role: 'social_worker', branchId: org.branchA, extra: 1 }] }, { path: ['assignments', 0, 'extra'], code: 'unknown_field' }],
      [{ assignments: [{ role: 'wizard', branchId: org.branchA }] }, { path: ['assignments', 0, 'role'], code: 'invalid_value' }],
      [{ assignments: [{ role: 'social_worker', branchId: 'branch-a' }] }, { path: ['assignments', 0, 'branchId'], code: 'invalid_format' }],
      [{ assignments: [{ role: 'social_worker', branchId: other.branchA }] }, { path: ['assignments', 0, 'branchId'], code: 'invalid_value' }],
      [{ assignments: [{ role: 'social_worker', branchId: org.branchA, teamId: other.teamA }] }, { path: ['assignments', 0, 'teamId'], code: 'invalid_value' }],
      [{ assignments: [{ role: 'director' }, { role: 'supervisor' }] }, { path: ['assignments', 1, 'branchId'], code: 'invalid_value' }],
      [{ assignments: [{ role: 'care_worker' }] }, { path: ['assignments', 0, 'branchId'], code: 'invalid_value' }],
      [{ assignments: [{ role: 'partner', branchId: org.branchA }] }, { path: ['assignments', 0, 'teamId'], code: 'invalid_value' }],
      [{ assignments: [{ role: 'director', branchId: org.branchA }] }, { path: ['assignments', 0, 'branchId'], code: 'invalid_value' }],
      [{ assignments: [{ role: 'admin' }, { role: 'admin' }] }, { path: ['assignments', 1], code: 'invalid_value' }],
    ];
    for (const [over, field] of cases) {
      const body = newUser(over);
      const res = await admin.post('/api/users', body);
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.fields, JSON.stringify(over)).toContainEqual(expect.objectContaining(field));
      if (typeof body.email === 'string' && body.email.includes('@')) expect(await usersWithEmail(body.email)).toBe(0);
    }
  });

  it('answers bad changes with 400 and field paths, and changes nothing', async () => {
    const target = org.otherWorkerA.id;
    const patch = await admin.patch(`/api/users/${target}`, { version: '1', email: 'new@test.oila', assignments: [{ role: 'social_worker', branchId: other.branchA }] });
    expect(patch.status).toBe(400);
    expect(patch.body.error.fields).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: ['version'], code: 'invalid_type' }),
      expect.objectContaining({ path: ['email'], code: 'unknown_field' }),
    ]));
    const foreignBranch = await admin.patch(`/api/users/${target}`, { version: 1, assignments: [{ role: 'social_worker', branchId: other.branchA }] });
    expect(foreignBranch.status).toBe(400);
    expect(foreignBranch.body.error.fields).toEqual([{ path: ['assignments', 0, 'branchId'], code: 'invalid_value' }]);
    const noVersion = await admin.post(`/api/users/${target}/disable`, {});
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.fields).toContainEqual(expect.objectContaining({ path: ['version'], code: 'required' }));
    const badId = await admin.get('/api/users/not-a-uuid');
    expect(badId.status).toBe(400);
    const row = await t.db.selectFrom('app_user').select(['version', 'disabled_at']).where('id', '=', target).executeTakeFirstOrThrow();
    expect(row).toEqual({ version: 1, disabled_at: null });
    expect((await t.db.selectFrom('role_assignment').select('branch_id').where('user_id', '=', target).execute()).map((r) => r.branch_id)).toEqual([org.branchA]);
  });
});

describe('changing an account', () => {
  it('answers a stale version with 409 and the current record', async () => {
    const made = (await admin.post('/api/users', newUser())).body;
    const first = await admin.patch(`/api/users/${made.id}`, { version: 1, displayName: 'Renamed Once' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.patch(`/api/users/${made.id}`, { version: 1, displayName: 'Renamed Twice' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.current).toMatchObject({ id: made.id, displayName: 'Renamed Once', version: 2 });
    const staleDisable = await admin.post(`/api/users/${made.id}/disable`, { version: 1 });
    expect(staleDisable.status).toBe(409);
    expect(staleDisable.body.error.current.version).toBe(2);
    const events = await auditOf(made.id);
    expect(events.find((e) => e.action === 'user.update')!.details).toEqual({ fields: ['displayName'], version: 2 });
  });

  it('replaces roles, ends the user\'s sessions and audits the roles added and removed', async () => {
    const made = (await admin.post('/api/users', newUser())).body;
    const session = await clientFor(t.baseUrl, t.db, { id: made.id, email: made.email, role: 'social_worker', totpSecret: null });
    expect((await session.put('/api/me/locale', { locale: 'ru' })).status).toBe(200);

    const same = await admin.patch(`/api/users/${made.id}`, { version: 1, assignments: [{ role: 'social_worker', branchId: org.branchA }] });
    expect(same.status).toBe(200);
    expect((await session.put('/api/me/locale', { locale: 'en' })).status).toBe(200); // same rights: the session stays

    const changed = await admin.patch(`/api/users/${made.id}`, { version: 2, assignments: [{ role: 'care_worker', branchId: org.branchB, programme: 'youth' }] });
    expect(changed.status).toBe(200);
    expect(changed.body.assignments).toEqual([{ role: 'care_worker', branchId: org.branchB, programme: 'youth', teamId: null }]);
    expect((await session.put('/api/me/locale', { locale: 'ru' })).status).toBe(401);
    const update = (await auditOf(made.id)).filter((e) => e.action === 'user.update').at(-1)!;
    expect(update.details).toMatchObject({ fields: ['assignments'], rolesAdded: ['care_worker'], rolesRemoved: ['social_worker'], sessionsEnded: true });
  });

  it('disabling ends the live session at once and refuses the next sign-in; enabling lets the user in again', async () => {
    const made = (await admin.post('/api/users', newUser())).body;
    const c = await new TestClient(t.baseUrl).init();
    expect((await c.post('/api/auth/sign-in', { email: made.email, password: PASSWORD })).body.stage).toBe('active');
    expect((await c.put('/api/me/locale', { locale: 'ru' })).status).toBe(200);

    const disabled = await admin.post(`/api/users/${made.id}/disable`, { version: 1 });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).toEqual(expect.any(String));
    expect(disabled.body.version).toBe(2);
    expect((await c.put('/api/me/locale', { locale: 'en' })).status).toBe(401);
    expect(await t.db.selectFrom('session').select('id').where('user_id', '=', made.id).execute()).toEqual([]);

    const again = await new TestClient(t.baseUrl).init();
    const refused = await again.post('/api/auth/sign-in', { email: made.email, password: PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('account_disabled');
    expect((await admin.post(`/api/users/${made.id}/disable`, { version: 2 })).body.error.code).toBe('conflict');

    const listed = await admin.post('/api/users/search', { q: made.email, page: 1, pageSize: 25 });
    expect(listed.body.total).toBe(0);
    const withDisabled = await admin.post('/api/users/search', { q: made.email, includeDisabled: true, page: 1, pageSize: 25 });
    expect(withDisabled.body.items.map((u: { id: string }) => u.id)).toEqual([made.id]);

    expect((await admin.post(`/api/users/${made.id}/enable`, { version: 2 })).body.disabledAt).toBeNull();
    expect((await again.post('/api/auth/sign-in', { email: made.email, password: PASSWORD })).body.stage).toBe('active');
    const actions = (await auditOf(made.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.disable', 'user.enable']));
  });

  it('refuses to let an administrator disable themselves or drop their own admin role', async () => {
    const me = (await admin.get(`/api/users/${org.users.admin.id}`)).body;
    const self = await admin.post(`/api/users/${me.id}/disable`, { version: me.version });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('conflict');
    const drop = await admin.patch(`/api/users/${me.id}`, { version: me.version, assignments: [{ role: 'director' }] });
    expect(drop.status).toBe(409);
    expect((await admin.post(`/api/users/${me.id}/reset-totp`, { version: me.version })).status).toBe(409);
    expect((await admin.post(`/api/users/${me.id}/reset-password`, { version: me.version, password: PASSWORD })).status).toBe(409);
    const after = await t.db.selectFrom('app_user').select(['disabled_at', 'version', 'totp_enabled_at']).where('id', '=', me.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ disabled_at: null, version: me.version });
    expect(after.totp_enabled_at).not.toBeNull();
  });

  it('resets a password: the old one stops working, sessions end, the second factor stays', async () => {
    const local = await makeOrganisation(t.db);
    const localAdmin = await clientFor(t.baseUrl, t.db, local.users.admin);
    const target = local.users.director;
    const live = await clientFor(t.baseUrl, t.db, target);
    expect((await live.put('/api/me/locale', { locale: 'ru' })).status).toBe(200);
    const weak = await localAdmin.post(`/api/users/${target.id}/reset-password`, { version: 1, password: 'qwertyuiop123' });
    expect(weak.body.error.code).toBe('password_too_common');
    const res = await localAdmin.post(`/api/users/${target.id}/reset-password`, { version: 1, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.totpEnabled).toBe(true);
    expect((await live.put('/api/me/locale', { locale: 'en' })).status).toBe(401);
    const c = await new TestClient(t.baseUrl).init();
    expect((await c.post('/api/auth/sign-in', { email: target.email, password: FIXTURE_PASSWORD })).body.error.code).toBe('invalid_credentials');
    expect((await c.post('/api/auth/sign-in', { email: target.email, password: PASSWORD })).body).toEqual({ stage: 'pending_totp', totpEnrolled: true });
  });

  it('resets TOTP so the user enrols again at the next sign-in', async () => {
    const local = await makeOrganisation(t.db);
    const localAdmin = await clientFor(t.baseUrl, t.db, local.users.admin);
    const target = local.users.supervisor;
    await t.db.updateTable('app_user').set({ recovery_code_hashes: ['a', 'b'] }).where('id', '=', target.id).execute();
    const res = await localAdmin.post(`/api/users/${target.id}/reset-totp`, { version: 1 });
    expect(res.status).toBe(200);
    expect(res.body.totpEnabled).toBe(false);
    const row = await t.db.selectFrom('app_user').select(['totp_secret', 'totp_enabled_at', 'recovery_code_hashes']).where('id', '=', target.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_enabled_at: null, recovery_code_hashes: [] });
    const c = await new TestClient(t.baseUrl).init();
    expect((await c.post('/api/auth/sign-in', { email: target.email, password: FIXTURE_PASSWORD })).body).toEqual({ stage: 'pending_totp', totpEnrolled: false });
  });
});

describe('who may see and change accounts', () => {
  const urlOf = (url: string, userId: string) => url.replace(':userId', userId);

  it('refuses a social worker on every users route with 403, and audits each refusal', async () => {
    const sw = await clientFor(t.baseUrl, t.db, org.users.social_worker);
    expect(userRoutes.length).toBe(8);
    for (const route of userRoutes) {
      const res = await sw.request(route.method, urlOf(route.url, org.users.care_worker.id), route.method === 'GET' ? undefined : (route.example ?? {}));
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const denied = await t.db.selectFrom('audit_event').select('action').where('actor_user_id', '=', org.users.social_worker.id).where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(userRoutes.map((r) => r.action)));
  });

  it('answers 404 for an account of another organisation, on reads and changes alike', async () => {
    const foreign = other.users.social_worker.id;
    for (const route of userRoutes.filter((r) => r.record)) {
      const res = await admin.request(route.method, urlOf(route.url, foreign), route.method === 'GET' ? undefined : (route.example ?? {}));
      expect(res.status, `${route.method} ${route.url}`).toBe(404);
      expect(res.body.error.code).toBe('not_found_or_no_access');
    }
    const found = await admin.post('/api/users/search', { q: other.users.social_worker.email, page: 1, pageSize: 25 });
    expect(found.body.total).toBe(0);
    const row = await t.db.selectFrom('app_user').select(['version', 'disabled_at']).where('id', '=', foreign).executeTakeFirstOrThrow();
    expect(row).toEqual({ version: 1, disabled_at: null });
    expect(await auditOf(foreign)).toContainEqual(expect.objectContaining({ action: 'user.read', outcome: 'denied', actor_user_id: org.users.admin.id }));
  });

  it('lets a supervisor read the accounts of their organisation, but change none', async () => {
    const sup = await clientFor(t.baseUrl, t.db, org.users.supervisor);
    const list = await sup.post('/api/users/search', { role: 'social_worker', page: 1, pageSize: 100 });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([org.users.social_worker.id, org.otherWorkerA.id, org.workerB.id]));
    expect(ids).not.toContain(other.users.social_worker.id);
    expect((await sup.get(`/api/users/${org.workerB.id}`)).status).toBe(200);
    expect((await sup.get(`/api/users/${other.users.social_worker.id}`)).status).toBe(404);
    expect((await sup.post('/api/users', newUser())).status).toBe(403);
    expect((await sup.post(`/api/users/${org.users.social_worker.id}/disable`, { version: 1 })).status).toBe(403);
  });

  it('lets a director read every account of the organisation', async () => {
    const director = await clientFor(t.baseUrl, t.db, org.users.director);
    const res = await director.post('/api/users/search', { role: 'social_worker', branchId: org.branchB, page: 1, pageSize: 100 });
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { id: string }) => u.id)).toEqual([org.workerB.id]);
  });

  it('searches by name or e-mail, role and branch, and audits the search with ids only', async () => {
    const res = await admin.post('/api/users/search', { q: org.users.partner.email.toUpperCase(), page: 1, pageSize: 10 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(res.body.items[0]).toMatchObject({ id: org.users.partner.id, assignments: [{ role: 'partner', branchId: org.branchA, teamId: org.teamA }] });
    const byRole = await admin.post('/api/users/search', { role: 'social_worker', branchId: org.branchA, page: 1, pageSize: 100 });
    expect(byRole.body.items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([org.users.social_worker.id, org.otherWorkerA.id]));
    expect(byRole.body.items.every((u: { assignments: { role: string }[] }) => u.assignments.some((a) => a.role === 'social_worker'))).toBe(true);
    const search = await t.db.selectFrom('audit_event').select('details').where('actor_user_id', '=', org.users.admin.id).where('action', '=', 'user.search').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(search.details)).not.toContain('@');
    const bad = await admin.post('/api/users/search', { page: 0, pageSize: 500, role: 'king' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string[] }) => f.path[0]).sort()).toEqual(['page', 'pageSize', 'role']);
  });
});
