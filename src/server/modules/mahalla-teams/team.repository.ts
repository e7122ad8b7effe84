import { sql, type Insertable, type Updateable } from 'kysely';
import type {
  TeamMeeting, TeamMeetingAttendeeTable, TeamMeetingCaseTable, TeamMeetingTable, TeamMeetingTask, TeamMeetingTaskTable, TeamMember, TeamMemberTable,
} from '../../db/casework-tables.ts';
import { recordScope } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';

/**
 * Queries on teams, members and meetings, always within the caller's
 * organisation. The service checks that the caller reaches the team first;
 * the cases a meeting names are read through the caller's case scope.
 */

export async function teamsOf(db: Executor, organisationId: string) {
  return db
    .selectFrom('team')
    .selectAll('team')
    .select((eb) => eb.selectFrom('team_member').select(eb.fn.countAll<number>().as('n')).whereRef('team_member.team_id', '=', 'team.id').where('team_member.left_on', 'is', null).as('active_members'))
    .where('team.organisation_id', '=', organisationId)
    .orderBy('team.name')
    .execute();
}

export async function findTeam(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('team').selectAll().where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
}

type MemberRow = TeamMember & { partner_name: string | null };

function memberQuery(db: Executor, organisationId: string) {
  return db.selectFrom('team_member as m').leftJoin('partner_organisation as p', 'p.id', 'm.partner_id')
    .selectAll('m').select('p.name as partner_name').where('m.organisation_id', '=', organisationId);
}

export async function membersOf(db: Executor, organisationId: string, teamId: string): Promise<MemberRow[]> {
  return memberQuery(db, organisationId).where('m.team_id', '=', teamId)
    .orderBy(sql`m.left_on IS NULL`, 'desc').orderBy('m.name').execute();
}

export async function findMember(db: Executor, organisationId: string, teamId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<MemberRow | undefined> {
  let q = memberQuery(db, organisationId).where('m.team_id', '=', teamId).where('m.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('m');
  return q.executeTakeFirst();
}

export async function insertMember(db: Executor, values: Insertable<TeamMemberTable>): Promise<string> {
  return (await db.insertInto('team_member').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateMemberAtVersion(db: Executor, organisationId: string, id: string, version: number, values: Updateable<TeamMemberTable>): Promise<boolean> {
  const row = await db.updateTable('team_member').set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id).where('organisation_id', '=', organisationId).where('version', '=', version).returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function meetingsOf(db: Executor, organisationId: string, teamId: string) {
  return db
    .selectFrom('team_meeting as m')
    .selectAll('m')
    .select((eb) => [
      eb.selectFrom('team_meeting_case as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.meeting_id', '=', 'm.id').as('case_count'),
      eb.selectFrom('team_meeting_task as t').select(eb.fn.countAll<number>().as('n')).whereRef('t.meeting_id', '=', 'm.id').where('t.status', '=', 'open').as('open_tasks'),
    ])
    .where('m.organisation_id', '=', organisationId)
    .where('m.team_id', '=', teamId)
    .orderBy('m.held_on', 'desc')
    .orderBy('m.created_at', 'desc')
    .execute();
}

export async function findMeeting(db: Executor, organisationId: string, teamId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<TeamMeeting | undefined> {
  let q = db.selectFrom('team_meeting').selectAll().where('id', '=', id).where('team_id', '=', teamId).where('organisation_id', '=', organisationId);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export interface MeetingParts {
  attendees: { member_id: string | null; name: string; organisation_name: string | null }[];
  cases: { case_id: string; case_number: string; household_name: string; decision: string }[];
  tasks: TeamMeetingTask[];
}

/** A meeting's attendees, the cases it discussed that the caller may reach, and its tasks. */
export async function meetingParts(db: Executor, actor: Actor, meetingId: string): Promise<MeetingParts> {
  const attendees = await db.selectFrom('team_meeting_attendee').select(['member_id', 'name', 'organisation_name'])
    .where('meeting_id', '=', meetingId).orderBy('position').execute();
  const cases = await db.selectFrom('team_meeting_case as mc')
    .innerJoin('family_case', 'family_case.id', 'mc.case_id')
    .innerJoin('household as h', 'h.id', 'family_case.household_id')
    .select(['mc.case_id', 'family_case.case_number', 'h.display_name as household_name', 'mc.decision'])
    .where('mc.meeting_id', '=', meetingId)
    .where(recordScope(actor, 'family_case'))
    .orderBy('mc.position')
    .execute();
  const reachable = new Set(cases.map((c) => c.case_id));
  const tasks = (await db.selectFrom('team_meeting_task').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute())
    .filter((t) => t.case_id === null || reachable.has(t.case_id));
  return { attendees, cases, tasks };
}

export async function insertMeeting(db: Executor, values: Insertable<TeamMeetingTable>): Promise<string> {
  return (await db.insertInto('team_meeting').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateMeetingAtVersion(db: Executor, organisationId: string, id: string, version: number, values: Updateable<TeamMeetingTable>): Promise<boolean> {
  const row = await db.updateTable('team_meeting').set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id).where('organisation_id', '=', organisationId).where('version', '=', version).returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function existingTasks(db: Executor, meetingId: string): Promise<TeamMeetingTask[]> {
  return db.selectFrom('team_meeting_task').selectAll().where('meeting_id', '=', meetingId).execute();
}

export async function replaceAttendees(db: Executor, meetingId: string, rows: Insertable<TeamMeetingAttendeeTable>[]): Promise<void> {
  await db.deleteFrom('team_meeting_attendee').where('meeting_id', '=', meetingId).execute();
  if (rows.length) await db.insertInto('team_meeting_attendee').values(rows).execute();
}

export async function replaceCases(db: Executor, meetingId: string, rows: Insertable<TeamMeetingCaseTable>[]): Promise<void> {
  await db.deleteFrom('team_meeting_case').where('meeting_id', '=', meetingId).execute();
  if (rows.length) await db.insertInto('team_meeting_case').values(rows).execute();
}

export async function replaceTasks(db: Executor, meetingId: string, rows: Insertable<TeamMeetingTaskTable>[]): Promise<void> {
  await db.deleteFrom('team_meeting_task').where('meeting_id', '=', meetingId).execute();
  if (rows.length) await db.insertInto('team_meeting_task').values(rows).execute();
}

export async function updateTask(db: Executor, meetingId: string, taskId: string, values: Updateable<TeamMeetingTaskTable>): Promise<boolean> {
  const row = await db.updateTable('team_meeting_task').set(values).where('id', '=', taskId).where('meeting_id', '=', meetingId).returning('id').executeTakeFirst();
  return row !== undefined;
}

/** The cases of `teamId` among `caseIds` that the caller reaches: a meeting discusses only its team's cases. */
export async function teamCasesInScope(db: Executor, actor: Actor, teamId: string, caseIds: readonly string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const rows = await db.selectFrom('family_case').select('id').where('id', 'in', [...new Set(caseIds)]).where('team_id', '=', teamId)
    .where(recordScope(actor, 'family_case')).execute();
  return new Set(rows.map((r) => r.id));
}
