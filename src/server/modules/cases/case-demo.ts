import type { CaseStatus, ReferralSource, RiskLevel } from '../../../shared/cases/case-codes.ts';
import { addDays, todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { INITIAL_CASE_STATE, transition, type CaseEvent, type CaseMachineState } from '../../../shared/cases/case-state-machine.ts';
import type { Executor } from '../../platform/http/context.ts';

/**
 * Demo mode only: a few family cases in different states — for the Tashkent
 * worker one active with an overdue review, one waiting for its first
 * assessment and one fresh referral; in Samarkand one assessed with its plan
 * waiting for approval — so the worker's home and the dashboards show
 * something on first sign-in. Every status goes through the state machine.
 */
interface DemoCase {
  household: string;
  source: ReferralSource;
  note: string;
  risk: RiskLevel;
  referredDaysAgo: number;
  /** Events with how many days ago they happened. */
  steps: [CaseEvent, number][];
  planApproval?: 'approved' | 'pending';
}

const DEMO_CASES: DemoCase[] = [
  {
    household: 'Rahimovlar oilasi', source: 'mahalla_team', note: 'Referred by the mahalla chair: mother alone with two children, one with a disability.',
    risk: 'high', referredDaysAgo: 80, planApproval: 'approved',
    steps: [['start_screening', 78], ['enrol', 70], ['complete_assessment', 60], ['approve_plan', 55], ['activate', 54]],
  },
  {
    household: 'Iusupovs', source: 'womens_committee', note: 'Women’s Committee specialist: rent arrears, risk of eviction.',
    risk: 'medium', referredDaysAgo: 30, steps: [['start_screening', 28], ['enrol', 21]],
  },
  {
    household: 'Тошматовлар', source: 'school', note: 'School: the boy misses classes; grandmother cares for two children.',
    risk: 'none', referredDaysAgo: 3, steps: [],
  },
  {
    household: 'Эргашевлар оиласи', source: 'polyclinic', note: 'Polyclinic nurse: the younger child is underweight.',
    risk: 'low', referredDaysAgo: 40, planApproval: 'pending', steps: [['start_screening', 38], ['enrol', 33], ['complete_assessment', 20]],
  },
];

export async function seedDemoCases(db: Executor, organisationId: string): Promise<number> {
  const today = todayInUzbekistan();
  const ago = (days: number) => addDays(today, -days);
  const supervisor = await db.selectFrom('app_user as u').innerJoin('role_assignment as r', 'r.user_id', 'u.id').select('u.id')
    .where('u.organisation_id', '=', organisationId).where('r.role', '=', 'supervisor').executeTakeFirst();
  let made = 0;
  for (const d of DEMO_CASES) {
    const h = await db.selectFrom('household').select(['id', 'branch_id', 'team_id', 'assigned_worker_id'])
      .where('organisation_id', '=', organisationId).where('display_name', '=', d.household).executeTakeFirst();
    if (!h?.assigned_worker_id) continue;
    const worker = h.assigned_worker_id;
    let state: CaseMachineState = INITIAL_CASE_STATE;
    const dates: Partial<Record<CaseEvent, string>> = {};
    const changes: { from: CaseStatus | null; to: CaseStatus; event: string; on: string; by: string }[] = [
      { from: null, to: 'referred', event: 'open', on: ago(d.referredDaysAgo), by: worker },
    ];
    for (const [event, daysAgo] of d.steps) {
      const result = transition(state, { type: event }, { planApproved: d.planApproval === 'approved', closureApproved: false });
      if (!result.ok) throw new Error(`demo case ${d.household}: ${event} refused (${result.refusal})`);
      changes.push({ from: state.status, to: result.state.status, event, on: ago(daysAgo), by: event === 'approve_plan' && supervisor ? supervisor.id : worker });
      dates[event] = ago(daysAgo);
      state = result.state;
    }
    const c = await db.insertInto('family_case').values({
      organisation_id: organisationId, branch_id: h.branch_id, team_id: h.team_id, assigned_worker_id: worker, household_id: h.id,
      status: state.status, suspended_from: null, referral_source: d.source, referral_date: ago(d.referredDaysAgo), referral_note: d.note,
      risk_level: d.risk, status_reason: null, opened_on: ago(d.referredDaysAgo), enrolled_on: dates.enrol ?? null,
      plan_approved_on: dates.approve_plan ?? null, last_reviewed_on: null, exited_on: null, exit_reason: null, exit_note: null,
      follow_up_on: null, follow_up_outcome: null, created_by: worker,
    }).returning('id').executeTakeFirstOrThrow();
    for (const ch of changes) {
      await db.insertInto('family_case_status_change').values({
        organisation_id: organisationId, case_id: c.id, episode: 1, from_status: ch.from, to_status: ch.to, event: ch.event, reason: null,
        effective_on: ch.on, changed_by: ch.by,
      }).execute();
    }
    if (d.planApproval && supervisor) {
      await db.insertInto('case_approval').values({
        organisation_id: organisationId, case_id: c.id, episode: 1, subject_type: 'plan', subject_id: null, status: d.planApproval,
        request_note: 'Plan agreed with the family', requested_by: worker,
        decided_by: d.planApproval === 'approved' ? supervisor.id : null, decided_at: d.planApproval === 'approved' ? `${dates.approve_plan}T09:00:00Z` : null,
        decision_comment: null,
      }).execute();
    }
    if (state.status === 'active') {
      await db.insertInto('case_visit').values({
        organisation_id: organisationId, case_id: c.id, visited_on: ago(20), participants: 'Mother, both children, mahalla social worker',
        observations: 'The flat is warm; Madina attends the day-care group three times a week.', next_steps: 'Vocational course for the mother',
        created_by: worker, updated_by: worker,
      }).execute();
      await db.insertInto('case_note').values({
        organisation_id: organisationId, case_id: c.id, kind: 'phone_call', occurred_on: ago(5), body: 'Mother called: the sewing course starts next month.',
        created_by: worker, updated_by: worker,
      }).execute();
    }
    made += 1;
  }
  return made;
}
