import type { FieldError } from '../../../shared/errors.ts';
import type { AppUser } from '../../db/schema.ts';
import { assertAcceptablePassword, hashPassword } from '../../platform/auth/password.ts';
import { deleteUserSessions } from '../../platform/auth/session.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext, RoleAssignment } from '../../platform/http/context.ts';
import {
  assignmentsOf, emailTaken, findUser, insertUser, lastSignIns, placementsOf, replaceAssignments, searchUsers, updateUserAtVersion, type AppUserUpdate,
} from './user.repository.ts';
import { assignmentDiff, assignmentShapeErrors, sortAssignments, userViewOf } from './user.policy.ts';
import type { AssignmentInput, CreateUserInput, SearchUsersInput, UpdateUserInput, UserView } from './user.schema.ts';

/** Rows as views, with their assignments and last sign-in loaded in two queries for the whole list. */
async function viewsOf(ctx: HandlerContext, rows: readonly AppUser[]): Promise<UserView[]> {
  const ids = rows.map((r) => r.id);
  const assignments = await assignmentsOf(ctx.db, ids);
  const signIns = await lastSignIns(ctx.db, ids);
  return rows.map((r) => userViewOf(r, assignments.get(r.id) ?? [], signIns.get(r.id)));
}

async function viewOf(ctx: HandlerContext, row: AppUser): Promise<UserView> {
  const [view] = await viewsOf(ctx, [row]);
  return view!;
}

/** The user in the caller's reach, locked for a change; 404 otherwise. */
async function lockUser(ctx: HandlerContext, id: string, version: number): Promise<AppUser> {
  const current = await findUser(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== version) throw versionConflict(await viewOf(ctx, current));
  return current;
}

/** Saves at the version the admin saw; a concurrent change in between answers 409 with the record as it is now. */
async function saveAtVersion(ctx: HandlerContext, current: AppUser, version: number, values: AppUserUpdate): Promise<AppUser> {
  const row = await updateUserAtVersion(ctx.db, ctx.actor, current.id, version, values);
  if (!row) throw versionConflict(await viewOf(ctx, current));
  return row;
}

/** Changes an administrator may not make to their own account: they would lock themselves (or the organisation) out. */
function refuseOnSelf(ctx: HandlerContext, id: string, message: string): void {
  if (id === ctx.actor.userId) throw new AppError('conflict', message);
}

/**
 * Checks assignments against the organisation: each branch and team is the
 * caller's organisation's, each team belongs to the assignment's branch. A
 * team-only role (a partner) given no branch takes its team's branch.
 * Field errors point at the assignment, e.g. ['assignments', 0, 'branchId'].
 */
async function resolveAssignments(ctx: HandlerContext, input: readonly AssignmentInput[]): Promise<RoleAssignment[]> {
  const fields: FieldError[] = assignmentShapeErrors(input);
  const branchIds = [...new Set(input.flatMap((a) => (a.branchId ? [a.branchId] : [])))];
  const teamIds = [...new Set(input.flatMap((a) => (a.teamId ? [a.teamId] : [])))];
  const { branches, teamBranch } = await placementsOf(ctx.db, ctx.actor.organisationId, branchIds, teamIds);
  const out: RoleAssignment[] = input.map((a, i) => {
    if (a.branchId && !branches.has(a.branchId)) fields.push({ path: ['assignments', i, 'branchId'], code: 'invalid_value' });
    let branchId = a.branchId;
    if (a.teamId) {
      const ofTeam = teamBranch.get(a.teamId);
      if (!ofTeam || (a.branchId && ofTeam !== a.branchId)) fields.push({ path: ['assignments', i, 'teamId'], code: 'invalid_value' });
      else branchId ??= ofTeam;
    }
    return { role: a.role, branchId, programme: a.programme, teamId: a.teamId };
  });
  if (fields.length) throw new AppError('validation_failed', 'Some fields are not valid.', { fields: dedupe(fields) });
  return sortAssignments(out);
}

