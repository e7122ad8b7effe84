import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, EXIT_REASONS, SUSPENDABLE_STATUSES, type CaseStatus, type SuspendableStatus } from './case-codes.ts';
import {
  CASE_EVENTS, EVENT_NEEDS, INITIAL_CASE_STATE, allowedEvents, eventOptions, isValidState, transition,
  type CaseEvent, type CaseEventInput, type CaseFacts, type CaseMachineState,
} from './case-state-machine.ts';

const ALL_FACTS: CaseFacts = { planApproved: true, closureApproved: true, assessmentRecorded: true };
const NO_FACTS: CaseFacts = { planApproved: false, closureApproved: false, assessmentRecorded: false };

/** An input that satisfies every input guard of the event (a graduation exit only from the review). */
function fullInput(event: CaseEvent, status: CaseStatus): CaseEventInput {
  return {
    type: event,
    reason: 'because',
    exitReason: status === 'graduation_review' ? 'self_reliant' : 'moved_away',
    followUpOutcome: 'doing well',
  };
}

function stateOf(status: CaseStatus, suspendedFrom: SuspendableStatus = 'active'): CaseMachineState {
  return { status, suspendedFrom: status === 'suspended' ? suspendedFrom : null, episode: 1 };
}

/**
 * The whole lifecycle written out by hand: for each state, the state each event
 * leads to (with every guard satisfied); a missing event is refused. The
 * suspended row is for a case suspended from `active`.
 */
const EXPECTED: Record<CaseStatus, Partial<Record<CaseEvent, CaseStatus>>> = {
  referred: { start_screening: 'screening' },
  screening: { mark_not_eligible: 'not_eligible', enrol: 'enrolled' },
  not_eligible: { reopen: 'screening' },
  enrolled: { complete_assessment: 'assessed', exit: 'exited', suspend: 'suspended' },
  assessed: { approve_plan: 'plan_approved', exit: 'exited', suspend: 'suspended' },
  plan_approved: { activate: 'active', exit: 'exited', suspend: 'suspended' },
  active: { start_graduation_review: 'graduation_review', exit: 'exited', suspend: 'suspended' },
  graduation_review: { return_to_active: 'active', exit: 'exited', suspend: 'suspended' },
  exited: { close_follow_up: 'follow_up_closed', reopen: 'screening' },
  follow_up_closed: { reopen: 'screening' },
  suspended: { exit: 'exited', reopen: 'active' },
};

describe('case state machine: every (state, event) pair', () => {
  const pairs = CASE_STATUSES.flatMap((status) => CASE_EVENTS.map((event) => [status, event] as const));
  it('covers all 132 pairs', () => expect(pairs).toHaveLength(CASE_STATUSES.length * CASE_EVENTS.length));

  it.each(pairs)('%s + %s', (status, event) => {
    const state = stateOf(status);
    const result = transition(state, fullInput(event, status), ALL_FACTS);
    const expected = EXPECTED[status][event];
    if (expected === undefined) {
      expect(result).toEqual({ ok: false, refusal: 'not_allowed_from_status' });
    } else {
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.state.status).toBe(expected);
      expect(result.change).toMatchObject({ from: status, to: expected, event });
      expect(isValidState(result.state)).toBe(true);
      const reopensClosed = event === 'reopen' && status !== 'suspended';
      expect(result.state.episode).toBe(reopensClosed ? 2 : 1);
      expect(result.change.newEpisode).toBe(reopensClosed);
    }
    // The options offered for the state list exactly the structurally allowed events.
    expect(eventOptions(state, ALL_FACTS).map((o) => o.event).includes(event)).toBe(expected !== undefined);
  });
});

