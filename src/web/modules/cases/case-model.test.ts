import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../../../shared/cases/case-codes.ts';
import { CASE_EVENTS, eventOptions, isStructurallyAllowed } from '../../../shared/cases/case-state-machine.ts';
import { toApiError } from '../../api/client.ts';
import {
  blockedActions, checkDate, checkFile, exitReasonsFrom, offeredActions, parseUnits, parseUzs, refusalOf, uzsText, transitionBody, validateTransition,
  workItemPath, type TransitionDraft,
} from './case-model.ts';
import type { CaseAction } from './case-types.ts';
import { isChild } from './case-data.ts';
import type { HouseholdMember } from '../../api/types.ts';

const draft = (patch: Partial<TransitionDraft> = {}): TransitionDraft => ({ on: '01.03.2026', reason: '', exitReason: '', exitNote: '', followUpOutcome: '', ...patch });
const state = (status: CaseStatus) => ({ status, suspendedFrom: status === 'suspended' ? ('active' as const) : null, episode: 1 });
const all = (): CaseAction[] =>
  CASE_EVENTS.map((event) => ({ event, allowed: true, refusal: null, to: 'active' as const, needs: [] }));

describe('offeredActions', () => {
  it('never offers an action the state machine refuses from the status, whatever the server sent', () => {
    for (const status of CASE_STATUSES) {
      const offered = offeredActions({ status }, all()).map((a) => a.event);
      expect(offered).toEqual(CASE_EVENTS.filter((e) => isStructurallyAllowed(status, e)));
    }
  });

  it('offers what the machine allows now and explains what a fact blocks', () => {
    const actions = eventOptions(state('active'), { planApproved: true, closureApproved: false }).map((a) => ({ ...a, needs: [...a.needs] }));
    expect(offeredActions({ status: 'active' }, actions).map((a) => a.event)).toEqual(['start_graduation_review', 'suspend']);
    expect(blockedActions({ status: 'active' }, actions).map((a) => [a.event, a.refusal])).toEqual([['exit', 'closure_approval_required']]);
  });

  it('offers screening first for a new referral, then enrolment or not eligible', () => {
    const facts = { planApproved: false, closureApproved: false };
    expect(offeredActions({ status: 'referred' }, eventOptions(state('referred'), facts).map((a) => ({ ...a, needs: [...a.needs] }))).map((a) => a.event)).toEqual(['start_screening']);
    expect(offeredActions({ status: 'screening' }, eventOptions(state('screening'), facts).map((a) => ({ ...a, needs: [...a.needs] }))).map((a) => a.event)).toEqual(['mark_not_eligible', 'enrol']);
  });
});

describe('exitReasonsFrom', () => {
  it('offers self-reliant only after a graduation review', () => {
    expect(exitReasonsFrom(state('graduation_review'))).toContain('self_reliant');
    expect(exitReasonsFrom(state('active'))).not.toContain('self_reliant');
    expect(exitReasonsFrom(state('active'))).toContain('moved_away');
    expect(exitReasonsFrom(state('referred'))).toEqual([]);
  });
});

describe('validateTransition', () => {
  const today = '2026-03-10';
  it('asks for a reason to suspend or to mark not eligible', () => {
    expect(validateTransition(state('active'), 'suspend', draft(), today)).toEqual({ reason: 'required' });
    expect(validateTransition(state('screening'), 'mark_not_eligible', draft({ reason: '  ' }), today)).toEqual({ reason: 'required' });
    expect(validateTransition(state('active'), 'suspend', draft({ reason: 'Moved for the winter' }), today)).toEqual({});
  });

  it('asks for an exit reason, self-reliant only after a graduation review, and a follow-up outcome', () => {
    expect(validateTransition(state('active'), 'exit', draft(), today)).toEqual({ exitReason: 'required' });
    expect(validateTransition(state('active'), 'exit', draft({ exitReason: 'self_reliant' }), today)).toEqual({ exitReason: 'graduation_review_required' });
    expect(validateTransition(state('graduation_review'), 'exit', draft({ exitReason: 'self_reliant' }), today)).toEqual({});
    expect(validateTransition(state('exited'), 'close_follow_up', draft(), today)).toEqual({ followUpOutcome: 'required' });
  });

  it('checks the date: required, real, not in the future', () => {
    expect(validateTransition(state('referred'), 'start_screening', draft({ on: '' }), today)).toEqual({ on: 'required' });
    expect(validateTransition(state('referred'), 'start_screening', draft({ on: '31.02.2026' }), today)).toEqual({ on: 'invalid_date' });
    expect(validateTransition(state('referred'), 'start_screening', draft({ on: '11.03.2026' }), today)).toEqual({ on: 'date_in_future' });
  });
});

