import { referralEventsFrom } from '../../../shared/casework/referral-state-machine.ts';
import { pickVisible, type VisibleFields } from '../../platform/access/field-visibility.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { Referral } from '../../db/casework-tables.ts';
import type { ReferralView } from './referral.schema.ts';

/**
 * A partner (mahalla team member) follows the referrals of the team's
 * families — to whom, why, what came of it — but not the consent details;
 * monitoring sees where each referral went and when, never why.
 */
const VISIBLE: VisibleFields<ReferralView> = {
  partner: new Set<keyof ReferralView>([
    'id', 'caseId', 'partnerId', 'partnerName', 'partnerKind', 'personId', 'reason', 'servicesRequested', 'dataCategories', 'status', 'events',
    'sentOn', 'consentOverridden', 'answeredOn', 'answerNote', 'completedOn', 'outcomeNote', 'revokedOn', 'waitingDays', 'version',
  ]),
  deidentified: new Set<keyof ReferralView>([
    'id', 'caseId', 'partnerId', 'partnerName', 'partnerKind', 'personId', 'servicesRequested', 'dataCategories', 'status', 'events', 'sentOn', 'consentOverridden',
    'answeredOn', 'completedOn', 'revokedOn', 'waitingDays', 'version', 'createdAt', 'updatedAt',
  ]),
};

export type ReferralRow = Referral & { partner_name: string; partner_kind: string };

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function referralViewFor(actor: Pick<Actor, 'fieldView' | 'permissions'>, row: ReferralRow, today: string): ReferralView {
  const mayAct = actor.permissions.has('casework.write');
  return pickVisible(actor.fieldView, {
    id: row.id,
    caseId: row.case_id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    partnerKind: row.partner_kind,
    personId: row.person_id,
    reason: row.reason,
    servicesRequested: row.services_requested,
    dataCategories: row.data_categories,
    status: row.status,
    events: mayAct ? referralEventsFrom(row.status) : [],
    sentOn: row.sent_on,
    consentId: row.consent_id,
    consentOverridden: row.consent_override_reason !== null,
    consentOverrideReason: row.consent_override_reason,
    consentOverrideBy: row.consent_override_by,
    answeredOn: row.answered_on,
    answerNote: row.answer_note,
    completedOn: row.completed_on,
    outcomeNote: row.outcome_note,
    revokedOn: row.revoked_on,
    revokeReason: row.revoke_reason,
    waitingDays: row.status === 'sent' && row.sent_on ? daysBetween(row.sent_on, today) : null,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, VISIBLE);
}
