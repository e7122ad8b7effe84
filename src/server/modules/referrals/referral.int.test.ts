import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { addDays } from '../../../shared/cases/case-dates.ts';
import { ago, auditsOf, newFamily, newPartner, openCase, today, type Family } from '../../../../test/support/casework.ts';
import { referralsUnanswered } from './referral.repository.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let supervisor: TestClient;
let partner: TestClient;
let me: TestClient;
let family: Family;
let caseId: string;
let partnerId: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  partner = await clientFor(t.baseUrl, t.db, org.users.partner);
  me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
  family = await newFamily(worker, org, { team: true });
  caseId = await openCase(worker, family, 'enrolled');
  partnerId = await newPartner(worker, 'Speech therapy centre', 'ngo');
});
afterAll(async () => t.close());

async function draft(personId = family.childIds[0]!, extra: Record<string, unknown> = {}) {
  const res = await worker.post(`/api/cases/${caseId}/referrals`, { partnerId, personId, reason: 'Speech delay', servicesRequested: ['Speech therapy'], dataCategories: ['identity', 'contact', 'health'], ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body).toMatchObject({ status: 'draft', events: ['send', 'revoke'], sentOn: null, version: 1 });
  return res.body as { id: string; version: number };
}

async function consent(personId: string, body: Record<string, unknown>) {
  const res = await worker.post(`/api/people/${personId}/consents`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; version: number };
}

describe('consent before sending', () => {
  it('refuses to send without a recorded consent (409 consent_required), and a worker may not override', async () => {
    const r = await draft();
    const res = await worker.post(`/api/cases/${caseId}/referrals/${r.id}/send`, { version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'consent_required', fields: [{ path: ['overrideConsentReason'], code: 'required' }] });
    const override = await worker.post(`/api/cases/${caseId}/referrals/${r.id}/send`, { version: 1, overrideConsentReason: 'Urgent' });
    expect(override.status).toBe(403);
    expect((await worker.get(`/api/cases/${caseId}/referrals/${r.id}`)).body.status).toBe('draft');
    const denied = await auditsOf(t.db, org.organisationId, 'referral.send');
    expect(denied.some((a) => a.outcome === 'denied' && a.record_id === caseId)).toBe(true);
  });

  it('lets a supervisor override with a reason, audited as an override', async () => {
    const r = await draft();
    const res = await supervisor.post(`/api/cases/${caseId}/referrals/${r.id}/send`, { version: 1, overrideConsentReason: 'The child is at risk; the mother is in hospital and cannot sign.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'sent', sentOn: today, consentId: null, consentOverridden: true, consentOverrideBy: org.users.supervisor.id, waitingDays: 0 });
    const overrides = await auditsOf(t.db, org.organisationId, 'referral.consent_override');
    expect(overrides.at(-1)).toMatchObject({ outcome: 'ok', actor_user_id: org.users.supervisor.id, record_id: caseId, details: { referralId: r.id, personId: family.childIds[0] } });
    expect(JSON.stringify(overrides.at(-1)!.details)).not.toContain('hospital');
    // A partner sees that consent was overridden, not why.
    const seen = await partner.get(`/api/cases/${caseId}/referrals/${r.id}`);
    expect(seen.body).toMatchObject({ consentOverridden: true });
    expect(seen.body).not.toHaveProperty('consentOverrideReason');
  });

  it('sends with an active consent for referral that covers the data shared, and records which', async () => {
    const child = family.childIds[0]!;
    const expired = await consent(child, { purpose: 'referral', dataCategories: ['identity', 'contact', 'health'], grantedOn: '2024-01-01', expiresOn: '2025-01-01' });
    const narrow = await consent(child, { purpose: 'referral', dataCategories: ['identity', 'contact'], grantedOn: ago(30) });
    const other = await consent(child, { purpose: 'photos_publication', dataCategories: ['identity', 'contact', 'health', 'photos'], grantedOn: ago(30) });
    const r = await draft();
    const blocked = await worker.post(`/api/cases/${caseId}/referrals/${r.id}/send`, { version: 1 });
    expect(blocked.body.error.code).toBe('consent_required');
    const good = await consent(child, { purpose: 'case_management', dataCategories: ['identity', 'contact', 'health', 'family'], grantedOn: ago(20), expiresOn: addDays(today, 300) });
    const sent = await worker.post(`/api/cases/${caseId}/referrals/${r.id}/send`, { version: 1, sentOn: ago(1) });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ status: 'sent', sentOn: ago(1), consentId: good.id, consentOverridden: false, events: ['accept', 'reject', 'revoke'] });
    expect([expired.id, narrow.id, other.id]).not.toContain(sent.body.consentId);
    expect((await auditsOf(t.db, org.organisationId, 'referral.send')).at(-1)).toMatchObject({ outcome: 'ok', details: { referralId: r.id, consentId: good.id } });
  });

  it('blocks sending again once the consent is withdrawn', async () => {
    const mother = family.motherId;
    const c = await consent(mother, { purpose: 'referral', dataCategories: ['identity', 'contact'], grantedOn: ago(5) });
    const withdrawn = await worker.post(`/api/consents/${c.id}/withdraw`, { version: c.version, note: 'Changed her mind' });
    expect(withdrawn.status).toBe(200);
    const r = await draft(mother, { dataCategories: ['identity'] });
    expect((await worker.post(`/api/cases/${caseId}/referrals/${r.id}/send`, { version: 1 })).body.error.code).toBe('consent_required');
  });
});

describe('the referral state machine over HTTP', () => {
  let id: string;

  it('goes draft → sent → accepted → completed, recording the answer and the outcome', async () => {
    await consent(family.motherId, { purpose: 'referral', dataCategories: ['identity', 'contact', 'family'], grantedOn: ago(40) });
    const r = await draft(family.motherId, { dataCategories: ['identity', 'family'], reason: 'Job placement' });
    id = r.id;
    const edited = await worker.patch(`/api/cases/${caseId}/referrals/${id}`, { version: 1, servicesRequested: ['Job placement', 'Vocational course'] });
    expect(edited.body).toMatchObject({ servicesRequested: ['Job placement', 'Vocational course'], version: 2 });
    const sent = await worker.post(`/api/cases/${caseId}/referrals/${id}/send`, { version: 2, sentOn: ago(10) });
    expect(sent.body.status).toBe('sent');
    expect((await worker.patch(`/api/cases/${caseId}/referrals/${id}`, { version: 3, reason: 'Too late' })).body.error.code).toBe('illegal_transition');
    const early = await worker.post(`/api/cases/${caseId}/referrals/${id}/answer`, { version: 3, answer: 'accepted', answeredOn: ago(12) });
    expect(early.body.error.fields).toEqual([{ path: ['answeredOn'], code: 'invalid_date' }]);
    const noNote = await worker.post(`/api/cases/${caseId}/referrals/${id}/answer`, { version: 3, answer: 'rejected', answeredOn: ago(8) });
    expect(noNote.body.error.fields).toEqual([{ path: ['note'], code: 'required' }]);
    const accepted = await worker.post(`/api/cases/${caseId}/referrals/${id}/answer`, { version: 3, answer: 'accepted', answeredOn: ago(8), note: 'Interview on Monday' });
    expect(accepted.body).toMatchObject({ status: 'accepted', answeredOn: ago(8), answerNote: 'Interview on Monday', events: ['complete', 'revoke'], waitingDays: null });
    const completed = await worker.post(`/api/cases/${caseId}/referrals/${id}/complete`, { version: 4, completedOn: ago(2), outcomeNote: 'Employed at the textile factory' });
    expect(completed.body).toMatchObject({ status: 'completed', completedOn: ago(2), outcomeNote: 'Employed at the textile factory', events: [] });
    const monitoring = (await me.get(`/api/cases/${caseId}/referrals/${id}`)).body;
    expect(monitoring).toMatchObject({ status: 'completed', partnerName: 'Speech therapy centre' });
    for (const hidden of ['reason', 'answerNote', 'outcomeNote']) expect(monitoring).not.toHaveProperty(hidden);
  });

  it('refuses illegal transitions with 409 illegal_transition', async () => {
    const revokeDone = await worker.post(`/api/cases/${caseId}/referrals/${id}/revoke`, { version: 5, reason: 'x' });
    expect(revokeDone.status).toBe(409);
    expect(revokeDone.body.error).toMatchObject({ code: 'illegal_transition', fields: [{ path: ['status'], code: 'invalid_value', params: { status: 'completed', event: 'revoke' } }] });
    const r = await draft();
    expect((await worker.post(`/api/cases/${caseId}/referrals/${r.id}/answer`, { version: 1, answer: 'accepted', answeredOn: today })).body.error.code).toBe('illegal_transition');
    expect((await worker.post(`/api/cases/${caseId}/referrals/${r.id}/complete`, { version: 1, completedOn: today, outcomeNote: 'x' })).status).toBe(409);
    const revoked = await worker.post(`/api/cases/${caseId}/referrals/${r.id}/revoke`, { version: 1, reason: 'Family moved away' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedOn: today, revokeReason: 'Family moved away' });
    expect((await worker.post(`/api/cases/${caseId}/referrals/${r.id}/send`, { version: 2 })).body.error.code).toBe('illegal_transition');
    // A stale version is a version conflict, whatever the event.
    expect((await worker.post(`/api/cases/${caseId}/referrals/${r.id}/send`, { version: 1 })).body.error.code).toBe('version_conflict');
  });
});

describe('waiting for an answer', () => {
  it('shows a referral unanswered for 14 days as overdue work, and an open plan action falling due', async () => {
    const own = await newFamily(worker, org);
    const ownCase = await openCase(worker, own, 'enrolled');
    await consent(own.motherId, { purpose: 'referral', dataCategories: ['identity', 'contact'], grantedOn: ago(60) });
    const late = (await worker.post(`/api/cases/${ownCase}/referrals`, { partnerId, personId: own.motherId, reason: 'Legal advice' })).body;
    await worker.post(`/api/cases/${ownCase}/referrals/${late.id}/send`, { version: 1, sentOn: ago(20) });
    const fresh = (await worker.post(`/api/cases/${ownCase}/referrals`, { partnerId, personId: own.motherId, reason: 'Day care place' })).body;
    await worker.post(`/api/cases/${ownCase}/referrals/${fresh.id}/send`, { version: 1, sentOn: ago(3) });
    const plan = await worker.put(`/api/cases/${ownCase}/plan`, {
      goals: [{ instrumentCode: 'household_self_reliance', domainCode: 'income', text: 'Income', actions: [{ text: 'Apply for benefits', responsible: { kind: 'name', name: 'Mother' }, dueOn: ago(1) }] }],
    });
    expect(plan.status).toBe(200);

    const work = await worker.get('/api/cases/my-work');
    expect(work.status).toBe(200);
    const mine = work.body.items.filter((i: { caseId: string }) => i.caseId === ownCase);
    expect(mine).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'referral_unanswered', subjectId: late.id, dueOn: addDays(ago(20), 14), overdue: true }),
      expect.objectContaining({ kind: 'referral_unanswered', subjectId: fresh.id, dueOn: addDays(ago(3), 14), overdue: false }),
      expect.objectContaining({ kind: 'plan_action_due', subjectId: plan.body.goals[0].actions[0].id, dueOn: ago(1), overdue: true }),
    ]));
    const unanswered = await referralsUnanswered(t.db, org.organisationId, today, 14);
    expect(unanswered.map((r) => r.id)).toContain(late.id);
    expect(unanswered.map((r) => r.id)).not.toContain(fresh.id);
  });
});

