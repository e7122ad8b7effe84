import { describe, expect, it } from 'vitest';
import { assignmentProblems, assignmentsKey, newAssignment, toAssignment } from './user-model.ts';

const draft = (patch: Partial<ReturnType<typeof newAssignment>>) => ({ ...newAssignment(), ...patch });

describe('assignments', () => {
  it('asks for a branch for branch and caseload roles, a team for partners', () => {
    expect(assignmentProblems([draft({ role: 'social_worker' }), draft({ role: 'partner' }), draft({ role: 'director' })])).toEqual({
      '0.branchId': 'required',
      '1.teamId': 'required',
    });
  });

  it('requires a role and refuses the same assignment twice', () => {
    expect(assignmentProblems([draft({}), draft({ role: 'admin' }), draft({ role: 'admin' })])).toEqual({ '0.role': 'required', '2.role': 'invalid_value' });
  });

  it('drops a branch or team from roles that take none', () => {
    expect(toAssignment(draft({ role: 'director', branchId: 'b1', teamId: 't1' }))).toEqual({ role: 'director', branchId: null, programme: null, teamId: null });
    expect(toAssignment(draft({ role: 'supervisor', branchId: 'b1', programme: 'youth' }))).toEqual({ role: 'supervisor', branchId: 'b1', programme: 'youth', teamId: null });
  });

  it('compares lists regardless of order', () => {
    const a = { role: 'admin' as const, branchId: null, programme: null, teamId: null };
    const b = { role: 'supervisor' as const, branchId: 'b1', programme: null, teamId: null };
    expect(assignmentsKey([a, b])).toBe(assignmentsKey([b, a]));
    expect(assignmentsKey([a])).not.toBe(assignmentsKey([a, b]));
  });
});
