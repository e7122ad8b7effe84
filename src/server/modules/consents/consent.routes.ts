import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import { consentView } from '../people/person.schema.ts';
import { createConsentBody, withdrawConsentBody } from './consent.schema.ts';
import { recordConsent, withdrawConsent } from './consent.service.ts';

export const consentRoutes = [
  defineRoute({
    method: 'POST', url: '/api/people/:personId/consents', permission: 'consent.write', action: 'consent.create',
    summary: 'Record a consent: its purpose, the data it covers, transfers and duration', tags: ['consents'],
    params: z.object({ personId: z.uuid() }), body: createConsentBody, response: consentView, status: 201,
    record: { param: 'personId', kind: 'person' },
    example: { purpose: 'case_management', dataCategories: ['identity', 'family'], grantedOn: '2026-01-15', expiresOn: '2027-01-15' },
    handler: async ({ params, body }, ctx) => recordConsent(ctx, params.personId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/consents/:consentId/withdraw', permission: 'consent.write', action: 'consent.withdraw',
    summary: 'Withdraw a consent; it stays on record as withdrawn', tags: ['consents'],
    params: z.object({ consentId: z.uuid() }), body: withdrawConsentBody, response: consentView,
    example: { version: 1, note: 'Withdrawn by the mother at a home visit' },
    handler: async ({ params, body }, ctx) => withdrawConsent(ctx, params.consentId, body),
  }),
];
