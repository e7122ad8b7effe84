/**
 * The life of a referral to a partner organisation, as a pure table:
 *
 *   draft ──send──▶ sent ──accept──▶ accepted ──complete──▶ completed
 *                     └──reject──▶ rejected
 *   draft | sent | accepted ──revoke──▶ revoked
 *
 * Rejected, completed and revoked are final. Sending has a further rule the
 * table does not know about (a recorded, active consent, or a supervisor's
 * override); the service checks it.
 */

export const REFERRAL_STATES = ['draft', 'sent', 'accepted', 'rejected', 'completed', 'revoked'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

export const REFERRAL_EVENTS = ['send', 'accept', 'reject', 'complete', 'revoke'] as const;
export type ReferralEvent = (typeof REFERRAL_EVENTS)[number];

/** Every legal transition; any pair not listed is refused. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralState, Partial<Record<ReferralEvent, ReferralState>>>> = {
  draft: { send: 'sent', revoke: 'revoked' },
  sent: { accept: 'accepted', reject: 'rejected', revoke: 'revoked' },
  accepted: { complete: 'completed', revoke: 'revoked' },
  rejected: {},
  completed: {},
  revoked: {},
};

export const FINAL_REFERRAL_STATES: readonly ReferralState[] = REFERRAL_STATES.filter((s) => Object.keys(REFERRAL_TRANSITIONS[s]).length === 0);

/**
 * The state after `event`, or null when the event is not allowed in `state`.
 *
 * @example nextReferralState('draft', 'send') // 'sent'
 * @example nextReferralState('rejected', 'complete') // null
 */
export function nextReferralState(state: ReferralState, event: ReferralEvent): ReferralState | null {
  return REFERRAL_TRANSITIONS[state][event] ?? null;
}

/** The events a referral in `state` accepts: what the UI offers as buttons. */
export function referralEventsFrom(state: ReferralState): ReferralEvent[] {
  return REFERRAL_EVENTS.filter((e) => nextReferralState(state, e) !== null);
}
