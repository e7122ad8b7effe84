import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../../test/support/test-app.ts';
import { clientFor, makeOrganisation, type OrgFixture } from '../../../../test/support/fixtures.ts';
import { ago, auditsOf, csiAnswers, csiInstrumentId, newFamily, newPartner, openCase, type Family } from '../../../../test/support/casework.ts';

let t: TestApp;
let org: OrgFixture;
let worker: TestClient;
let supervisor: TestClient;
let partner: TestClient;
let me: TestClient;
let teamFamily: Family;
let teamCase: string;
let otherCase: string;
let otherTeam: string;
let womensCommittee: string;

beforeAll(async () => {
  t = await startTestApp();
  org = await makeOrganisation(t.db);
  worker = await clientFor(t.baseUrl, t.db, org.users.social_worker);
  supervisor = await clientFor(t.baseUrl, t.db, org.users.supervisor);
  partner = await clientFor(t.baseUrl, t.db, org.users.partner);
  me = await clientFor(t.baseUrl, t.db, org.users.me_officer);
  teamFamily = await newFamily(worker, org, { team: true });
  teamCase = await openCase(worker, teamFamily, 'enrolled');
  // The same worker's case outside the mahalla team.
  otherCase = await openCase(worker, await newFamily(worker, org), 'enrolled');
  otherTeam = (await t.db.insertInto('team').values({ organisation_id: org.organisationId, branch_id: org.branchA, name: 'Team A2', mahalla_id: null }).returning('id').executeTakeFirstOrThrow()).id;
  womensCommittee = await newPartner(worker, 'Xotin-qizlar qoʻmitasi', 'womens_committee');
});
afterAll(async () => t.close());

describe('members', () => {
  it('lets a supervisor add members from partner organisations, one of them the partner user', async () => {
    const chair = await supervisor.post(`/api/teams/${org.teamA}/members`, { name: 'Gulnora Yusupova', position: 'Mahalla raisi', joinedOn: ago(100), phone: '90 555 12 34' });
    expect(chair.status, JSON.stringify(chair.body)).toBe(201);
    const specialist = await supervisor.post(`/api/teams/${org.teamA}/members`, { name: 'Partner user', position: 'Specialist', partnerId: womensCommittee, userId: org.users.partner.id, joinedOn: ago(90) });
    expect(specialist.status).toBe(201);
    expect(specialist.body.members).toHaveLength(2);
    expect(specialist.body.members.find((m: { userId: string }) => m.userId === org.users.partner.id)).toMatchObject({ partnerName: 'Xotin-qizlar qoʻmitasi', leftOn: null });
    expect(specialist.body.team).toMatchObject({ id: org.teamA, activeMembers: 2 });
    // The same account twice in one team is a conflict.
    expect((await supervisor.post(`/api/teams/${org.teamA}/members`, { name: 'Again', userId: org.users.partner.id, joinedOn: ago(10) })).status).toBe(409);
    expect((await worker.post(`/api/teams/${org.teamA}/members`, { name: 'Not allowed', joinedOn: ago(1) })).status).toBe(403);
    const left = await supervisor.patch(`/api/teams/${org.teamA}/members/${chair.body.members[0].id}`, { version: 1, leftOn: ago(1) });
    expect(left.body.team.activeMembers).toBe(1);
  });

  it('lists only the teams the caller reaches', async () => {
    const partnerTeams = (await partner.get('/api/teams')).body.items.map((x: { id: string }) => x.id);
    expect(partnerTeams).toEqual([org.teamA]);
    const supervisorTeams = (await supervisor.get('/api/teams')).body.items.map((x: { id: string }) => x.id);
    expect(supervisorTeams.sort()).toEqual([org.teamA, otherTeam].sort());
    expect((await partner.get(`/api/teams/${otherTeam}`)).status).toBe(404);
    const other = await makeOrganisation(t.db);
    expect((await clientFor(t.baseUrl, t.db, other.users.director).then((c) => c.get(`/api/teams/${org.teamA}`))).status).toBe(404);
  });
});