describe('case state machine: guards', () => {
  it('approves a plan only with an approved plan approval', () => {
    expect(transition(stateOf('assessed'), { type: 'approve_plan' }, { ...ALL_FACTS, planApproved: false })).toEqual({ ok: false, refusal: 'plan_approval_required' });
    expect(allowedEvents(stateOf('assessed'), { ...ALL_FACTS, planApproved: false })).not.toContain('approve_plan');
    expect(eventOptions(stateOf('assessed'), NO_FACTS).find((o) => o.event === 'approve_plan')).toMatchObject({ allowed: false, refusal: 'plan_approval_required' });
  });

  it('exits only with an exit reason and an approved closure', () => {
    expect(transition(stateOf('active'), { type: 'exit' }, ALL_FACTS)).toEqual({ ok: false, refusal: 'exit_reason_required' });
    expect(transition(stateOf('active'), { type: 'exit', exitReason: null }, ALL_FACTS)).toEqual({ ok: false, refusal: 'exit_reason_required' });
    expect(transition(stateOf('active'), { type: 'exit', exitReason: 'moved_away' }, { ...ALL_FACTS, closureApproved: false })).toEqual({ ok: false, refusal: 'closure_approval_required' });
    expect(transition(stateOf('active'), { type: 'exit', exitReason: 'moved_away' }, ALL_FACTS).ok).toBe(true);
  });

  it('graduates a self-reliant family only from the graduation review', () => {
    for (const status of ['enrolled', 'assessed', 'plan_approved', 'active', 'suspended'] as const) {
      expect(transition(stateOf(status), { type: 'exit', exitReason: 'self_reliant' }, ALL_FACTS)).toEqual({ ok: false, refusal: 'graduation_review_required' });
    }
    expect(transition(stateOf('graduation_review'), { type: 'exit', exitReason: 'self_reliant' }, ALL_FACTS).ok).toBe(true);
  });

  it('needs a reason to find a family not eligible and to suspend a case', () => {
    expect(transition(stateOf('screening'), { type: 'mark_not_eligible', reason: '  ' }, ALL_FACTS)).toEqual({ ok: false, refusal: 'reason_required' });
    expect(transition(stateOf('active'), { type: 'suspend' }, ALL_FACTS)).toEqual({ ok: false, refusal: 'reason_required' });
  });

  it('closes the follow-up only with its outcome', () => {
    expect(transition(stateOf('exited'), { type: 'close_follow_up', followUpOutcome: '' }, ALL_FACTS)).toEqual({ ok: false, refusal: 'follow_up_outcome_required' });
  });

  it('completes an assessment unless the casework module says none is recorded', () => {
    expect(transition(stateOf('enrolled'), { type: 'complete_assessment' }, { planApproved: false, closureApproved: false }).ok).toBe(true);
    expect(transition(stateOf('enrolled'), { type: 'complete_assessment' }, NO_FACTS)).toEqual({ ok: false, refusal: 'assessment_required' });
  });

  it('returns a suspended case to where it was, for every suspendable state', () => {
    for (const from of SUSPENDABLE_STATUSES) {
      const suspended = transition(stateOf(from), { type: 'suspend', reason: 'hospital' }, ALL_FACTS);
      expect(suspended.ok && suspended.state).toEqual({ status: 'suspended', suspendedFrom: from, episode: 1 });
      if (!suspended.ok) continue;
      const back = transition(suspended.state, { type: 'reopen' }, ALL_FACTS);
      expect(back.ok && back.state).toEqual({ status: from, suspendedFrom: null, episode: 1 });
    }
  });

  it('lists what each event needs', () => {
    expect(eventOptions(stateOf('active'), ALL_FACTS).find((o) => o.event === 'exit')?.needs).toEqual(['exitReason']);
    expect(Object.keys(EVENT_NEEDS).sort()).toEqual([...CASE_EVENTS].sort());
  });
});

describe('case state machine: random walks', () => {
  const eventArb = fc.record({
    type: fc.constantFrom(...CASE_EVENTS),
    reason: fc.option(fc.constantFrom('', ' ', 'moved to relatives'), { nil: undefined }),
    exitReason: fc.option(fc.constantFrom(...EXIT_REASONS), { nil: undefined }),
    followUpOutcome: fc.option(fc.constantFrom('', 'stable'), { nil: undefined }),
  });
  const factsArb = fc.record({ planApproved: fc.boolean(), closureApproved: fc.boolean(), assessmentRecorded: fc.option(fc.boolean(), { nil: undefined }) });

  it('keeps every invariant over any sequence of events', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(eventArb, factsArb), { maxLength: 60 }), (steps) => {
        let state = INITIAL_CASE_STATE;
        const history: { from: CaseStatus; to: CaseStatus; event: CaseEvent }[] = [];
        let accepted = 0;
        for (const [input, facts] of steps) {
          const before = state;
          const result = transition(state, input, facts);
          if (!result.ok) {
            // A refusal changes nothing (the machine is pure; the state object is the caller's).
            expect(state).toBe(before);
            continue;
          }
          accepted += 1;
          history.push(result.change);
          state = result.state;
          // Never an undefined or inconsistent state.
          expect(isValidState(state)).toBe(true);
          expect(result.change.from).toBe(before.status);
          expect(result.change.to).toBe(state.status);
          // Exited only through `exit`, with an exit reason and an approved closure.
          if (state.status === 'exited' && before.status !== 'exited') {
            expect(input.type).toBe('exit');
            expect(input.exitReason).toBeTruthy();
            expect(facts.closureApproved).toBe(true);
            if (input.exitReason === 'self_reliant') expect(before.status).toBe('graduation_review');
          }
          if (input.type === 'approve_plan') expect(facts.planApproved).toBe(true);
          // Reopening restores a legal state: where a suspended case was, or screening in a new episode.
          if (input.type === 'reopen') {
            if (before.status === 'suspended') expect(state).toEqual({ status: before.suspendedFrom, suspendedFrom: null, episode: before.episode });
            else expect(state).toEqual({ status: 'screening', suspendedFrom: null, episode: before.episode + 1 });
          } else {
            expect(state.episode).toBe(before.episode);
          }
          // Every allowed event really is accepted from here with inputs given.
          for (const e of allowedEvents(state, facts)) {
            const needsGraduation = e === 'exit' && state.status !== 'graduation_review';
            const r = transition(state, { type: e, reason: 'r', exitReason: needsGraduation ? 'other' : 'self_reliant', followUpOutcome: 'o' }, facts);
            expect(r.ok).toBe(true);
          }
        }
        // The history has one row per accepted event, and its rows link up.
        expect(history).toHaveLength(accepted);
        history.forEach((h, i) => {
          expect(h.from).toBe(i === 0 ? 'referred' : history[i - 1]!.to);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches every state from the start', () => {
    const seen = new Set<CaseStatus>(['referred']);
    let frontier: CaseMachineState[] = [INITIAL_CASE_STATE];
    for (let depth = 0; depth < 12 && frontier.length; depth += 1) {
      const next: CaseMachineState[] = [];
      for (const s of frontier) {
        for (const event of CASE_EVENTS) {
          const r = transition(s, fullInput(event, s.status), ALL_FACTS);
          if (r.ok && !seen.has(r.state.status)) {
            seen.add(r.state.status);
            next.push(r.state);
          }
        }
      }
      frontier = next;
    }
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
  });
});
