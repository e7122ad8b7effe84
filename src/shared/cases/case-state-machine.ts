import {
  CASE_STATUSES, CLOSED_STATUSES, SUSPENDABLE_STATUSES,
  type CaseStatus, type ExitReason, type SuspendableStatus,
} from './case-codes.ts';

/**
 * The lifecycle of a family case, as one pure state machine. The server
 * applies it to every status change; the web app asks it which actions to
 * offer. Nothing else decides whether a case may move.
 *
 *   referred → screening → not_eligible (reason)
 *                        → enrolled → assessed → plan_approved → active ⇄ graduation_review
 *   enrolled … graduation_review (and suspended) → exited (exit reason + approved closure)
 *   exited → follow_up_closed (follow-up outcome)
 *   enrolled … graduation_review → suspended (reason) → back where it was (reopen)
 *   not_eligible | exited | follow_up_closed → screening, as a new episode (reopen)
 */

export const CASE_EVENTS = [
  'start_screening',
  'mark_not_eligible',
  'enrol',
  'complete_assessment',
  'approve_plan',
  'activate',
  'start_graduation_review',
  'return_to_active',
  'exit',
  'close_follow_up',
  'suspend',
  'reopen',
] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** What an event must carry besides its name; the API schema requires the same. */
export type EventInput = 'reason' | 'exitReason' | 'followUpOutcome';
export const EVENT_NEEDS: Record<CaseEvent, readonly EventInput[]> = {
  start_screening: [],
  mark_not_eligible: ['reason'],
  enrol: [],
  complete_assessment: [],
  approve_plan: [],
  activate: [],
  start_graduation_review: [],
  return_to_active: [],
  exit: ['exitReason'],
  close_follow_up: ['followUpOutcome'],
  suspend: ['reason'],
  reopen: [],
};

/** Where a case is in its lifecycle. `episode` counts reopenings of a closed case. */
export interface CaseMachineState {
  status: CaseStatus;
  /** Set exactly when suspended: the state a reopening returns to. */
  suspendedFrom: SuspendableStatus | null;
  episode: number;
}

/**
 * Facts about the case the guards read, gathered by the server from other
 * records (approvals of the current episode; assessments when the casework
 * module reports them). Unknown (`undefined`) assessment means "not checked".
 */
export interface CaseFacts {
  planApproved: boolean;
  closureApproved: boolean;
  assessmentRecorded?: boolean | undefined;
}

export interface CaseEventInput {
  type: CaseEvent;
  reason?: string | null | undefined;
  exitReason?: ExitReason | null | undefined;
  followUpOutcome?: string | null | undefined;
}

/** Why the machine refused an event: shown to users (translated) and sent by the API. */
export const TRANSITION_REFUSALS = [
  'not_allowed_from_status',
  'reason_required',
  'exit_reason_required',
  'follow_up_outcome_required',
  'assessment_required',
  'plan_approval_required',
  'closure_approval_required',
  'graduation_review_required',
] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

export interface StatusChange {
  from: CaseStatus;
  to: CaseStatus;
  event: CaseEvent;
  /** A reopened closed case starts a new episode. */
  newEpisode: boolean;
}

export type TransitionResult =
  | { ok: true; state: CaseMachineState; change: StatusChange }
  | { ok: false; refusal: TransitionRefusal };

const SUSPENDABLE = new Set<CaseStatus>(SUSPENDABLE_STATUSES);
const CLOSED = new Set<CaseStatus>(CLOSED_STATUSES);
/** States an exit may leave from: the enrolled states, and a suspended case. */
const EXITABLE = new Set<CaseStatus>([...SUSPENDABLE_STATUSES, 'suspended']);

/** The structural moves: from which states an event may fire, before any guard. */
const SIMPLE: Partial<Record<CaseEvent, { from: CaseStatus; to: CaseStatus }>> = {
  start_screening: { from: 'referred', to: 'screening' },
  mark_not_eligible: { from: 'screening', to: 'not_eligible' },
  enrol: { from: 'screening', to: 'enrolled' },
  complete_assessment: { from: 'enrolled', to: 'assessed' },
  approve_plan: { from: 'assessed', to: 'plan_approved' },
  activate: { from: 'plan_approved', to: 'active' },
  start_graduation_review: { from: 'active', to: 'graduation_review' },
  return_to_active: { from: 'graduation_review', to: 'active' },
  close_follow_up: { from: 'exited', to: 'follow_up_closed' },
};

/** Whether `event` can fire from `status` at all (guards aside). */
export function isStructurallyAllowed(status: CaseStatus, event: CaseEvent): boolean {
  const simple = SIMPLE[event];
  if (simple) return simple.from === status;
  if (event === 'exit') return EXITABLE.has(status);
  if (event === 'suspend') return SUSPENDABLE.has(status);
  if (event === 'reopen') return status === 'suspended' || CLOSED.has(status);
  return false;
}