describe('partner organisations directory', () => {
  it('is kept per organisation with versions; monitoring does not see contact people', async () => {
    const created = await worker.post('/api/partner-organisations', {
      kind: 'womens_committee', name: 'Chilonzor tumani xotin-qizlar qoʻmitasi', phone: '+998 (71) 239-40-42',
      contacts: [{ name: 'Dilbar Ahmedova', position: 'Mutaxassis', phone: '90 123 45 67', email: 'D.Ahmedova@Example.uz' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ phone: '+998712394042', contacts: [{ phone: '+998901234567', email: 'd.ahmedova@example.uz' }], version: 1 });
    const updated = await worker.patch(`/api/partner-organisations/${created.body.id}`, { version: 1, address: 'Bunyodkor 1' });
    expect(updated.body).toMatchObject({ address: 'Bunyodkor 1', version: 2 });
    expect((await worker.patch(`/api/partner-organisations/${created.body.id}`, { version: 1, address: 'x' })).status).toBe(409);
    const found = await worker.post('/api/partner-organisations/search', { q: 'xotin-qizlar', kind: ['womens_committee'] });
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    const monitoring = await me.get(`/api/partner-organisations/${created.body.id}`);
    expect(monitoring.body).toMatchObject({ name: 'Chilonzor tumani xotin-qizlar qoʻmitasi' });
    for (const hidden of ['contacts', 'phone', 'email', 'notes']) expect(monitoring.body).not.toHaveProperty(hidden);
    expect((await me.post('/api/partner-organisations', { kind: 'ngo', name: 'x' })).status).toBe(403);
    const archived = await worker.post(`/api/partner-organisations/${created.body.id}/archive`, { version: 2, reason: 'Reorganised' });
    expect(archived.body.archivedAt).not.toBeNull();
    const refused = await worker.post(`/api/cases/${caseId}/referrals`, { partnerId: created.body.id, personId: family.motherId, reason: 'x' });
    expect(refused.body.error.fields).toEqual([{ path: ['partnerId'], code: 'invalid_value' }]);
    const other = await makeOrganisation(t.db);
    const stranger = await clientFor(t.baseUrl, t.db, other.users.social_worker);
    expect((await stranger.get(`/api/partner-organisations/${created.body.id}`)).status).toBe(404);
  });
});
