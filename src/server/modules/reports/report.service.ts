import { EXIT_REASONS } from '../../../shared/cases/case-codes.ts';
import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { ASSISTANCE_KINDS, SERVICE_TYPES } from '../../../shared/casework/codes.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import { branchesActorMayUse } from '../../platform/access/record-scope.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { invalid } from '../casework/casework.access.ts';
import { caseViewFor, type CaseRow } from '../cases/case.policy.ts';
import { searchCases } from '../cases/case.repository.ts';
import type { CaseView } from '../cases/case.schema.ts';
import { CONTENT_TYPES, toCsv, toXlsx, type Cell, type Column, type Table } from './export-files.ts';
import { ASSISTANCE_KIND_LABELS, CASE_COLUMN_LABELS, EXIT_REASON_LABELS, REPORT_LABELS, SERVICE_TYPE_LABELS, type Text } from './report-labels.ts';
import {
  assistanceByKind, averageDaysToExit, children, exits, householdCounts, referralCounts, servicesByType, supported, type ReportScope,
} from './report.repository.ts';
import type { CaseListExportInput, ReportInput, ReportView } from './report.schema.ts';

/** Adds decimal strings exactly (soʻm with tiyin), without floating point. */
function addMoney(values: readonly string[]): string {
  const cents = values.reduce((sum, v) => {
    const [whole = '0', frac = ''] = v.split('.');
    return sum + BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
  }, 0n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** A branch the caller may report on: of their organisation, and theirs unless they reach the whole organisation. */
async function assertBranch(ctx: HandlerContext, branchId: string | undefined): Promise<void> {
  if (!branchId) return;
  const branch = await ctx.db.selectFrom('branch').select('id').where('id', '=', branchId).where('organisation_id', '=', ctx.actor.organisationId).executeTakeFirst();
  const usable = branchesActorMayUse(ctx.actor);
  if (!branch || (!usable.all && !usable.ids.has(branchId))) throw invalid([{ path: ['branchId'], code: 'invalid_value' }]);
}

/** Computes the figures; every one is a query on the records in the caller's reach. */
async function compute(ctx: HandlerContext, input: ReportInput): Promise<ReportView> {
  await assertBranch(ctx, input.branchId);
  const s: ReportScope = { actor: ctx.actor, branchId: input.branchId, from: input.from, to: input.to };
  const sup = await supported(ctx.db, s);
  const kids = await children(ctx.db, s);
  const services = new Map((await servicesByType(ctx.db, s)).map((r) => [r.service_type, r]));
  const assistance = new Map((await assistanceByKind(ctx.db, s)).map((r) => [r.kind, r]));
  const refs = await referralCounts(ctx.db, s);
  const exitRows = new Map((await exits(ctx.db, s)).map((r) => [r.exit_reason, r.count]));
  const days = await averageDaysToExit(ctx.db, s);

  const byType = SERVICE_TYPES.map((t) => {
    const r = services.get(t);
    return { serviceType: t, count: r?.count ?? 0, units: Number(r?.units ?? 0), costUzs: addMoney([r?.cost ?? '0']) };
  });
  const byKind = ASSISTANCE_KINDS.map((k) => {
    const r = assistance.get(k);
    return { kind: k, count: r?.count ?? 0, valueUzs: addMoney([r?.value ?? '0']) };
  });
  const byReason = EXIT_REASONS.map((reason) => ({ reason, count: exitRows.get(reason) ?? 0 }));
  const exitTotal = byReason.reduce((n, r) => n + r.count, 0);
  const selfReliant = exitRows.get('self_reliant') ?? 0;
  return {
    period: { from: input.from, to: input.to },
    branchId: input.branchId ?? null,
    generatedAt: new Date().toISOString(),
    familiesSupported: sup.families,
    casesSupported: sup.cases,
    children: { total: kids.total, female: kids.female, male: kids.male },
    services: {
      byType,
      total: {
        count: byType.reduce((n, r) => n + r.count, 0),
        units: Math.round(byType.reduce((n, r) => n + r.units, 0) * 100) / 100,
        costUzs: addMoney(byType.map((r) => r.costUzs)),
      },
    },
    assistance: { count: byKind.reduce((n, r) => n + r.count, 0), valueUzs: addMoney(byKind.map((r) => r.valueUzs)), byKind },
    referrals: { sent: refs.sent, accepted: refs.accepted, completed: refs.completed },
    exits: { total: exitTotal, byReason, selfReliantShare: exitTotal ? Math.round((selfReliant / exitTotal) * 10_000) / 10_000 : null },
    averageDaysEnrolmentToExit: days.days === null ? null : Number(days.days),
  };
}

/** What an audit entry records of a report or export request: its filters, never a name. */
const reportFilters = (input: ReportInput) => ({ from: input.from, to: input.to, branchId: input.branchId ?? null });
const caseListFilters = (input: CaseListExportInput) => ({ branchId: input.branchId ?? null, status: input.status ?? null });

export async function familyStrengtheningReport(ctx: HandlerContext, input: ReportInput): Promise<ReportView> {
  const report = await compute(ctx, input);
  await ctx.audit({ action: 'report.family_strengthening', recordType: 'report', details: { filters: reportFilters(input) } });
  return report;
}

/** The report as rows: section, indicator, measure, value — in the caller's language. */
function reportTable(report: ReportView, locale: Locale): Table {
  const t = (x: Text) => x[locale];
  const L = REPORT_LABELS;
  const rows: Record<string, Cell>[] = [];
  const add = (section: Text, indicator: string, measure: Text | null, value: Cell) => rows.push({ section: t(section), indicator, measure: measure ? t(measure) : null, value });
  add(L.period, t(L.from), null, report.period.from);
  add(L.period, t(L.to), null, report.period.to);
  add(L.families, t(L.familiesSupported), L.count, report.familiesSupported);
  add(L.families, t(L.casesSupported), L.count, report.casesSupported);
  add(L.children, t(L.childrenTotal), L.count, report.children.total);
  add(L.children, t(L.girls), L.count, report.children.female);
  add(L.children, t(L.boys), L.count, report.children.male);
  for (const s of [...report.services.byType.map((r) => ({ label: t(SERVICE_TYPE_LABELS[r.serviceType]), ...r })), { label: t(L.allServices), ...report.services.total }]) {
    add(L.services, s.label, L.count, s.count);
    add(L.services, s.label, L.units, s.units);
    add(L.services, s.label, L.costUzs, s.costUzs);
  }
  for (const a of [...report.assistance.byKind.map((r) => ({ label: t(ASSISTANCE_KIND_LABELS[r.kind]), ...r })), { label: t(L.allAssistance), count: report.assistance.count, valueUzs: report.assistance.valueUzs }]) {
    add(L.assistance, a.label, L.count, a.count);
    add(L.assistance, a.label, L.valueUzs, a.valueUzs);
  }
  add(L.referrals, t(L.referralsSent), L.count, report.referrals.sent);
  add(L.referrals, t(L.referralsAccepted), L.count, report.referrals.accepted);
  add(L.referrals, t(L.referralsCompleted), L.count, report.referrals.completed);
  add(L.exits, t(L.exitsTotal), L.count, report.exits.total);
  for (const r of report.exits.byReason) add(L.exits, t(EXIT_REASON_LABELS[r.reason]), L.count, r.count);
  add(L.exits, t(L.selfReliantShare), null, report.exits.selfReliantShare === null ? null : Math.round(report.exits.selfReliantShare * 10_000) / 100);
  add(L.exits, t(L.averageDays), null, report.averageDaysEnrolmentToExit);
  return {
    name: t(L.sheet),
    columns: [
      { key: 'section', header: t(L.section), width: 24 },
      { key: 'indicator', header: t(L.indicator), width: 48 },
      { key: 'measure', header: t(L.measure), width: 18 },
      { key: 'value', header: t(L.value), kind: 'number', width: 16 },
    ],
    rows,
  };
}

async function send(ctx: HandlerContext, table: Table, format: 'csv' | 'xlsx', baseName: string): Promise<Buffer> {
  const file = format === 'csv' ? toCsv(table) : await toXlsx(table);
  ctx.reply.header('content-type', CONTENT_TYPES[format]);
  ctx.reply.header('content-disposition', `attachment; filename="${baseName}-${todayInUzbekistan()}.${format}"`);
  return file;
}

/** The report as a CSV or XLSX file: figures only, no personal data. Audited as an export with its filters. */
export async function exportReport(ctx: HandlerContext, input: ReportInput & { format: 'csv' | 'xlsx' }): Promise<Buffer> {
  const report = await compute(ctx, input);
  const table = reportTable(report, ctx.locale);
  await ctx.audit({ action: 'export', recordType: 'report', details: { export: 'family_strengthening_report', format: input.format, filters: reportFilters(input), rows: table.rows.length } });
  return send(ctx, table, input.format, 'family-strengthening');
}

/** Columns of the case list in order; a caller gets those their case field view shows (plus the counts, which name no one). */
const CASE_COLUMNS: { key: keyof typeof CASE_COLUMN_LABELS; view?: keyof CaseView; kind?: Column['kind'] }[] = [
  { key: 'caseNumber', view: 'caseNumber' },
  { key: 'householdReference', view: 'householdReference' },
  { key: 'householdName', view: 'householdName' },
  { key: 'branch', view: 'branchId' },
  { key: 'team', view: 'teamId' },
  { key: 'assignedWorkerName', view: 'assignedWorkerName' },
  { key: 'status', view: 'status' },
  { key: 'riskLevel', view: 'riskLevel' },
  { key: 'referralSource', view: 'referralSource' },
  { key: 'referralDate', view: 'referralDate', kind: 'date' },
  { key: 'openedOn', view: 'openedOn', kind: 'date' },
  { key: 'enrolledOn', view: 'enrolledOn', kind: 'date' },
  { key: 'planApprovedOn', view: 'planApprovedOn', kind: 'date' },
  { key: 'nextReviewOn', view: 'nextReviewOn', kind: 'date' },
  { key: 'exitedOn', view: 'exitedOn', kind: 'date' },
  { key: 'exitReason', view: 'exitReason' },
  { key: 'members', kind: 'number' },
  { key: 'children', kind: 'number' },
];

/**
 * The cases the caller may see as a CSV or XLSX file, with only the fields
 * their role may see (a de-identified role gets no family or worker names).
 * Audited as an export with its filters, never with the rows.
 */
export async function exportCaseList(ctx: HandlerContext, input: CaseListExportInput): Promise<Buffer> {
  await assertBranch(ctx, input.branchId);
  const today = todayInUzbekistan();
  const rows: CaseRow[] = [];
  for (let page = 1; ; page++) {
    const batch = await searchCases(ctx.db, ctx.actor, {
      status: input.status, branchId: input.branchId, view: 'all', sort: 'caseNumber', page, pageSize: 500,
    }, { fold: null });
    rows.push(...batch.rows);
    if (batch.rows.length < 500 || rows.length >= 20_000) break;
  }
  const views = rows.map((r) => caseViewFor(ctx.actor, r, today));
  const counts = await householdCounts(ctx.db, rows.map((r) => r.household_id), today);
  const branches = new Map((await ctx.db.selectFrom('branch').select(['id', 'code']).where('organisation_id', '=', ctx.actor.organisationId).execute()).map((b) => [b.id, b.code]));
  const teams = new Map((await ctx.db.selectFrom('team').select(['id', 'name']).where('organisation_id', '=', ctx.actor.organisationId).execute()).map((b) => [b.id, b.name]));
  // A column is exported when the caller's view of a case has the field: the case policy decides, not this file.
  const probe = caseViewFor(ctx.actor, rows[0] ?? ({} as CaseRow), today) as Record<string, unknown>;
  const visible = (key?: keyof CaseView) => key === undefined || key in probe;
  const columns = CASE_COLUMNS.filter((c) => visible(c.view));
  const table: Table = {
    name: REPORT_LABELS.casesSheet[ctx.locale],
    columns: columns.map((c) => ({ key: c.key, header: CASE_COLUMN_LABELS[c.key][ctx.locale], ...(c.kind ? { kind: c.kind } : {}) })),
    rows: views.map((v, i) => {
      const row = rows[i]!;
      const n = counts.get(row.household_id) ?? { members: 0, children: 0 };
      const value = (c: (typeof CASE_COLUMNS)[number]): Cell => {
        if (c.key === 'branch') return branches.get(row.branch_id) ?? null;
        if (c.key === 'team') return row.team_id ? teams.get(row.team_id) ?? null : null;
        if (c.key === 'members') return n.members;
        if (c.key === 'children') return n.children;
        const x = c.view ? (v as Record<string, unknown>)[c.view] : null;
        return typeof x === 'string' || typeof x === 'number' ? x : null;
      };
      return Object.fromEntries(columns.map((c) => [c.key, value(c)]));
    }),
  };
  await ctx.audit({ action: 'export', recordType: 'family_case', details: { export: 'case_list', format: input.format, filters: caseListFilters(input), rows: rows.length } });
  return send(ctx, table, input.format, 'cases');
}

