import { EXIT_REASONS, type CaseStatus, type ExitReason } from '../../../shared/cases/case-codes.ts';
import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import {
  isStructurallyAllowed, transition, TRANSITION_REFUSALS, type CaseEvent, type CaseEventInput, type CaseMachineState, type TransitionRefusal,
} from '../../../shared/cases/case-state-machine.ts';
import { UZS_PATTERN } from '../../../shared/casework/codes.ts';
import type { FieldErrorCode } from '../../../shared/errors.ts';
import { parseDisplayDate } from '../../../shared/i18n/format.ts';
import { isApiError } from '../../api/client.ts';
import type { CaseAction, CaseView, WorkItem } from './case-types.ts';

/**
 * Pure rules of the case pages: which lifecycle actions to offer (the shared
 * state machine decides, never the page), what a transition must carry, and
 * how typed dates and sums become what the API takes.
 */

export const machineState = (c: Pick<CaseView, 'status' | 'suspendedFrom' | 'episode'>): CaseMachineState => ({
  status: c.status,
  suspendedFrom: c.suspendedFrom,
  episode: c.episode,
});

/**
 * The actions to show as buttons: those the server offers as allowed now,
 * and that the shared state machine agrees can fire from the case's status.
 * An action that is illegal from this status is never shown, whatever the
 * answer says.
 */
export function offeredActions(c: Pick<CaseView, 'status'>, actions: readonly CaseAction[]): CaseAction[] {
  return actions.filter((a) => a.allowed && isStructurallyAllowed(c.status, a.event));
}

/** Actions possible from this status but blocked by a fact (e.g. exit before the closure is approved): explained, not offered. */
export function blockedActions(c: Pick<CaseView, 'status'>, actions: readonly CaseAction[]): CaseAction[] {
  return actions.filter((a) => !a.allowed && a.refusal !== null && isStructurallyAllowed(c.status, a.event));
}

/** Exit reasons the state machine accepts from this state (self-reliant only after a graduation review). */
export function exitReasonsFrom(state: CaseMachineState): ExitReason[] {
  return EXIT_REASONS.filter((exitReason) => transition(state, { type: 'exit', exitReason }, { planApproved: true, closureApproved: true }).ok);
}

export interface TransitionDraft {
  on: string;
  reason: string;
  exitReason: ExitReason | '';
  exitNote: string;
  followUpOutcome: string;
}

export type TransitionField = 'on' | 'reason' | 'exitReason' | 'followUpOutcome';

/**
 * Checks a transition before it is sent: the date, and what the state
 * machine asks the event to carry (its input guards; the fact guards are
 * the server's). Returns field error codes; none means it can be sent.
 */
export function validateTransition(
  state: CaseMachineState,
  event: CaseEvent,
  draft: TransitionDraft,
  today: string = todayInUzbekistan(),
): Partial<Record<TransitionField, FieldErrorCode | TransitionRefusal>> {
  const out: Partial<Record<TransitionField, FieldErrorCode | TransitionRefusal>> = {};
  const on = checkDate(draft.on, { required: true, today });
  if (on.error) out.on = on.error;
  const input: CaseEventInput = {
    type: event,
    reason: draft.reason,
    exitReason: draft.exitReason || null,
    followUpOutcome: draft.followUpOutcome,
  };
  const result = transition(state, input, { planApproved: true, closureApproved: true, assessmentRecorded: true });
  if (!result.ok) {
    if (result.refusal === 'reason_required') out.reason = 'required';
    else if (result.refusal === 'exit_reason_required') out.exitReason = 'required';
    else if (result.refusal === 'graduation_review_required') out.exitReason = 'graduation_review_required';
    else if (result.refusal === 'follow_up_outcome_required') out.followUpOutcome = 'required';
  }
  return out;
}

/** The body of `POST /api/cases/:id/transitions` for an event and what was typed. */
export function transitionBody(event: CaseEvent, version: number, draft: TransitionDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { event, version, on: parseDisplayDate(draft.on) ?? undefined };
  if (event === 'exit') {
    body['exitReason'] = draft.exitReason;
    if (draft.exitNote.trim()) body['exitNote'] = draft.exitNote.trim();
  } else if (event === 'close_follow_up') {
    body['followUpOutcome'] = draft.followUpOutcome.trim();
  } else if (draft.reason.trim()) {
    body['reason'] = draft.reason.trim();
  }
  return body;
}

