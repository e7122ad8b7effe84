import { z } from 'zod';
import { ACTION_STATUSES, GOAL_PROGRESS, PLAN_STATUSES, RESPONSIBLE_KINDS } from '../../../shared/casework/codes.ts';
import { instrumentCode } from '../../../shared/casework/instrument.ts';
import { LOCALES } from '../../../shared/i18n/locales.ts';
import { isoDate, optionalText, pastDate, requiredText, uuid, version } from '../../../shared/schemas/common.ts';

/**
 * The family development plan: goals per assessment domain, actions with a
 * responsible person and due date, reviews. Submitting it for approval puts
 * a request to the case core's approvals (subject `plan`).
 */

export const planStatus = z.enum(PLAN_STATUSES).meta({ id: 'PlanStatus' });
export const actionStatus = z.enum(ACTION_STATUSES).meta({ id: 'PlanActionStatus' });
export const goalProgress = z.enum(GOAL_PROGRESS).meta({ id: 'PlanGoalProgress' });

/** Who carries an action out: a name (a parent, a neighbour), a colleague, or a partner organisation. */
export const responsibleInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('name'), name: requiredText(200) }),
  z.strictObject({ kind: z.literal('user'), userId: uuid }),
  z.strictObject({ kind: z.literal('partner'), partnerId: uuid }),
]);

const actionInput = z.strictObject({
  /** An action of this plan to keep (its id stays); leave out for a new one. */
  id: uuid.optional(),
  text: requiredText(1000),
  responsible: responsibleInput,
  dueOn: isoDate,
  status: actionStatus.default('planned'),
  /** For a done action; today when left out. */
  completedOn: pastDate.nullish().transform((s) => s ?? null),
});

const goalInput = z.strictObject({
  id: uuid.optional(),
  /** The instrument whose domain the goal is in: child_status_index or household_self_reliance. */
  instrumentCode,
  domainCode: instrumentCode,
  text: requiredText(1000),
  actions: z.array(actionInput).max(30).default([]),
});

export const savePlanBody = z
  .strictObject({
    /** The plan's version you saw; leave out to create the case's plan. */
    version: version.optional(),
    goals: z.array(goalInput).min(1).max(20),
  })
  .meta({ id: 'SavePlan' });
export type SavePlanInput = z.output<typeof savePlanBody>;

export const updateActionBody = z
  .strictObject({ version, status: actionStatus, completedOn: pastDate.nullish().transform((s) => s ?? null) })
  .meta({ id: 'UpdatePlanAction' });
export type UpdateActionInput = z.output<typeof updateActionBody>;

export const planReviewBody = z
  .strictObject({
    version,
    reviewedOn: pastDate,
    summary: requiredText(4000),
    goals: z.array(z.strictObject({ goalId: uuid, progress: goalProgress, note: optionalText(1000) })).min(1).max(20),
  })
  .meta({ id: 'CreatePlanReview' });
export type PlanReviewInput = z.output<typeof planReviewBody>;

export const submitPlanBody = z.strictObject({ version, note: optionalText(2000) }).meta({ id: 'SubmitPlan' });

export const planPdfQuery = z.strictObject({ language: z.enum(LOCALES).optional() });

const responsibleView = z.object({
  kind: z.enum(RESPONSIBLE_KINDS),
  /** The typed name, the colleague's or the partner organisation's name. */
  name: z.string().nullable().optional(),
  userId: uuid.nullable().optional(),
  partnerId: uuid.nullable().optional(),
});

export const planView = z
  .object({
    id: uuid,
    caseId: uuid,
    episode: z.number().int(),
    /**
     * draft: being written (or changed since its last approval); submitted:
     * waiting for a supervisor; approved: this content was approved;
     * returned: the supervisor sent it back (see approval.decisionComment).
     */
    status: planStatus,
    contentRevision: z.number().int(),
    approval: z
      .object({
        id: uuid,
        status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
        revision: z.number().int(),
        requestedAt: z.string(),
        decidedAt: z.string().nullable(),
        decisionComment: z.string().nullable().optional(),
      })
      .nullable(),
    goals: z.array(
      z.object({
        id: uuid,
        instrumentCode: z.string(),
        domainCode: z.string(),
        text: z.string().optional(),
        actions: z.array(
          z.object({
            id: uuid,
            text: z.string().optional(),
            responsible: responsibleView,
            dueOn: z.string(),
            status: actionStatus,
            completedOn: z.string().nullable(),
          }),
        ),
      }),
    ),
    reviews: z.array(
      z.object({
        id: uuid,
        reviewedOn: z.string(),
        summary: z.string().optional(),
        goals: z.array(z.object({ goalId: uuid, goalText: z.string().optional(), progress: goalProgress, note: z.string().nullable().optional() })),
        reviewedBy: uuid,
        reviewedByName: z.string().optional(),
        createdAt: z.string(),
      }),
    ),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'FamilyPlan' });
export type PlanView = z.infer<typeof planView>;

export const planResponse = z.object({ plan: planView.nullable() }).meta({ id: 'FamilyPlanResponse' });
