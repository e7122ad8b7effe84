import { CASE_STATUSES, RISK_LEVELS, OPEN_WORK_STATUSES, type CaseStatus } from '../../../shared/cases/case-codes.ts';
import { addDays, todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { caseWorkSources, registerCaseWorkSource, type CaseWorkContext, type CaseWorkItem, type WorkItemKind } from './case.extensions.ts';
import { approvalsForWork, casesForWork, policyOf, policyRow, statusCounts, userNames, type WorkCase } from './case.repository.ts';
import { WORK_ITEM_KINDS } from './case.schema.ts';

/**
 * Due work on cases — computed by query on every read, never stored, so no
 * scheduler is needed and a changed policy, review or approval shows at once.
 * The core computes screening, assessment, review and follow-up deadlines and
 * approvals; the casework module adds plan actions and unanswered referrals
 * through `registerCaseWorkSource` (case.extensions.ts).
 */

/** Days a supervisor has to decide a request, and a worker to act on a rejection. */
export const APPROVAL_RESPONSE_DAYS = 7;

const isOpen = (s: CaseStatus) => (OPEN_WORK_STATUSES as readonly CaseStatus[]).includes(s);

/** Deadlines read from the case row itself. */
async function deadlineSource({ cases, policy }: CaseWorkContext): Promise<CaseWorkItem[]> {
  const items: CaseWorkItem[] = [];
  for (const c of cases) {
    if (c.status === 'referred' || c.status === 'screening') {
      items.push({ caseId: c.id, kind: 'screening_due', dueOn: addDays(c.referral_date, policy.referralAnswerDays), subjectId: null });
    }
    if (c.status === 'enrolled' && c.enrolled_on) {
      items.push({ caseId: c.id, kind: 'assessment_due', dueOn: addDays(c.enrolled_on, policy.assessmentDueDays), subjectId: null });
    }
    if (isOpen(c.status) && c.next_review_on) {
      items.push({ caseId: c.id, kind: 'review_due', dueOn: c.next_review_on, subjectId: null });
    }
    if (c.status === 'exited' && c.exited_on && !c.follow_up_on) {
      items.push({ caseId: c.id, kind: 'follow_up_due', dueOn: addDays(c.exited_on, policy.followUpDays), subjectId: null });
    }
  }
  return items;
}

/** Requests waiting for a supervisor, and rejections waiting for the worker. */
async function approvalSource({ db, actor, cases }: CaseWorkContext): Promise<CaseWorkItem[]> {
  const rows = await approvalsForWork(db, actor.organisationId, cases.map((c) => c.id));
  return rows.map((r) => ({
    caseId: r.case_id,
    kind: r.status === 'pending' ? 'approval_pending' : 'approval_rejected',
    dueOn: addDays((r.status === 'pending' ? r.requested_at : (r.decided_at ?? r.requested_at)).slice(0, 10), APPROVAL_RESPONSE_DAYS),
    subjectId: r.id,
  }));
}

registerCaseWorkSource(deadlineSource);
registerCaseWorkSource(approvalSource);

interface WorkSet {
  today: string;
  cases: WorkCase[];
  items: CaseWorkItem[];
}

async function computeWork(ctx: HandlerContext, cases: WorkCase[]): Promise<WorkSet> {
  const today = todayInUzbekistan();
  if (!cases.length) return { today, cases, items: [] };
  const policy = policyOf(await policyRow(ctx.db, ctx.actor.organisationId));
  const wctx: CaseWorkContext = { db: ctx.db, actor: ctx.actor, today, policy, cases };
  const known = new Set(cases.map((c) => c.id));
  const items: CaseWorkItem[] = [];
  for (const source of caseWorkSources()) {
    for (const item of await source(wctx)) if (known.has(item.caseId)) items.push(item);
  }
  return { today, cases, items };
}

/** The ids of the caller's cases with overdue work (except approvals waiting for a supervisor): the search's `overdue` filter. */
export async function overdueCaseIds(ctx: HandlerContext, branchId: string | undefined): Promise<string[]> {
  const { today, items } = await computeWork(ctx, await casesForWork(ctx.db, ctx.actor, { branchId }));
  return [...new Set(items.filter((i) => i.kind !== 'approval_pending' && i.dueOn < today).map((i) => i.caseId))];
}

/**
 * The worker's home: due and overdue work on the cases assigned to them
 * within `horizonDays`, and for an approver the requests waiting in their
 * reach that others made.
 */
export async function myWork(ctx: HandlerContext, horizonDays: number) {
  const mine = await computeWork(ctx, await casesForWork(ctx.db, ctx.actor, { assignedWorkerId: ctx.actor.userId }));
  const horizon = addDays(mine.today, horizonDays);
  const items = mine.items.filter((i) => i.kind !== 'approval_pending' && i.dueOn <= horizon);
  const byId = new Map(mine.cases.map((c) => [c.id, c]));
  if (ctx.actor.permissions.has('case.approve')) {
    const reach = await computeWork(ctx, await casesForWork(ctx.db, ctx.actor, {}));
    for (const c of reach.cases) byId.set(c.id, c);
    const pending = await approvalsForWork(ctx.db, ctx.actor.organisationId, reach.cases.map((c) => c.id));
    const byOthers = new Set(pending.filter((p) => p.status === 'pending' && p.requested_by !== ctx.actor.userId).map((p) => p.id));
    items.push(...reach.items.filter((i) => i.kind === 'approval_pending' && i.subjectId !== null && byOthers.has(i.subjectId)));
  }
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.caseId.localeCompare(b.caseId) || a.kind.localeCompare(b.kind));
  const view = items.map((i) => {
    const c = byId.get(i.caseId)!;
    return {
      caseId: i.caseId,
      caseNumber: c.case_number,
      ...(ctx.actor.fieldView === 'deidentified' ? {} : { householdName: c.household_name }),
      assignedWorkerId: c.assigned_worker_id,
      kind: i.kind,
      dueOn: i.dueOn,
      overdue: i.dueOn < mine.today,
      subjectId: i.subjectId,
    };
  });
  await ctx.audit({ action: 'case.my_work', recordType: 'family_case', details: { cases: [...new Set(view.map((v) => v.caseId))], items: view.length } });
  return {
    today: mine.today,
    horizonDays,
    overdue: view.filter((v) => v.overdue).length,
    dueSoon: view.filter((v) => !v.overdue).length,
    items: view,
  };
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The supervisor's view of a branch (or all they reach): caseload per worker, risk mix, overdue work, cases by status. */
export async function dashboard(ctx: HandlerContext, branchId: string | undefined) {
  const work = await computeWork(ctx, await casesForWork(ctx.db, ctx.actor, { branchId }));
  const byStatus = zeroes(CASE_STATUSES);
  for (const r of await statusCounts(ctx.db, ctx.actor, branchId)) byStatus[r.status] = Number(r.n);
  const riskMix = zeroes(RISK_LEVELS);
  const overdue = zeroes<WorkItemKind>(WORK_ITEM_KINDS);
  const workers = new Map<string, { caseload: number; open: number; highRisk: number; overdue: number }>();
  const caseById = new Map(work.cases.map((c) => [c.id, c]));
  let unassignedOpen = 0;
  for (const c of work.cases) {
    if (isOpen(c.status)) riskMix[c.risk_level] += 1;
    if (!c.assigned_worker_id) {
      if (isOpen(c.status) || c.status === 'referred' || c.status === 'screening' || c.status === 'suspended') unassignedOpen += 1;
      continue;
    }
    const w = workers.get(c.assigned_worker_id) ?? { caseload: 0, open: 0, highRisk: 0, overdue: 0 };
    if (c.status !== 'exited') w.caseload += 1;
    if (isOpen(c.status)) w.open += 1;
    if (isOpen(c.status) && c.risk_level === 'high') w.highRisk += 1;
    workers.set(c.assigned_worker_id, w);
  }
  let pendingApprovals = 0;
  for (const i of work.items) {
    if (i.kind === 'approval_pending') pendingApprovals += 1;
    if (i.dueOn >= work.today) continue;
    overdue[i.kind] += 1;
    const worker = caseById.get(i.caseId)?.assigned_worker_id;
    if (worker && i.kind !== 'approval_pending') workers.get(worker)!.overdue += 1;
  }
  const names = ctx.actor.fieldView === 'deidentified' ? new Map<string, string>() : await userNames(ctx.db, ctx.actor.organisationId, [...workers.keys()]);
  await ctx.audit({ action: 'case.dashboard', recordType: 'family_case', details: { branchId: branchId ?? null, cases: work.cases.length } });
  return {
    today: work.today,
    branchId: branchId ?? null,
    byStatus,
    riskMix,
    overdue,
    pendingApprovals,
    unassignedOpen,
    workers: [...workers.entries()]
      .map(([workerId, w]) => ({ workerId, ...(names.has(workerId) ? { workerName: names.get(workerId)! } : {}), ...w }))
      .sort((a, b) => (a.workerName ?? a.workerId).localeCompare(b.workerName ?? b.workerId)),
  };
}
