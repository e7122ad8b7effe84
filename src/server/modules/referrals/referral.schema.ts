import { z } from 'zod';
import { REFERRAL_EVENTS, REFERRAL_STATES } from '../../../shared/casework/referral-state-machine.ts';
import { optionalText, pastDate, requiredText, uuid, version } from '../../../shared/schemas/common.ts';
import { DATA_CATEGORIES } from '../consents/consent.schema.ts';

/**
 * Referrals of a family member to a partner organisation. Sending needs the
 * member's recorded, active consent (purpose referral or case management,
 * covering the data shared) or a supervisor's override with a reason.
 */

export const referralState = z.enum(REFERRAL_STATES).meta({ id: 'ReferralState' });
const dataCategories = z.array(z.enum(DATA_CATEGORIES)).min(1).max(DATA_CATEGORIES.length);
const servicesRequested = z.array(requiredText(200)).max(10);

export const createReferralBody = z
  .strictObject({
    partnerId: uuid,
    /** The household member the referral is about. */
    personId: uuid,
    reason: requiredText(2000),
    servicesRequested: servicesRequested.default([]),
    /** What will be shared with the partner; the consent must cover all of it. */
    dataCategories: dataCategories.default(['identity', 'contact']),
  })
  .meta({ id: 'CreateReferral' });
export type CreateReferralInput = z.output<typeof createReferralBody>;

export const updateReferralBody = z
  .strictObject({
    version,
    partnerId: uuid.optional(),
    personId: uuid.optional(),
    reason: requiredText(2000).optional(),
    servicesRequested: servicesRequested.optional(),
    dataCategories: dataCategories.optional(),
  })
  .meta({ id: 'UpdateReferral' });
export type UpdateReferralInput = z.output<typeof updateReferralBody>;

export const sendReferralBody = z
  .strictObject({
    version,
    /** Today when left out. */
    sentOn: pastDate.optional(),
    /**
     * Sends without a recorded consent. Needs referral.override_consent (a
     * supervisor) and is audited; ignored when a valid consent exists.
     */
    overrideConsentReason: requiredText(1000).optional(),
  })
  .meta({ id: 'SendReferral' });
export type SendReferralInput = z.output<typeof sendReferralBody>;

export const answerReferralBody = z
  .strictObject({ version, answer: z.enum(['accepted', 'rejected']), answeredOn: pastDate, note: optionalText(2000) })
  .refine((a) => a.answer === 'accepted' || a.note !== null, { path: ['note'], message: 'required' })
  .meta({ id: 'AnswerReferral' });
export type AnswerReferralInput = z.output<typeof answerReferralBody>;

export const completeReferralBody = z
  .strictObject({ version, completedOn: pastDate, outcomeNote: requiredText(4000) })
  .meta({ id: 'CompleteReferral' });

export const revokeReferralBody = z
  .strictObject({ version, revokedOn: pastDate.optional(), reason: requiredText(1000) })
  .meta({ id: 'RevokeReferral' });

export const referralView = z
  .object({
    id: uuid,
    caseId: uuid,
    partnerId: uuid,
    partnerName: z.string(),
    partnerKind: z.string(),
    personId: uuid,
    reason: z.string().optional(),
    servicesRequested: z.array(z.string()).optional(),
    dataCategories: z.array(z.string()),
    status: referralState,
    /** What can happen next, from the shared state machine. */
    events: z.array(z.enum(REFERRAL_EVENTS)),
    sentOn: z.string().nullable(),
    consentId: uuid.nullable().optional(),
    /** Sent without a recorded consent, on a supervisor's override. */
    consentOverridden: z.boolean(),
    consentOverrideReason: z.string().nullable().optional(),
    consentOverrideBy: uuid.nullable().optional(),
    answeredOn: z.string().nullable(),
    answerNote: z.string().nullable().optional(),
    completedOn: z.string().nullable(),
    outcomeNote: z.string().nullable().optional(),
    revokedOn: z.string().nullable(),
    revokeReason: z.string().nullable().optional(),
    /** Days since it was sent, while it waits for the partner's answer. */
    waitingDays: z.number().int().nullable(),
    version: z.number().int(),
    createdBy: uuid.optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'Referral' });
export type ReferralView = z.infer<typeof referralView>;
