import type { Updateable } from 'kysely';
import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { nextReferralState, type ReferralEvent } from '../../../shared/casework/referral-state-machine.ts';
import type { FieldError } from '../../../shared/errors.ts';
import type { ReferralTable } from '../../db/casework-tables.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { activePartnerExists, caseForWrite, caseInScope, householdMembers, invalid } from '../casework/casework.access.ts';
import { referralViewFor, type ReferralRow } from './referral.policy.ts';
import { consentForReferral, findReferral, insertReferral, listReferrals, updateReferralAtVersion } from './referral.repository.ts';
import type { AnswerReferralInput, CreateReferralInput, SendReferralInput, UpdateReferralInput } from './referral.schema.ts';

const view = (ctx: HandlerContext, row: ReferralRow) => referralViewFor(ctx.actor, row, todayInUzbekistan());

async function partyErrors(ctx: HandlerContext, householdId: string, input: { partnerId?: string | undefined; personId?: string | undefined }): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.partnerId !== undefined && !(await activePartnerExists(ctx.db, ctx.actor, input.partnerId))) errors.push({ path: ['partnerId'], code: 'invalid_value' });
  if (input.personId !== undefined && !(await householdMembers(ctx.db, householdId)).has(input.personId)) errors.push({ path: ['personId'], code: 'invalid_value' });
  return errors;
}

export async function getReferrals(ctx: HandlerContext, caseId: string) {
  await caseInScope(ctx, caseId);
  const rows = await listReferrals(ctx.db, ctx.actor, caseId);
  await ctx.audit({ action: 'referral.list', recordType: 'family_case', recordId: caseId, details: { shown: rows.map((r) => r.id) } });
  return { items: rows.map((r) => view(ctx, r)) };
}

export async function getReferral(ctx: HandlerContext, caseId: string, id: string) {
  await caseInScope(ctx, caseId);
  const row = await findReferral(ctx.db, ctx.actor, caseId, id);
  if (!row) throw notFoundOrNoAccess();
  await ctx.audit({ action: 'referral.read', recordType: 'family_case', recordId: caseId, details: { referralId: id } });
  return view(ctx, row);
}

/** A referral starts as a draft: it can be changed until it is sent. */
export async function createReferral(ctx: HandlerContext, caseId: string, input: CreateReferralInput) {
  const c = await caseForWrite(ctx, caseId);
  const errors = await partyErrors(ctx, c.household_id, input);
  if (errors.length) throw invalid(errors);
  const id = await insertReferral(ctx.db, {
    organisation_id: ctx.actor.organisationId, case_id: caseId, partner_id: input.partnerId, person_id: input.personId, reason: input.reason,
    services_requested: input.servicesRequested, data_categories: input.dataCategories, sent_on: null, consent_id: null,
    consent_override_reason: null, consent_override_by: null, answered_on: null, answer_note: null, completed_on: null, outcome_note: null,
    revoked_on: null, revoke_reason: null, created_by: ctx.actor.userId, updated_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'referral.create', recordType: 'family_case', recordId: caseId, details: { referralId: id, partnerId: input.partnerId } });
  return view(ctx, (await findReferral(ctx.db, ctx.actor, caseId, id))!);
}

async function referralForWrite(ctx: HandlerContext, caseId: string, id: string, version: number) {
  const c = await caseForWrite(ctx, caseId);
  const row = await findReferral(ctx.db, ctx.actor, caseId, id, { forUpdate: true });
  if (!row) throw notFoundOrNoAccess();
  if (row.version !== version) throw versionConflict(view(ctx, row));
  return { c, row };
}

/** Refuses an event the state machine does not allow from the referral's state (409 illegal_transition). */
function assertTransition(row: ReferralRow, event: ReferralEvent) {
  const to = nextReferralState(row.status, event);
  if (!to) {
    throw new AppError('illegal_transition', `A referral that is ${row.status} cannot take the event "${event}".`, {
      fields: [{ path: ['status'], code: 'invalid_value', params: { status: row.status, event } }],
    });
  }
  return to;
}

async function save(ctx: HandlerContext, caseId: string, row: ReferralRow, values: Updateable<ReferralTable>, audit: { action: string; details?: Record<string, unknown> }) {
  if (!(await updateReferralAtVersion(ctx.db, ctx.actor, caseId, row.id, row.version, { ...values, updated_by: ctx.actor.userId }))) throw versionConflict(view(ctx, row));
  await ctx.audit({ action: audit.action, recordType: 'family_case', recordId: caseId, details: { referralId: row.id, ...audit.details } });
  return view(ctx, (await findReferral(ctx.db, ctx.actor, caseId, row.id))!);
}

