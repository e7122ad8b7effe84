import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../src/server/routes.ts';
import { ROLES, roleGrants, type Role } from '../src/shared/permissions.ts';
import type { Db } from '../src/server/db/database.ts';
import type { RecordKind, RouteDef } from '../src/server/platform/http/define-route.ts';
import { clientFor, makeOrganisation, type OrgFixture } from './support/fixtures.ts';
import { startTestApp, TEST_SECRETS, type TestApp, type TestClient } from './support/test-app.ts';

/**
 * Every route × every role × records in every relation to the caller. Fails
 * on any answer the policy does not grant. Routes come from the application's
 * own route list, so a route added later is covered without touching this file.
 */
type Relation = 'mine' | 'team' | 'branch' | 'otherBranch' | 'otherOrg';
const RELATIONS: Relation[] = ['mine', 'team', 'branch', 'otherBranch', 'otherOrg'];

/** The policy, written out by hand: which relations each role reaches (DESIGN.md §1). */
const REACH: Record<Role, readonly Relation[]> = {
  social_worker: ['mine', 'team'],
  care_worker: [],
  supervisor: ['mine', 'team', 'branch'],
  director: ['mine', 'team', 'branch', 'otherBranch'],
  me_officer: ['mine', 'team', 'branch', 'otherBranch'],
  partner: ['team'],
  editor: [],
  donor_viewer: [],
  admin: [],
};

/**
 * Granted and in scope, yet refused by a rule of the service, on purpose: a
 * de-identified role may list records but not search them by name.
 */
const RULE_REFUSALS = new Set([
  'POST /api/people/search me_officer', 'POST /api/households/search me_officer', 'POST /api/search me_officer',
  // A partner opens no case notes or attachments; monitoring lists attachments but never opens a file.
  'GET /api/cases/:caseId/notes partner', 'GET /api/cases/:caseId/attachments partner',
  'GET /api/cases/:caseId/attachments/:attachmentId/download partner', 'GET /api/cases/:caseId/attachments/:attachmentId/download me_officer',
]);

let t: TestApp;
let org: OrgFixture;
let other: OrgFixture;
const records = {} as Record<RecordKind, Record<Relation, string>>;
const clients = {} as Record<Role, TestClient>;

