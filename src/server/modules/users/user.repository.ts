import { sql, type ExpressionBuilder, type Expression, type SqlBool, type Updateable } from 'kysely';
import type { AppUser, AppUserTable, Database, NewAppUser } from '../../db/schema.ts';
import type { Actor, Executor, RoleAssignment } from '../../platform/http/context.ts';
import type { SearchUsersInput } from './user.schema.ts';

export type AppUserUpdate = Updateable<AppUserTable>;

/**
 * The accounts the caller may see: those of their own organisation, for every
 * holder of user.read (an admin, a director, a supervisor looking up their
 * team). Every query here adds it, so another organisation's account is
 * indistinguishable from a missing one.
 */
function userScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'app_user'>): Expression<SqlBool> => eb('app_user.organisation_id', '=', actor.organisationId);
}

export async function findUser(db: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<AppUser | undefined> {
  let q = db.selectFrom('app_user').selectAll().where('id', '=', id).where(userScope(actor));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Whether an e-mail is in use by any account: e-mails are unique across organisations, as sign-in needs. */
export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').where('email', '=', email).executeTakeFirst()) !== undefined;
}

export async function insertUser(db: Executor, values: NewAppUser): Promise<AppUser> {
  return db.insertInto('app_user').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Applies a change only if the row still has the version the admin saw. */
export async function updateUserAtVersion(db: Executor, actor: Actor, id: string, version: number, values: AppUserUpdate): Promise<AppUser | undefined> {
  return db
    .updateTable('app_user')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where(userScope(actor))
    .returningAll()
    .executeTakeFirst();
}

/** Replaces every role assignment of a user. */
export async function replaceAssignments(db: Executor, userId: string, assignments: readonly RoleAssignment[]): Promise<void> {
  await db.deleteFrom('role_assignment').where('user_id', '=', userId).execute();
  if (assignments.length === 0) return;
  await db
    .insertInto('role_assignment')
    .values(assignments.map((a) => ({ user_id: userId, role: a.role, branch_id: a.branchId, programme: a.programme, team_id: a.teamId })))
    .execute();
}

/** The assignments of several users in one query. */
export async function assignmentsOf(db: Executor, userIds: readonly string[]): Promise<Map<string, RoleAssignment[]>> {
  const out = new Map<string, RoleAssignment[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('role_assignment')
    .select(['user_id', 'role', 'branch_id', 'programme', 'team_id'])
    .where('user_id', 'in', userIds)
    .execute();
  for (const r of rows) out.get(r.user_id)?.push({ role: r.role, branchId: r.branch_id, programme: r.programme, teamId: r.team_id });
  return out;
}

/**
 * When each user last completed a sign-in, from the audit log. One index
 * probe per user (audit_event_actor_idx, newest first, stopping at the first
 * sign-in), so a page of users stays cheap however long the log grows.
 */
export async function lastSignIns(db: Executor, userIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (userIds.length === 0) return out;
  const rows = await sql<{ id: string; at: string }>`
    SELECT u.id, s.at
    FROM unnest(${[...userIds]}::uuid[]) AS u(id)
    CROSS JOIN LATERAL (
      SELECT a.at FROM audit_event a
      WHERE a.actor_user_id = u.id AND a.action = 'auth.sign_in' AND a.outcome = 'ok'
      ORDER BY a.at DESC LIMIT 1
    ) s`.execute(db);
  for (const r of rows.rows) out.set(r.id, r.at);
  return out;
}

/** The branches and teams among `branchIds`/`teamIds` that belong to the organisation, with each team's branch. */
export async function placementsOf(db: Executor, organisationId: string, branchIds: readonly string[], teamIds: readonly string[]) {
  const branches = branchIds.length
    ? await db.selectFrom('branch').select('id').where('organisation_id', '=', organisationId).where('id', 'in', branchIds).execute()
    : [];
  const teams = teamIds.length
    ? await db.selectFrom('team').select(['id', 'branch_id']).where('organisation_id', '=', organisationId).where('id', 'in', teamIds).execute()
    : [];
  return { branches: new Set(branches.map((b) => b.id)), teamBranch: new Map(teams.map((t) => [t.id, t.branch_id])) };
}

/** Accounts by name or e-mail, role and branch; names first, then e-mail, so the list reads like a directory. */
export async function searchUsers(db: Executor, actor: Actor, input: SearchUsersInput): Promise<{ rows: AppUser[]; total: number }> {
  let q = db.selectFrom('app_user').where(userScope(actor));
  if (!input.includeDisabled) q = q.where('app_user.disabled_at', 'is', null);
  const text = input.q?.trim();
  if (text) {
    const like = `%${text.replace(/[%_\\]/g, '\\$&')}%`;
    q = q.where((eb) => eb.or([eb('app_user.display_name', 'ilike', like), eb('app_user.email', 'ilike', like)]));
  }
  if (input.role || input.branchId) {
    const { role, branchId } = input;
    q = q.where((eb) => {
      let sub = eb.selectFrom('role_assignment').select(sql`1`.as('one')).whereRef('role_assignment.user_id', '=', 'app_user.id');
      if (role) sub = sub.where('role_assignment.role', '=', role);
      if (branchId) sub = sub.where('role_assignment.branch_id', '=', branchId);
      return eb.exists(sub);
    });
  }
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll('app_user')
    .orderBy('app_user.display_name')
    .orderBy('app_user.email')
    .orderBy('app_user.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { rows, total };
}
