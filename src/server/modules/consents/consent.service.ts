import type { z } from 'zod';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { findPerson } from '../people/person.repository.ts';
import { consentViewOf } from './consent.policy.ts';
import { findConsent, withdrawConsentAtVersion } from './consent.repository.ts';
import type { createConsentBody } from './consent.schema.ts';

/** Records a consent given by (or for) a person the caller may reach. */
export async function recordConsent(ctx: HandlerContext, personId: string, input: z.output<typeof createConsentBody>) {
  const person = await findPerson(ctx.db, ctx.actor, personId);
  if (!person) throw notFoundOrNoAccess();
  const row = await ctx.db
    .insertInto('consent')
    .values({
      organisation_id: ctx.actor.organisationId,
      person_id: personId,
      household_id: input.householdId,
      purpose: input.purposeNote ? `${input.purpose}: ${input.purposeNote}` : input.purpose,
      data_categories: input.dataCategories,
      transfers_to: input.transfersTo,
      granted_on: input.grantedOn,
      expires_on: input.expiresOn,
      withdrawn_at: null,
      withdrawal_note: null,
      recorded_by: ctx.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await ctx.audit({ action: 'consent.create', recordType: 'person', recordId: personId, details: { consentId: row.id } });
  return consentViewOf(row);
}

/** Withdrawal is recorded, never deleted: the consent stays visible as withdrawn. */
export async function withdrawConsent(ctx: HandlerContext, consentId: string, input: { version: number; note?: string | undefined }) {
  const current = await findConsent(ctx.db, consentId);
  // The consent is reachable exactly when its person is.
  if (!current || current.organisation_id !== ctx.actor.organisationId || !(await findPerson(ctx.db, ctx.actor, current.person_id))) throw notFoundOrNoAccess();
  if (current.withdrawn_at) throw new AppError('conflict', 'This consent was withdrawn already.');
  if (current.version !== input.version) throw versionConflict(consentViewOf(current));
  const row = await withdrawConsentAtVersion(ctx.db, consentId, input.version, input.note ?? null);
  if (!row) throw versionConflict(consentViewOf(current));
  await ctx.audit({ action: 'consent.withdraw', recordType: 'person', recordId: current.person_id, details: { consentId } });
  return consentViewOf(row);
}
