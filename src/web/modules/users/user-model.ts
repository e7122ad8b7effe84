import type { FieldErrorCode } from '../../../shared/errors.ts';
import { ROLE_REACH, type Programme, type Role } from '../../../shared/permissions.ts';
import type { RoleAssignment } from '../../api/types.ts';

/**
 * Role assignments as an administrator edits them, with the same placement
 * rules the server applies (from the shared reach table), so mistakes show
 * beside the field before saving.
 */
export interface AssignmentDraft {
  key: string;
  role: Role | '';
  branchId: string;
  programme: Programme | '';
  teamId: string;
}

/** Roles that work in a branch (all of it, or a caseload in it) need the branch. */
export function needsBranch(role: Role): boolean {
  return ROLE_REACH[role] === 'branch' || ROLE_REACH[role] === 'caseload';
}

/** Mahalla team members reach their team's records only: they need the team. */
export function needsTeam(role: Role): boolean {
  return ROLE_REACH[role] === 'team';
}

/** Organisation-wide roles, and roles without case records, take no branch or team. */
export function takesPlacement(role: Role): boolean {
  return needsBranch(role) || needsTeam(role);
}

let next = 1;
export function newAssignment(): AssignmentDraft {
  return { key: `a${next++}`, role: '', branchId: '', programme: '', teamId: '' };
}

export function toDraft(a: RoleAssignment): AssignmentDraft {
  return { key: `a${next++}`, role: a.role, branchId: a.branchId ?? '', programme: a.programme ?? '', teamId: a.teamId ?? '' };
}

/** What is sent: placement fields a role does not take are dropped rather than refused. */
export function toAssignment(d: AssignmentDraft): RoleAssignment {
  const role = d.role as Role;
  const placed = takesPlacement(role);
  return {
    role,
    branchId: placed && d.branchId ? d.branchId : null,
    programme: d.programme || null,
    teamId: placed && d.teamId ? d.teamId : null,
  };
}

/** Problems by path within the list, e.g. `0.branchId`, with the server's codes. */
export function assignmentProblems(list: readonly AssignmentDraft[]): Record<string, FieldErrorCode> {
  const out: Record<string, FieldErrorCode> = {};
  const seen = new Set<string>();
  list.forEach((d, i) => {
    if (!d.role) {
      out[`${i}.role`] = 'required';
      return;
    }
    if (needsBranch(d.role) && !d.branchId) out[`${i}.branchId`] = 'required';
    if (needsTeam(d.role) && !d.teamId) out[`${i}.teamId`] = 'required';
    const a = toAssignment(d);
    const key = [a.role, a.branchId ?? '', a.programme ?? '', a.teamId ?? ''].join('|');
    if (seen.has(key)) out[`${i}.role`] = 'invalid_value';
    seen.add(key);
  });
  return out;
}

/** Comparable text of a list, order-insensitive, to tell whether roles changed. */
export function assignmentsKey(list: readonly RoleAssignment[]): string {
  return list
    .map((a) => [a.role, a.branchId ?? '', a.programme ?? '', a.teamId ?? ''].join('|'))
    .sort()
    .join(';');
}
