import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import {
  addMemberBody, createMeetingBody, meetingSummaryView, meetingView, teamDetail, teamView, updateMeetingBody, updateMemberBody, updateTaskBody,
} from './team.schema.ts';
import { addMember, createMeeting, getMeeting, getMeetings, getTeam, getTeams, updateMeeting, updateMeetingTask, updateMember } from './team.service.ts';

const teamParams = z.object({ teamId: z.uuid() });
const meetingParams = z.object({ teamId: z.uuid(), meetingId: z.uuid() });
const tags = ['mahalla teams'];

export const teamRoutes = [
  defineRoute({
    method: 'GET', url: '/api/teams', permission: 'casework.read', action: 'team.list',
    summary: 'The interagency mahalla teams the caller reaches', tags,
    response: z.object({ items: z.array(teamView) }),
    handler: async (_input, ctx) => getTeams(ctx),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams/:teamId', permission: 'casework.read', action: 'team.read',
    summary: 'A mahalla team with its members, present and past', tags,
    params: teamParams, response: teamDetail,
    handler: async ({ params }, ctx) => getTeam(ctx, params.teamId),
  }),
  defineRoute({
    method: 'POST', url: '/api/teams/:teamId/members', permission: 'mahalla_team.manage', action: 'team.member.add',
    summary: 'Add a member from a partner organisation (optionally an Oila user with the partner role)', tags,
    params: teamParams, body: addMemberBody, response: teamDetail, status: 201,
    example: { name: 'Gulnora Yusupova', position: 'Mahalla chair', joinedOn: '2026-01-10', phone: '+998 90 555 12 34' },
    handler: async ({ params, body }, ctx) => addMember(ctx, params.teamId, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/teams/:teamId/members/:memberId', permission: 'mahalla_team.manage', action: 'team.member.update',
    summary: 'Change a member, or record that they left the team; send the version you saw', tags,
    params: z.object({ teamId: z.uuid(), memberId: z.uuid() }), body: updateMemberBody, response: teamDetail,
    example: { version: 1, leftOn: '2026-05-31' },
    handler: async ({ params, body }, ctx) => updateMember(ctx, params.teamId, params.memberId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams/:teamId/meetings', permission: 'casework.read', action: 'team.meeting.list',
    summary: "The team's meetings and case conferences, newest first", tags,
    params: teamParams, response: z.object({ items: z.array(meetingSummaryView) }),
    handler: async ({ params }, ctx) => getMeetings(ctx, params.teamId),
  }),
  defineRoute({
    method: 'POST', url: '/api/teams/:teamId/meetings', permission: 'casework.write', action: 'team.meeting.create',
    summary: "Record a meeting or case conference: attendees, the team's cases discussed with decisions, follow-up tasks", tags,
    params: teamParams, body: createMeetingBody, response: meetingView, status: 201,
    example: {
      kind: 'case_conference', heldOn: '2026-03-05', place: 'Mahalla office', attendees: [{ name: 'Gulnora Yusupova', organisationName: 'Mahalla' }],
      cases: [], tasks: [{ text: 'Visit the school about attendance', responsible: { name: 'School deputy director' }, dueOn: '2026-03-20' }],
    },
    handler: async ({ params, body }, ctx) => createMeeting(ctx, params.teamId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/teams/:teamId/meetings/:meetingId', permission: 'casework.read', action: 'team.meeting.read',
    summary: 'One meeting with its attendees, cases and tasks', tags,
    params: meetingParams, response: meetingView,
    handler: async ({ params }, ctx) => getMeeting(ctx, params.teamId, params.meetingId),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/teams/:teamId/meetings/:meetingId', permission: 'casework.write', action: 'team.meeting.update',
    summary: 'Change a meeting; lists sent replace the old ones. Send the version you saw', tags,
    params: meetingParams, body: updateMeetingBody, response: meetingView, example: { version: 1, summary: 'Two families agreed to the plan.' },
    handler: async ({ params, body }, ctx) => updateMeeting(ctx, params.teamId, params.meetingId, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/teams/:teamId/meetings/:meetingId/tasks/:taskId', permission: 'casework.write', action: 'team.task.update',
    summary: "Follow up a meeting's task: done or cancelled; send the meeting's version", tags,
    params: z.object({ teamId: z.uuid(), meetingId: z.uuid(), taskId: z.uuid() }), body: updateTaskBody, response: meetingView,
    example: { version: 1, status: 'done', doneOn: '2026-03-18' },
    handler: async ({ params, body }, ctx) => updateMeetingTask(ctx, params.teamId, params.meetingId, params.taskId, body),
  }),
];
