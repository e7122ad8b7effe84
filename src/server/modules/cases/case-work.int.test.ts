import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { recordHouseholdAssessment } from '../../../../test/support/casework.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';

/**
 * The worker's home and the supervisor's dashboard, counted exactly on an
 * organisation of their own: seven cases in known states and dates.
 */
let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let supervisor: TestClient;
const today = todayInUzbekistan();
const ago = (days: number) => addDays(today, -days);
const ids = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', string>;
let pendingApproval: string;

async function open(client: TestClient, referralDate: string, extra: Record<string, unknown> = {}): Promise<string> {
  const h = await client.post('/api/households', { displayName: 'Work family', branchId: org.branchA });
  const res = await client.post('/api/cases', { householdId: h.body.household.id, referralSource: 'school', referralDate, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.case.id;
}

async function walk(client: TestClient, id: string, steps: [string, Record<string, unknown>][]) {
  for (const [event, extra] of steps) {
    const { version } = (await client.get(`/api/cases/${id}`)).body.case;
    const res = await client.post(`/api/cases/${id}/transitions`, { event, version, ...extra });
    expect(res.status, `${event}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  // A: referred 20 days ago, not screened: overdue (14 days). B: referred 3 days ago: due in 11 days.
  ids.A = await open(worker, ago(20));
  ids.B = await open(worker, ago(3));
  // C: enrolled 30 days ago, no assessment: overdue (14 days); its review (no risk: 6 months) is far off.
  ids.C = await open(worker, ago(35));
  await walk(worker, ids.C, [['start_screening', { on: ago(34) }], ['enrol', { on: ago(30) }]]);
  // D: high risk, enrolled 40 days ago, assessed: the monthly review is overdue; a plan approval waits.
  ids.D = await open(worker, ago(45), { riskLevel: 'high' });
  await walk(worker, ids.D, [['start_screening', { on: ago(44) }], ['enrol', { on: ago(40) }]]);
  await recordHouseholdAssessment(worker, ids.D, ago(21));
  await walk(worker, ids.D, [['complete_assessment', { on: ago(20) }]]);
  pendingApproval = (await worker.post(`/api/cases/${ids.D}/approvals`, { subjectType: 'plan' })).body.id;
  // E: exited 100 days ago: the follow-up (90 days) is overdue.
  ids.E = await open(worker, ago(200));
  await walk(worker, ids.E, [['start_screening', { on: ago(199) }], ['enrol', { on: ago(198) }]]);
  const closure = await worker.post(`/api/cases/${ids.E}/approvals`, { subjectType: 'closure' });
  await supervisor.post(`/api/cases/${ids.E}/approvals/${closure.body.id}/decision`, { decision: 'approve', version: 1 });
  await walk(worker, ids.E, [['exit', { exitReason: 'moved_away', on: ago(100) }]]);
  // F: another worker's high-risk case, enrolled 60 days ago: review and assessment overdue.
  ids.F = await open(supervisor, ago(70), { riskLevel: 'high', assignedWorkerId: org.otherWorkerA.id });
  await walk(supervisor, ids.F, [['start_screening', { on: ago(69) }], ['enrol', { on: ago(60) }]]);
});
afterAll(async () => t.close());

describe("the worker's home", () => {
  it('lists due and overdue work of my caseload, soonest first', async () => {
    const res = await worker.get('/api/cases/my-work');
    expect(res.status).toBe(200);
    const items = res.body.items.map((i: { caseId: string; kind: string; overdue: boolean }) => [Object.entries(ids).find(([, v]) => v === i.caseId)![0], i.kind, i.overdue]);
    expect(items).toEqual(expect.arrayContaining([
      ['A', 'screening_due', true], ['B', 'screening_due', false], ['C', 'assessment_due', true], ['D', 'review_due', true], ['E', 'follow_up_due', true],
    ]));
    expect(res.body.items).toHaveLength(5);
    expect(res.body).toMatchObject({ today, horizonDays: 14, overdue: 4, dueSoon: 1 });
    const dues = res.body.items.map((i: { dueOn: string }) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(res.body.items.find((i: { caseId: string }) => i.caseId === ids.C)).toMatchObject({ dueOn: addDays(ago(30), 14), householdName: 'Work family' });
    // A wider horizon brings C's six-monthly review in too; a narrower one drops B.
    expect((await worker.get('/api/cases/my-work?horizonDays=0')).body.items).toHaveLength(4);
    expect((await worker.get('/api/cases/my-work?horizonDays=abc')).status).toBe(400);
    const audit = await t.db.selectFrom('audit_event').selectAll().where('actor_user_id', '=', org.users.social_worker.id).where('action', '=', 'case.my_work').execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("shows a supervisor the requests waiting for their decision, not their own", async () => {
    const res = await supervisor.get('/api/cases/my-work');
    expect(res.body.items).toEqual([expect.objectContaining({ caseId: ids.D, kind: 'approval_pending', subjectId: pendingApproval, overdue: false })]);
  });

  it('changes with the policy at once (computed on read)', async () => {
    const director = await clientFor(t.baseUrl, t.db, org.users.director);
    const policy = (await director.get('/api/cases/review-policy')).body;
    const saved = await director.put('/api/cases/review-policy', { ...policy, isDefault: undefined, updatedAt: undefined, assessmentDueDays: 60 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const res = await worker.get('/api/cases/my-work');
    expect(res.body.items.find((i: { caseId: string; kind: string }) => i.caseId === ids.C && i.kind === 'assessment_due')).toBeUndefined();
    await director.put('/api/cases/review-policy', { ...policy, isDefault: undefined, updatedAt: undefined, version: 1 });
    expect((await worker.get('/api/cases/my-work')).body.overdue).toBe(4);
  });
});

describe("the supervisor's dashboard", () => {
  it('counts caseload per worker, risk mix, overdue work and cases by status', async () => {
    const res = await supervisor.get(`/api/cases/dashboard?branchId=${org.branchA}`);
    expect(res.status).toBe(200);
    expect(res.body.byStatus).toMatchObject({ referred: 2, screening: 0, enrolled: 2, assessed: 1, exited: 1, active: 0 });
    expect(res.body.riskMix).toEqual({ none: 1, low: 0, medium: 0, high: 2 });
    expect(res.body.overdue).toMatchObject({ screening_due: 1, assessment_due: 2, review_due: 2, follow_up_due: 1, approval_pending: 0 });
    expect(res.body).toMatchObject({ pendingApprovals: 1, unassignedOpen: 0, branchId: org.branchA });
    expect(res.body.workers).toEqual(expect.arrayContaining([
      { workerId: org.users.social_worker.id, workerName: expect.any(String), caseload: 4, open: 2, highRisk: 1, overdue: 4 },
      { workerId: org.otherWorkerA.id, workerName: expect.any(String), caseload: 1, open: 1, highRisk: 1, overdue: 2 },
    ]));
    expect(res.body.workers).toHaveLength(2);
    const overdueSearch = await supervisor.post('/api/cases/search', { overdue: true, pageSize: 100 });
    expect(overdueSearch.body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.A, ids.C, ids.D, ids.E, ids.F].sort());
  });

  it('is scoped: another branch shows nothing, monitoring sees no names', async () => {
    const other = await supervisor.get(`/api/cases/dashboard?branchId=${org.branchB}`);
    expect(other.body.workers).toEqual([]);
    expect(Object.values(other.body.byStatus).every((n) => n === 0)).toBe(true);
    const me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
    const seen = await me.get('/api/cases/dashboard');
    expect(seen.body.byStatus.referred).toBe(2);
    expect(seen.body.workers.every((w: Record<string, unknown>) => !('workerName' in w))).toBe(true);
    const workerView = await worker.get('/api/cases/dashboard');
    expect(workerView.body.workers.map((w: { workerId: string }) => w.workerId)).toEqual([org.users.social_worker.id]);
    expect((await supervisor.get('/api/cases/dashboard?branchId=nope')).status).toBe(400);
  });
});
