import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { ago, auditsOf, download, newFamily, newPartner, openCase, pdfText, today, type Family } from '../../../../test/support/casework.ts';
import { planApproved } from './plan.repository.ts';

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
  family = await newFamily(worker, org, { team: true, name: 'Ғуломовлар' });
  caseId = await openCase(worker, family, 'assessed');
  partnerId = await newPartner(worker, 'Yunusobod tumani 12-son oilaviy poliklinikasi');
});
afterAll(async () => t.close());

const plan = (overrides: Record<string, unknown> = {}) => ({
  goals: [
    {
      instrumentCode: 'child_status_index', domainCode: 'health', text: 'Болалар мунтазам тиббий кўрикдан ўтади',
      actions: [
        { text: 'Поликлиникада эмлашни тиклаш', responsible: { kind: 'partner', partnerId }, dueOn: '2026-04-30' },
        { text: 'Онага тиббий суғурта ҳақида маслаҳат', responsible: { kind: 'user', userId: org.users.social_worker.id }, dueOn: '2026-03-15' },
      ],
    },
    {
      instrumentCode: 'household_self_reliance', domainCode: 'income', text: 'Она тикувчиликдан доимий даромад топади',
      actions: [{ text: 'Тикувчилик курсига ёзилиш', responsible: { kind: 'name', name: 'Гулнора (она)' }, dueOn: '2026-05-31' }],
    },
  ],
  ...overrides,
});

