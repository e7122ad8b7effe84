import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { seedDemoCases } from './case-demo.ts';

let t: TestApp;
let org: OrgFixture;
beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
});
afterAll(async () => t.close());

describe('demo cases', () => {
  it('seeds cases in different states, through the state machine, that show in the worker’s home', async () => {
    for (const name of ['Rahimovlar oilasi', 'Iusupovs', 'Тошматовлар', 'Эргашевлар оиласи']) {
      await t.db.insertInto('household').values({
        organisation_id: org.organisationId, branch_id: org.branchA, team_id: org.teamA, assigned_worker_id: org.users.social_worker.id, display_name: name,
        search_fold: name.toLowerCase(), region_id: null, district_id: null, mahalla_id: null, address_line: null, phone: null, notes: null,
        archived_at: null, archive_reason: null, created_by: org.users.social_worker.id,
      }).execute();
    }
    expect(await t.db.transaction().execute((trx) => seedDemoCases(trx, org.organisationId))).toBe(4);
    const worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
    const cases = await worker.post('/api/cases/search', { sort: 'status' });
    expect(cases.body.items.map((c: { status: string }) => c.status)).toEqual(['referred', 'enrolled', 'assessed', 'active']);
    const work = await worker.get('/api/cases/my-work');
    expect(work.body.items.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['review_due', 'assessment_due', 'screening_due']));
    expect(work.body.overdue).toBeGreaterThanOrEqual(2);
    const active = cases.body.items.find((c: { status: string }) => c.status === 'active');
    const detail = await worker.get(`/api/cases/${active.id}`);
    expect(detail.body.history.map((h: { to: string }) => h.to)).toEqual(['active', 'plan_approved', 'assessed', 'enrolled', 'screening', 'referred']);
    expect((await worker.get(`/api/cases/${active.id}/visits`)).body).toHaveLength(1);
    const supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
    expect((await supervisor.get('/api/cases/my-work')).body.items).toContainEqual(expect.objectContaining({ kind: 'approval_pending' }));
  });
});
