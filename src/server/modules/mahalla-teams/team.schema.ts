import { z } from 'zod';
import { MEETING_KINDS, TASK_STATUSES } from '../../../shared/casework/codes.ts';
import { isoDate, optionalText, pastDate, requiredText, uuid, version } from '../../../shared/schemas/common.ts';
import { uzPhone } from '../../../shared/schemas/common.ts';
import { optionalEmail } from '../partners/partner.schema.ts';

/**
 * Interagency mahalla teams: members from partner organisations (some of them
 * Oila users with the partner role), and their meetings and case conferences.
 */

export const meetingKind = z.enum(MEETING_KINDS).meta({ id: 'TeamMeetingKind' });
export const taskStatus = z.enum(TASK_STATUSES).meta({ id: 'TeamTaskStatus' });

export const addMemberBody = z
  .strictObject({
    name: requiredText(160),
    position: optionalText(160),
    /** The member's organisation, from the directory. */
    partnerId: uuid.nullish().transform((s) => s ?? null),
    /** The member's Oila account, when they have one (usually with the partner role). */
    userId: uuid.nullish().transform((s) => s ?? null),
    phone: uzPhone,
    email: optionalEmail,
    joinedOn: pastDate,
  })
  .meta({ id: 'AddTeamMember' });
export type AddMemberInput = z.output<typeof addMemberBody>;

export const updateMemberBody = z
  .strictObject({
    version,
    name: requiredText(160).optional(),
    position: optionalText(160).optional(),
    partnerId: uuid.nullish().transform((s) => s ?? null).optional(),
    phone: uzPhone.optional(),
    email: optionalEmail.optional(),
    /** The member left the team on this date. */
    leftOn: pastDate.nullish().transform((s) => s ?? null).optional(),
  })
  .meta({ id: 'UpdateTeamMember' });
export type UpdateMemberInput = z.output<typeof updateMemberBody>;

export const memberView = z
  .object({
    id: uuid,
    teamId: uuid,
    name: z.string().optional(),
    position: z.string().nullable().optional(),
    partnerId: uuid.nullable(),
    partnerName: z.string().nullable(),
    userId: uuid.nullable().optional(),
    phone: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    joinedOn: z.string(),
    leftOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'TeamMember' });
export type MemberView = z.infer<typeof memberView>;

export const teamView = z
  .object({ id: uuid, branchId: uuid, name: z.string(), mahallaId: uuid.nullable(), activeMembers: z.number().int() })
  .meta({ id: 'MahallaTeam' });

export const teamDetail = z.object({ team: teamView, members: z.array(memberView) }).meta({ id: 'MahallaTeamDetail' });

const attendeeInput = z.union([
  z.strictObject({ memberId: uuid }),
  z.strictObject({ name: requiredText(160), organisationName: optionalText(200) }),
]);
const taskInput = z.strictObject({
  /** A task of this meeting to keep (its id and status stay); leave out for a new one. */
  id: uuid.optional(),
  caseId: uuid.nullish().transform((s) => s ?? null),
  text: requiredText(1000),
  responsible: z.union([z.strictObject({ memberId: uuid }), z.strictObject({ name: requiredText(160) })]),
  dueOn: isoDate,
});

const meetingFields = {
  kind: meetingKind,
  heldOn: pastDate,
  place: requiredText(300),
  summary: optionalText(4000),
  attendees: z.array(attendeeInput).max(60),
  /** The team's cases discussed, each with the decision taken. */
  cases: z.array(z.strictObject({ caseId: uuid, decision: requiredText(2000) })).max(60),
  tasks: z.array(taskInput).max(100),
};

export const createMeetingBody = z
  .strictObject({ ...meetingFields, attendees: meetingFields.attendees.default([]), cases: meetingFields.cases.default([]), tasks: meetingFields.tasks.default([]) })
  .meta({ id: 'CreateTeamMeeting' });
export type CreateMeetingInput = z.output<typeof createMeetingBody>;

export const updateMeetingBody = z
  .strictObject({
    version,
    kind: meetingKind.optional(),
    heldOn: pastDate.optional(),
    place: requiredText(300).optional(),
    summary: optionalText(4000).optional(),
    attendees: meetingFields.attendees.optional(),
    cases: meetingFields.cases.optional(),
    tasks: meetingFields.tasks.optional(),
  })
  .meta({ id: 'UpdateTeamMeeting' });
export type UpdateMeetingInput = z.output<typeof updateMeetingBody>;

export const updateTaskBody = z
  .strictObject({ version, status: taskStatus, doneOn: pastDate.nullish().transform((s) => s ?? null) })
  .meta({ id: 'UpdateTeamTask' });

export const meetingView = z
  .object({
    id: uuid,
    teamId: uuid,
    kind: meetingKind,
    heldOn: z.string(),
    place: z.string().optional(),
    summary: z.string().nullable().optional(),
    attendees: z.array(z.object({ memberId: uuid.nullable(), name: z.string().optional(), organisationName: z.string().nullable().optional() })),
    cases: z.array(z.object({ caseId: uuid, caseNumber: z.string(), householdName: z.string().optional(), decision: z.string().optional() })),
    tasks: z.array(z.object({
      id: uuid,
      caseId: uuid.nullable(),
      text: z.string().optional(),
      responsibleMemberId: uuid.nullable(),
      responsibleName: z.string().optional(),
      dueOn: z.string(),
      status: taskStatus,
      doneOn: z.string().nullable(),
    })),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TeamMeeting' });
export type MeetingView = z.infer<typeof meetingView>;

export const meetingSummaryView = z
  .object({ id: uuid, teamId: uuid, kind: meetingKind, heldOn: z.string(), place: z.string().optional(), cases: z.number().int(), openTasks: z.number().int(), version: z.number().int() })
  .meta({ id: 'TeamMeetingSummary' });