async function makeRecords(db: Db, kind: 'person' | 'household', o: OrgFixture, scope: { branch: string; team: string | null; worker: string }): Promise<string> {
  const base = { organisation_id: o.organisationId, branch_id: scope.branch, team_id: scope.team, assigned_worker_id: scope.worker, region_id: null, district_id: null, mahalla_id: null, address_line: null, archived_at: null, archive_reason: null, created_by: scope.worker };
  if (kind === 'household') {
    return (await db.insertInto('household').values({ ...base, display_name: 'Matrix household', search_fold: 'matrix household', phone: null, notes: null }).returning('id').executeTakeFirstOrThrow()).id;
  }
  return (await db.insertInto('person').values({
    ...base, given_name: 'Matrix', family_name: 'Person', patronymic: null, name_script: 'latn', given_name_alt: null, family_name_alt: null, patronymic_alt: null,
    search_fold: 'matrix person', sex: 'female', birth_date: '2014-01-01', birth_date_estimated: false, disability: false, special_needs: null, health_notes: null,
    pinfl: null, birth_certificate: null, phone: null,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/** A family case on a household, in the household's scope, with a note, a visit and an attachment row. */
async function makeCase(db: Db, o: OrgFixture, householdId: string): Promise<string> {
  const h = await db.selectFrom('household').select(['branch_id', 'team_id', 'assigned_worker_id']).where('id', '=', householdId).executeTakeFirstOrThrow();
  const by = h.assigned_worker_id!;
  const c = await db.insertInto('family_case').values({
    organisation_id: o.organisationId, branch_id: h.branch_id, team_id: h.team_id, assigned_worker_id: h.assigned_worker_id, household_id: householdId,
    suspended_from: null, referral_source: 'mahalla_team', referral_date: '2026-01-01', referral_note: 'Matrix referral note', status_reason: null,
    opened_on: '2026-01-01', enrolled_on: null, plan_approved_on: null, last_reviewed_on: null, exited_on: null, exit_reason: null, exit_note: null,
    follow_up_on: null, follow_up_outcome: null, created_by: by,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('family_case_status_change').values({ organisation_id: o.organisationId, case_id: c.id, episode: 1, from_status: null, to_status: 'referred', event: 'open', reason: null, effective_on: '2026-01-01', changed_by: by }).execute();
  await db.insertInto('case_note').values({ organisation_id: o.organisationId, case_id: c.id, kind: 'note', occurred_on: '2026-01-02', body: 'Matrix note text', created_by: by, updated_by: by }).execute();
  await db.insertInto('case_visit').values({ organisation_id: o.organisationId, case_id: c.id, visited_on: '2026-01-02', participants: 'Matrix mother', observations: 'Matrix observations', next_steps: null, created_by: by, updated_by: by }).execute();
  return c.id;
}

/** A possible-duplicate pair, and a merge, of two people in the same relation to the caller. */
async function makeDuplicateRecords(db: Db, o: OrgFixture, scope: { branch: string; team: string | null; worker: string }, first: string): Promise<{ pair: string; merge: string }> {
  const second = await makeRecords(db, 'person', o, scope);
  const [a, b] = first < second ? [first, second] : [second, first];
  const pair = await db.insertInto('duplicate_pair').values({ organisation_id: o.organisationId, person_a_id: a, person_b_id: b, score: 0.95, band: 'likely', reasons: '[]', scan_id: null, decision_reason: null, decided_by: null, decided_at: null })
    .returning('id').executeTakeFirstOrThrow();
  // Versions that never match: an allowed undo answers 409 and changes nothing.
  const merge = await db.insertInto('person_merge').values({
    organisation_id: o.organisationId, survivor_id: first, merged_id: second, fields: '{}', survivor_before: '{}', merged_before: '{}', moved: '[]',
    survivor_version_after: 999, merged_version_after: 999, merged_by: scope.worker, undone_by: null, undone_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { pair: pair.id, merge: merge.id };
}

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  other = await makeOrganisation(t.db);
  for (const kind of ['person', 'household'] as const) {
    records[kind] = {
      mine: await makeRecords(t.db, kind, org, { branch: org.branchA, team: null, worker: org.users.social_worker.id }),
      team: await makeRecords(t.db, kind, org, { branch: org.branchA, team: org.teamA, worker: org.otherWorkerA.id }),
      branch: await makeRecords(t.db, kind, org, { branch: org.branchA, team: null, worker: org.otherWorkerA.id }),
      otherBranch: await makeRecords(t.db, kind, org, { branch: org.branchB, team: null, worker: org.workerB.id }),
      otherOrg: await makeRecords(t.db, kind, other, { branch: other.branchA, team: null, worker: other.users.social_worker.id }),
    };
  }
  records.user = { mine: org.users.social_worker.id, team: org.otherWorkerA.id, branch: org.otherWorkerA.id, otherBranch: org.workerB.id, otherOrg: other.users.social_worker.id };
  records.duplicate_pair = {} as Record<Relation, string>;
  records.person_merge = {} as Record<Relation, string>;
  const duplicateScopes: Record<Relation, [OrgFixture, { branch: string; team: string | null; worker: string }]> = {
    mine: [org, { branch: org.branchA, team: null, worker: org.users.social_worker.id }],
    team: [org, { branch: org.branchA, team: org.teamA, worker: org.otherWorkerA.id }],
    branch: [org, { branch: org.branchA, team: null, worker: org.otherWorkerA.id }],
    otherBranch: [org, { branch: org.branchB, team: null, worker: org.workerB.id }],
    otherOrg: [other, { branch: other.branchA, team: null, worker: other.users.social_worker.id }],
  };
  for (const relation of RELATIONS) {
    const [o, scope] = duplicateScopes[relation];
    const made = await makeDuplicateRecords(t.db, o, scope, records.person[relation]);
    records.duplicate_pair[relation] = made.pair;
    records.person_merge[relation] = made.merge;
  }
  records.family_case = {} as Record<Relation, string>;
  for (const relation of RELATIONS) records.family_case[relation] = await makeCase(t.db, relation === 'otherOrg' ? other : org, records.household[relation]);
  for (const role of ROLES) clients[role] = await clientFor(t.baseUrl, t.db, org.users[role]);
});
afterAll(async () => t.close());

function requestFor(def: RouteDef, relation: Relation | null): { path: string; body: unknown } {
  const path = def.url.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
    def.record && name === def.record.param && relation ? records[def.record.kind][relation] : randomUUID(),
  );
  // Examples name a placeholder branch; point it at the caller's branch so allowed writes can succeed.
  const body = def.example === undefined ? (def.method === 'GET' ? undefined : {}) : JSON.parse(JSON.stringify(def.example).replaceAll('00000000-0000-4000-8000-000000000001', org.branchA));
  return { path, body };
}

/** Users are reached by organisation only: an admin or director sees every user of theirs. */
function reaches(role: Role, kind: RecordKind, relation: Relation): boolean {
  if (kind === 'user') return relation !== 'otherOrg';
  return REACH[role].includes(relation);
}

describe('access matrix', () => {
  it('declares an example body for every route that takes one, so the matrix can call it', () => {
    const missing = allRoutes.filter((r) => r.body && r.example === undefined).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('refuses, for every route, every role and every record relation, all that the policy does not grant', async () => {
    const failures: string[] = [];
    let denials = 0;
    let calls = 0;
    for (const def of allRoutes) {
      if (def.permission === 'public') continue;
      const permission = def.permission;
      for (const role of ROLES) {
        // A fresh session per route: sign-out and password changes end the one before.
        const client = await clientFor(t.baseUrl, t.db, org.users[role]);
        const relations: (Relation | null)[] = def.record ? RELATIONS : [null];
        for (const relation of relations) {
          const { path, body } = requestFor(def, relation);
          const res = await client.request(def.method, path, body);
          calls += 1;
          const label = `${def.method} ${def.url} as ${role}${relation ? ` on ${relation}` : ''} → ${res.status} ${res.body?.error?.code ?? ''}`;
          if (res.status === 500) failures.push(`${label} (server error)`);
          if (!roleGrants(role, permission)) {
            if (res.status !== 403) failures.push(`${label}: expected 403, the role lacks ${permission}`);
            else denials += 1;
          } else if (def.record && relation && !reaches(role, def.record.kind, relation)) {
            if (res.status !== 404 || res.body.error.code !== 'not_found_or_no_access') failures.push(`${label}: expected 404, out of scope`);
            else denials += 1;
          } else if (res.status === 401 || (res.status === 403 && !RULE_REFUSALS.has(`${def.method} ${def.url} ${role}`))) {
            failures.push(`${label}: the role has ${permission} and the record is in scope`);
          }
          if (res.status >= 200 && res.status < 300 && def.record && relation && !reaches(role, def.record.kind, relation)) {
            failures.push(`${label}: answered an out-of-scope record`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(200);
    // Every refusal left an audit event.
    const audited = await t.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organisation_id', '=', org.organisationId).where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    expect(audited.n).toBeGreaterThanOrEqual(denials);
  });

  it('lets an in-scope, permitted caller read what the policy grants', async () => {
    for (const role of ROLES) {
      for (const relation of RELATIONS) {
        const res = await clients[role].get(`/api/people/${records.person[relation]}`);
        const expected = roleGrants(role, 'person.read') && reaches(role, 'person', relation) ? 200 : roleGrants(role, 'person.read') ? 404 : 403;
        expect(res.status, `${role} on ${relation}`).toBe(expected);
      }
    }
  });

  it('hides fields per role on the way out', async () => {
    const full = await clients.supervisor.get(`/api/people/${records.person.team}`);
    expect(full.body.person).toMatchObject({ givenName: 'Matrix', birthDate: '2014-01-01' });
    expect(full.body.person).toHaveProperty('healthNotes');
    const partner = await clients.partner.get(`/api/people/${records.person.team}`);
    expect(partner.body.person).toMatchObject({ givenName: 'Matrix', ageBand: expect.any(String) });
    for (const hidden of ['birthDate', 'pinfl', 'phone', 'healthNotes', 'birthCertificate', 'specialNeeds', 'addressLine']) expect(partner.body.person).not.toHaveProperty(hidden);
    expect(partner.body).not.toHaveProperty('consents');
    const me = await clients.me_officer.get(`/api/people/${records.person.team}`);
    for (const hidden of ['givenName', 'familyName', 'patronymic', 'givenNameAlt', 'familyNameAlt', 'birthDate', 'pinfl', 'phone', 'mahallaId']) expect(me.body.person).not.toHaveProperty(hidden);
    expect(me.body.person).toMatchObject({ sex: 'female', ageBand: expect.any(String) });
    const search = await clients.me_officer.post('/api/people/search', { q: 'Matrix' });
    expect(search.status).toBe(403);
    const list = await clients.me_officer.post('/api/people/search', {});
    expect(list.status).toBe(200);
    expect(list.body.items.every((p: Record<string, unknown>) => !('givenName' in p))).toBe(true);
  });

  it('shows a partner only the partner fields of a case, and no notes or attachments; monitoring no names or text', async () => {
    const id = records.family_case.team;
    const full = await clients.supervisor.get(`/api/cases/${id}`);
    expect(full.body.case).toMatchObject({ householdName: 'Matrix household', referralNote: 'Matrix referral note' });
    const partner = await clients.partner.get(`/api/cases/${id}`);
    expect(partner.status).toBe(200);
    // (the matrix above has moved the case on: its status and risk are whatever the allowed calls made them)
    expect(partner.body.case).toMatchObject({ householdName: 'Matrix household', status: expect.any(String), riskLevel: expect.any(String) });
    for (const hidden of ['referralNote', 'statusReason', 'exitReason', 'exitNote', 'followUpOutcome']) expect(partner.body.case).not.toHaveProperty(hidden);
    expect(partner.body.actions).toEqual([]);
    expect((await clients.partner.get(`/api/cases/${id}/notes`)).status).toBe(403);
    expect((await clients.partner.get(`/api/cases/${id}/attachments`)).status).toBe(403);
    const visits = await clients.partner.get(`/api/cases/${id}/visits`);
    expect(visits.body).toContainEqual(expect.objectContaining({ participants: 'Matrix mother' }));
    expect(visits.body.every((v: Record<string, unknown>) => !('observations' in v))).toBe(true);
    const me = await clients.me_officer.get(`/api/cases/${id}`);
    for (const hidden of ['householdName', 'assignedWorkerName', 'referralNote', 'statusReason', 'exitNote', 'followUpOutcome']) expect(me.body.case).not.toHaveProperty(hidden);
    expect(me.body.case).toMatchObject({ status: expect.any(String), referralSource: 'mahalla_team' });
    const notes = await clients.me_officer.get(`/api/cases/${id}/notes`);
    expect(notes.body).toContainEqual(expect.objectContaining({ kind: 'note' }));
    expect(notes.body.every((n: Record<string, unknown>) => !('body' in n))).toBe(true);
    const meVisits = await clients.me_officer.get(`/api/cases/${id}/visits`);
    expect(meVisits.body.length).toBeGreaterThan(0);
    expect(meVisits.body.every((v: Record<string, unknown>) => !('participants' in v) && !('observations' in v))).toBe(true);
    expect(JSON.stringify(me.body) + JSON.stringify(notes.body) + JSON.stringify(meVisits.body)).not.toMatch(/Matrix (household|note|mother|observations|referral)/);
  });

  it('refuses at start-up a route that declares no permission', async () => {
    const { buildApp } = await import('../src/server/app.ts');
    const app = await buildApp({ db: t.db, secrets: TEST_SECRETS, logLevel: 'silent' });
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow(/declares no permission/);
    await app.close();
  });
});
