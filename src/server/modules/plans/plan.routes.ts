import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import { fileResponse } from '../casework/file-response.ts';
import { planPdfQuery, planResponse, planReviewBody, planView, savePlanBody, submitPlanBody, updateActionBody } from './plan.schema.ts';
import { getPlan, planPdf, reviewPlan, savePlan, submitPlan, updatePlanAction } from './plan.service.ts';

const params = z.object({ caseId: z.uuid() });
const record = { param: 'caseId', kind: 'family_case' } as const;
const tags = ['plans'];

export const planRoutes = [
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/plan', permission: 'casework.read', action: 'plan.read',
    summary: "The family development plan of the case's current episode (null before one is written)", tags,
    params, record, response: planResponse,
    handler: async ({ params }, ctx) => getPlan(ctx, params.caseId),
  }),
  defineRoute({
    method: 'PUT', url: '/api/cases/:caseId/plan', permission: 'casework.write', action: 'plan.save',
    summary: 'Write the plan: goals per domain with their actions. Leave out version to create it; send it to change it', tags,
    params, record, body: savePlanBody, response: planView,
    example: {
      goals: [{
        instrumentCode: 'household_self_reliance', domainCode: 'income', text: 'The mother earns a regular income from sewing',
        actions: [{ text: 'Enrol the mother in a sewing course', responsible: { kind: 'name', name: 'Mother' }, dueOn: '2026-04-30' }],
      }],
    },
    handler: async ({ params, body }, ctx) => savePlan(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/cases/:caseId/plan/actions/:actionId', permission: 'casework.write', action: 'plan.action.update',
    summary: "Record progress on one action; the plan's approval stands", tags,
    params: z.object({ caseId: z.uuid(), actionId: z.uuid() }), record, body: updateActionBody, response: planView,
    example: { version: 1, status: 'done', completedOn: '2026-04-20' },
    handler: async ({ params, body }, ctx) => updatePlanAction(ctx, params.caseId, params.actionId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/plan/reviews', permission: 'casework.write', action: 'plan.review',
    summary: 'Review the plan with the family: a summary and the progress of each goal', tags,
    params, record, body: planReviewBody, response: planView,
    example: { version: 1, reviewedOn: '2026-06-15', summary: 'Income is steadier; school attendance improved.', goals: [{ goalId: '00000000-0000-4000-8000-000000000004', progress: 'good_progress' }] },
    handler: async ({ params, body }, ctx) => reviewPlan(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/plan/submit', permission: 'casework.write', action: 'plan.submit',
    summary: "Submit the plan for a supervisor's approval (a case approval request, subject plan)", tags,
    params, record, body: submitPlanBody, response: planView, example: { version: 1, note: 'Agreed with the family at the home visit.' },
    handler: async ({ params, body }, ctx) => submitPlan(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/plan/pdf', permission: 'plan.print', action: 'plan.pdf',
    summary: "The plan as a PDF to sign, in the family's language (language: en, ru, uz-Latn, uz-Cyrl; default the caller's)", tags,
    params, record, query: planPdfQuery, response: fileResponse('application/pdf'),
    handler: async ({ params, query }, ctx) => planPdf(ctx, params.caseId, query.language),
  }),
];
