import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { instrumentDefinition } from '../../../shared/casework/instrument.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { isLocale, type Locale } from '../../../shared/i18n/locales.ts';
import type { PlanActionTable, PlanGoalTable } from '../../db/casework-tables.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { listInstruments } from '../assessments/assessment.repository.ts';
import { activePartnerExists, activeUserExists, caseForWrite, caseInScope, invalid, partnerNames, userNames } from '../casework/casework.access.ts';
import { requestApproval } from '../cases/case.service.ts';
import { renderPlanPdf } from './plan-pdf.ts';
import { planStatusOf, planViewFor, type Names } from './plan.policy.ts';
import {
  findPlan, insertPlan, insertReview, planContent, replacePlanContent, updateAction, updatePlanAtVersion, type PlanContent, type PlanRow,
} from './plan.repository.ts';
import type { PlanReviewInput, SavePlanInput, UpdateActionInput } from './plan.schema.ts';

async function namesOf(ctx: HandlerContext, content: PlanContent): Promise<Names> {
  return {
    users: await userNames(ctx.db, ctx.actor, content.actions.map((a) => a.responsible_user_id)),
    partners: await partnerNames(ctx.db, ctx.actor, content.actions.map((a) => a.responsible_partner_id)),
  };
}

async function viewOf(ctx: HandlerContext, plan: PlanRow) {
  const content = await planContent(ctx.db, plan.id);
  return planViewFor(ctx.actor, plan, content, await namesOf(ctx, content));
}

async function reload(ctx: HandlerContext, caseId: string, episode: number) {
  const plan = await findPlan(ctx.db, ctx.actor, caseId, episode);
  if (!plan) throw notFoundOrNoAccess();
  return viewOf(ctx, plan);
}

/** The plan of the case's current episode, or null when none was written yet. */
export async function getPlan(ctx: HandlerContext, caseId: string) {
  const c = await caseInScope(ctx, caseId);
  const plan = await findPlan(ctx.db, ctx.actor, caseId, c.episode);
  await ctx.audit({ action: 'plan.read', recordType: 'family_case', recordId: caseId, details: { planId: plan?.id ?? null } });
  return { plan: plan ? await viewOf(ctx, plan) : null };
}

/** Domains a goal may name: those of any version of each instrument the organisation sees. */
async function domainsByInstrument(ctx: HandlerContext): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const row of await listInstruments(ctx.db, ctx.actor.organisationId)) {
    const set = out.get(row.code) ?? new Set<string>();
    for (const d of instrumentDefinition.parse(row.definition).domains) set.add(d.code);
    out.set(row.code, set);
  }
  return out;
}

/** The content that an approval covers: goals and actions without their progress (status). */
function canonical(goals: { instrument_code: string; domain_code: string; text: string; id: string }[], actions: Omit<Insertable<PlanActionTable>, 'status' | 'completed_on'>[]): string {
  return JSON.stringify(goals.map((g) => [g.instrument_code, g.domain_code, g.text, actions.filter((a) => a.goal_id === g.id)
    .map((a) => [a.text, a.responsible_kind, a.responsible_name ?? null, a.responsible_user_id ?? null, a.responsible_partner_id ?? null, a.due_on])]));
}

async function assertPlanVersion(ctx: HandlerContext, plan: PlanRow, version: number): Promise<void> {
  if (plan.version !== version) throw versionConflict(await viewOf(ctx, plan));
}

/**
 * Writes the case's plan: creates it, or replaces its goals and actions.
 * Goals and actions sent with their id stay the same records. A change to
 * what an approval covered sends the plan back to draft, to be submitted
 * again; status changes of actions do not.
 */
