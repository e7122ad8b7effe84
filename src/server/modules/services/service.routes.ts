import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import {
  assistanceView, createAssistanceBody, createServiceBody, groupServiceBody, groupServiceView, serviceView, updateAssistanceBody, updateServiceBody,
} from './service.schema.ts';
import { getAssistance, getServices, recordAssistance, recordGroupSession, recordService, updateAssistance, updateService } from './service.service.ts';

const params = z.object({ caseId: z.uuid() });
const record = { param: 'caseId', kind: 'family_case' } as const;
const tags = ['services'];

export const serviceRoutes = [
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/services', permission: 'casework.read', action: 'service.list',
    summary: 'Services delivered to the family, newest first', tags,
    params, record, response: z.object({ items: z.array(serviceView) }),
    handler: async ({ params }, ctx) => getServices(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/services', permission: 'casework.write', action: 'service.create',
    summary: 'Record a service delivered to the family', tags,
    params, record, body: createServiceBody, response: serviceView, status: 201,
    example: { serviceType: 'psychological', providerKind: 'internal', deliveredOn: '2026-02-12', units: 1, unit: 'session', costUzs: '150000', projectCode: 'EU-VCPM' },
    handler: async ({ params, body }, ctx) => recordService(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/cases/:caseId/services/:serviceId', permission: 'casework.write', action: 'service.update',
    summary: 'Correct a service delivery; send the version you saw', tags,
    params: z.object({ caseId: z.uuid(), serviceId: z.uuid() }), record, body: updateServiceBody, response: serviceView,
    example: { version: 1, units: 2 },
    handler: async ({ params, body }, ctx) => updateService(ctx, params.caseId, params.serviceId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/services/group', permission: 'casework.write', action: 'service.group.create',
    summary: 'A group session several families attended: one delivery per case, all saved or none', tags,
    body: groupServiceBody, response: groupServiceView, status: 201,
    example: {
      serviceType: 'parenting_skills', providerKind: 'internal', deliveredOn: '2026-06-19', units: 3, unit: 'hour', sessionTitle: 'Parenting skills training, Yuqori Turkman mahalla',
      cases: [{ caseId: '00000000-0000-4000-8000-000000000005', personIds: [] }],
    },
    handler: async ({ body }, ctx) => recordGroupSession(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/assistance', permission: 'casework.read', action: 'assistance.list',
    summary: 'One-time assistance given to the family, newest first', tags,
    params, record, response: z.object({ items: z.array(assistanceView) }),
    handler: async ({ params }, ctx) => getAssistance(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/assistance', permission: 'casework.write', action: 'assistance.create',
    summary: 'Record one-time assistance: cash or in kind, its value in soʻm', tags,
    params, record, body: createAssistanceBody, response: assistanceView, status: 201,
    example: { kind: 'in_kind', item: 'Winter clothes for three children', valueUzs: '850000', givenOn: '2026-01-20', projectCode: 'EU-VCPM' },
    handler: async ({ params, body }, ctx) => recordAssistance(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/cases/:caseId/assistance/:assistanceId', permission: 'casework.write', action: 'assistance.update',
    summary: 'Correct one-time assistance; send the version you saw', tags,
    params: z.object({ caseId: z.uuid(), assistanceId: z.uuid() }), record, body: updateAssistanceBody, response: assistanceView,
    example: { version: 1, valueUzs: '900000' },
    handler: async ({ params, body }, ctx) => updateAssistance(ctx, params.caseId, params.assistanceId, body),
  }),
];
