import type { FieldError } from '../../../shared/errors.ts';
import { ROLE_REACH, type Role } from '../../../shared/permissions.ts';
import type { AppUser } from '../../db/schema.ts';
import type { RoleAssignment } from '../../platform/http/context.ts';
import type { AssignmentInput, UserView } from './user.schema.ts';

/** Roles that work in a branch (their own or their caseload's records): they need one. */
export function needsBranch(role: Role): boolean {
  return ROLE_REACH[role] === 'branch' || ROLE_REACH[role] === 'caseload';
}

/** Roles that reach a mahalla team's records only: they need the team. */
export function needsTeam(role: Role): boolean {
  return ROLE_REACH[role] === 'team';
}

/**
 * Organisation-wide roles (and those that reach no case records) take no
 * branch or team: a branch on a director would look like a limit while the
 * director still sees every branch.
 */
export function takesPlacement(role: Role): boolean {
  return needsBranch(role) || needsTeam(role);
}

const keyOf = (a: Pick<RoleAssignment, 'role' | 'branchId' | 'programme' | 'teamId'>): string =>
  [a.role, a.branchId ?? '', a.programme ?? '', a.teamId ?? ''].join('|');

/**
 * The checks on a list of assignments that need no database: which roles need
 * a branch or a team, which take none, and no assignment twice. Paths point at
 * the offending field, e.g. ['assignments', 0, 'branchId'].
 */
export function assignmentShapeErrors(assignments: readonly AssignmentInput[]): FieldError[] {
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  assignments.forEach((a, i) => {
    if (needsBranch(a.role) && !a.branchId) fields.push({ path: ['assignments', i, 'branchId'], code: 'invalid_value' });
    if (needsTeam(a.role) && !a.teamId) fields.push({ path: ['assignments', i, 'teamId'], code: 'invalid_value' });
    if (!takesPlacement(a.role)) {
      if (a.branchId) fields.push({ path: ['assignments', i, 'branchId'], code: 'invalid_value' });
      if (a.teamId) fields.push({ path: ['assignments', i, 'teamId'], code: 'invalid_value' });
    }
    const key = keyOf(a);
    if (seen.has(key)) fields.push({ path: ['assignments', i], code: 'invalid_value' });
    seen.add(key);
  });
  return fields;
}

/**
 * What changed between two lists of assignments, as ids and role codes only,
 * for the audit log. Empty lists mean the rights are the same.
 */
export function assignmentDiff(before: readonly RoleAssignment[], after: readonly RoleAssignment[]) {
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const beforeRoles = new Set(before.map((a) => a.role));
  const afterRoles = new Set(after.map((a) => a.role));
  return {
    added: after.filter((a) => !beforeKeys.has(keyOf(a))),
    removed: before.filter((a) => !afterKeys.has(keyOf(a))),
    rolesAdded: [...afterRoles].filter((r) => !beforeRoles.has(r)).sort(),
    rolesRemoved: [...beforeRoles].filter((r) => !afterRoles.has(r)).sort(),
  };
}

/** A stable order for display and comparison: by role, then branch, programme and team. */
export function sortAssignments<T extends RoleAssignment>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

/** The account as an administrator sees it; secrets never leave the server. */
export function userViewOf(row: AppUser, assignments: readonly RoleAssignment[], lastSignInAt: string | undefined): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    disabledAt: row.disabled_at,
    totpEnabled: row.totp_enabled_at !== null,
    assignments: sortAssignments(assignments).map((a) => ({ role: a.role, branchId: a.branchId, programme: a.programme, teamId: a.teamId })),
    version: row.version,
    createdAt: row.created_at,
    ...(lastSignInAt ? { lastSignInAt } : {}),
  };
}