export async function savePlan(ctx: HandlerContext, caseId: string, input: SavePlanInput) {
  const c = await caseForWrite(ctx, caseId);
  const plan = await findPlan(ctx.db, ctx.actor, caseId, c.episode, { forUpdate: true });
  if (plan) {
    if (input.version === undefined) throw versionConflict(await viewOf(ctx, plan));
    await assertPlanVersion(ctx, plan, input.version);
    if (planStatusOf(plan) === 'submitted') throw new AppError('conflict', 'The plan is waiting for a supervisor’s decision; withdraw the request to change it.');
  } else if (input.version !== undefined) {
    throw versionConflict(null);
  }
  const before = plan ? await planContent(ctx.db, plan.id) : null;
  const knownGoals = new Set(before?.goals.map((g) => g.id) ?? []);
  const knownActions = new Set(before?.actions.map((a) => a.id) ?? []);
  const domains = await domainsByInstrument(ctx);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const today = todayInUzbekistan();
  const planId = plan?.id ?? randomUUID();
  const goals: (Insertable<PlanGoalTable> & { id: string })[] = [];
  const actions: (Insertable<PlanActionTable> & { id: string })[] = [];
  for (const [gi, g] of input.goals.entries()) {
    if (g.id !== undefined && (!knownGoals.has(g.id) || seen.has(g.id))) errors.push({ path: ['goals', gi, 'id'], code: 'invalid_value' });
    if (g.id) seen.add(g.id);
    const known = domains.get(g.instrumentCode);
    if (!known) errors.push({ path: ['goals', gi, 'instrumentCode'], code: 'invalid_value' });
    else if (!known.has(g.domainCode)) errors.push({ path: ['goals', gi, 'domainCode'], code: 'invalid_value' });
    const goalId = g.id ?? randomUUID();
    goals.push({ id: goalId, organisation_id: ctx.actor.organisationId, plan_id: planId, position: gi, instrument_code: g.instrumentCode, domain_code: g.domainCode, text: g.text });
    for (const [ai, a] of g.actions.entries()) {
      const path = ['goals', gi, 'actions', ai];
      if (a.id !== undefined && (!knownActions.has(a.id) || seen.has(a.id))) errors.push({ path: [...path, 'id'], code: 'invalid_value' });
      if (a.id) seen.add(a.id);
      const r = a.responsible;
      if (r.kind === 'user' && !(await activeUserExists(ctx.db, ctx.actor, r.userId))) errors.push({ path: [...path, 'responsible', 'userId'], code: 'invalid_value' });
      if (r.kind === 'partner' && !(await activePartnerExists(ctx.db, ctx.actor, r.partnerId))) errors.push({ path: [...path, 'responsible', 'partnerId'], code: 'invalid_value' });
      actions.push({
        id: a.id ?? randomUUID(), organisation_id: ctx.actor.organisationId, plan_id: planId, goal_id: goalId, position: actions.length, text: a.text,
        responsible_kind: r.kind, responsible_name: r.kind === 'name' ? r.name : null, responsible_user_id: r.kind === 'user' ? r.userId : null,
        responsible_partner_id: r.kind === 'partner' ? r.partnerId : null, due_on: a.dueOn, status: a.status,
        completed_on: a.status === 'done' ? (a.completedOn ?? today) : null,
      });
    }
  }
  if (errors.length) throw invalid(errors);
  if (!plan) {
    await insertPlan(ctx.db, {
      id: planId, organisation_id: ctx.actor.organisationId, case_id: caseId, episode: c.episode, approval_id: null, submitted_revision: null,
      created_by: ctx.actor.userId, updated_by: ctx.actor.userId,
    });
  }
  await replacePlanContent(ctx.db, planId, goals, actions);
  if (plan && before) {
    const changed = canonical(before.goals, before.actions) !== canonical(goals, actions);
    const ok = await updatePlanAtVersion(ctx.db, ctx.actor, planId, plan.version, {
      updated_by: ctx.actor.userId, ...(changed ? { content_revision: plan.content_revision + 1 } : {}),
    });
    if (!ok) throw versionConflict(await viewOf(ctx, plan));
  }
  await ctx.audit({ action: plan ? 'plan.update' : 'plan.create', recordType: 'family_case', recordId: caseId, details: { planId, goals: goals.length, actions: actions.length } });
  return reload(ctx, caseId, c.episode);
}

async function planForWrite(ctx: HandlerContext, caseId: string, version: number) {
  const c = await caseForWrite(ctx, caseId);
  const plan = await findPlan(ctx.db, ctx.actor, caseId, c.episode, { forUpdate: true });
  if (!plan) throw notFoundOrNoAccess();
  await assertPlanVersion(ctx, plan, version);
  return { c, plan };
}

/** Progress on one action (planned → in progress → done, or cancelled); the approval stands. */
export async function updatePlanAction(ctx: HandlerContext, caseId: string, actionId: string, input: UpdateActionInput) {
  const { c, plan } = await planForWrite(ctx, caseId, input.version);
  const completedOn = input.status === 'done' ? (input.completedOn ?? todayInUzbekistan()) : null;
  if (!(await updateAction(ctx.db, plan.id, actionId, { status: input.status, completed_on: completedOn }))) throw notFoundOrNoAccess();
  if (!(await updatePlanAtVersion(ctx.db, ctx.actor, plan.id, input.version, { updated_by: ctx.actor.userId }))) throw versionConflict(await viewOf(ctx, plan));
  await ctx.audit({ action: 'plan.action.update', recordType: 'family_case', recordId: caseId, details: { planId: plan.id, actionId, status: input.status } });
  return reload(ctx, caseId, c.episode);
}

