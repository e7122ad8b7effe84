import { defineRoute } from '../../platform/http/define-route.ts';
import { auditPage, chainReport, searchAuditBody } from './audit-log.schema.ts';
import { searchAudit, verifyAudit } from './audit-log.service.ts';

export const auditLogRoutes = [
  defineRoute({
    method: 'POST', url: '/api/audit/search', permission: 'audit.read', action: 'audit.search',
    summary: "Search the organisation's audit log by user, record, action prefix, outcome and period, newest first", tags: ['audit'],
    body: searchAuditBody, response: auditPage,
    example: { action: 'person.', from: '2025-01-01', to: '2025-12-31', page: 1, pageSize: 50 },
    handler: async ({ body }, ctx) => searchAudit(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/audit/verify', permission: 'audit.read', action: 'audit.verify',
    summary: 'Recompute the hash chain of the audit log: ok, or the first event that does not match', tags: ['audit'],
    response: chainReport,
    handler: async (_input, ctx) => verifyAudit(ctx),
  }),
];
