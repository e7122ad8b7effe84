import type { FastifyReply, FastifyRequest } from 'fastify';
import { TOTP_REQUIRED_ROLES, fieldViewOf, permissionsOf, type Role } from '../../../shared/permissions.ts';
import { writeAudit } from '../audit/audit.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, Executor, HandlerContext } from '../http/context.ts';
import { assertAcceptablePassword, hashPassword, verifyAgainstDecoy, verifyPassword } from './password.ts';
import {
  clearSessionCookie, createSession, deleteSession, deleteUserSessions, loadAssignments, lookupSession, readSessionToken, setSessionCookie,
} from './session.ts';
import { assertNotThrottled, recordAttempt, throttleKeys } from './sign-in-throttle.ts';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, openTotpSecret, sealTotpSecret, totpEnrolment, verifyTotp } from './totp.ts';
import type { SessionUser } from './auth.schema.ts';

type Ctx = HandlerContext<Actor | null>;
type SessionState = { stage: 'anonymous' } | { stage: 'pending_totp'; totpEnrolled: boolean } | { stage: 'active'; user: SessionUser };

export async function sessionUser(db: Executor, userId: string): Promise<SessionUser> {
  const user = await db
    .selectFrom('app_user')
    .innerJoin('organisation', 'organisation.id', 'app_user.organisation_id')
    .select(['app_user.id', 'app_user.email', 'app_user.display_name', 'app_user.locale', 'app_user.totp_enabled_at', 'organisation.id as org_id', 'organisation.name as org_name'])
    .where('app_user.id', '=', userId)
    .executeTakeFirstOrThrow();
  const assignments = await loadAssignments(db, userId);
  const roles = [...new Set(assignments.map((a) => a.role))];
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    organisation: { id: user.org_id, name: user.org_name },
    roles,
    permissions: [...permissionsOf(roles)],
    fieldView: fieldViewOf(roles),
    assignments,
    totpEnabled: user.totp_enabled_at !== null,
  };
}

export async function currentState(ctx: Ctx): Promise<SessionState> {
  if (ctx.actor) return { stage: 'active', user: await sessionUser(ctx.db, ctx.actor.userId) };
  const lookup = await lookupSession(ctx.rootDb, readSessionToken(ctx.request));
  if (lookup.state === 'pending_totp') {
    const user = await ctx.db.selectFrom('app_user').select('totp_enabled_at').where('id', '=', lookup.userId).executeTakeFirstOrThrow();
    return { stage: 'pending_totp', totpEnrolled: user.totp_enabled_at !== null };
  }
  return { stage: 'anonymous' };
}

/** Replaces whatever session the browser had: a sign-in never reuses a session id. */
async function rotateSession(db: Executor, request: FastifyRequest, reply: FastifyReply, userId: string, stage: 'pending_totp' | 'active'): Promise<void> {
  const old = readSessionToken(request);
  if (old) await deleteSession(db, old);
  setSessionCookie(request, reply, await createSession(db, userId, stage));
}

/**
 * Password step of sign-in. Failures are recorded and audited outside the
 * request's transaction so that they count even though the request fails.
 */
