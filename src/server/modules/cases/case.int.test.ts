import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { recordHouseholdAssessment } from '../../../../test/support/casework.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let supervisor: TestClient;
let director: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  director = await clientFor(t.baseUrl, t.db, org.users.director);
});
afterAll(async () => t.close());

async function newHousehold(client: TestClient = worker, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await client.post('/api/households', { displayName: `Oila ${Math.random().toString(36).slice(2, 8)}`, branchId: org.branchA, ...extra });
  expect(res.status).toBe(201);
  return res.body.household.id;
}

/** A household placed directly in the database, anywhere in the organisation. */
async function dbHousehold(branchId: string, teamId: string | null, workerId: string | null): Promise<string> {
  return (await t.db.insertInto('household').values({
    organisation_id: org.organisationId, branch_id: branchId, team_id: teamId, assigned_worker_id: workerId, display_name: 'Direct household',
    search_fold: 'direct household', region_id: null, district_id: null, mahalla_id: null, address_line: null, phone: null, notes: null,
    archived_at: null, archive_reason: null, created_by: org.users.supervisor.id,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

async function openCase(extra: Record<string, unknown> = {}, client: TestClient = worker) {
  const householdId = (extra['householdId'] as string | undefined) ?? (await newHousehold());
  const res = await client.post('/api/cases', { householdId, referralSource: 'mahalla_team', referralDate: '2025-01-10', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.case as { id: string; version: number; status: string; caseNumber: string };
}

async function fire(caseId: string, event: string, extra: Record<string, unknown> = {}, client: TestClient = worker) {
  const current = (await client.get(`/api/cases/${caseId}`)).body.case;
  return client.post(`/api/cases/${caseId}/transitions`, { event, version: current.version, ...extra });
}

async function walk(caseId: string, steps: [string, Record<string, unknown>?][]) {
  for (const [event, extra] of steps) {
    const res = await fire(caseId, event, extra ?? {});
    expect(res.status, `${event}: ${JSON.stringify(res.body)}`).toBe(200);
  }
}

const history = async (caseId: string) =>
  t.db.selectFrom('family_case_status_change').selectAll().where('case_id', '=', caseId).orderBy('changed_at').execute();
const row = async (caseId: string) => t.db.selectFrom('family_case').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
const audits = async (caseId: string, action: string) =>
  t.db.selectFrom('audit_event').selectAll().where('record_id', '=', caseId).where('action', '=', action).where('outcome', '=', 'ok').orderBy('seq').execute();

async function approve(caseId: string, subjectType: 'plan' | 'closure', decision: 'approve' | 'reject' = 'approve', comment?: string) {
  const requested = await worker.post(`/api/cases/${caseId}/approvals`, { subjectType });
  expect(requested.status, JSON.stringify(requested.body)).toBe(201);
  const decided = await supervisor.post(`/api/cases/${caseId}/approvals/${requested.body.id}/decision`, { decision, version: requested.body.version, ...(comment ? { comment } : {}) });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  return decided.body;
}

describe('opening a case', () => {
  it('opens a referred case with a case number, its first history row and an audit event', async () => {
    const householdId = await newHousehold();
    const res = await worker.post('/api/cases', { householdId, referralSource: 'womens_committee', referralDate: '2026-01-05', referralNote: 'Mother lost her job', riskLevel: 'medium' });
    expect(res.status).toBe(201);
    expect(res.body.case).toMatchObject({
      status: 'referred', episode: 1, riskLevel: 'medium', referralSource: 'womens_committee', referralDate: '2026-01-05', referralNote: 'Mother lost her job',
      householdId, assignedWorkerId: org.users.social_worker.id, branchId: org.branchA, openedOn: todayInUzbekistan(), enrolledOn: null, nextReviewOn: null, version: 1,
    });
    expect(res.body.case.caseNumber).toMatch(/^FS-\d{4}-\d{6}$/);
    expect(res.body.history).toEqual([expect.objectContaining({ from: null, to: 'referred', event: 'open', effectiveOn: '2026-01-05' })]);
    expect(res.body.actions.map((a: { event: string }) => a.event)).toEqual(['start_screening']);
    expect(await audits(res.body.case.id, 'case.create')).toHaveLength(1);
    const read = await worker.get(`/api/cases/${res.body.case.id}`);
    expect(read.status).toBe(200);
    expect(await audits(res.body.case.id, 'case.read')).toHaveLength(1);
  });

  it('refuses a second open case for the same household', async () => {
    const householdId = await newHousehold();
    await openCase({ householdId });
    const again = await worker.post('/api/cases', { householdId, referralSource: 'school', referralDate: '2026-01-05' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('answers bad input with field errors and saves nothing', async () => {
    const count = async () => Number((await t.db.selectFrom('family_case').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', org.organisationId).executeTakeFirstOrThrow()).n);
    const before = await count();
    const householdId = await newHousehold();
    const bad = await worker.post('/api/cases', { householdId, referralSource: 'police', referralDate: '2999-01-01', riskLevel: 'extreme', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const paths = bad.body.error.fields.map((f: { path: string[] }) => f.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['referralSource', 'referralDate', 'riskLevel']));
    const missing = await worker.post('/api/cases', { householdId: '00000000-0000-4000-8000-000000000000', referralSource: 'self', referralDate: '2026-01-01' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: ['householdId'], code: 'invalid_value' }]);
    const otherBranchHousehold = await dbHousehold(org.branchB, null, org.workerB.id);
    const unseen = await worker.post('/api/cases', { householdId: otherBranchHousehold, referralSource: 'self', referralDate: '2026-01-01' });
    expect(unseen.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('lets only a supervisor open a case for another worker', async () => {
    const householdId = await newHousehold();
    const res = await worker.post('/api/cases', { householdId, referralSource: 'self', referralDate: '2026-01-01', assignedWorkerId: org.otherWorkerA.id });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('field_not_writable');
    const ok = await supervisor.post('/api/cases', { householdId, referralSource: 'self', referralDate: '2026-01-01', assignedWorkerId: org.otherWorkerA.id });
    expect(ok.status).toBe(201);
    expect(ok.body.case.assignedWorkerId).toBe(org.otherWorkerA.id);
  });
});

describe('lifecycle', () => {
  it('walks a family from referral to follow-up closed, with approvals as guards and rejections sent back', async () => {
    const c = await openCase();
    await walk(c.id, [['start_screening', { on: '2025-01-12' }], ['enrol', { on: '2025-01-20' }]]);

    // Not assessed until an assessment is recorded: the action is offered but refused, with why.
    const unassessed = await fire(c.id, 'complete_assessment');
    expect(unassessed.status).toBe(409);
    expect(unassessed.body.error.fields[0].params).toMatchObject({ refusal: 'assessment_required', status: 'enrolled' });
    expect((await worker.get(`/api/cases/${c.id}`)).body.actions.find((a: { event: string }) => a.event === 'complete_assessment')).toMatchObject({ allowed: false, refusal: 'assessment_required' });
    await recordHouseholdAssessment(worker, c.id, '2025-01-30');
    expect((await worker.get(`/api/cases/${c.id}`)).body.actions.find((a: { event: string }) => a.event === 'complete_assessment')).toMatchObject({ allowed: true });
    await walk(c.id, [['complete_assessment', { on: '2025-02-01' }]]);

    // Without an approved plan the machine refuses, and nothing changes.
    const before = await row(c.id);
    const refused = await fire(c.id, 'approve_plan');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('illegal_transition');
    expect(refused.body.error.fields[0].params).toMatchObject({ refusal: 'plan_approval_required', status: 'assessed' });
    expect(await row(c.id)).toEqual(before);
    const detail = (await worker.get(`/api/cases/${c.id}`)).body;
    expect(detail.actions.find((a: { event: string }) => a.event === 'approve_plan')).toMatchObject({ allowed: false, refusal: 'plan_approval_required' });

    // A rejected plan goes back to the worker with the comment; the case stays assessed.
    const rejected = await approve(c.id, 'plan', 'reject', 'Add a goal for school attendance');
    expect(rejected.approval).toMatchObject({ status: 'rejected', decisionComment: 'Add a goal for school attendance', decidedBy: org.users.supervisor.id });
    expect(rejected.case.status).toBe('assessed');
    const work = (await worker.get('/api/cases/my-work')).body;
    expect(work.items).toContainEqual(expect.objectContaining({ caseId: c.id, kind: 'approval_rejected', subjectId: rejected.approval.id }));
    const noComment = await worker.post(`/api/cases/${c.id}/approvals`, { subjectType: 'plan' });
    const bare = await supervisor.post(`/api/cases/${c.id}/approvals/${noComment.body.id}/decision`, { decision: 'reject', version: 1 });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toContainEqual({ path: ['comment'], code: 'required' });

    // An approved plan moves the case on by itself.
    const approved = await supervisor.post(`/api/cases/${c.id}/approvals/${noComment.body.id}/decision`, { decision: 'approve', version: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body.case).toMatchObject({ status: 'plan_approved', planApprovedOn: todayInUzbekistan() });
    expect((await worker.get('/api/cases/my-work')).body.items.filter((i: { caseId: string; kind: string }) => i.caseId === c.id && i.kind === 'approval_rejected')).toEqual([]);

    await walk(c.id, [['activate'], ['start_graduation_review']]);
    // Exit needs an approved closure: rejecting it sends the case back to active.
    const noClosure = await fire(c.id, 'exit', { exitReason: 'self_reliant' });
    expect(noClosure.status).toBe(409);
    expect(noClosure.body.error.fields[0].params.refusal).toBe('closure_approval_required');
    const closureRejected = await approve(c.id, 'closure', 'reject', 'Income not stable yet');
    expect(closureRejected.case).toMatchObject({ status: 'active', statusReason: 'Income not stable yet' });
    await walk(c.id, [['start_graduation_review']]);
    await approve(c.id, 'closure');

    const noReason = await fire(c.id, 'exit', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toContainEqual({ path: ['exitReason'], code: 'required' });
    const badReason = await fire(c.id, 'exit', { exitReason: 'bored' });
    expect(badReason.status).toBe(400);
    const exited = await fire(c.id, 'exit', { exitReason: 'self_reliant', exitNote: 'Both parents employed' });
    expect(exited.status).toBe(200);
    expect(exited.body.case).toMatchObject({ status: 'exited', exitReason: 'self_reliant', exitNote: 'Both parents employed', exitedOn: todayInUzbekistan() });
    expect(exited.body.actions.map((a: { event: string }) => a.event).sort()).toEqual(['close_follow_up', 'reopen']);

    const noOutcome = await fire(c.id, 'close_follow_up', { followUpOutcome: '  ' });
    expect(noOutcome.status).toBe(400);
    const closed = await fire(c.id, 'close_follow_up', { followUpOutcome: 'Family stable after three months' });
    expect(closed.body.case).toMatchObject({ status: 'follow_up_closed', followUpOutcome: 'Family stable after three months', followUpOn: todayInUzbekistan() });

    // History has one row per accepted change, linked from → to.
    const rows = await history(c.id);
    expect(rows.map((r) => r.to_status)).toEqual([
      'referred', 'screening', 'enrolled', 'assessed', 'plan_approved', 'active', 'graduation_review', 'active', 'graduation_review', 'exited', 'follow_up_closed',
    ]);
    rows.slice(1).forEach((r, i) => expect(r.from_status).toBe(rows[i]!.to_status));
    expect(rows.find((r) => r.event === 'approve_plan')!.changed_by).toBe(org.users.supervisor.id);

    // Reopening a closed case starts a new episode at screening, with the episode's dates cleared.
    const reopened = await fire(c.id, 'reopen', { reason: 'Father lost his job again' });
    expect(reopened.body.case).toMatchObject({ status: 'screening', episode: 2, statusReason: 'Father lost his job again', enrolledOn: null, exitedOn: null, exitReason: null, planApprovedOn: null });
    // The old episode's assessments and approvals no longer count.
    await walk(c.id, [['enrol']]);
    expect((await fire(c.id, 'complete_assessment')).body.error.fields[0].params.refusal).toBe('assessment_required');
    await recordHouseholdAssessment(worker, c.id);
    await walk(c.id, [['complete_assessment']]);
    expect((await fire(c.id, 'approve_plan')).status).toBe(409);
    expect(await audits(c.id, 'case.transition')).toHaveLength(13);
  });

  it('refuses illegal transitions with 409 illegal_transition and changes nothing', async () => {
    const c = await openCase();
    for (const [event, extra] of [['enrol', {}], ['exit', { exitReason: 'moved_away' }], ['activate', {}], ['reopen', {}], ['suspend', { reason: 'x' }], ['close_follow_up', { followUpOutcome: 'x' }]] as const) {
      const before = await row(c.id);
      const res = await fire(c.id, event, extra);
      expect(res.status, event).toBe(409);
      expect(res.body.error.code).toBe('illegal_transition');
      expect(res.body.error.current).toMatchObject({ status: 'referred', version: 1 });
      expect(await row(c.id)).toEqual(before);
    }
    expect(await history(c.id)).toHaveLength(1);
    const stale = await worker.post(`/api/cases/${c.id}/transitions`, { event: 'start_screening', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const unknown = await worker.post(`/api/cases/${c.id}/transitions`, { event: 'teleport', version: 1 });
    expect(unknown.status).toBe(400);
    const beforeReferral = await worker.post(`/api/cases/${c.id}/transitions`, { event: 'start_screening', version: 1, on: '2024-12-31' });
    expect(beforeReferral.status).toBe(400);
    expect(beforeReferral.body.error.fields[0].path).toEqual(['on']);
    expect(await row(c.id)).toMatchObject({ status: 'referred', version: 1 });
  });

  it('suspends a case with a reason and reopens it where it was', async () => {
    const c = await openCase();
    await walk(c.id, [['start_screening'], ['enrol']]);
    await recordHouseholdAssessment(worker, c.id);
    await walk(c.id, [['complete_assessment']]);
    const noReason = await fire(c.id, 'suspend', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toContainEqual({ path: ['reason'], code: 'required' });
    const suspended = await fire(c.id, 'suspend', { reason: 'Mother in hospital' });
    expect(suspended.body.case).toMatchObject({ status: 'suspended', suspendedFrom: 'assessed', statusReason: 'Mother in hospital', nextReviewOn: null });
    expect(suspended.body.actions.map((a: { event: string }) => a.event).sort()).toEqual(['exit', 'reopen']);
    const back = await fire(c.id, 'reopen');
    expect(back.body.case).toMatchObject({ status: 'assessed', suspendedFrom: null, episode: 1 });
  });

  it('records a family found not eligible, with its reason, and reopens it as a new episode', async () => {
    const c = await openCase();
    await walk(c.id, [['start_screening']]);
    const noReason = await fire(c.id, 'mark_not_eligible', { reason: '' });
    expect(noReason.status).toBe(400);
    const res = await fire(c.id, 'mark_not_eligible', { reason: 'Household income above the threshold' });
    expect(res.body.case).toMatchObject({ status: 'not_eligible', statusReason: 'Household income above the threshold' });
    // A closed case frees its household for a new case.
    const household = (await worker.get(`/api/cases/${c.id}`)).body.case.householdId;
    expect((await worker.post('/api/cases', { householdId: household, referralSource: 'school', referralDate: '2026-01-05' })).status).toBe(201);
    // …and then the old one cannot be reopened while the new one is open.
    const clash = await fire(c.id, 'reopen');
    expect(clash.status).toBe(409);
    expect((await row(c.id)).status).toBe('not_eligible');
  });

  it('lets a family exit unplanned (moved away) only with an approved closure, never as self-reliant', async () => {
    const c = await openCase();
    await walk(c.id, [['start_screening'], ['enrol']]);
    await approve(c.id, 'closure');
    const graduation = await fire(c.id, 'exit', { exitReason: 'self_reliant' });
    expect(graduation.status).toBe(409);
    expect(graduation.body.error.fields[0].params.refusal).toBe('graduation_review_required');
    const moved = await fire(c.id, 'exit', { exitReason: 'moved_away' });
    expect(moved.body.case).toMatchObject({ status: 'exited', exitReason: 'moved_away' });
  });
});

describe('approvals', () => {
  it('refuses a request in the wrong state, a second pending request, and deciding one’s own request', async () => {
    const c = await openCase();
    const early = await worker.post(`/api/cases/${c.id}/approvals`, { subjectType: 'plan' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('illegal_transition');
    await walk(c.id, [['start_screening'], ['enrol']]);
    await recordHouseholdAssessment(worker, c.id);
    await walk(c.id, [['complete_assessment']]);
    const first = await worker.post(`/api/cases/${c.id}/approvals`, { subjectType: 'plan', note: 'Agreed with the family' });
    expect(first.status).toBe(201);
    expect((await worker.post(`/api/cases/${c.id}/approvals`, { subjectType: 'plan' })).status).toBe(409);
    // A worker cannot decide; a supervisor cannot decide their own request.
    expect((await worker.post(`/api/cases/${c.id}/approvals/${first.body.id}/decision`, { decision: 'approve', version: 1 })).status).toBe(403);
    const own = await supervisor.post(`/api/cases/${c.id}/approvals`, { subjectType: 'closure' });
    expect(own.status).toBe(201);
    const self = await supervisor.post(`/api/cases/${c.id}/approvals/${own.body.id}/decision`, { decision: 'approve', version: 1 });
    expect(self.status).toBe(403);
    // The worker withdraws theirs; a withdrawn request cannot be decided.
    const withdrawn = await worker.post(`/api/cases/${c.id}/approvals/${first.body.id}/withdraw`, { version: 1 });
    expect(withdrawn.body.status).toBe('withdrawn');
    const late = await supervisor.post(`/api/cases/${c.id}/approvals/${first.body.id}/decision`, { decision: 'approve', version: 2 });
    expect(late.status).toBe(409);
    // A director approves too (case.approve).
    const byDirector = await director.post(`/api/cases/${c.id}/approvals/${own.body.id}/decision`, { decision: 'approve', version: 1, comment: 'Agreed' });
    expect(byDirector.status).toBe(200);
    const list = await worker.get(`/api/cases/${c.id}/approvals`);
    expect(list.body.map((a: { status: string }) => a.status).sort()).toEqual(['approved', 'withdrawn']);
  });
});

describe('assignment', () => {
  it('lets only a supervisor reassign, audits it, and moves the case out of the old worker’s caseload', async () => {
    const household = await newHousehold(); // no team: the case is the worker's by assignment only
    const c = await openCase({ householdId: household });
    const byWorker = await worker.post(`/api/cases/${c.id}/assign`, { version: 1, assignedWorkerId: org.otherWorkerA.id });
    expect(byWorker.status).toBe(403);
    const outOfBranch = await supervisor.post(`/api/cases/${c.id}/assign`, { version: 1, assignedWorkerId: org.workerB.id });
    expect(outOfBranch.status).toBe(400);
    expect(outOfBranch.body.error.fields).toEqual([{ path: ['assignedWorkerId'], code: 'invalid_value' }]);
    const notAWorker = await supervisor.post(`/api/cases/${c.id}/assign`, { version: 1, assignedWorkerId: org.users.partner.id });
    expect(notAWorker.status).toBe(400);
    const res = await supervisor.post(`/api/cases/${c.id}/assign`, { version: 1, assignedWorkerId: org.otherWorkerA.id, reason: 'Caseload balance' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assignedWorkerId: org.otherWorkerA.id, version: 2 });
    const [audit] = await audits(c.id, 'case.assign');
    expect(audit!.details).toMatchObject({ fromWorker: org.users.social_worker.id, toWorker: org.otherWorkerA.id });
    expect(audit!.actor_user_id).toBe(org.users.supervisor.id);
    expect((await worker.get(`/api/cases/${c.id}`)).status).toBe(404);
    const other = await clientFor(t.baseUrl, t.db, org.otherWorkerA);
    expect((await other.get(`/api/cases/${c.id}`)).status).toBe(200);
    const stale = await supervisor.post(`/api/cases/${c.id}/assign`, { version: 1, assignedWorkerId: org.users.social_worker.id });
    expect(stale.status).toBe(409);
  });
});

describe('risk and reviews', () => {
  it('computes the next review per risk level from the enrolment, then from the last review', async () => {
    const c = await openCase({ riskLevel: 'high', referralDate: '2025-06-01' });
    await walk(c.id, [['start_screening', { on: '2025-06-02' }], ['enrol', { on: '2025-06-10' }]]);
    let view = (await worker.get(`/api/cases/${c.id}`)).body.case;
    expect(view).toMatchObject({ enrolledOn: '2025-06-10', nextReviewOn: '2025-07-10', reviewOverdue: true });
    for (const [risk, expected] of [['medium', '2025-09-10'], ['low', '2025-12-10'], ['none', '2025-12-10']] as const) {
      const res = await worker.patch(`/api/cases/${c.id}`, { version: view.version, riskLevel: risk });
      expect(res.status).toBe(200);
      view = res.body;
      expect(view.nextReviewOn, risk).toBe(expected);
    }
    const reviewed = await worker.post(`/api/cases/${c.id}/reviews`, { version: view.version, reviewedOn: todayInUzbekistan(), riskLevel: 'medium', summary: 'Rent arrears paid' });
    expect(reviewed.status).toBe(201);
    expect(reviewed.body).toMatchObject({ riskLevel: 'medium', lastReviewedOn: todayInUzbekistan(), nextReviewOn: addMonths(todayInUzbekistan(), 3), reviewOverdue: false });
    const reviews = await worker.get(`/api/cases/${c.id}/reviews`);
    expect(reviews.body).toEqual([expect.objectContaining({ riskBefore: 'none', riskAfter: 'medium', summary: 'Rent arrears paid' })]);
    const tooEarly = await worker.post(`/api/cases/${c.id}/reviews`, { version: reviewed.body.version, reviewedOn: '2025-06-01', riskLevel: 'low', summary: 'x' });
    expect(tooEarly.status).toBe(400);
    const bad = await worker.post(`/api/cases/${c.id}/reviews`, { version: reviewed.body.version, reviewedOn: 'yesterday', riskLevel: 'severe', summary: '' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.error.fields.map((f: { path: string[] }) => f.path[0]))].sort()).toEqual(['reviewedOn', 'riskLevel', 'summary']);
    expect((await row(c.id)).version).toBe(reviewed.body.version);
  });

  it('does not review a case that is not enrolled', async () => {
    const c = await openCase();
    const res = await worker.post(`/api/cases/${c.id}/reviews`, { version: 1, reviewedOn: todayInUzbekistan(), riskLevel: 'low', summary: 'x' });
    expect(res.status).toBe(409);
  });
});

describe('review policy', () => {
  it('is read and changed by a director or admin only, versioned, and drives review dates', async () => {
    const admin = await clientFor(t.baseUrl, t.db, org.users.admin);
    expect((await worker.get('/api/cases/review-policy')).status).toBe(403);
    expect((await supervisor.put('/api/cases/review-policy', {})).status).toBe(403);
    const initial = await admin.get('/api/cases/review-policy');
    expect(initial.body).toMatchObject({ highMonths: 1, mediumMonths: 3, lowMonths: 6, noneMonths: 6, assessmentDueDays: 14, version: 0, isDefault: true });

    const c = await openCase({ riskLevel: 'high', referralDate: '2025-03-01' });
    await walk(c.id, [['start_screening', { on: '2025-03-02' }], ['enrol', { on: '2025-03-31' }]]);
    expect((await worker.get(`/api/cases/${c.id}`)).body.case.nextReviewOn).toBe('2025-04-30');

    const bad = await director.put('/api/cases/review-policy', { ...initial.body, isDefault: undefined, updatedAt: undefined, highMonths: 0, followUpDays: 'soon' });
    expect(bad.status).toBe(400);
    const body = { version: 0, highMonths: 2, mediumMonths: 4, lowMonths: 6, noneMonths: 12, assessmentDueDays: 21, referralAnswerDays: 10, followUpDays: 120 };
    const saved = await director.put('/api/cases/review-policy', body);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ ...body, version: 1, isDefault: false });
    expect((await admin.put('/api/cases/review-policy', body)).status).toBe(409);
    expect((await worker.get(`/api/cases/${c.id}`)).body.case.nextReviewOn).toBe('2025-05-31');
    const again = await admin.put('/api/cases/review-policy', { ...body, version: 1, highMonths: 1 });
    expect(again.body.version).toBe(2);
    expect((await worker.get(`/api/cases/${c.id}`)).body.case.nextReviewOn).toBe('2025-04-30');
    expect(await t.db.selectFrom('audit_event').select('id').where('organisation_id', '=', org.organisationId).where('action', '=', 'case.policy.update').where('outcome', '=', 'ok').execute()).toHaveLength(2);
  });
});

describe('visits and notes', () => {
  it('records, corrects (versioned) and lists visits and notes, audited, with fields per role', async () => {
    const c = await openCase({ householdId: await newHousehold(worker, { teamId: org.teamA }) });
    const visit = await worker.post(`/api/cases/${c.id}/visits`, { visitedOn: '2026-01-15', participants: 'Mother, grandmother', observations: 'Children at school; fridge empty', nextSteps: 'Food parcel' });
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ visitedOn: '2026-01-15', version: 1, createdBy: org.users.social_worker.id });
    const changed = await worker.patch(`/api/cases/${c.id}/visits/${visit.body.id}`, { version: 1, nextSteps: 'Food parcel and a call to the school' });
    expect(changed.body).toMatchObject({ version: 2, nextSteps: 'Food parcel and a call to the school' });
    const stale = await worker.patch(`/api/cases/${c.id}/visits/${visit.body.id}`, { version: 1, nextSteps: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(2);
    const badVisit = await worker.post(`/api/cases/${c.id}/visits`, { visitedOn: '2999-01-01', participants: '', observations: 'x' });
    expect(badVisit.status).toBe(400);
    expect([...new Set(badVisit.body.error.fields.map((f: { path: string[] }) => f.path[0]))].sort()).toEqual(['participants', 'visitedOn']);

    const note = await worker.post(`/api/cases/${c.id}/notes`, { kind: 'phone_call', occurredOn: '2026-01-16', body: 'Mother reports the father drinks' });
    expect(note.status).toBe(201);
    const badNote = await worker.post(`/api/cases/${c.id}/notes`, { kind: 'sms', occurredOn: '2026-01-16', body: 'x' });
    expect(badNote.status).toBe(400);
    expect((await worker.patch(`/api/cases/${c.id}/notes/${note.body.id}`, { version: 1, kind: 'meeting' })).body).toMatchObject({ kind: 'meeting', version: 2 });
    expect(await t.db.selectFrom('case_note').select('id').where('case_id', '=', c.id).execute()).toHaveLength(1);
    expect(await t.db.selectFrom('case_visit').select('id').where('case_id', '=', c.id).execute()).toHaveLength(1);

    expect((await worker.get(`/api/cases/${c.id}/notes`)).body[0].body).toBe('Mother reports the father drinks');
    expect(await audits(c.id, 'case.notes.read')).toHaveLength(1);
    expect(await audits(c.id, 'case.visit.update')).toHaveLength(1);

    const partner = await clientFor(t.baseUrl, t.db, org.users.partner);
    expect((await partner.get(`/api/cases/${c.id}/notes`)).status).toBe(403);
    const partnerVisits = await partner.get(`/api/cases/${c.id}/visits`);
    expect(partnerVisits.body[0]).toMatchObject({ visitedOn: '2026-01-15', participants: 'Mother, grandmother' });
    expect(partnerVisits.body[0]).not.toHaveProperty('observations');
    const me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
    const meNotes = await me.get(`/api/cases/${c.id}/notes`);
    expect(meNotes.body[0]).toMatchObject({ kind: 'meeting' });
    expect(meNotes.body[0]).not.toHaveProperty('body');
    expect(meNotes.body[0]).not.toHaveProperty('createdByName');
    expect((await partner.post(`/api/cases/${c.id}/notes`, { kind: 'note', occurredOn: '2026-01-16', body: 'x' })).status).toBe(403);
  });
});

describe('search', () => {
  it('filters by status, risk, worker, view and overdue work, pages and sorts; de-identified views cannot search names', async () => {
    const household = await newHousehold(worker, { displayName: 'Searchable Nurmatovlar' });
    const c = await openCase({ householdId: household, riskLevel: 'high', referralDate: '2025-01-01' });
    await walk(c.id, [['start_screening', { on: '2025-01-02' }], ['enrol', { on: '2025-01-05' }]]);
    const byName = await worker.post('/api/cases/search', { q: 'nurmatov' });
    expect(byName.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const byNumber = await worker.post('/api/cases/search', { q: c.caseNumber.toLowerCase() });
    expect(byNumber.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const filtered = await worker.post('/api/cases/search', { status: ['enrolled'], riskLevel: ['high'], view: 'mine', overdue: true });
    expect(filtered.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(filtered.body.items.every((i: { status: string; riskLevel: string }) => i.status === 'enrolled' && i.riskLevel === 'high')).toBe(true);
    const otherWorker = await supervisor.post('/api/cases/search', { assignedWorkerId: org.otherWorkerA.id });
    expect(otherWorker.body.items.every((i: { assignedWorkerId: string }) => i.assignedWorkerId === org.otherWorkerA.id)).toBe(true);
    const ofHousehold = await worker.post('/api/cases/search', { householdId: household });
    expect(ofHousehold.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    const page = await supervisor.post('/api/cases/search', { pageSize: 2, page: 1, sort: 'caseNumber' });
    const page2 = await supervisor.post('/api/cases/search', { pageSize: 2, page: 2, sort: 'caseNumber' });
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(3);
    expect(page.body.items[1].caseNumber < page2.body.items[0].caseNumber).toBe(true);
    const bad = await worker.post('/api/cases/search', { status: ['sleeping'], pageSize: 1000 });
    expect(bad.status).toBe(400);
    const me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
    expect((await me.post('/api/cases/search', { q: 'Nurmatov' })).status).toBe(403);
    const meByNumber = await me.post('/api/cases/search', { q: c.caseNumber });
    expect(meByNumber.body.items[0]).not.toHaveProperty('householdName');
    expect(meByNumber.body.items[0]).toMatchObject({ caseNumber: c.caseNumber, riskLevel: 'high' });
    // Another branch's worker does not find it.
    const workerB = await clientFor(t.baseUrl, t.db, org.workerB);
    expect((await workerB.post('/api/cases/search', { q: c.caseNumber })).body.total).toBe(0);
  });

  it('shows the team view: the cases of my teams', async () => {
    const c = await openCase({ householdId: await newHousehold(supervisor, { teamId: org.teamA }), assignedWorkerId: org.otherWorkerA.id }, supervisor);
    const team = await worker.post('/api/cases/search', { view: 'my_teams' });
    expect(team.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect(team.body.items.every((i: { teamId: string }) => i.teamId === org.teamA)).toBe(true);
    const mine = await worker.post('/api/cases/search', { view: 'mine' });
    expect(mine.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });
});
