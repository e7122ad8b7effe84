import { z } from 'zod';
import { CASE_STATUSES, EXIT_REASONS } from '../../../shared/cases/case-codes.ts';
import { ASSISTANCE_KINDS, SERVICE_TYPES } from '../../../shared/casework/codes.ts';
import { isoDate, uuid } from '../../../shared/schemas/common.ts';

/**
 * Family strengthening figures, computed by SQL from the records on every
 * request (nothing is stored), over the cases the caller may reach.
 */

export const reportBody = z
  .strictObject({
    /** First day of the period, inclusive. */
    from: isoDate,
    /** Last day of the period, inclusive. */
    to: isoDate,
    /** One branch; all branches the caller reaches when left out. */
    branchId: uuid.optional(),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'invalid_date' })
  .meta({ id: 'FamilyStrengtheningReportRequest' });
export type ReportInput = z.output<typeof reportBody>;

export const exportFormat = z.enum(['csv', 'xlsx']).meta({ id: 'ExportFormat' });

export const reportExportBody = z
  .strictObject({ from: isoDate, to: isoDate, branchId: uuid.optional(), format: exportFormat })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'invalid_date' })
  .meta({ id: 'FamilyStrengtheningReportExport' });

export const caseListExportBody = z
  .strictObject({
    format: exportFormat,
    status: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
    branchId: uuid.optional(),
  })
  .meta({ id: 'CaseListExport' });
export type CaseListExportInput = z.output<typeof caseListExportBody>;

const money = z.string().describe('Uzbek soʻm, a decimal string');

export const reportView = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    branchId: uuid.nullable(),
    generatedAt: z.string(),
    /** Households with a case active (enrolled, not yet exited) at any time in the period. */
    familiesSupported: z.number().int(),
    casesSupported: z.number().int(),
    /** Members of those households under 18 at some time in the period (a known date of birth). */
    children: z.object({ total: z.number().int(), female: z.number().int(), male: z.number().int() }),
    services: z.object({
      byType: z.array(z.object({ serviceType: z.enum(SERVICE_TYPES), count: z.number().int(), units: z.number(), costUzs: money })),
      total: z.object({ count: z.number().int(), units: z.number(), costUzs: money }),
    }),
    assistance: z.object({
      count: z.number().int(),
      valueUzs: money,
      byKind: z.array(z.object({ kind: z.enum(ASSISTANCE_KINDS), count: z.number().int(), valueUzs: money })),
    }),
    referrals: z.object({ sent: z.number().int(), accepted: z.number().int(), completed: z.number().int() }),
    exits: z.object({
      total: z.number().int(),
      byReason: z.array(z.object({ reason: z.enum(EXIT_REASONS), count: z.number().int() })),
      /** Exited as self-reliant ÷ all exits in the period (0…1), null without exits. */
      selfReliantShare: z.number().nullable(),
    }),
    /** Mean of (exit date − enrolment date) over the exits in the period, one decimal; null without exits. */
    averageDaysEnrolmentToExit: z.number().nullable(),
  })
  .meta({ id: 'FamilyStrengtheningReport' });
export type ReportView = z.infer<typeof reportView>;
