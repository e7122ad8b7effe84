import { describe, expect, it } from 'vitest';
import { FINAL_REFERRAL_STATES, REFERRAL_EVENTS, REFERRAL_STATES, nextReferralState, referralEventsFrom, type ReferralEvent, type ReferralState } from './referral-state-machine.ts';

/** The whole table written out by hand: every state × every event. */
const EXPECTED: Record<ReferralState, Record<ReferralEvent, ReferralState | null>> = {
  draft: { send: 'sent', accept: null, reject: null, complete: null, revoke: 'revoked' },
  sent: { send: null, accept: 'accepted', reject: 'rejected', complete: null, revoke: 'revoked' },
  accepted: { send: null, accept: null, reject: null, complete: 'completed', revoke: 'revoked' },
  rejected: { send: null, accept: null, reject: null, complete: null, revoke: null },
  completed: { send: null, accept: null, reject: null, complete: null, revoke: null },
  revoked: { send: null, accept: null, reject: null, complete: null, revoke: null },
};

describe('referral state machine', () => {
  for (const state of REFERRAL_STATES) {
    for (const event of REFERRAL_EVENTS) {
      it(`${state} + ${event} → ${EXPECTED[state][event] ?? 'refused'}`, () => {
        expect(nextReferralState(state, event)).toBe(EXPECTED[state][event]);
      });
    }
  }

  it('has exactly three final states', () => {
    expect([...FINAL_REFERRAL_STATES].sort()).toEqual(['completed', 'rejected', 'revoked']);
  });

  it('offers the events the table allows', () => {
    expect(referralEventsFrom('draft')).toEqual(['send', 'revoke']);
    expect(referralEventsFrom('sent')).toEqual(['accept', 'reject', 'revoke']);
    expect(referralEventsFrom('accepted')).toEqual(['complete', 'revoke']);
    expect(referralEventsFrom('completed')).toEqual([]);
  });

  it('reaches every state from draft', () => {
    const seen = new Set<ReferralState>(['draft']);
    const queue: ReferralState[] = ['draft'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const e of REFERRAL_EVENTS) {
        const n = nextReferralState(s, e);
        if (n && !seen.has(n)) { seen.add(n); queue.push(n); }
      }
    }
    expect([...seen].sort()).toEqual([...REFERRAL_STATES].sort());
  });
});
