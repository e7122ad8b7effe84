import { canReachRecord } from '../../platform/access/record-scope.ts';
import { pickVisible, type VisibleFields } from '../../platform/access/field-visibility.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { TeamMember } from '../../db/casework-tables.ts';
import type { MeetingParts } from './team.repository.ts';
import type { MeetingView, MemberView } from './team.schema.ts';
import type { TeamMeeting } from '../../db/casework-tables.ts';

/**
 * A team is reached by the same rules as a record of the team: organisation
 * roles reach every team, a supervisor the teams of their branch, a social
 * worker or partner the teams they are assigned to. Its meetings are reached
 * exactly when the team is.
 */
export function teamReachable(actor: Actor, team: { organisation_id: string; branch_id: string; id: string }): boolean {
  return canReachRecord(actor, { organisation_id: team.organisation_id, branch_id: team.branch_id, team_id: team.id, assigned_worker_id: null });
}

const MEMBER_VISIBLE: VisibleFields<MemberView> = {
  partner: new Set<keyof MemberView>(['id', 'teamId', 'name', 'position', 'partnerId', 'partnerName', 'phone', 'email', 'joinedOn', 'leftOn', 'version']),
  deidentified: new Set<keyof MemberView>(['id', 'teamId', 'position', 'partnerId', 'partnerName', 'joinedOn', 'leftOn', 'version']),
};

export function memberViewFor(actor: Pick<Actor, 'fieldView'>, row: TeamMember & { partner_name: string | null }): MemberView {
  return pickVisible(actor.fieldView, {
    id: row.id, teamId: row.team_id, name: row.name, position: row.position, partnerId: row.partner_id, partnerName: row.partner_name,
    userId: row.user_id, phone: row.phone, email: row.email, joinedOn: row.joined_on, leftOn: row.left_on, version: row.version,
  }, MEMBER_VISIBLE);
}

/**
 * A meeting as a field view sees it. The team (partners included) sees the
 * whole record of its meeting; monitoring sees what happened when — kinds,
 * dates, which cases, task deadlines — never names, decisions or texts.
 * Cases the caller cannot reach are left out.
 */
export function meetingViewFor(actor: Pick<Actor, 'fieldView'>, m: TeamMeeting, parts: MeetingParts): MeetingView {
  const named = actor.fieldView !== 'deidentified';
  return {
    id: m.id,
    teamId: m.team_id,
    kind: m.kind,
    heldOn: m.held_on,
    ...(named ? { place: m.place, summary: m.summary } : {}),
    attendees: parts.attendees.map((a) => ({ memberId: a.member_id, ...(named ? { name: a.name, organisationName: a.organisation_name } : {}) })),
    cases: parts.cases.map((c) => ({ caseId: c.case_id, caseNumber: c.case_number, ...(named ? { householdName: c.household_name, decision: c.decision } : {}) })),
    tasks: parts.tasks.map((t) => ({
      id: t.id, caseId: t.case_id, responsibleMemberId: t.responsible_member_id, dueOn: t.due_on, status: t.status, doneOn: t.done_on,
      ...(named ? { text: t.text, responsibleName: t.responsible_name } : {}),
    })),
    version: m.version,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}