/** Why the server refused a transition (409 illegal_transition carries it in the first field error's params). */
export function refusalOf(error: unknown): TransitionRefusal | null {
  if (!isApiError(error) || error.code !== 'illegal_transition') return null;
  const refusal = error.fields[0]?.params?.['refusal'];
  return typeof refusal === 'string' && (TRANSITION_REFUSALS as readonly string[]).includes(refusal) ? (refusal as TransitionRefusal) : null;
}

export interface DateCheck {
  iso: string | null;
  error?: FieldErrorCode;
}

/** A dd.mm.yyyy text as `YYYY-MM-DD`, with the error code to show when it is missing, unreadable or (by default) in the future. */
export function checkDate(text: string, options: { required?: boolean; allowFuture?: boolean; today?: string } = {}): DateCheck {
  const trimmed = text.trim();
  if (!trimmed) return options.required ? { iso: null, error: 'required' } : { iso: null };
  const iso = parseDisplayDate(trimmed);
  if (!iso) return { iso: null, error: 'invalid_date' };
  if (!options.allowFuture && iso > (options.today ?? todayInUzbekistan())) return { iso, error: 'date_in_future' };
  return { iso };
}

/**
 * A sum of soʻm as typed ("1 250 000", "150000,50", "850 000 soʻm") as the
 * API's decimal string, or null when it is not a sum.
 *
 * @example parseUzs('1 250 000,5') // '1250000.5'
 */
export function parseUzs(text: string): string | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(soʻm|сўм|сум|uzs|so'm|som)$/i, '')
    .replace(',', '.');
  if (!cleaned) return null;
  const normalised = cleaned.replace(/^0+(?=\d)/, '');
  return UZS_PATTERN.test(normalised) ? normalised : null;
}

/** The API's decimal string of soʻm as a person would type it again: no trailing zero decimals. */
export function uzsText(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}

/** A decimal string of soʻm as a number for display (whole soʻm); 0 for nothing. */
export function uzsNumber(value: string | null | undefined): number {
  const n = value ? Number(value) : 0;
  return Number.isFinite(n) ? n : 0;
}

/** A positive amount of units (1, 1.5, "2,5"), two decimals at most. */
export function parseUnits(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0 || n > 100_000) return null;
  return Math.round(n * 100) === n * 100 ? n : null;
}

/** Where a work item is done: the case section it is about. */
export function workItemPath(item: Pick<WorkItem, 'caseId' | 'kind'>): string {
  const base = `/cases/${item.caseId}`;
  switch (item.kind) {
    case 'assessment_due':
      return `${base}/assessments`;
    case 'plan_action_due':
      return `${base}/plan`;
    case 'referral_unanswered':
      return `${base}/referrals`;
    case 'screening_due':
    case 'review_due':
    case 'follow_up_due':
    case 'approval_pending':
    case 'approval_rejected':
      return base;
  }
}

/** Statuses whose cases are worked on (a review falls due): the same list as the server's. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['enrolled', 'assessed', 'plan_approved', 'active', 'graduation_review'];

/** The states from which a closure may be put to a supervisor (server: `REQUESTABLE.closure`). */
export const CLOSURE_REQUESTABLE: readonly CaseStatus[] = ['enrolled', 'assessed', 'plan_approved', 'active', 'graduation_review', 'suspended'];

/** The states in which a plan may be submitted (server: `REQUESTABLE.plan`). */
export const PLAN_REQUESTABLE: readonly CaseStatus[] = ['assessed', 'plan_approved', 'active', 'graduation_review'];

/** Bytes as "2.4 MB" / "120 kB" numbers with their unit key. */
export function sizeParts(bytes: number): { value: number; unit: 'bytes' | 'kb' | 'mb' } {
  if (bytes < 1024) return { value: bytes, unit: 'bytes' };
  if (bytes < 1024 * 1024) return { value: Math.round(bytes / 102.4) / 10, unit: 'kb' };
  return { value: Math.round(bytes / (1024 * 102.4)) / 10, unit: 'mb' };
}

export const ATTACHMENT_TYPES: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
};
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Whether a chosen file can be attached (the server checks the bytes again): its type or extension, and its size. */
export function checkFile(file: { name: string; type: string; size: number }): 'too_big' | 'unsupported' | 'empty' | null {
  if (file.size === 0) return 'empty';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'too_big';
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const byType = file.type ? Object.keys(ATTACHMENT_TYPES).includes(file.type) : false;
  const byExt = Object.values(ATTACHMENT_TYPES).some((exts) => exts.includes(ext));
  return byType || (!file.type && byExt) || (byExt && file.type === 'application/octet-stream') ? null : 'unsupported';
}
