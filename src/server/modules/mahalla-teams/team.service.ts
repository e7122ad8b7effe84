import { randomUUID } from 'node:crypto';
import type { Insertable, Updateable } from 'kysely';
import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { TeamMeetingTaskTable, TeamMemberTable, TeamMeetingTable } from '../../db/casework-tables.ts';
import { notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { activePartnerExists, activeUserExists, invalid } from '../casework/casework.access.ts';
import { meetingViewFor, memberViewFor, teamReachable } from './team.policy.ts';
import {
  existingTasks, findMeeting, findMember, findTeam, insertMeeting, insertMember, meetingParts, meetingsOf, membersOf, replaceAttendees, replaceCases,
  replaceTasks, teamCasesInScope, teamsOf, updateMeetingAtVersion, updateMemberAtVersion, updateTask,
} from './team.repository.ts';
import type { AddMemberInput, CreateMeetingInput, UpdateMeetingInput, UpdateMemberInput } from './team.schema.ts';

/** The team if the caller reaches it; otherwise the same 404 as a missing one. */
async function teamInScope(ctx: HandlerContext, teamId: string) {
  const team = await findTeam(ctx.db, ctx.actor.organisationId, teamId);
  if (!team || !teamReachable(ctx.actor, team)) throw notFoundOrNoAccess();
  return team;
}

export async function getTeams(ctx: HandlerContext) {
  const teams = (await teamsOf(ctx.db, ctx.actor.organisationId)).filter((t) => teamReachable(ctx.actor, t));
  await ctx.audit({ action: 'team.list', recordType: 'team', details: { shown: teams.map((t) => t.id) } });
  return { items: teams.map((t) => ({ id: t.id, branchId: t.branch_id, name: t.name, mahallaId: t.mahalla_id, activeMembers: t.active_members ?? 0 })) };
}

async function detail(ctx: HandlerContext, teamId: string) {
  const team = await teamInScope(ctx, teamId);
  const members = await membersOf(ctx.db, ctx.actor.organisationId, teamId);
  return {
    team: { id: team.id, branchId: team.branch_id, name: team.name, mahallaId: team.mahalla_id, activeMembers: members.filter((m) => m.left_on === null).length },
    members: members.map((m) => memberViewFor(ctx.actor, m)),
  };
}

export async function getTeam(ctx: HandlerContext, teamId: string) {
  const result = await detail(ctx, teamId);
  await ctx.audit({ action: 'team.read', recordType: 'team', recordId: teamId });
  return result;
}

async function memberErrors(ctx: HandlerContext, input: { partnerId?: string | null | undefined; userId?: string | null | undefined }): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.partnerId && !(await activePartnerExists(ctx.db, ctx.actor, input.partnerId))) errors.push({ path: ['partnerId'], code: 'invalid_value' });
  if (input.userId && !(await activeUserExists(ctx.db, ctx.actor, input.userId))) errors.push({ path: ['userId'], code: 'invalid_value' });
  return errors;
}

export async function addMember(ctx: HandlerContext, teamId: string, input: AddMemberInput) {
  await teamInScope(ctx, teamId);
  const errors = await memberErrors(ctx, input);
  if (errors.length) throw invalid(errors);
  const id = await insertMember(ctx.db, {
    organisation_id: ctx.actor.organisationId, team_id: teamId, partner_id: input.partnerId, user_id: input.userId, name: input.name,
    position: input.position, phone: input.phone, email: input.email, joined_on: input.joinedOn, left_on: null, created_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'team.member.add', recordType: 'team', recordId: teamId, details: { memberId: id, partnerId: input.partnerId, userId: input.userId } });
  return detail(ctx, teamId);
}