export async function signIn(ctx: Ctx, email: string, password: string): Promise<SessionState> {
  const normalised = email.trim().toLowerCase();
  const keys = await throttleKeys(ctx.rootDb, normalised, ctx.request.ip);
  try {
    await assertNotThrottled(ctx.rootDb, keys);
  } catch (error) {
    await writeAudit(ctx.rootDb, { organisationId: null, actorUserId: null, requestId: ctx.requestId }, { action: 'auth.sign_in', outcome: 'denied', details: { code: 'rate_limited' } });
    throw error;
  }
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'organisation_id', 'password_hash', 'disabled_at', 'totp_enabled_at'])
    .where('email', '=', normalised)
    .executeTakeFirst();
  const passwordOk = user ? await verifyPassword(user.password_hash, password) : await verifyAgainstDecoy(password);
  const failure = async (code: 'invalid_credentials' | 'account_disabled') => {
    await recordAttempt(ctx.rootDb, keys, false);
    await writeAudit(ctx.rootDb, { organisationId: user?.organisation_id ?? null, actorUserId: user?.id ?? null, requestId: ctx.requestId }, { action: 'auth.sign_in', outcome: 'failed', details: { code } });
  };
  if (!user || !passwordOk) {
    await failure('invalid_credentials');
    throw new AppError('invalid_credentials', 'The e-mail or password is not right.');
  }
  if (user.disabled_at) {
    await failure('account_disabled');
    throw new AppError('account_disabled', 'This account is disabled. Ask your administrator.');
  }
  const roles = (await loadAssignments(ctx.db, user.id)).map((a) => a.role);
  const needsTotp = user.totp_enabled_at !== null || roles.some((r: Role) => TOTP_REQUIRED_ROLES.includes(r));
  const origin = { organisationId: user.organisation_id, actorUserId: user.id, requestId: ctx.requestId };
  if (needsTotp) {
    await rotateSession(ctx.db, ctx.request, ctx.reply, user.id, 'pending_totp');
    await writeAudit(ctx.db, origin, { action: 'auth.sign_in.password', details: { next: 'totp' } });
    return { stage: 'pending_totp', totpEnrolled: user.totp_enabled_at !== null };
  }
  await rotateSession(ctx.db, ctx.request, ctx.reply, user.id, 'active');
  await recordAttempt(ctx.db, keys, true);
  await writeAudit(ctx.db, origin, { action: 'auth.sign_in' });
  return { stage: 'active', user: await sessionUser(ctx.db, user.id) };
}