describe('the family development plan', () => {
  let planId: string;
  let version: number;

  it('has no plan before one is written', async () => {
    const res = await worker.get(`/api/cases/${caseId}/plan`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ plan: null });
  });

  it('refuses a goal in a domain no instrument has, and a responsible partner that is not in the directory', async () => {
    const bad = plan();
    (bad.goals as { domainCode: string }[])[0]!.domainCode = 'astrology';
    (bad.goals as { actions: { responsible: unknown }[] }[])[1]!.actions[0]!.responsible = { kind: 'partner', partnerId: org.users.partner.id };
    const res = await worker.put(`/api/cases/${caseId}/plan`, bad);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: ['goals', 0, 'domainCode'], code: 'invalid_value' },
      { path: ['goals', 1, 'actions', 0, 'responsible', 'partnerId'], code: 'invalid_value' },
    ]);
  });

  it('writes goals per domain with actions, each with a responsible person and due date', async () => {
    const res = await worker.put(`/api/cases/${caseId}/plan`, plan());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ caseId, episode: 1, status: 'draft', contentRevision: 1, approval: null, version: 1 });
    expect(res.body.goals[0].actions[0].responsible).toEqual({ kind: 'partner', name: 'Yunusobod tumani 12-son oilaviy poliklinikasi', userId: null, partnerId });
    expect(res.body.goals[0].actions[1].responsible).toMatchObject({ kind: 'user', userId: org.users.social_worker.id, name: expect.any(String) });
    expect(res.body.goals[1].actions[0]).toMatchObject({ responsible: { kind: 'name', name: 'Гулнора (она)' }, status: 'planned', completedOn: null });
    planId = res.body.id;
    version = res.body.version;
    // A second writer who did not see the plan, or saw an older version, is refused with the current plan.
    expect((await worker.put(`/api/cases/${caseId}/plan`, plan())).status).toBe(409);
    const stale = await worker.put(`/api/cases/${caseId}/plan`, plan({ version: version + 1 }));
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id: planId, version });
  });

  it('goes to a supervisor through the case approval request, and is approved there', async () => {
    const submitted = await worker.post(`/api/cases/${caseId}/plan/submit`, { version, note: 'Agreed with the mother' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', approval: { status: 'pending', revision: 1 } });
    const approvals = (await supervisor.get(`/api/cases/${caseId}/approvals`)).body;
    const request = (Array.isArray(approvals) ? approvals : approvals.items).find((a: { subjectType: string }) => a.subjectType === 'plan');
    expect(request).toMatchObject({ status: 'pending', subjectId: planId });
    // Waiting for the decision, the plan cannot change.
    const locked = await worker.put(`/api/cases/${caseId}/plan`, plan({ version: submitted.body.version }));
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('conflict');

    const decided = await supervisor.post(`/api/cases/${caseId}/approvals/${request.id}/decision`, { decision: 'approve', version: request.version });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.case.status).toBe('plan_approved');
    const approved = await worker.get(`/api/cases/${caseId}/plan`);
    expect(approved.body.plan).toMatchObject({ status: 'approved', approval: { status: 'approved', revision: 1 } });
    expect(await planApproved(t.db, caseId, 1)).toBe(true);
    version = approved.body.plan.version;
  });

  it('keeps the approval when an action is done, loses it when the goals change', async () => {
    const current = (await worker.get(`/api/cases/${caseId}/plan`)).body.plan;
    const actionId = current.goals[0].actions[1].id;
    const done = await worker.patch(`/api/cases/${caseId}/plan/actions/${actionId}`, { version, status: 'done', completedOn: ago(1) });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.goals[0].actions[1]).toMatchObject({ status: 'done', completedOn: ago(1) });
    expect(done.body.status).toBe('approved');

    // Re-saving the same goals (ids kept, statuses as they are) is no change of content.
    const same = structuredClone(plan({ version: done.body.version })) as unknown as { version: number; goals: { id?: string; actions: { id?: string; status?: string; completedOn?: string }[] }[] };
    same.goals.forEach((g, gi) => { g.id = done.body.goals[gi].id; g.actions.forEach((a, ai) => { a.id = done.body.goals[gi].actions[ai].id; a.status = done.body.goals[gi].actions[ai].status; if (a.status === 'done') a.completedOn = ago(1); }); });
    const resaved = await worker.put(`/api/cases/${caseId}/plan`, same);
    expect(resaved.body).toMatchObject({ status: 'approved', contentRevision: 1 });
    expect(resaved.body.goals[0].id).toBe(done.body.goals[0].id);

    same.version = resaved.body.version;
    same.goals[1]!.actions.push({ text: 'Кичик бизнес учун грант сўраш', responsible: { kind: 'name', name: 'Она' }, dueOn: '2026-08-01' } as never);
    const changed = await worker.put(`/api/cases/${caseId}/plan`, same);
    expect(changed.body).toMatchObject({ status: 'draft', contentRevision: 2, approval: { status: 'approved', revision: 1 } });
    expect(await planApproved(t.db, caseId, 1)).toBe(false);
    version = changed.body.version;
  });

  it('records reviews with progress per goal; a supervisor may send a plan back', async () => {
    const current = (await worker.get(`/api/cases/${caseId}/plan`)).body.plan;
    const review = await worker.post(`/api/cases/${caseId}/plan/reviews`, {
      version, reviewedOn: ago(0), summary: 'Эмлашлар тикланди, она курсга ёзилди.',
      goals: [{ goalId: current.goals[0].id, progress: 'good_progress', note: 'Бир эмлаш қолди' }, { goalId: current.goals[1].id, progress: 'some_progress' }],
    });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
    expect(review.body.reviews[0]).toMatchObject({ reviewedOn: today, goals: [{ goalId: current.goals[0].id, progress: 'good_progress', goalText: current.goals[0].text }, { progress: 'some_progress' }] });
    const badGoal = await worker.post(`/api/cases/${caseId}/plan/reviews`, { version: review.body.version, reviewedOn: today, summary: 'x', goals: [{ goalId: caseId, progress: 'achieved' }] });
    expect(badGoal.body.error.fields).toEqual([{ path: ['goals', 0, 'goalId'], code: 'invalid_value' }]);

    const submitted = await worker.post(`/api/cases/${caseId}/plan/submit`, { version: review.body.version });
    expect(submitted.body.status).toBe('submitted');
    const approval = submitted.body.approval;
    const rejected = await supervisor.post(`/api/cases/${caseId}/approvals/${approval.id}/decision`, { decision: 'reject', version: 1, comment: 'Add a goal for schooling' });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const returned = (await worker.get(`/api/cases/${caseId}/plan`)).body.plan;
    expect(returned).toMatchObject({ status: 'returned', approval: { status: 'rejected', decisionComment: 'Add a goal for schooling' } });
    version = returned.version;
  });

  it('shows a partner the goals and actions, and monitoring no text at all', async () => {
    const seen = (await partner.get(`/api/cases/${caseId}/plan`)).body.plan;
    expect(seen.goals[0].text).toBe('Болалар мунтазам тиббий кўрикдан ўтади');
    expect(seen.reviews[0]).not.toHaveProperty('summary');
    expect(seen.approval).not.toHaveProperty('decisionComment');
    const monitored = (await me.get(`/api/cases/${caseId}/plan`)).body.plan;
    expect(monitored.goals[0]).not.toHaveProperty('text');
    expect(monitored.goals[0].actions[0]).not.toHaveProperty('text');
    expect(monitored.goals[0].actions[0].responsible).toEqual({ kind: 'partner' });
    expect(monitored.reviews[0].goals[0]).toEqual({ goalId: expect.any(String), progress: 'good_progress' });
  });

  it('prints the plan as a PDF in the family’s language, with signature lines, audited as an export', async () => {
    const res = await download(worker, 'GET', `/api/cases/${caseId}/plan/pdf?language=uz-Cyrl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="plan-FS-\d{4}-\d{6}-uz-Cyrl\.pdf"$/);
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(res.bytes);
    if (text !== null) {
      for (const expected of ['Оилани ривожлантириш режаси', 'Ғуломовлар', 'Болалар мунтазам тиббий кўрикдан ўтади', 'Соғлиқ', 'Даромад',
        'Тикувчилик курсига ёзилиш', 'Масъул: Гулнора (она)', 'Имзолар', 'Оила номидан (ота-она ёки васий)', 'Имзо', 'Сана', 'Қайта ишлашга қайтарилган']) {
        expect(text).toContain(expected);
      }
    }
    const latin = await download(worker, 'GET', `/api/cases/${caseId}/plan/pdf?language=uz-Latn`);
    const latinText = await pdfText(latin.bytes);
    if (latinText !== null) expect(latinText).toContain('Oilani rivojlantirish rejasi');
    if (latinText !== null) expect(latinText).toContain('Sogʻliq');
    const russian = await pdfText((await download(worker, 'GET', `/api/cases/${caseId}/plan/pdf?language=ru`)).bytes);
    if (russian !== null) expect(russian).toContain('План развития семьи');

    const exports = await auditsOf(t.db, org.organisationId, 'export');
    expect(exports.find((e) => (e.details as { language?: string }).language === 'uz-Cyrl')).toMatchObject({
      record_id: caseId, outcome: 'ok', details: { export: 'family_plan', format: 'pdf', language: 'uz-Cyrl', planId: expect.any(String) },
    });
    // Printing is for those who work on the case and the director who answers for it.
    const director = await clientFor(t.baseUrl, t.db, org.users.director);
    const printed = await download(director, 'GET', `/api/cases/${caseId}/plan/pdf?language=ru`);
    expect(printed.status).toBe(200);
    expect(printed.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await (await clientFor(t.baseUrl, t.db, org.users.care_worker)).get(`/api/cases/${caseId}/plan/pdf`)).status).toBe(403);
    expect((await me.get(`/api/cases/${caseId}/plan/pdf`)).status).toBe(403);
    expect((await partner.get(`/api/cases/${caseId}/plan/pdf`)).status).toBe(403);
    expect((await worker.get(`/api/cases/${caseId}/plan/pdf?language=fr`)).status).toBe(400);
  });

  it('is not submitted for a case that is not assessed yet', async () => {
    const other = await newFamily(worker, org);
    const early = await openCase(worker, other, 'enrolled');
    const written = await worker.put(`/api/cases/${early}/plan`, plan());
    expect(written.status).toBe(200);
    const res = await worker.post(`/api/cases/${early}/plan/submit`, { version: written.body.version });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('illegal_transition');
    expect((await worker.get(`/api/cases/${early}/plan`)).body.plan.status).toBe('draft');
  });
});