function dedupe(fields: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => {
    const key = `${f.path.join('/')}:${f.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const emailInUse = (): AppError =>
  new AppError('conflict', 'An account with this e-mail exists already.', { fields: [{ path: ['email'], code: 'invalid_value' }] });

export async function findUsers(ctx: HandlerContext, input: SearchUsersInput) {
  const { rows, total } = await searchUsers(ctx.db, ctx.actor, input);
  // Ids and codes only: the text searched for may be a name or an e-mail.
  await ctx.audit({
    action: 'user.search', recordType: 'user',
    details: { results: total, shown: rows.map((r) => r.id), ...(input.role ? { role: input.role } : {}), ...(input.branchId ? { branchId: input.branchId } : {}) },
  });
  return { items: await viewsOf(ctx, rows), total, page: input.page, pageSize: input.pageSize };
}

export async function getUser(ctx: HandlerContext, id: string): Promise<UserView> {
  const row = await findUser(ctx.db, ctx.actor, id);
  if (!row) throw notFoundOrNoAccess();
  await ctx.audit({ action: 'user.read', recordType: 'user', recordId: id });
  return viewOf(ctx, row);
}

/** Opens an account in the caller's organisation. Cheap checks first; the password is hashed last. */
export async function createUser(ctx: HandlerContext, input: CreateUserInput): Promise<UserView> {
  const assignments = await resolveAssignments(ctx, input.assignments);
  if (await emailTaken(ctx.db, input.email)) throw emailInUse();
  assertAcceptablePassword(input.password);
  let row: AppUser;
  try {
    row = await insertUser(ctx.db, {
      organisation_id: ctx.actor.organisationId,
      email: input.email,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      locale: input.locale,
      disabled_at: null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
    });
  } catch (error) {
    // Two admins adding the same e-mail at once: the unique index decides.
    if ((error as { code?: unknown }).code === '23505') throw emailInUse();
    throw error;
  }
  await replaceAssignments(ctx.db, row.id, assignments);
  const { rolesAdded, added } = assignmentDiff([], assignments);
  await ctx.audit({ action: 'user.create', recordType: 'user', recordId: row.id, details: { rolesAdded, assignmentsAdded: added } });
  return userViewOf(row, assignments, undefined);
}

/**
 * Changes name, language or roles. New roles end the user's sessions: the
 * rights of a session are read at each request, but a fresh sign-in also
 * makes a role that needs a second factor ask for one.
 */
export async function updateUser(ctx: HandlerContext, id: string, input: UpdateUserInput): Promise<UserView> {
  const { version, ...changes } = input;
  const current = await lockUser(ctx, id, version);
  const values: AppUserUpdate = {};
  if (changes.displayName !== undefined) values.display_name = changes.displayName;
  if (changes.locale !== undefined) values.locale = changes.locale;
  let diff: ReturnType<typeof assignmentDiff> | undefined;
  let next: RoleAssignment[] | undefined;
  if (changes.assignments !== undefined) {
    next = await resolveAssignments(ctx, changes.assignments);
    const before = (await assignmentsOf(ctx.db, [id])).get(id) ?? [];
    diff = assignmentDiff(before, next);
    if (id === ctx.actor.userId && diff.rolesRemoved.includes('admin')) {
      throw new AppError('conflict', 'You cannot remove your own administrator role; ask another administrator.');
    }
  }
  const row = await saveAtVersion(ctx, current, version, values);
  const rightsChanged = diff !== undefined && (diff.added.length > 0 || diff.removed.length > 0);
  if (next && rightsChanged) {
    await replaceAssignments(ctx.db, id, next);
    await deleteUserSessions(ctx.db, id);
  }
  await ctx.audit({
    action: 'user.update', recordType: 'user', recordId: id,
    details: {
      fields: Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined).sort(),
      version: row.version,
      ...(diff && rightsChanged
        ? { rolesAdded: diff.rolesAdded, rolesRemoved: diff.rolesRemoved, assignmentsAdded: diff.added, assignmentsRemoved: diff.removed, sessionsEnded: true }
        : {}),
    },
  });
  return viewOf(ctx, row);
}

/** Disables an account and ends all its sessions at once; its history stays. */
export async function disableUser(ctx: HandlerContext, id: string, version: number): Promise<UserView> {
  refuseOnSelf(ctx, id, 'You cannot disable your own account.');
  const current = await lockUser(ctx, id, version);
  if (current.disabled_at) throw new AppError('conflict', 'This account is disabled already.');
  const row = await saveAtVersion(ctx, current, version, { disabled_at: new Date().toISOString() });
  await deleteUserSessions(ctx.db, id);
  await ctx.audit({ action: 'user.disable', recordType: 'user', recordId: id, details: { version: row.version } });
  return viewOf(ctx, row);
}

export async function enableUser(ctx: HandlerContext, id: string, version: number): Promise<UserView> {
  const current = await lockUser(ctx, id, version);
  if (!current.disabled_at) throw new AppError('conflict', 'This account is enabled already.');
  const row = await saveAtVersion(ctx, current, version, { disabled_at: null });
  await ctx.audit({ action: 'user.enable', recordType: 'user', recordId: id, details: { version: row.version } });
  return viewOf(ctx, row);
}

/**
 * Sets a new password for someone who lost theirs, and ends their sessions.
 * Their second factor stays: a reset password alone does not let anyone in
 * to an account that has one. Not for one's own account: that goes through
 * /api/me/password, which asks for the current password.
 */
export async function resetPassword(ctx: HandlerContext, id: string, input: { version: number; password: string }): Promise<UserView> {
  refuseOnSelf(ctx, id, 'Change your own password in your settings.');
  const current = await lockUser(ctx, id, input.version);
  assertAcceptablePassword(input.password);
  const now = new Date().toISOString();
  const row = await saveAtVersion(ctx, current, input.version, { password_hash: await hashPassword(input.password), password_changed_at: now });
  await deleteUserSessions(ctx.db, id);
  await ctx.audit({ action: 'user.reset_password', recordType: 'user', recordId: id, details: { version: row.version } });
  return viewOf(ctx, row);
}

/**
 * Removes the second factor of someone who lost their device, so they enrol
 * again at their next sign-in. Their sessions end too: whoever holds a lost
 * device may hold a session. Not for one's own account: a stolen admin
 * session must not be able to strip the admin's own second factor.
 */
export async function resetTotp(ctx: HandlerContext, id: string, version: number): Promise<UserView> {
  refuseOnSelf(ctx, id, 'Ask another administrator to reset your two-factor sign-in.');
  const current = await lockUser(ctx, id, version);
  const row = await saveAtVersion(ctx, current, version, { totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_code_hashes: [] });
  await deleteUserSessions(ctx.db, id);
  await ctx.audit({ action: 'user.reset_totp', recordType: 'user', recordId: id, details: { version: row.version, wasEnabled: current.totp_enabled_at !== null } });
  return viewOf(ctx, row);
}
