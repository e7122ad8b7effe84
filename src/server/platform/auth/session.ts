import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { Executor, Actor, RoleAssignment } from '../http/context.ts';
import { fieldViewOf, permissionsOf } from '../../../shared/permissions.ts';
import { randomToken, sha256Hex } from './tokens.ts';

export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 3_600_000;
/** How long the step between password and second factor may take. */
export const PENDING_TOTP_TIMEOUT_MS = 5 * 60_000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/** Over https the cookie gets the `__Host-` prefix: bound to this host, path /, Secure. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-oila_session' : 'oila_session';
}
export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-oila_csrf' : 'oila_csrf';
}

export function isSecureRequest(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function readSessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(isSecureRequest(request))];
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  const secure = isSecureRequest(request);
  reply.setCookie(sessionCookieName(secure), token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = isSecureRequest(request);
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * Starts a session and returns the cookie token. Only its hash is stored.
 * Call after deleting the previous one: sign-in always rotates the session.
 */
export async function createSession(db: Executor, userId: string, stage: 'pending_totp' | 'active'): Promise<string> {
  const token = randomToken();
  const ttl = stage === 'active' ? ABSOLUTE_TIMEOUT_MS : PENDING_TOTP_TIMEOUT_MS;
  await db
    .insertInto('session')
    .values({ id: sha256Hex(token), user_id: userId, stage, expires_at: new Date(Date.now() + ttl).toISOString() })
    .execute();
  return token;
}

export async function deleteSession(db: Executor, token: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sha256Hex(token)).execute();
}

/** Ends every session of a user at once: on sign-out everywhere, disabling, password reset. */
export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'pending_totp'; userId: string; sessionId: string }
  | { state: 'active'; actor: Actor };

/** Resolves a cookie token to the signed-in user, enforcing idle and absolute timeouts. */
export async function lookupSession(db: Db, token: string | undefined): Promise<SessionLookup> {
  if (!token || token.length > 100) return { state: 'none' };
  const id = sha256Hex(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id', 'session.stage', 'session.last_seen_at', 'session.expires_at', 'session.user_id',
      'app_user.organisation_id', 'app_user.display_name', 'app_user.locale', 'app_user.disabled_at', 'app_user.totp_enabled_at',
    ])
    .where('session.id', '=', id)
    .executeTakeFirst();
  if (!row) return { state: 'none' };
  const now = Date.now();
  const idle = now - Date.parse(row.last_seen_at) > IDLE_TIMEOUT_MS;
  if (idle || now > Date.parse(row.expires_at) || row.disabled_at) {
    await db.deleteFrom('session').where('id', '=', id).execute();
    return { state: 'expired' };
  }
  if (row.stage === 'pending_totp') return { state: 'pending_totp', userId: row.user_id, sessionId: id };
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('session').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', id).execute();
  }
  const assignments = await loadAssignments(db, row.user_id);
  const roles = [...new Set(assignments.map((a) => a.role))];
  return {
    state: 'active',
    actor: {
      userId: row.user_id,
      organisationId: row.organisation_id,
      displayName: row.display_name,
      sessionId: id,
      locale: row.locale,
      roles,
      assignments,
      permissions: permissionsOf(roles),
      fieldView: fieldViewOf(roles),
      totpEnabled: row.totp_enabled_at !== null,
    },
  };
}

export async function loadAssignments(db: Executor, userId: string): Promise<RoleAssignment[]> {
  const rows = await db
    .selectFrom('role_assignment')
    .select(['role', 'branch_id', 'programme', 'team_id'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ role: r.role, branchId: r.branch_id, programme: r.programme, teamId: r.team_id }));
}