async function pendingUser(ctx: Ctx) {
  const lookup = await lookupSession(ctx.rootDb, readSessionToken(ctx.request));
  if (lookup.state !== 'pending_totp') throw new AppError('unauthenticated', 'Sign in with your password first.');
  return ctx.db
    .selectFrom('app_user')
    .select(['id', 'organisation_id', 'email', 'totp_secret', 'totp_enabled_at', 'totp_last_step', 'recovery_code_hashes'])
    .where('id', '=', lookup.userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Second step of sign-in: a code from the authenticator app or a one-time recovery code. */
export async function verifySecondFactor(ctx: Ctx, input: { code: string } | { recoveryCode: string }): Promise<SessionState> {
  const user = await pendingUser(ctx);
  const origin = { organisationId: user.organisation_id, actorUserId: user.id, requestId: ctx.requestId };
  const keys = await throttleKeys(ctx.rootDb, user.email, ctx.request.ip);
  await assertNotThrottled(ctx.rootDb, keys);
  if (!user.totp_secret || !user.totp_enabled_at) throw new AppError('totp_enrolment_required', 'Set up two-factor sign-in first.');
  if ('code' in input) {
    const secret = openTotpSecret(ctx.secrets, user.id, user.totp_secret);
    const step = secret === null ? null : verifyTotp(secret, input.code, user.totp_last_step);
    if (step === null) {
      await recordAttempt(ctx.rootDb, keys, false);
      // A seed that does not open means the server's key changed (a restore without its key): an administrator resets the user's two-factor sign-in.
      await writeAudit(ctx.rootDb, origin, { action: 'auth.sign_in.totp', outcome: 'failed', details: { code: secret === null ? 'totp_sealed_with_other_key' : 'totp_invalid' } });
      throw new AppError('totp_invalid', 'That code is not right or has expired.');
    }
    await ctx.db.updateTable('app_user').set({ totp_last_step: step }).where('id', '=', user.id).execute();
  } else {
    const hash = hashRecoveryCode(input.recoveryCode);
    if (!user.recovery_code_hashes.includes(hash)) {
      await recordAttempt(ctx.rootDb, keys, false);
      await writeAudit(ctx.rootDb, origin, { action: 'auth.sign_in.recovery_code', outcome: 'failed', details: { code: 'totp_invalid' } });
      throw new AppError('totp_invalid', 'That recovery code is not right or was used already.');
    }
    await ctx.db.updateTable('app_user').set({ recovery_code_hashes: user.recovery_code_hashes.filter((h) => h !== hash) }).where('id', '=', user.id).execute();
    await ctx.audit({ action: 'auth.recovery_code.used', recordType: 'user', recordId: user.id, details: { left: user.recovery_code_hashes.length - 1 } });
  }
  await rotateSession(ctx.db, ctx.request, ctx.reply, user.id, 'active');
  await recordAttempt(ctx.db, keys, true);
  await writeAudit(ctx.db, origin, { action: 'auth.sign_in' });
  return { stage: 'active', user: await sessionUser(ctx.db, user.id) };
}

/** Starts TOTP enrolment: for the pending sign-in of a role that requires it, or for a signed-in user. */
export async function setUpTotp(ctx: Ctx) {
  const userId = ctx.actor?.userId ?? (await pendingUser(ctx)).id;
  const user = await ctx.db.selectFrom('app_user').select(['email', 'totp_enabled_at']).where('id', '=', userId).executeTakeFirstOrThrow();
  if (user.totp_enabled_at) throw new AppError('conflict', 'Two-factor sign-in is already set up.');
  const secret = newTotpSecret();
  await ctx.db.updateTable('app_user').set({ totp_secret: sealTotpSecret(ctx.secrets, userId, secret) }).where('id', '=', userId).execute();
  await ctx.audit({ action: 'auth.totp.setup', recordType: 'user', recordId: userId });
  return { secret, ...(await totpEnrolment(secret, user.email)) };
}

/** Confirms enrolment with a first code; returns the recovery codes once, and completes a pending sign-in. */
export async function enableTotp(ctx: Ctx, code: string) {
  const userId = ctx.actor?.userId ?? (await pendingUser(ctx)).id;
  const user = await ctx.db.selectFrom('app_user').select(['organisation_id', 'totp_secret', 'totp_enabled_at']).where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
  if (user.totp_enabled_at) throw new AppError('conflict', 'Two-factor sign-in is already set up.');
  if (!user.totp_secret) throw new AppError('totp_enrolment_required', 'Start the set-up first.');
  const secret = openTotpSecret(ctx.secrets, userId, user.totp_secret);
  const step = secret === null ? null : verifyTotp(secret, code, null);
  if (step === null) throw new AppError('totp_invalid', 'That code is not right or has expired.');
  const { codes, hashes } = newRecoveryCodes();
  await ctx.db
    .updateTable('app_user')
    .set({ totp_enabled_at: new Date().toISOString(), totp_last_step: step, recovery_code_hashes: hashes })
    .where('id', '=', userId)
    .execute();
  const origin = { organisationId: user.organisation_id, actorUserId: userId, requestId: ctx.requestId };
  await writeAudit(ctx.db, origin, { action: 'auth.totp.enabled', recordType: 'user', recordId: userId });
  if (!ctx.actor) {
    await rotateSession(ctx.db, ctx.request, ctx.reply, userId, 'active');
    await writeAudit(ctx.db, origin, { action: 'auth.sign_in' });
  }
  return { recoveryCodes: codes, state: { stage: 'active' as const, user: await sessionUser(ctx.db, userId) } };
}

export async function signOut(ctx: HandlerContext): Promise<void> {
  const token = readSessionToken(ctx.request);
  if (token) await deleteSession(ctx.db, token);
  clearSessionCookie(ctx.request, ctx.reply);
  await ctx.audit({ action: 'auth.sign_out' });
}

export async function changeOwnPassword(ctx: HandlerContext, currentPassword: string, newPassword: string): Promise<void> {
  const user = await ctx.db.selectFrom('app_user').select(['password_hash']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  // A field error, not 401: the user is signed in, and the UI must not take them to the sign-in page.
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
    throw new AppError('validation_failed', 'The current password is not right.', { fields: [{ path: ['currentPassword'], code: 'invalid_value' }] });
  }
  assertAcceptablePassword(newPassword);
  await ctx.db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(newPassword), password_changed_at: new Date().toISOString(), updated_at: new Date().toISOString() })
    .where('id', '=', ctx.actor.userId)
    .execute();
  // Every other session ends; this one is replaced.
  await deleteUserSessions(ctx.db, ctx.actor.userId);
  setSessionCookie(ctx.request, ctx.reply, await createSession(ctx.db, ctx.actor.userId, 'active'));
  await ctx.audit({ action: 'auth.password.changed', recordType: 'user', recordId: ctx.actor.userId });
}

export async function setOwnLocale(ctx: HandlerContext, locale: SessionUser['locale']): Promise<void> {
  await ctx.db.updateTable('app_user').set({ locale }).where('id', '=', ctx.actor.userId).execute();
  ctx.reply.setCookie('oila_lang', locale, { path: '/', sameSite: 'lax', secure: ctx.request.protocol === 'https', maxAge: 31_536_000 });
  await ctx.audit({ action: 'user.locale.changed', recordType: 'user', recordId: ctx.actor.userId, details: { locale } });
}