export async function updateMember(ctx: HandlerContext, teamId: string, memberId: string, input: UpdateMemberInput) {
  await teamInScope(ctx, teamId);
  const current = await findMember(ctx.db, ctx.actor.organisationId, teamId, memberId, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(memberViewFor(ctx.actor, current));
  const errors = await memberErrors(ctx, input);
  if (input.leftOn && input.leftOn < current.joined_on) errors.push({ path: ['leftOn'], code: 'invalid_date' });
  if (errors.length) throw invalid(errors);
  const values: Updateable<TeamMemberTable> = {};
  if (input.name !== undefined) values.name = input.name;
  if (input.position !== undefined) values.position = input.position;
  if (input.partnerId !== undefined) values.partner_id = input.partnerId;
  if (input.phone !== undefined) values.phone = input.phone;
  if (input.email !== undefined) values.email = input.email;
  if (input.leftOn !== undefined) values.left_on = input.leftOn;
  if (!(await updateMemberAtVersion(ctx.db, ctx.actor.organisationId, memberId, input.version, values))) throw versionConflict(memberViewFor(ctx.actor, current));
  const { version: _v, ...changed } = input;
  await ctx.audit({ action: 'team.member.update', recordType: 'team', recordId: teamId, details: { memberId, fields: Object.keys(changed).sort() } });
  return detail(ctx, teamId);
}

export async function getMeetings(ctx: HandlerContext, teamId: string) {
  await teamInScope(ctx, teamId);
  const rows = await meetingsOf(ctx.db, ctx.actor.organisationId, teamId);
  await ctx.audit({ action: 'team.meeting.list', recordType: 'team', recordId: teamId, details: { shown: rows.map((r) => r.id) } });
  const named = ctx.actor.fieldView !== 'deidentified';
  return {
    items: rows.map((m) => ({
      id: m.id, teamId: m.team_id, kind: m.kind, heldOn: m.held_on, ...(named ? { place: m.place } : {}),
      cases: m.case_count ?? 0, openTasks: m.open_tasks ?? 0, version: m.version,
    })),
  };
}

async function meetingView(ctx: HandlerContext, teamId: string, meetingId: string) {
  const m = await findMeeting(ctx.db, ctx.actor.organisationId, teamId, meetingId);
  if (!m) throw notFoundOrNoAccess();
  return meetingViewFor(ctx.actor, m, await meetingParts(ctx.db, ctx.actor, m.id));
}

export async function getMeeting(ctx: HandlerContext, teamId: string, meetingId: string) {
  await teamInScope(ctx, teamId);
  const result = await meetingView(ctx, teamId, meetingId);
  await ctx.audit({ action: 'team.meeting.read', recordType: 'team', recordId: teamId, details: { meetingId, cases: result.cases.map((c) => c.caseId) } });
  return result;
}

type Parts = Pick<CreateMeetingInput, 'attendees' | 'cases' | 'tasks'>;

/**
 * Checks and writes a meeting's attendees, cases and tasks: attendees and
 * responsible members are members of the team; cases are the team's cases the
 * caller reaches (or cases the meeting already named); a task keeps its id
 * and status when sent with its id.
 */
async function writeParts(ctx: HandlerContext, teamId: string, meetingId: string, parts: Partial<Parts>, alreadyNamed: ReadonlySet<string>) {
  const members = new Map((await membersOf(ctx.db, ctx.actor.organisationId, teamId)).map((m) => [m.id, m]));
  const errors: FieldError[] = [];
  const caseIds = [...(parts.cases ?? []).map((c) => c.caseId), ...(parts.tasks ?? []).flatMap((t) => (t.caseId ? [t.caseId] : []))];
  const allowed = await teamCasesInScope(ctx.db, ctx.actor, teamId, caseIds);
  const okCase = (id: string) => allowed.has(id) || alreadyNamed.has(id);
  parts.attendees?.forEach((a, i) => { if ('memberId' in a && !members.has(a.memberId)) errors.push({ path: ['attendees', i, 'memberId'], code: 'invalid_value' }); });
  const seen = new Set<string>();
  parts.cases?.forEach((c, i) => {
    if (!okCase(c.caseId) || seen.has(c.caseId)) errors.push({ path: ['cases', i, 'caseId'], code: 'invalid_value' });
    seen.add(c.caseId);
  });
  const previous = new Map((await existingTasks(ctx.db, meetingId)).map((t) => [t.id, t]));
  parts.tasks?.forEach((t, i) => {
    if (t.caseId && !okCase(t.caseId)) errors.push({ path: ['tasks', i, 'caseId'], code: 'invalid_value' });
    if ('memberId' in t.responsible && !members.has(t.responsible.memberId)) errors.push({ path: ['tasks', i, 'responsible', 'memberId'], code: 'invalid_value' });
    if (t.id !== undefined && !previous.has(t.id)) errors.push({ path: ['tasks', i, 'id'], code: 'invalid_value' });
  });
  if (errors.length) throw invalid(errors);
  if (parts.attendees) {
    await replaceAttendees(ctx.db, meetingId, parts.attendees.map((a, position) => 'memberId' in a
      ? { meeting_id: meetingId, member_id: a.memberId, name: members.get(a.memberId)!.name, organisation_name: members.get(a.memberId)!.partner_name, position }
      : { meeting_id: meetingId, member_id: null, name: a.name, organisation_name: a.organisationName, position }));
  }
  if (parts.cases) await replaceCases(ctx.db, meetingId, parts.cases.map((c, position) => ({ meeting_id: meetingId, case_id: c.caseId, decision: c.decision, position })));
  if (parts.tasks) {
    const rows: Insertable<TeamMeetingTaskTable>[] = parts.tasks.map((t, position) => {
      const kept = t.id ? previous.get(t.id) : undefined;
      const member = 'memberId' in t.responsible ? members.get(t.responsible.memberId)! : null;
      return {
        id: t.id ?? randomUUID(), organisation_id: ctx.actor.organisationId, meeting_id: meetingId, case_id: t.caseId, text: t.text,
        responsible_member_id: member?.id ?? null, responsible_name: member ? member.name : 'name' in t.responsible ? t.responsible.name : '',
        due_on: t.dueOn, status: kept?.status ?? 'open', done_on: kept?.done_on ?? null, position,
      };
    });
    await replaceTasks(ctx.db, meetingId, rows);
  }
}

export async function createMeeting(ctx: HandlerContext, teamId: string, input: CreateMeetingInput) {
  const team = await teamInScope(ctx, teamId);
  const id = await insertMeeting(ctx.db, {
    organisation_id: ctx.actor.organisationId, branch_id: team.branch_id, team_id: teamId, kind: input.kind, held_on: input.heldOn, place: input.place,
    summary: input.summary, created_by: ctx.actor.userId, updated_by: ctx.actor.userId,
  });
  await writeParts(ctx, teamId, id, input, new Set());
  await ctx.audit({ action: 'team.meeting.create', recordType: 'team', recordId: teamId, details: { meetingId: id, cases: input.cases.map((c) => c.caseId) } });
  return meetingView(ctx, teamId, id);
}

export async function updateMeeting(ctx: HandlerContext, teamId: string, meetingId: string, input: UpdateMeetingInput) {
  await teamInScope(ctx, teamId);
  const current = await findMeeting(ctx.db, ctx.actor.organisationId, teamId, meetingId, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  const parts = await meetingParts(ctx.db, ctx.actor, meetingId);
  if (current.version !== input.version) throw versionConflict(meetingViewFor(ctx.actor, current, parts));
  await writeParts(ctx, teamId, meetingId, input, new Set(parts.cases.map((c) => c.case_id)));
  const values: Updateable<TeamMeetingTable> = { updated_by: ctx.actor.userId };
  if (input.kind !== undefined) values.kind = input.kind;
  if (input.heldOn !== undefined) values.held_on = input.heldOn;
  if (input.place !== undefined) values.place = input.place;
  if (input.summary !== undefined) values.summary = input.summary;
  if (!(await updateMeetingAtVersion(ctx.db, ctx.actor.organisationId, meetingId, input.version, values))) throw versionConflict(meetingViewFor(ctx.actor, current, parts));
  const { version: _v, ...changed } = input;
  await ctx.audit({ action: 'team.meeting.update', recordType: 'team', recordId: teamId, details: { meetingId, fields: Object.keys(changed).sort() } });
  return meetingView(ctx, teamId, meetingId);
}

/** Follow-up on one task of a meeting: done (with its date) or cancelled, or open again. */
export async function updateMeetingTask(ctx: HandlerContext, teamId: string, meetingId: string, taskId: string, input: { version: number; status: 'open' | 'done' | 'cancelled'; doneOn: string | null }) {
  await teamInScope(ctx, teamId);
  const current = await findMeeting(ctx.db, ctx.actor.organisationId, teamId, meetingId, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(meetingViewFor(ctx.actor, current, await meetingParts(ctx.db, ctx.actor, meetingId)));
  const doneOn = input.status === 'done' ? (input.doneOn ?? todayInUzbekistan()) : null;
  if (!(await updateTask(ctx.db, meetingId, taskId, { status: input.status, done_on: doneOn }))) throw notFoundOrNoAccess();
  await updateMeetingAtVersion(ctx.db, ctx.actor.organisationId, meetingId, input.version, { updated_by: ctx.actor.userId });
  await ctx.audit({ action: 'team.task.update', recordType: 'team', recordId: teamId, details: { meetingId, taskId, status: input.status } });
  return meetingView(ctx, teamId, meetingId);
}
