import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { seedDemoCases } from '../cases/case-demo.ts';
import { seedDemoCasework } from './casework-demo.ts';

let t: TestApp;
let org: OrgFixture;
beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
});
afterAll(async () => t.close());

describe('demo casework', () => {
  it('gives the demo’s active case assessments with progress, an approved plan, services, referrals and a team conference', async () => {
    for (const name of ['Rahimovlar oilasi', 'Iusupovs', 'Тошматовлар', 'Эргашевлар оиласи']) {
      const h = await t.db.insertInto('household').values({
        organisation_id: org.organisationId, branch_id: org.branchA, team_id: org.teamA, assigned_worker_id: org.users.social_worker.id, display_name: name,
        search_fold: name.toLowerCase(), region_id: null, district_id: null, mahalla_id: null, address_line: null, phone: null, notes: null,
        archived_at: null, archive_reason: null, created_by: org.users.social_worker.id,
      }).returning('id').executeTakeFirstOrThrow();
      for (const [i, born] of ['1989-04-04', '2014-02-02', '2019-09-09'].entries()) {
        const p = await t.db.insertInto('person').values({
          organisation_id: org.organisationId, branch_id: org.branchA, team_id: org.teamA, assigned_worker_id: org.users.social_worker.id, given_name: `Demo${i}`, family_name: name,
          patronymic: null, name_script: 'latn', given_name_alt: null, family_name_alt: null, patronymic_alt: null, search_fold: name.toLowerCase(), sex: i === 1 ? 'male' : 'female',
          birth_date: born, birth_date_estimated: false, disability: false, special_needs: null, health_notes: null, pinfl: null, birth_certificate: null,
          phone: null, region_id: null, district_id: null, mahalla_id: null, address_line: null, archived_at: null, archive_reason: null, created_by: org.users.social_worker.id,
        }).returning('id').executeTakeFirstOrThrow();
        await t.db.insertInto('household_member').values({ household_id: h.id, person_id: p.id, relationship: i === 0 ? 'mother' : 'child', is_primary_caregiver: i === 0, joined_on: null, left_on: null }).execute();
      }
    }
    await t.db.transaction().execute(async (trx) => {
      await seedDemoCases(trx, org.organisationId);
      await seedDemoCasework(trx, org.organisationId);
    });
    const worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
    const active = (await worker.post('/api/cases/search', { status: ['active'] })).body.items[0];
    const plan = (await worker.get(`/api/cases/${active.id}/plan`)).body.plan;
    expect(plan).toMatchObject({ status: 'approved' });
    expect(plan.goals).toHaveLength(3);
    const progress = (await worker.get(`/api/cases/${active.id}/assessments/progress`)).body.series;
    expect(progress).toHaveLength(3);
    expect(progress.every((s: { domains: { change: number }[] }) => s.domains.every((d) => d.change > 0))).toBe(true);
    expect((await worker.get(`/api/cases/${active.id}/services`)).body.items).toHaveLength(5);
    // The case assessed but not yet active has the assessment that let it be assessed, dated that day.
    const assessed = (await worker.post('/api/cases/search', { status: ['assessed'] })).body.items[0];
    const assessedOn = (await t.db.selectFrom('family_case_status_change').select('effective_on').where('case_id', '=', assessed.id).where('event', '=', 'complete_assessment').executeTakeFirstOrThrow()).effective_on;
    expect((await worker.get(`/api/cases/${assessed.id}/assessments`)).body.items).toEqual([expect.objectContaining({ personId: null, instrument: expect.objectContaining({ code: 'household_self_reliance' }), assessedOn })]);
    const work = (await worker.get('/api/cases/my-work')).body.items;
    expect(work).toEqual(expect.arrayContaining([
      expect.objectContaining({ caseId: active.id, kind: 'referral_unanswered', overdue: true }),
      expect.objectContaining({ caseId: active.id, kind: 'plan_action_due', overdue: true }),
    ]));
    const partner = await clientFor(t.baseUrl, t.db, org.users.partner);
    const meetings = (await partner.get(`/api/teams/${org.teamA}/meetings`)).body.items;
    expect(meetings).toHaveLength(1);
    const supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
    const report = await supervisor.post('/api/reports/family-strengthening', { from: '2020-01-01', to: '2030-12-31' });
    expect(report.body).toMatchObject({ services: { total: { count: 5 } }, assistance: { count: 1 }, referrals: { sent: 2, accepted: 1, completed: 1 } });
  });
});
