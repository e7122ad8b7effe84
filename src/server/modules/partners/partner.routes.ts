import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import { archivePartnerBody, createPartnerBody, partnerPage, partnerView, searchPartnersBody, updatePartnerBody } from './partner.schema.ts';
import { archivePartner, createPartner, findPartners, getPartner, updatePartner } from './partner.service.ts';

const params = z.object({ partnerId: z.uuid() });
const tags = ['partner organisations'];

export const partnerRoutes = [
  defineRoute({
    method: 'POST', url: '/api/partner-organisations/search', permission: 'casework.read', action: 'partner_org.search',
    summary: 'The directory of partner organisations: by name, kind and district', tags,
    body: searchPartnersBody, response: partnerPage, example: { q: 'maktab', kind: ['school'], page: 1, pageSize: 25 },
    handler: async ({ body }, ctx) => findPartners(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/partner-organisations', permission: 'partner_org.manage', action: 'partner_org.create',
    summary: 'Add a partner organisation with its contact people', tags,
    body: createPartnerBody, response: partnerView, status: 201,
    example: {
      kind: 'womens_committee', name: 'Yunusobod tumani xotin-qizlar qoʻmitasi', phone: '+998 71 239 40 42',
      contacts: [{ name: 'Dilnoza Rahimova', position: 'Mutaxassis', phone: '+998 90 123 45 67', email: 'd.rahimova@example.uz' }],
    },
    handler: async ({ body }, ctx) => createPartner(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/partner-organisations/:partnerId', permission: 'casework.read', action: 'partner_org.read',
    summary: 'One partner organisation', tags,
    params, response: partnerView,
    handler: async ({ params }, ctx) => getPartner(ctx, params.partnerId),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/partner-organisations/:partnerId', permission: 'partner_org.manage', action: 'partner_org.update',
    summary: 'Change a partner organisation; send the version you saw', tags,
    params, body: updatePartnerBody, response: partnerView, example: { version: 1, address: 'Amir Temur koʻchasi 12' },
    handler: async ({ params, body }, ctx) => updatePartner(ctx, params.partnerId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/partner-organisations/:partnerId/archive', permission: 'partner_org.manage', action: 'partner_org.archive',
    summary: 'Archive a partner organisation: it stays on the records that name it', tags,
    params, body: archivePartnerBody, response: partnerView, example: { version: 1, reason: 'Merged with the district centre' },
    handler: async ({ params, body }, ctx) => archivePartner(ctx, params.partnerId, body),
  }),
];