describe('transitionBody', () => {
  it('sends what each event carries, and the date as YYYY-MM-DD', () => {
    expect(transitionBody('exit', 3, draft({ exitReason: 'self_reliant', exitNote: ' Works as a seamstress ' }))).toEqual({
      event: 'exit', version: 3, on: '2026-03-01', exitReason: 'self_reliant', exitNote: 'Works as a seamstress',
    });
    expect(transitionBody('suspend', 1, draft({ reason: 'Away' }))).toEqual({ event: 'suspend', version: 1, on: '2026-03-01', reason: 'Away' });
    expect(transitionBody('close_follow_up', 2, draft({ followUpOutcome: 'Doing well' }))).toMatchObject({ followUpOutcome: 'Doing well' });
    expect(transitionBody('enrol', 1, draft())).toEqual({ event: 'enrol', version: 1, on: '2026-03-01' });
  });
});

describe('refusalOf', () => {
  it('reads the refusal of a 409 illegal_transition', () => {
    const error = toApiError(409, { error: { code: 'illegal_transition', message: 'x', fields: [{ path: ['event'], code: 'invalid_value', params: { refusal: 'closure_approval_required' } }] } });
    expect(refusalOf(error)).toBe('closure_approval_required');
    expect(refusalOf(toApiError(409, { error: { code: 'version_conflict', message: 'x' } }))).toBeNull();
    expect(refusalOf(new Error('x'))).toBeNull();
  });
});

describe('typed values', () => {
  it('reads sums of soʻm as typed in any language', () => {
    expect(parseUzs('1 250 000')).toBe('1250000');
    expect(parseUzs('1\u00a0250\u00a0000 soʻm')).toBe('1250000');
    expect(parseUzs('150000,50')).toBe('150000.50');
    expect(parseUzs('850 000 сўм')).toBe('850000');
    expect(parseUzs('12.345')).toBeNull();
    expect(parseUzs('-5')).toBeNull();
    expect(parseUzs('')).toBeNull();
  });

  it('gives a recorded sum back as it would be typed, and reads it the same again', () => {
    expect(uzsText('1250000.00')).toBe('1250000');
    expect(uzsText('150000.50')).toBe('150000.5');
    expect(uzsText('900000')).toBe('900000');
    expect(uzsText('100')).toBe('100');
    for (const v of ['1250000.00', '150000.50', '900000', '10']) expect(Number(parseUzs(uzsText(v)))).toBe(Number(v));
  });

  it('reads units and dates', () => {
    expect(parseUnits('2,5')).toBe(2.5);
    expect(parseUnits('0')).toBeNull();
    expect(parseUnits('1.234')).toBeNull();
    expect(checkDate('8.3.2026', { today: '2026-03-10' })).toEqual({ iso: '2026-03-08' });
    expect(checkDate('', {})).toEqual({ iso: null });
    expect(checkDate('01.01.2030', { allowFuture: true, today: '2026-03-10' })).toEqual({ iso: '2030-01-01' });
  });

  it('checks a file before it is uploaded', () => {
    expect(checkFile({ name: 'plan.pdf', type: 'application/pdf', size: 1000 })).toBeNull();
    expect(checkFile({ name: 'scan.exe', type: 'application/x-msdownload', size: 1000 })).toBe('unsupported');
    expect(checkFile({ name: 'photo.jpg', type: 'image/jpeg', size: 11 * 1024 * 1024 })).toBe('too_big');
    expect(checkFile({ name: 'empty.png', type: 'image/png', size: 0 })).toBe('empty');
  });
});

describe('workItemPath', () => {
  it('leads each kind of work to the section where it is done', () => {
    expect(workItemPath({ caseId: 'c1', kind: 'assessment_due' })).toBe('/cases/c1/assessments');
    expect(workItemPath({ caseId: 'c1', kind: 'plan_action_due' })).toBe('/cases/c1/plan');
    expect(workItemPath({ caseId: 'c1', kind: 'referral_unanswered' })).toBe('/cases/c1/referrals');
    expect(workItemPath({ caseId: 'c1', kind: 'approval_pending' })).toBe('/cases/c1');
  });
});

describe('isChild', () => {
  const member = (birthDate: string | null, ageBand: HouseholdMember['person']['ageBand'] = null, relationship: HouseholdMember['relationship'] = 'child'): HouseholdMember => ({
    memberId: 'm', relationship, isPrimaryCaregiver: false, joinedOn: null,
    person: { id: 'p', reference: 'P-1', birthDate, ageBand, archivedAt: null, version: 1 },
  });
  it('is under 18 on the day, by the date of birth, else the age band, else the relationship', () => {
    expect(isChild(member('2008-03-10'), '2026-03-09')).toBe(true);
    expect(isChild(member('2008-03-10'), '2026-03-10')).toBe(false);
    expect(isChild(member(null, '15-17'), '2026-03-10')).toBe(true);
    expect(isChild(member(null, '18-23'), '2026-03-10')).toBe(false);
    expect(isChild(member(null, null, 'mother'), '2026-03-10')).toBe(false);
  });
});
