import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { DEFAULT_TIME_ZONE } from '../../../shared/i18n/format.ts';

let t: TestApp;
let org: OrgFixture;
let other: OrgFixture;
let director: TestClient;

interface Item { seq: number; at: string; actorUserId: string | null; actorName: string | null; action: string; outcome: string; recordType: string | null; recordId: string | null; details: Record<string, unknown> }

/** A few events of each organisation, written as the services write them. */
async function event(o: OrgFixture, actorUserId: string, action: string, recordId: string | null = null, outcome: 'ok' | 'denied' = 'ok') {
  await t.db.insertInto('audit_event').values({
    organisation_id: o.organisationId, actor_user_id: actorUserId, action, outcome, record_type: recordId ? 'person' : null, record_id: recordId,
    request_id: 'test', details: JSON.stringify({ code: 'test' }),
  }).execute();
}

const recordA = '11111111-1111-4111-8111-111111111111';
const recordB = '22222222-2222-4222-8222-222222222222';

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  other = await makeOrganisation(t.db);
  director = await clientFor(t.baseUrl, t.db, org.users.director);
  await event(org, org.users.social_worker.id, 'person.read', recordA);
  await event(org, org.users.social_worker.id, 'person.update', recordA);
  await event(org, org.users.care_worker.id, 'person.read', recordB);
  await event(org, org.users.care_worker.id, 'household.read');
  await event(org, org.users.care_worker.id, 'personal.note');
  await event(other, other.users.social_worker.id, 'person.read', recordA);
  await event(other, other.users.director.id, 'person.update', recordB);
});
afterAll(async () => t.close());

const search = async (filters: Record<string, unknown>) => {
  const res = await director.post('/api/audit/search', { page: 1, pageSize: 100, ...filters });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Item[]; total: number; page: number; pageSize: number };
};

/** Today's date where the organisation works, as a user there would type it. */
function localDate(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

describe('searching the audit log', () => {
  it("shows a director the organisation's events, newest first, with the actor's name", async () => {
    const page = await search({});
    expect(page.total).toBeGreaterThanOrEqual(5);
    const seqs = page.items.map((i) => i.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const item = page.items.find((i) => i.action === 'person.update')!;
    expect(item).toMatchObject({
      actorUserId: org.users.social_worker.id, actorName: expect.stringMatching(/^social_worker /),
      outcome: 'ok', recordType: 'person', recordId: recordA, details: { code: 'test' },
    });
    expect(Date.parse(item.at)).not.toBeNaN();
  });

  it('filters by user, record, action prefix and outcome', async () => {
    const byUser = await search({ userId: org.users.care_worker.id });
    expect(byUser.items.map((i) => i.action).sort()).toEqual(['household.read', 'person.read', 'personal.note']);
    const byRecord = await search({ recordId: recordA });
    expect(byRecord.items.map((i) => [i.action, i.actorUserId])).toEqual([
      ['person.update', org.users.social_worker.id],
      ['person.read', org.users.social_worker.id],
    ]);
    const byPrefix = await search({ action: 'person.' });
    expect(byPrefix.items.length).toBeGreaterThanOrEqual(3);
    expect(byPrefix.items.every((i) => i.action.startsWith('person.'))).toBe(true);
    expect(byPrefix.items.map((i) => i.action)).not.toContain('personal.note');
    const both = await search({ userId: org.users.care_worker.id, action: 'person' });
    expect(both.items.map((i) => i.action).sort()).toEqual(['person.read', 'personal.note']);
    // LIKE wildcards in the filter match only themselves.
    expect((await search({ action: 'person_' })).total).toBe(0);
    const denied = await search({ outcome: 'denied' });
    expect(denied.items.every((i) => i.outcome === 'denied')).toBe(true);
  });

  it('filters by date in the organisation time zone, and by exact instants', async () => {
    const today = localDate();
    expect((await search({ userId: org.users.care_worker.id, from: today, to: today })).total).toBe(3);
    expect((await search({ userId: org.users.care_worker.id, from: localDate(1) })).total).toBe(0);
    expect((await search({ userId: org.users.care_worker.id, to: localDate(-1) })).total).toBe(0);
    const all = await search({ userId: org.users.care_worker.id });
    const newest = all.items[0]!;
    // An instant as the API shows it (milliseconds) includes the events of that millisecond.
    const exact = await search({ userId: org.users.care_worker.id, from: newest.at, to: newest.at });
    expect(exact.items.map((i) => i.seq)).toContain(newest.seq);
    expect(exact.items.every((i) => i.at === newest.at)).toBe(true);
    const tashkent = (ms: number) => new Date(ms + 5 * 3_600_000).toISOString().replace('Z', '+05:00');
    expect((await search({ userId: org.users.care_worker.id, from: tashkent(Date.now() - 3_600_000), to: tashkent(Date.now() + 3_600_000) })).total).toBe(3);
    expect((await search({ userId: org.users.care_worker.id, from: tashkent(Date.now() + 60_000) })).total).toBe(0);
    const bad = await director.post('/api/audit/search', { from: '2025-02-30', to: 'yesterday', page: 1, pageSize: 101 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string[] }) => f.path[0]).sort()).toEqual(['from', 'pageSize', 'to']);
  });

  it('never shows events of another organisation', async () => {
    expect((await search({ userId: other.users.social_worker.id })).total).toBe(0);
    const byRecord = await search({ recordId: recordB });
    expect(byRecord.items.map((i) => i.actorUserId)).toEqual([org.users.care_worker.id]);
    const otherIds = new Set(Object.values(other.users).map((u) => u.id));
    const all = await search({ pageSize: 100 });
    expect(all.items.some((i) => i.actorUserId && otherIds.has(i.actorUserId))).toBe(false);
  });

  it('audits each search of the log', async () => {
    await search({ recordId: recordB, action: 'person.' });
    const row = await t.db.selectFrom('audit_event').select(['outcome', 'details', 'organisation_id']).where('actor_user_id', '=', org.users.director.id).where('action', '=', 'audit.search').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(row.outcome).toBe('ok');
    expect(row.organisation_id).toBe(org.organisationId);
    expect(row.details).toMatchObject({ filters: { recordId: recordB, action: 'person.' }, results: 1 });
  });

  it('lets an admin search too', async () => {
    const admin = await clientFor(t.baseUrl, t.db, org.users.admin);
    expect((await admin.post('/api/audit/search', { page: 1, pageSize: 10 })).status).toBe(200);
  });
});