export async function updateReferral(ctx: HandlerContext, caseId: string, id: string, input: UpdateReferralInput) {
  const { c, row } = await referralForWrite(ctx, caseId, id, input.version);
  if (row.status !== 'draft') throw new AppError('illegal_transition', 'Only a draft referral can be changed.', { fields: [{ path: ['status'], code: 'invalid_value', params: { status: row.status } }] });
  const errors = await partyErrors(ctx, c.household_id, input);
  if (errors.length) throw invalid(errors);
  const values: Updateable<ReferralTable> = {};
  if (input.partnerId !== undefined) values.partner_id = input.partnerId;
  if (input.personId !== undefined) values.person_id = input.personId;
  if (input.reason !== undefined) values.reason = input.reason;
  if (input.servicesRequested !== undefined) values.services_requested = input.servicesRequested;
  if (input.dataCategories !== undefined) values.data_categories = input.dataCategories;
  const { version: _v, ...changed } = input;
  return save(ctx, caseId, row, values, { action: 'referral.update', details: { fields: Object.keys(changed).sort() } });
}

/**
 * Sends a referral. The family member's recorded, active consent covering
 * the data shared is required; without one, only a supervisor
 * (referral.override_consent) may send it, with a reason — audited as an
 * override on its own.
 */
export async function sendReferral(ctx: HandlerContext, caseId: string, id: string, input: SendReferralInput) {
  const { row } = await referralForWrite(ctx, caseId, id, input.version);
  const to = assertTransition(row, 'send');
  const sentOn = input.sentOn ?? todayInUzbekistan();
  const consent = await consentForReferral(ctx.db, ctx.actor.organisationId, row.person_id, row.data_categories, sentOn);
  if (consent) {
    return save(ctx, caseId, row, { status: to, sent_on: sentOn, consent_id: consent.id }, { action: 'referral.send', details: { consentId: consent.id } });
  }
  if (!input.overrideConsentReason) {
    throw new AppError('consent_required', 'The family member has no active consent to this referral (purpose referral or case management, covering the data shared). Record the consent first, or ask a supervisor to override.', {
      fields: [{ path: ['overrideConsentReason'], code: 'required' }],
    });
  }
  if (!ctx.actor.permissions.has('referral.override_consent')) {
    // The refusal is audited by the route (outside this transaction, which rolls back).
    throw new AppError('forbidden', 'Only a supervisor may send a referral without a recorded consent.');
  }
  await ctx.audit({ action: 'referral.consent_override', recordType: 'family_case', recordId: caseId, details: { referralId: id, personId: row.person_id } });
  return save(ctx, caseId, row, {
    status: to, sent_on: sentOn, consent_id: null, consent_override_reason: input.overrideConsentReason, consent_override_by: ctx.actor.userId,
  }, { action: 'referral.send', details: { consentOverride: true } });
}

export async function answerReferral(ctx: HandlerContext, caseId: string, id: string, input: AnswerReferralInput) {
  const { row } = await referralForWrite(ctx, caseId, id, input.version);
  const to = assertTransition(row, input.answer === 'accepted' ? 'accept' : 'reject');
  if (row.sent_on && input.answeredOn < row.sent_on) throw invalid([{ path: ['answeredOn'], code: 'invalid_date' }]);
  return save(ctx, caseId, row, { status: to, answered_on: input.answeredOn, answer_note: input.note }, { action: `referral.${input.answer === 'accepted' ? 'accept' : 'reject'}` });
}

export async function completeReferral(ctx: HandlerContext, caseId: string, id: string, input: { version: number; completedOn: string; outcomeNote: string }) {
  const { row } = await referralForWrite(ctx, caseId, id, input.version);
  const to = assertTransition(row, 'complete');
  if (row.answered_on && input.completedOn < row.answered_on) throw invalid([{ path: ['completedOn'], code: 'invalid_date' }]);
  return save(ctx, caseId, row, { status: to, completed_on: input.completedOn, outcome_note: input.outcomeNote }, { action: 'referral.complete' });
}

export async function revokeReferral(ctx: HandlerContext, caseId: string, id: string, input: { version: number; revokedOn?: string | undefined; reason: string }) {
  const { row } = await referralForWrite(ctx, caseId, id, input.version);
  const to = assertTransition(row, 'revoke');
  return save(ctx, caseId, row, { status: to, revoked_on: input.revokedOn ?? todayInUzbekistan(), revoke_reason: input.reason }, { action: 'referral.revoke' });
}