const filled = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

/** The guard of an event on its facts alone (no input): what the UI needs to show or hide an action. */
function factGuard(event: CaseEvent, facts: CaseFacts): TransitionRefusal | null {
  if (event === 'complete_assessment' && facts.assessmentRecorded === false) return 'assessment_required';
  if (event === 'approve_plan' && !facts.planApproved) return 'plan_approval_required';
  if (event === 'exit' && !facts.closureApproved) return 'closure_approval_required';
  return null;
}

/** The guard of an event on what it carries. */
function inputGuard(state: CaseMachineState, input: CaseEventInput): TransitionRefusal | null {
  const event = input.type;
  if ((event === 'mark_not_eligible' || event === 'suspend') && !filled(input.reason)) return 'reason_required';
  if (event === 'exit') {
    if (!input.exitReason) return 'exit_reason_required';
    // A case graduates (self-reliant) only after a graduation review.
    if (input.exitReason === 'self_reliant' && state.status !== 'graduation_review') return 'graduation_review_required';
  }
  if (event === 'close_follow_up' && !filled(input.followUpOutcome)) return 'follow_up_outcome_required';
  return null;
}

/**
 * Applies one event. Pure: the same state, event and facts always give the
 * same answer, and a refusal changes nothing.
 */
export function transition(state: CaseMachineState, input: CaseEventInput, facts: CaseFacts): TransitionResult {
  const event = input.type;
  if (!isStructurallyAllowed(state.status, event)) return { ok: false, refusal: 'not_allowed_from_status' };
  const refusal = inputGuard(state, input) ?? factGuard(event, facts);
  if (refusal) return { ok: false, refusal };

  let next: CaseMachineState;
  const simple = SIMPLE[event];
  if (simple) next = { status: simple.to, suspendedFrom: null, episode: state.episode };
  else if (event === 'exit') next = { status: 'exited', suspendedFrom: null, episode: state.episode };
  else if (event === 'suspend') next = { status: 'suspended', suspendedFrom: state.status as SuspendableStatus, episode: state.episode };
  else if (state.status === 'suspended') {
    // reopen a suspended case: back where it was
    if (!state.suspendedFrom) return { ok: false, refusal: 'not_allowed_from_status' };
    next = { status: state.suspendedFrom, suspendedFrom: null, episode: state.episode };
  } else {
    // reopen a closed case: a new episode, screened again
    next = { status: 'screening', suspendedFrom: null, episode: state.episode + 1 };
  }
  return { ok: true, state: next, change: { from: state.status, to: next.status, event, newEpisode: next.episode !== state.episode } };
}

export interface EventOption {
  event: CaseEvent;
  /** False when a guard on the case's facts refuses it now; `refusal` says which. */
  allowed: boolean;
  refusal: TransitionRefusal | null;
  /** The state it leads to. */
  to: CaseStatus;
  /** What the user must give with it. */
  needs: readonly EventInput[];
}

/**
 * The events that can fire from this state, each with whether its fact
 * guards pass: the web app shows the allowed ones as actions and may explain
 * the blocked ones (e.g. "the plan needs a supervisor's approval first").
 */
export function eventOptions(state: CaseMachineState, facts: CaseFacts): EventOption[] {
  const out: EventOption[] = [];
  for (const event of CASE_EVENTS) {
    if (!isStructurallyAllowed(state.status, event)) continue;
    const refusal = factGuard(event, facts);
    const to: CaseStatus = SIMPLE[event]?.to
      ?? (event === 'exit' ? 'exited' : event === 'suspend' ? 'suspended' : state.status === 'suspended' ? (state.suspendedFrom ?? 'screening') : 'screening');
    out.push({ event, allowed: refusal === null, refusal, to, needs: EVENT_NEEDS[event] });
  }
  return out;
}

/** The events allowed now, by their fact guards. */
export function allowedEvents(state: CaseMachineState, facts: CaseFacts): CaseEvent[] {
  return eventOptions(state, facts).filter((o) => o.allowed).map((o) => o.event);
}

/** Whether a state is one the machine can be in: a known status, with `suspendedFrom` set exactly when suspended. */
export function isValidState(state: CaseMachineState): boolean {
  if (!(CASE_STATUSES as readonly string[]).includes(state.status)) return false;
  if (!Number.isInteger(state.episode) || state.episode < 1) return false;
  if (state.status === 'suspended') return state.suspendedFrom !== null && SUSPENDABLE.has(state.suspendedFrom);
  return state.suspendedFrom === null;
}

export const INITIAL_CASE_STATE: CaseMachineState = { status: 'referred', suspendedFrom: null, episode: 1 };