describe('who may read the audit log', () => {
  it('refuses a social worker and a supervisor with 403, and the refusal is itself in the log', async () => {
    for (const user of [org.users.social_worker, org.users.supervisor]) {
      const c = await clientFor(t.baseUrl, t.db, user);
      const res = await c.post('/api/audit/search', { page: 1, pageSize: 10 });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect((await c.get('/api/audit/verify')).status).toBe(403);
    }
    const denials = await search({ userId: org.users.social_worker.id, outcome: 'denied' });
    expect(denials.items.map((i) => [i.action, i.details])).toEqual([
      ['audit.verify', { code: 'forbidden' }],
      ['audit.search', { code: 'forbidden' }],
    ]);
  });
});

describe('the log cannot be changed', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    const { seq } = await t.db.selectFrom('audit_event').select('seq').where('organisation_id', '=', org.organisationId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    await expect(sql`UPDATE audit_event SET action = 'tampered' WHERE seq = ${seq}`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event WHERE seq = ${seq}`.execute(t.db)).rejects.toThrow(/append-only/);
    // In a transaction that never commits: should the trigger ever be missing, nothing is lost.
    await expect(t.db.transaction().execute(async (trx) => {
      await sql`TRUNCATE audit_event`.execute(trx);
      throw new Error('TRUNCATE was allowed');
    })).rejects.toThrow(/append-only/);
    const row = await t.db.selectFrom('audit_event').select('action').where('seq', '=', seq).executeTakeFirstOrThrow();
    expect(row.action).not.toBe('tampered');
  });

  it('verifies the hash chain, and the verification is audited', async () => {
    const res = await director.get('/api/audit/verify');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, checked: expect.any(Number), firstBrokenSeq: null });
    expect(res.body.checked).toBeGreaterThan(7);
    const row = await t.db.selectFrom('audit_event').select('details').where('actor_user_id', '=', org.users.director.id).where('action', '=', 'audit.verify').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ ok: true, firstBrokenSeq: null });
  });
});
