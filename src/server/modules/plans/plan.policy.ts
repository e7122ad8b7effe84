import type { PlanStatus } from '../../../shared/casework/codes.ts';
import type { FieldView } from '../../../shared/permissions.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { PlanAction } from '../../db/casework-tables.ts';
import type { PlanContent, PlanRow } from './plan.repository.ts';
import type { PlanView } from './plan.schema.ts';

/**
 * Where a plan stands, from its approval request: approved only while its
 * goals and actions are the ones that were approved.
 */
export function planStatusOf(p: Pick<PlanRow, 'approval_id' | 'approval_status' | 'submitted_revision' | 'content_revision'>): PlanStatus {
  if (!p.approval_id || !p.approval_status) return 'draft';
  if (p.approval_status === 'pending') return 'submitted';
  const unchanged = p.submitted_revision === p.content_revision;
  if (p.approval_status === 'approved') return unchanged ? 'approved' : 'draft';
  if (p.approval_status === 'rejected') return unchanged ? 'returned' : 'draft';
  return 'draft';
}

export interface Names {
  users: ReadonlyMap<string, string>;
  partners: ReadonlyMap<string, string>;
}

export function responsibleOf(a: Pick<PlanAction, 'responsible_kind' | 'responsible_name' | 'responsible_user_id' | 'responsible_partner_id'>, names: Names) {
  switch (a.responsible_kind) {
    case 'name':
      return { kind: 'name' as const, name: a.responsible_name, userId: null, partnerId: null };
    case 'user':
      return { kind: 'user' as const, name: names.users.get(a.responsible_user_id ?? '') ?? null, userId: a.responsible_user_id, partnerId: null };
    case 'partner':
      return { kind: 'partner' as const, name: names.partners.get(a.responsible_partner_id ?? '') ?? null, userId: null, partnerId: a.responsible_partner_id };
  }
}

/**
 * The plan as a field view may see it. A partner (mahalla team member) works
 * on the actions, so sees goals and actions, and the progress of reviews but
 * not their summaries; monitoring sees domains, dates, statuses and
 * progress, never the text of a goal or who is responsible by name.
 */
export function planViewFor(actor: Pick<Actor, 'fieldView'>, plan: PlanRow, content: PlanContent, names: Names): PlanView {
  const view: FieldView = actor.fieldView;
  const full = view === 'full';
  const named = view !== 'deidentified';
  return {
    id: plan.id,
    caseId: plan.case_id,
    episode: plan.episode,
    status: planStatusOf(plan),
    contentRevision: plan.content_revision,
    approval: plan.approval_id && plan.approval_status && plan.submitted_revision !== null
      ? {
        id: plan.approval_id,
        status: plan.approval_status,
        revision: plan.submitted_revision,
        requestedAt: plan.approval_requested_at ?? plan.created_at,
        decidedAt: plan.approval_decided_at,
        ...(full ? { decisionComment: plan.approval_comment } : {}),
      }
      : null,
    goals: content.goals.map((g) => ({
      id: g.id,
      instrumentCode: g.instrument_code,
      domainCode: g.domain_code,
      ...(named ? { text: g.text } : {}),
      actions: content.actions.filter((a) => a.goal_id === g.id).map((a) => {
        const r = responsibleOf(a, names);
        return {
          id: a.id,
          ...(named ? { text: a.text } : {}),
          responsible: named ? r : { kind: r.kind },
          dueOn: a.due_on,
          status: a.status,
          completedOn: a.completed_on,
        };
      }),
    })),
    reviews: content.reviews.map((r) => ({
      id: r.id,
      reviewedOn: r.reviewed_on,
      ...(full ? { summary: r.summary } : {}),
      goals: r.goal_progress.map((p) => ({
        goalId: p.goalId,
        progress: p.progress as PlanView['reviews'][number]['goals'][number]['progress'],
        ...(named ? { goalText: p.goalText } : {}),
        ...(full ? { note: p.note } : {}),
      })),
      reviewedBy: r.reviewed_by,
      ...(named ? { reviewedByName: r.reviewed_by_name } : {}),
      createdAt: r.created_at,
    })),
    version: plan.version,
    createdAt: plan.created_at,
    updatedAt: plan.updated_at,
  };
}