describe('meetings and case conferences', () => {
  let meetingId: string;

  it("records a case conference on the team's case with decisions and follow-up tasks", async () => {
    const members = (await worker.get(`/api/teams/${org.teamA}`)).body.members as { id: string; userId: string | null }[];
    const specialist = members.find((m) => m.userId === org.users.partner.id)!;
    const res = await worker.post(`/api/teams/${org.teamA}/meetings`, {
      kind: 'case_conference', heldOn: ago(7), place: 'Yuqori Turkman MFY', summary: 'Monthly conference',
      attendees: [{ memberId: specialist.id }, { name: 'Maktab direktori oʻrinbosari', organisationName: '45-maktab' }],
      cases: [{ caseId: teamCase, decision: 'Refer the mother to vocational training; school to follow attendance.' }],
      tasks: [
        { caseId: teamCase, text: 'Find a vocational course', responsible: { memberId: specialist.id }, dueOn: ago(-14) },
        { caseId: teamCase, text: 'Report attendance weekly', responsible: { name: 'Maktab direktori oʻrinbosari' }, dueOn: ago(-30) },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ teamId: org.teamA, kind: 'case_conference', heldOn: ago(7), version: 1 });
    expect(res.body.attendees).toEqual([
      { memberId: specialist.id, name: 'Partner user', organisationName: 'Xotin-qizlar qoʻmitasi' },
      { memberId: null, name: 'Maktab direktori oʻrinbosari', organisationName: '45-maktab' },
    ]);
    expect(res.body.cases).toEqual([expect.objectContaining({ caseId: teamCase, decision: expect.stringContaining('vocational'), caseNumber: expect.stringMatching(/^FS-/) })]);
    expect(res.body.tasks.map((x: { responsibleName: string; status: string }) => [x.responsibleName, x.status])).toEqual([['Partner user', 'open'], ['Maktab direktori oʻrinbosari', 'open']]);
    meetingId = res.body.id;
    expect((await auditsOf(t.db, org.organisationId, 'team.meeting.create')).at(-1)).toMatchObject({ record_id: org.teamA, details: { meetingId, cases: [teamCase] } });
  });

  it("refuses a case that is not the team's, and a responsible who is not a member", async () => {
    const res = await worker.post(`/api/teams/${org.teamA}/meetings`, {
      kind: 'team_meeting', heldOn: ago(1), place: 'Office', cases: [{ caseId: otherCase, decision: 'x' }],
      tasks: [{ text: 'x', responsible: { memberId: otherCase }, dueOn: ago(-1) }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      { path: ['cases', 0, 'caseId'], code: 'invalid_value' },
      { path: ['tasks', 0, 'responsible', 'memberId'], code: 'invalid_value' },
    ]);
  });

  it('follows up tasks, keeping them when the meeting is edited', async () => {
    const meeting = (await worker.get(`/api/teams/${org.teamA}/meetings/${meetingId}`)).body;
    const done = await worker.patch(`/api/teams/${org.teamA}/meetings/${meetingId}/tasks/${meeting.tasks[0].id}`, { version: 1, status: 'done', doneOn: ago(1) });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.tasks[0]).toMatchObject({ status: 'done', doneOn: ago(1) });
    const edited = await worker.patch(`/api/teams/${org.teamA}/meetings/${meetingId}`, {
      version: done.body.version, summary: 'Monthly conference (minutes corrected)',
      tasks: done.body.tasks.map((x: { id: string; caseId: string; text: string; responsibleMemberId: string | null; responsibleName: string; dueOn: string }) => ({
        id: x.id, caseId: x.caseId, text: x.text, dueOn: x.dueOn, responsible: x.responsibleMemberId ? { memberId: x.responsibleMemberId } : { name: x.responsibleName },
      })),
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.tasks[0]).toMatchObject({ id: meeting.tasks[0].id, status: 'done' });
    expect((await worker.patch(`/api/teams/${org.teamA}/meetings/${meetingId}`, { version: 1, place: 'x' })).status).toBe(409);
    const list = (await worker.get(`/api/teams/${org.teamA}/meetings`)).body.items;
    expect(list).toEqual([expect.objectContaining({ id: meetingId, cases: 1, openTasks: 1 })]);
  });
});

describe('partner scope', () => {
  it("lets a partner see their team's meetings and cases, in partner fields only, and nothing else", async () => {
    const instrumentId = await csiInstrumentId(worker);
    const teamAssessment = await worker.post(`/api/cases/${teamCase}/assessments`, { instrumentId, personId: teamFamily.childIds[0], assessedOn: ago(3), answers: csiAnswers(2), summary: 'Private summary' });
    expect(teamAssessment.status).toBe(201);

    const meetings = await partner.get(`/api/teams/${org.teamA}/meetings`);
    expect(meetings.status).toBe(200);
    const meeting = (await partner.get(`/api/teams/${org.teamA}/meetings/${meetings.body.items[0].id}`)).body;
    expect(meeting.cases[0]).toMatchObject({ caseId: teamCase, decision: expect.any(String), householdName: expect.any(String) });
    expect((await partner.get(`/api/teams/${otherTeam}/meetings`)).status).toBe(404);

    // The team's case: readable, partner fields only.
    const list = await partner.get(`/api/cases/${teamCase}/assessments`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ domainScores: expect.any(Object) });
    expect(list.body.items[0]).not.toHaveProperty('summary');
    expect(list.body.items[0]).not.toHaveProperty('answers');
    for (const path of ['assessments', 'plan', 'services', 'assistance', 'referrals', 'assessments/progress']) {
      expect((await partner.get(`/api/cases/${teamCase}/${path}`)).status, path).toBe(200);
      // A case outside the team does not exist for the partner.
      const out = await partner.get(`/api/cases/${otherCase}/${path}`);
      expect([out.status, out.body.error.code], path).toEqual([404, 'not_found_or_no_access']);
    }
    // A partner reads; only the case workers write.
    expect((await partner.post(`/api/cases/${teamCase}/assessments`, { instrumentId, personId: teamFamily.childIds[0], assessedOn: ago(1), answers: csiAnswers(3) })).status).toBe(403);
    expect((await partner.post(`/api/teams/${org.teamA}/meetings`, { kind: 'team_meeting', heldOn: ago(1), place: 'x' })).status).toBe(403);
  });

  it('shows monitoring the meeting without names, decisions or texts', async () => {
    const meetings = (await me.get(`/api/teams/${org.teamA}/meetings`)).body.items;
    const meeting = (await me.get(`/api/teams/${org.teamA}/meetings/${meetings[0].id}`)).body;
    expect(meeting.cases[0]).toEqual({ caseId: teamCase, caseNumber: expect.any(String) });
    expect(meeting.attendees[0]).toEqual({ memberId: expect.any(String) });
    for (const task of meeting.tasks) {
      expect(task).not.toHaveProperty('text');
      expect(task).not.toHaveProperty('responsibleName');
    }
    expect(meeting).not.toHaveProperty('summary');
    const team = (await me.get(`/api/teams/${org.teamA}`)).body;
    for (const m of team.members) expect(m).not.toHaveProperty('name');
  });
});