/** A review of the plan with the family: a summary and the progress of each goal reviewed. */
export async function reviewPlan(ctx: HandlerContext, caseId: string, input: PlanReviewInput) {
  const { c, plan } = await planForWrite(ctx, caseId, input.version);
  const content = await planContent(ctx.db, plan.id);
  const goals = new Map(content.goals.map((g) => [g.id, g]));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.goals.forEach((g, i) => {
    if (!goals.has(g.goalId) || seen.has(g.goalId)) errors.push({ path: ['goals', i, 'goalId'], code: 'invalid_value' });
    seen.add(g.goalId);
  });
  if (errors.length) throw invalid(errors);
  const reviewId = await insertReview(ctx.db, {
    organisation_id: ctx.actor.organisationId, plan_id: plan.id, reviewed_on: input.reviewedOn, summary: input.summary, reviewed_by: ctx.actor.userId,
    goal_progress: JSON.stringify(input.goals.map((g) => ({ goalId: g.goalId, goalText: goals.get(g.goalId)!.text, progress: g.progress, note: g.note }))),
  });
  if (!(await updatePlanAtVersion(ctx.db, ctx.actor, plan.id, input.version, { updated_by: ctx.actor.userId }))) throw versionConflict(await viewOf(ctx, plan));
  await ctx.audit({ action: 'plan.review', recordType: 'family_case', recordId: caseId, details: { planId: plan.id, reviewId } });
  return reload(ctx, caseId, c.episode);
}

/**
 * Puts the plan to a supervisor through the case core's approval request
 * (subject `plan`, naming this plan). Every goal needs an action first.
 */
export async function submitPlan(ctx: HandlerContext, caseId: string, input: { version: number; note: string | null }) {
  const { c, plan } = await planForWrite(ctx, caseId, input.version);
  const status = planStatusOf(plan);
  if (status === 'submitted') throw new AppError('conflict', 'The plan is already waiting for a supervisor’s decision.');
  if (status === 'approved') throw new AppError('conflict', 'The plan is approved as it stands; change it before submitting again.');
  const content = await planContent(ctx.db, plan.id);
  const errors: FieldError[] = content.goals.flatMap((g, i) => (content.actions.some((a) => a.goal_id === g.id) ? [] : [{ path: ['goals', i, 'actions'], code: 'too_small' as const, params: { minimum: 1 } }]));
  if (errors.length) throw invalid(errors);
  const approval = await requestApproval(ctx, caseId, { subjectType: 'plan', subjectId: plan.id, note: input.note });
  if (!(await updatePlanAtVersion(ctx.db, ctx.actor, plan.id, input.version, { approval_id: approval.id, submitted_revision: plan.content_revision, updated_by: ctx.actor.userId }))) {
    throw versionConflict(await viewOf(ctx, plan));
  }
  await ctx.audit({ action: 'plan.submit', recordType: 'family_case', recordId: caseId, details: { planId: plan.id, approvalId: approval.id, revision: plan.content_revision } });
  return reload(ctx, caseId, c.episode);
}

/**
 * The plan as a printable PDF in the family's language, with lines for the
 * family's and the worker's signatures. An export: audited as one, naming the
 * language, never the content.
 */
export async function planPdf(ctx: HandlerContext, caseId: string, language: Locale | undefined): Promise<Buffer> {
  const c = await caseInScope(ctx, caseId);
  const plan = await findPlan(ctx.db, ctx.actor, caseId, c.episode);
  if (!plan) throw notFoundOrNoAccess();
  const content = await planContent(ctx.db, plan.id);
  const names = await namesOf(ctx, content);
  const locale: Locale = language ?? (isLocale(ctx.locale) ? ctx.locale : 'en');
  const instruments = await listInstruments(ctx.db, ctx.actor.organisationId);
  const domainTitles = new Map<string, string>();
  // Older versions first, so the newest title of a domain wins.
  for (const row of [...instruments].sort((a, b) => a.version - b.version)) {
    for (const d of instrumentDefinition.parse(row.definition).domains) domainTitles.set(`${row.code}:${d.code}`, d.title[locale]);
  }
  const pdf = await renderPlanPdf({
    locale,
    caseNumber: c.case_number,
    familyName: c.household_name,
    workerName: c.worker_name,
    status: planStatusOf(plan),
    approvedOn: planStatusOf(plan) === 'approved' ? plan.approval_decided_at?.slice(0, 10) ?? null : null,
    printedOn: todayInUzbekistan(),
    goals: content.goals.map((g) => ({
      domain: domainTitles.get(`${g.instrument_code}:${g.domain_code}`) ?? g.domain_code,
      text: g.text,
      actions: content.actions.filter((a) => a.goal_id === g.id).map((a) => ({
        text: a.text,
        responsible: a.responsible_kind === 'name' ? a.responsible_name ?? '' : a.responsible_kind === 'user' ? names.users.get(a.responsible_user_id ?? '') ?? '' : names.partners.get(a.responsible_partner_id ?? '') ?? '',
        dueOn: a.due_on,
        status: a.status,
      })),
    })),
    lastReview: content.reviews[0] ? { reviewedOn: content.reviews[0].reviewed_on, summary: content.reviews[0].summary } : null,
  });
  await ctx.audit({ action: 'export', recordType: 'family_case', recordId: caseId, details: { export: 'family_plan', format: 'pdf', language: locale, planId: plan.id } });
  ctx.reply.header('content-type', 'application/pdf');
  ctx.reply.header('content-disposition', `attachment; filename="plan-${c.case_number}-${locale}.pdf"`);
  return pdf;
}
