import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { ago, csiAnswers, csiInstrumentId, hsrAnswers, newFamily, newPartner, openCase } from '../../../../test/support/casework.ts';
import type { Role } from '../../../shared/permissions.ts';

/**
 * Every casework read, with content in every module, answered for each field
 * view (full, partner, de-identified): a view that breaks its own response
 * schema would answer 500 here. The access matrix covers refusals; this
 * covers what the allowed roles get.
 */
let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let caseId: string;
const paths: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  const supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  const family = await newFamily(worker, org, { team: true });
  caseId = await openCase(worker, family, 'assessed');
  const partnerId = await newPartner(worker);
  const csi = await worker.post(`/api/cases/${caseId}/assessments`, { instrumentId: await csiInstrumentId(worker), personId: family.childIds[0], assessedOn: ago(9), answers: csiAnswers(2), summary: 'S', factorNotes: { care: 'n' } });
  await worker.post(`/api/cases/${caseId}/assessments`, { instrumentId: await csiInstrumentId(worker, 'household_self_reliance'), assessedOn: ago(9), answers: hsrAnswers(2) });
  const plan = await worker.put(`/api/cases/${caseId}/plan`, {
    goals: [{ instrumentCode: 'child_status_index', domainCode: 'health', text: 'Goal', actions: [
      { text: 'A1', responsible: { kind: 'partner', partnerId }, dueOn: ago(-5) }, { text: 'A2', responsible: { kind: 'user', userId: org.users.social_worker.id }, dueOn: ago(-5) },
    ] }],
  });
  await worker.post(`/api/cases/${caseId}/plan/reviews`, { version: plan.body.version, reviewedOn: ago(1), summary: 'Review', goals: [{ goalId: plan.body.goals[0].id, progress: 'achieved', note: 'n' }] });
  const submitted = await worker.post(`/api/cases/${caseId}/plan/submit`, { version: plan.body.version + 1 });
  await supervisor.post(`/api/cases/${caseId}/approvals/${submitted.body.approval.id}/decision`, { decision: 'reject', version: 1, comment: 'More detail' });
  const service = await worker.post(`/api/cases/${caseId}/services`, { serviceType: 'legal', providerKind: 'external', partnerId, deliveredOn: ago(2), units: 1, unit: 'session', costUzs: '1000', personIds: [family.motherId], notes: 'n' });
  await worker.post(`/api/cases/${caseId}/assistance`, { kind: 'in_kind', item: 'Coal', valueUzs: '10', givenOn: ago(2), personId: family.motherId, notes: 'n' });
  const referral = await worker.post(`/api/cases/${caseId}/referrals`, { partnerId, personId: family.motherId, reason: 'R' });
  await supervisor.post(`/api/cases/${caseId}/referrals/${referral.body.id}/send`, { version: 1, overrideConsentReason: 'Urgent' });
  const member = await supervisor.post(`/api/teams/${org.teamA}/members`, { name: 'M', partnerId, userId: org.users.partner.id, joinedOn: ago(30), phone: '901234567' });
  const meeting = await worker.post(`/api/teams/${org.teamA}/meetings`, {
    kind: 'case_conference', heldOn: ago(1), place: 'P', summary: 'S', attendees: [{ memberId: member.body.members[0].id }, { name: 'Guest' }],
    cases: [{ caseId, decision: 'D' }], tasks: [{ caseId, text: 'T', responsible: { memberId: member.body.members[0].id }, dueOn: ago(-3) }],
  });
  expect([csi.status, plan.status, service.status, referral.status, meeting.status]).toEqual([201, 200, 201, 201, 201]);
  paths.push(
    `/api/cases/${caseId}/assessments`, `/api/cases/${caseId}/assessments/${csi.body.id}`, `/api/cases/${caseId}/assessments/progress`,
    `/api/cases/${caseId}/plan`, `/api/cases/${caseId}/services`, `/api/cases/${caseId}/assistance`,
    `/api/cases/${caseId}/referrals`, `/api/cases/${caseId}/referrals/${referral.body.id}`,
    `/api/teams`, `/api/teams/${org.teamA}`, `/api/teams/${org.teamA}/meetings`, `/api/teams/${org.teamA}/meetings/${meeting.body.id}`,
    `/api/partner-organisations/${partnerId}`, '/api/assessment-instruments',
  );
});
afterAll(async () => t.close());

describe('casework reads in every field view', () => {
  const roles: Role[] = ['social_worker', 'supervisor', 'director', 'me_officer', 'partner'];
  for (const role of roles) {
    it(`answers ${role} on a case of their reach`, async () => {
      const client = await clientFor(t.baseUrl, t.db, org.users[role]);
      for (const path of paths) {
        const res = await client.get(path);
        expect(res.status, `${role} GET ${path}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
      }
      const search = await client.post('/api/partner-organisations/search', {});
      expect(search.status).toBe(200);
    });
  }

  it('gives a care worker, who does not reach the case, nothing', async () => {
    const client = await clientFor(t.baseUrl, t.db, org.users.care_worker);
    expect((await client.get(`/api/cases/${caseId}/plan`)).status).toBe(404);
    expect((await client.get(`/api/teams/${org.teamA}`)).status).toBe(404);
  });
});
