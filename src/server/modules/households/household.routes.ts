import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import { archiveBody } from '../people/person.schema.ts';
import {
  createHouseholdBody, householdDetail, householdPage, householdView, leaveBody, memberInput, searchHouseholdsBody, updateHouseholdBody,
} from './household.schema.ts';
import { addHouseholdMember, archiveHousehold, createHousehold, endMembership, findHouseholds, getHousehold, updateHousehold } from './household.service.ts';

const params = z.object({ householdId: z.uuid() });
const record = { param: 'householdId', kind: 'household' } as const;

export const householdRoutes = [
  defineRoute({
    method: 'POST', url: '/api/households/search', permission: 'household.read', action: 'household.search',
    summary: "Find households by their name or a member's name, in any script", tags: ['households'],
    body: searchHouseholdsBody, response: householdPage, example: { q: 'Камалова', page: 1, pageSize: 25 },
    handler: async ({ body }, ctx) => findHouseholds(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/households', permission: 'household.create', action: 'household.create',
    summary: 'Register a household with its members in one step', tags: ['households'],
    body: createHouseholdBody, response: householdDetail, status: 201,
    example: {
      displayName: 'Камаловы', branchId: '00000000-0000-4000-8000-000000000001',
      members: [{ relationship: 'child', isPrimaryCaregiver: false, person: { givenName: 'Нилуфар', familyName: 'Камалова', sex: 'female', birthDate: '2014-03-08' } }],
    },
    handler: async ({ body }, ctx) => createHousehold(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/households/:householdId', permission: 'household.read', action: 'household.read',
    summary: 'A household with its current members', tags: ['households'],
    params, response: householdDetail, record,
    handler: async ({ params }, ctx) => getHousehold(ctx, params.householdId),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/households/:householdId', permission: 'household.update', action: 'household.update',
    summary: 'Change a household; send the version you saw', tags: ['households'],
    params, body: updateHouseholdBody, response: householdView, record, example: { version: 1, addressLine: 'Yunusobod 4-12' },
    handler: async ({ params, body }, ctx) => updateHousehold(ctx, params.householdId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/households/:householdId/members', permission: 'household.update', action: 'household.member.add',
    summary: 'Add a member: an existing person or a new one', tags: ['households'],
    params, body: memberInput, response: householdDetail, record,
    example: { relationship: 'child', isPrimaryCaregiver: false, person: { givenName: 'Aziz', familyName: 'Karimov', sex: 'male', birthDate: '2016-05-01' } },
    handler: async ({ params, body }, ctx) => addHouseholdMember(ctx, params.householdId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/households/:householdId/members/:memberId/leave', permission: 'household.update', action: 'household.member.leave',
    summary: 'End a membership (it stays in the history)', tags: ['households'],
    params: z.object({ householdId: z.uuid(), memberId: z.uuid() }), body: leaveBody, response: householdDetail, record,
    example: { version: 1 },
    handler: async ({ params, body }, ctx) => endMembership(ctx, params.householdId, params.memberId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/households/:householdId/archive', permission: 'household.archive', action: 'household.archive',
    summary: 'Archive a household (nothing is deleted)', tags: ['households'],
    params, body: archiveBody, response: householdView, record, example: { version: 1, reason: 'Moved away' },
    handler: async ({ params, body }, ctx) => archiveHousehold(ctx, params.householdId, body),
  }),
];
