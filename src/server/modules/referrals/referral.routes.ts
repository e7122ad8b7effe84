import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import {
  answerReferralBody, completeReferralBody, createReferralBody, referralView, revokeReferralBody, sendReferralBody, updateReferralBody,
} from './referral.schema.ts';
import {
  answerReferral, completeReferral, createReferral, getReferral, getReferrals, revokeReferral, sendReferral, updateReferral,
} from './referral.service.ts';

const caseParams = z.object({ caseId: z.uuid() });
const params = z.object({ caseId: z.uuid(), referralId: z.uuid() });
const record = { param: 'caseId', kind: 'family_case' } as const;
const tags = ['referrals'];

export const referralRoutes = [
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/referrals', permission: 'casework.read', action: 'referral.list',
    summary: 'Referrals of the family to partner organisations, newest first', tags,
    params: caseParams, record, response: z.object({ items: z.array(referralView) }),
    handler: async ({ params }, ctx) => getReferrals(ctx, params.caseId),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/referrals', permission: 'casework.write', action: 'referral.create',
    summary: 'Draft a referral of a family member to a partner organisation', tags,
    params: caseParams, record, body: createReferralBody, response: referralView, status: 201,
    example: {
      partnerId: '00000000-0000-4000-8000-000000000006', personId: '00000000-0000-4000-8000-000000000003',
      reason: 'The child needs a speech therapist.', servicesRequested: ['Speech therapy assessment'], dataCategories: ['identity', 'contact', 'health'],
    },
    handler: async ({ params, body }, ctx) => createReferral(ctx, params.caseId, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/cases/:caseId/referrals/:referralId', permission: 'casework.read', action: 'referral.read',
    summary: 'One referral', tags,
    params, record, response: referralView,
    handler: async ({ params }, ctx) => getReferral(ctx, params.caseId, params.referralId),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/cases/:caseId/referrals/:referralId', permission: 'casework.write', action: 'referral.update',
    summary: 'Change a draft referral; send the version you saw', tags,
    params, record, body: updateReferralBody, response: referralView, example: { version: 1, reason: 'The child needs a speech therapist urgently.' },
    handler: async ({ params, body }, ctx) => updateReferral(ctx, params.caseId, params.referralId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/referrals/:referralId/send', permission: 'casework.write', action: 'referral.send',
    summary: "Send a draft referral: needs the member's active consent, or a supervisor's override with a reason (409 consent_required)", tags,
    params, record, body: sendReferralBody, response: referralView, example: { version: 1, sentOn: '2026-02-15' },
    handler: async ({ params, body }, ctx) => sendReferral(ctx, params.caseId, params.referralId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/referrals/:referralId/answer', permission: 'casework.write', action: 'referral.answer',
    summary: "Record the partner's answer to a sent referral: accepted, or rejected with a note", tags,
    params, record, body: answerReferralBody, response: referralView, example: { version: 2, answer: 'accepted', answeredOn: '2026-02-20' },
    handler: async ({ params, body }, ctx) => answerReferral(ctx, params.caseId, params.referralId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/referrals/:referralId/complete', permission: 'casework.write', action: 'referral.complete',
    summary: 'Record the outcome of an accepted referral', tags,
    params, record, body: completeReferralBody, response: referralView,
    example: { version: 3, completedOn: '2026-03-30', outcomeNote: 'Eight therapy sessions held; speech much clearer.' },
    handler: async ({ params, body }, ctx) => completeReferral(ctx, params.caseId, params.referralId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/cases/:caseId/referrals/:referralId/revoke', permission: 'casework.write', action: 'referral.revoke',
    summary: 'Revoke a draft, sent or accepted referral, with a reason', tags,
    params, record, body: revokeReferralBody, response: referralView, example: { version: 1, reason: 'The family moved to another district.' },
    handler: async ({ params, body }, ctx) => revokeReferral(ctx, params.caseId, params.referralId, body),
  }),
];
