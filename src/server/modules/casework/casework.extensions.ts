import { addDays } from '../../../shared/cases/case-dates.ts';
import { registerCaseFactsProvider, registerCaseWorkSource, type CaseFactsProvider } from '../cases/case.extensions.ts';
import { hasAssessment } from '../assessments/assessment.repository.ts';
import { actionsDue } from '../plans/plan.repository.ts';
import { referralsAwaitingAnswer } from '../referrals/referral.repository.ts';

/**
 * Where casework plugs into the case core (see cases/case.extensions.ts):
 * - work items: plan actions falling due within a month (or overdue), and
 *   referrals waiting for the partner's answer, due `referralAnswerDays`
 *   (14 by default) after they were sent;
 * - the lifecycle guard "an assessment is recorded": a case becomes
 *   `assessed` only once an assessment of its current episode exists.
 * Imported once, for its effect, by casework.routes.ts.
 */

/** How far ahead open plan actions show as work. */
export const PLAN_ACTION_HORIZON_DAYS = 30;

/** The guard's fact: the case has an assessment in its current episode. */
const assessmentRecordedFacts: CaseFactsProvider = async (db, c) => ({ assessmentRecorded: await hasAssessment(db, c.id, c.episode) });

registerCaseFactsProvider(assessmentRecordedFacts);

registerCaseWorkSource(async ({ db, actor, cases, today }) => {
  const rows = await actionsDue(db, actor.organisationId, cases.map((c) => c.id), addDays(today, PLAN_ACTION_HORIZON_DAYS));
  return rows.map((r) => ({ caseId: r.case_id, kind: 'plan_action_due' as const, dueOn: r.due_on, subjectId: r.id }));
});

registerCaseWorkSource(async ({ db, actor, cases, policy }) => {
  const rows = await referralsAwaitingAnswer(db, actor.organisationId, cases.map((c) => c.id));
  return rows.flatMap((r) => (r.sent_on ? [{ caseId: r.case_id, kind: 'referral_unanswered' as const, dueOn: addDays(r.sent_on, policy.referralAnswerDays), subjectId: r.id }] : []));
});
