import { randomUUID } from 'node:crypto';
import { addDays, todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { domainScoresOf, factorCodesOf, instrumentDefinition, overallScoreOf, type InstrumentDefinition } from '../../../shared/casework/instrument.ts';
import type { Executor } from '../../platform/http/context.ts';

/**
 * Demo mode only, after the case core's demo cases: partner organisations,
 * mahalla team members and a case conference, and for the active Tashkent
 * case two rounds of assessments (progress to show; the other assessed cases
 * one, the one that let them be assessed), an approved plan with
 * an overdue action, services, assistance and referrals — one of them
 * unanswered for three weeks, so the worker's home shows it.
 */

const PARTNERS = [
  { kind: 'polyclinic', name: 'Yunusobod tumani 12-son oilaviy poliklinikasi', phone: '+998712345678' },
  { kind: 'womens_committee', name: 'Yunusobod tumani xotin-qizlar qoʻmitasi', phone: '+998712394042' },
  { kind: 'school', name: '45-son umumtaʼlim maktabi', phone: null },
  { kind: 'mahalla', name: 'Bogʻishamol MFY', phone: null },
  { kind: 'police_prevention_inspector', name: 'Yunusobod IIB profilaktika inspektori', phone: null },
] as const;

/** Answers that score every factor `base`, a few of them one higher. */
function answersOf(def: InstrumentDefinition, base: number, better: number): Record<string, number> {
  return Object.fromEntries(factorCodesOf(def).map((code, i) => [code, Math.min(def.scale.max, base + (i % 3 < better ? 1 : 0))]));
}

export async function seedDemoCasework(db: Executor, organisationId: string): Promise<void> {
  const today = todayInUzbekistan();
  const ago = (days: number) => addDays(today, -days);
  const supervisor = await db.selectFrom('app_user as u').innerJoin('role_assignment as r', 'r.user_id', 'u.id').select('u.id')
    .where('u.organisation_id', '=', organisationId).where('r.role', '=', 'supervisor').executeTakeFirst();
  const partnerUser = await db.selectFrom('app_user as u').innerJoin('role_assignment as r', 'r.user_id', 'u.id').select(['u.id', 'u.display_name', 'r.team_id'])
    .where('u.organisation_id', '=', organisationId).where('r.role', '=', 'partner').executeTakeFirst();
  const cases = await db.selectFrom('family_case').selectAll().where('organisation_id', '=', organisationId).execute();
  const active = cases.find((c) => c.status === 'active');
  if (!active?.assigned_worker_id) return;
  const worker = active.assigned_worker_id;
  const by = { created_by: worker, updated_by: worker };

  const partners: Record<string, string> = {};
  for (const p of PARTNERS) {
    partners[p.kind] = (await db.insertInto('partner_organisation').values({
      organisation_id: organisationId, kind: p.kind, name: p.name, district_id: null, address: null, phone: p.phone, email: null,
      contacts: JSON.stringify(p.kind === 'womens_committee' && partnerUser ? [{ name: partnerUser.display_name, position: 'Mutaxassis', phone: null, email: null }] : []),
      notes: null, archived_at: null, archive_reason: null, created_by: worker,
    }).returning('id').executeTakeFirstOrThrow()).id;
  }

  const members = await db.selectFrom('household_member as hm').innerJoin('person as p', 'p.id', 'hm.person_id')
    .select(['p.id', 'p.birth_date', 'hm.is_primary_caregiver']).where('hm.household_id', '=', active.household_id).where('hm.left_on', 'is', null).execute();
  const children = members.filter((m) => m.birth_date !== null && m.birth_date > addDays(today, -18 * 365));
  const caregiver = members.find((m) => m.is_primary_caregiver) ?? members[0];

  // Two rounds of assessments: at enrolment and now.
  const instruments = await db.selectFrom('assessment_instrument').selectAll().where('organisation_id', 'is', null).execute();
  for (const inst of instruments) {
    const def = instrumentDefinition.parse(inst.definition);
    const subjects = inst.kind === 'child' ? children.map((c) => c.id) : [null];
    for (const [when, base, better] of [[58, 1, 1], [5, 2, 2]] as const) {
      for (const personId of subjects) {
        const answers = answersOf(def, base, better);
        const scores = domainScoresOf(def, answers);
        await db.insertInto('assessment').values({
          organisation_id: organisationId, case_id: active.id, episode: active.episode, person_id: personId, instrument_id: inst.id, assessed_on: ago(when),
          assessor_id: worker, answers: JSON.stringify(answers), factor_notes: '{}', domain_scores: JSON.stringify(scores),
          overall_score: overallScoreOf(scores)?.toFixed(2) ?? null, summary: when > 30 ? 'First assessment at enrolment, with the mother.' : 'Reassessed at the home visit.', ...by,
        }).execute();
      }
    }
  }

  // Every other case past `complete_assessment` has the assessment that allowed it: the household benchmark, that day.
  const household = instruments.find((i) => i.kind === 'household')!;
  const householdDef = instrumentDefinition.parse(household.definition);
  const answers = answersOf(householdDef, 2, 1);
  const scores = domainScoresOf(householdDef, answers);
  const assessedOn = await db.selectFrom('family_case_status_change').select(['case_id', 'effective_on'])
    .where('organisation_id', '=', organisationId).where('event', '=', 'complete_assessment').where('case_id', '!=', active.id).execute();
  for (const { case_id, effective_on } of assessedOn) {
    const c = cases.find((x) => x.id === case_id)!;
    await db.insertInto('assessment').values({
      organisation_id: organisationId, case_id, episode: c.episode, person_id: null, instrument_id: household.id, assessed_on: effective_on,
      assessor_id: c.assigned_worker_id ?? worker, answers: JSON.stringify(answers), factor_notes: '{}', domain_scores: JSON.stringify(scores),
      overall_score: overallScoreOf(scores)?.toFixed(2) ?? null, summary: 'First assessment at enrolment.',
      created_by: c.assigned_worker_id ?? worker, updated_by: c.assigned_worker_id ?? worker,
    }).execute();
  }

  // The approved plan: the case core's approval now names it.
  const approval = await db.selectFrom('case_approval').select('id').where('case_id', '=', active.id).where('subject_type', '=', 'plan').where('status', '=', 'approved').executeTakeFirst();
  const planId = randomUUID();
  await db.insertInto('family_plan').values({
    id: planId, organisation_id: organisationId, case_id: active.id, episode: active.episode, approval_id: approval?.id ?? null, submitted_revision: approval ? 1 : null, ...by,
  }).execute();
  if (approval) await db.updateTable('case_approval').set({ subject_id: planId }).where('id', '=', approval.id).execute();
  const goals = [
    { instrument: 'household_self_reliance', domain: 'income', text: 'Onasi tikuvchilikdan doimiy daromad topadi', actions: [
      { text: 'Tikuvchilik kursiga yozilish', kind: 'partner' as const, who: partners['womens_committee']!, due: ago(10), status: 'done' as const },
      { text: 'Tikuv mashinasi uchun grant arizasini topshirish', kind: 'name' as const, who: 'Onasi', due: ago(3), status: 'planned' as const },
    ] },
    { instrument: 'child_status_index', domain: 'health', text: 'Kichik qizning vazni meʼyorga keladi', actions: [
      { text: 'Poliklinikada oyma-oy tortish va maslahat', kind: 'partner' as const, who: partners['polyclinic']!, due: addDays(today, 20), status: 'in_progress' as const },
    ] },
    { instrument: 'child_status_index', domain: 'education_skills', text: 'Oʻgʻli maktabga dars qoldirmay qatnaydi', actions: [
      { text: 'Sinf rahbari bilan haftalik aloqa', kind: 'user' as const, who: worker, due: addDays(today, 40), status: 'in_progress' as const },
    ] },
  ];
  let position = 0;
  for (const [gi, g] of goals.entries()) {
    const goalId = randomUUID();
    await db.insertInto('plan_goal').values({ id: goalId, organisation_id: organisationId, plan_id: planId, position: gi, instrument_code: g.instrument, domain_code: g.domain, text: g.text }).execute();
    for (const a of g.actions) {
      await db.insertInto('plan_action').values({
        organisation_id: organisationId, plan_id: planId, goal_id: goalId, position: position++, text: a.text, responsible_kind: a.kind,
        responsible_name: a.kind === 'name' ? a.who : null, responsible_user_id: a.kind === 'user' ? a.who : null, responsible_partner_id: a.kind === 'partner' ? a.who : null,
        due_on: a.due, status: a.status, completed_on: a.status === 'done' ? ago(12) : null,
      }).execute();
    }
  }

  // Services, one of them a group session, and one-time assistance.
  const session = randomUUID();
  const service = (values: { type: 'psychological' | 'parenting_skills' | 'day_care' | 'medical'; on: string; units: string; unit: 'session' | 'hour' | 'day'; cost: string | null; partner?: string; sessionTitle?: string }) =>
    db.insertInto('service_delivery').values({
      organisation_id: organisationId, case_id: active.id, service_type: values.type, provider_kind: values.partner ? 'external' : 'internal',
      partner_id: values.partner ?? null, provider_name: null, delivered_on: values.on, units: values.units, unit: values.unit, cost_uzs: values.cost,
      project_code: 'EU-VCPM', group_session_id: values.sessionTitle ? session : null, session_title: values.sessionTitle ?? null, notes: null, ...by,
    }).execute();
  await service({ type: 'psychological', on: ago(45), units: '1', unit: 'session', cost: '150000' });
  await service({ type: 'psychological', on: ago(30), units: '1', unit: 'session', cost: '150000' });
  await service({ type: 'day_care', on: ago(14), units: '10', unit: 'day', cost: '400000' });
  await service({ type: 'medical', on: ago(25), units: '1', unit: 'session', cost: null, partner: partners['polyclinic']! });
  await service({ type: 'parenting_skills', on: ago(19), units: '3', unit: 'hour', cost: '50000', sessionTitle: 'Ota-onalik koʻnikmalari treningi' });
  await db.insertInto('one_time_assistance').values({
    organisation_id: organisationId, case_id: active.id, kind: 'in_kind', item: 'Bolalar uchun qishki kiyimlar', value_uzs: '850000', project_code: 'EU-VCPM',
    given_on: ago(40), person_id: null, notes: null, ...by,
  }).execute();

  // Referrals with the mother's consent: one completed, one waiting three weeks for an answer.
  if (caregiver) {
    const consent = await db.insertInto('consent').values({
      organisation_id: organisationId, person_id: caregiver.id, household_id: active.household_id, purpose: 'referral', data_categories: ['identity', 'contact', 'family', 'health'],
      transfers_to: 'Partner organisations of the mahalla team', granted_on: ago(65), expires_on: addDays(today, 300), withdrawn_at: null, withdrawal_note: null, recorded_by: worker,
    }).returning('id').executeTakeFirstOrThrow();
    const referral = (partnerId: string, reason: string, r: { sent: number; answered?: number; completed?: number }) => db.insertInto('referral').values({
      organisation_id: organisationId, case_id: active.id, partner_id: partnerId, person_id: caregiver.id, reason, services_requested: [], data_categories: ['identity', 'contact'],
      status: r.completed ? 'completed' : r.answered ? 'accepted' : 'sent', sent_on: ago(r.sent), consent_id: consent.id, consent_override_reason: null, consent_override_by: null,
      answered_on: r.answered ? ago(r.answered) : null, answer_note: null, completed_on: r.completed ? ago(r.completed) : null,
      outcome_note: r.completed ? 'Kursni muvaffaqiyatli tamomladi.' : null, revoked_on: null, revoke_reason: null, ...by,
    }).execute();
    await referral(partners['womens_committee']!, 'Tikuvchilik kursi', { sent: 50, answered: 47, completed: 10 });
    await referral(partners['mahalla']!, 'Moddiy yordam uchun ariza', { sent: 21 });
  }

  // The mahalla team: the partner user and two more members, and last month's case conference.
  const team = active.team_id ?? partnerUser?.team_id ?? null;
  if (!team) return;
  const member = async (name: string, position: string, partnerId: string, userId: string | null) =>
    (await db.insertInto('team_member').values({
      organisation_id: organisationId, team_id: team, partner_id: partnerId, user_id: userId, name, position, phone: null, email: null, joined_on: ago(200), left_on: null, created_by: worker,
    }).returning(['id', 'name']).executeTakeFirstOrThrow());
  const chair = await member('Bahrom Qodirov', 'Mahalla raisi', partners['mahalla']!, null);
  const specialist = partnerUser?.team_id === team ? await member(partnerUser.display_name, 'Xotin-qizlar qoʻmitasi mutaxassisi', partners['womens_committee']!, partnerUser.id) : null;
  const teacher = await member('Nodira Ismoilova', 'Direktor oʻrinbosari', partners['school']!, null);
  const teamRow = await db.selectFrom('team').select('branch_id').where('id', '=', team).executeTakeFirstOrThrow();
  const meeting = await db.insertInto('team_meeting').values({
    organisation_id: organisationId, branch_id: teamRow.branch_id, team_id: team, kind: 'case_conference', held_on: ago(12), place: 'Bogʻishamol MFY binosi',
    summary: 'Oylik keys-konferensiya', created_by: supervisor?.id ?? worker, updated_by: supervisor?.id ?? worker,
  }).returning('id').executeTakeFirstOrThrow();
  const attendees = [chair, teacher, ...(specialist ? [specialist] : [])];
  for (const [i, a] of attendees.entries()) {
    await db.insertInto('team_meeting_attendee').values({ meeting_id: meeting.id, member_id: a.id, name: a.name, organisation_name: null, position: i }).execute();
  }
  await db.insertInto('team_meeting_case').values({ meeting_id: meeting.id, case_id: active.id, decision: 'Onasini kichik biznes grantiga tayyorlash; maktab davomatni kuzatadi.', position: 0 }).execute();
  await db.insertInto('team_meeting_task').values([
    { organisation_id: organisationId, meeting_id: meeting.id, case_id: active.id, text: 'Davomat haqida haftalik maʼlumot', responsible_member_id: teacher.id, responsible_name: teacher.name, due_on: addDays(today, 18), status: 'open', done_on: null, position: 0 },
    { organisation_id: organisationId, meeting_id: meeting.id, case_id: active.id, text: 'Grant boʻyicha hokimiyat bilan uchrashuv', responsible_member_id: chair.id, responsible_name: chair.name, due_on: ago(2), status: 'open', done_on: null, position: 1 },
  ]).execute();
}
