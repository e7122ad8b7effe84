import { defineRoute } from '../../platform/http/define-route.ts';
import { fileResponse } from '../casework/file-response.ts';
import { caseListExportBody, reportBody, reportExportBody, reportView } from './report.schema.ts';
import { exportCaseList, exportReport, familyStrengtheningReport } from './report.service.ts';

const tags = ['reports'];

export const reportRoutes = [
  defineRoute({
    method: 'POST', url: '/api/reports/family-strengthening', permission: 'report.read', action: 'report.family_strengthening',
    summary: 'Family strengthening figures for a period, computed from the records the caller may reach', tags,
    body: reportBody, response: reportView, example: { from: '2026-01-01', to: '2026-06-30', branchId: '00000000-0000-4000-8000-000000000001' },
    handler: async ({ body }, ctx) => familyStrengtheningReport(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/reports/family-strengthening/export', permission: 'report.export', action: 'report.family_strengthening.export',
    summary: 'The family strengthening figures as a CSV or XLSX file (headers in the caller’s language)', tags,
    body: reportExportBody, response: fileResponse('text/csv or XLSX'), example: { from: '2026-01-01', to: '2026-06-30', format: 'xlsx' },
    handler: async ({ body }, ctx) => exportReport(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/reports/cases/export', permission: 'report.export', action: 'report.cases.export',
    summary: 'The case list as a CSV or XLSX file, with only the fields the caller may see (no names for a de-identified role)', tags,
    body: caseListExportBody, response: fileResponse('text/csv or XLSX'), example: { format: 'csv', status: ['active'] },
    handler: async ({ body }, ctx) => exportCaseList(ctx, body),
  }),
];
