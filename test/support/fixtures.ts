import { randomUUID } from 'node:crypto';
import { generateSync } from 'otplib';
import type { Db } from '../../src/server/db/database.ts';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import { createSession } from '../../src/server/platform/auth/session.ts';
import { TOTP_REQUIRED_ROLES, type Role } from '../../src/shared/permissions.ts';
import { sealTotpSecret } from '../../src/server/platform/auth/totp.ts';
import { TEST_SECRETS, TestClient } from './test-app.ts';

export const FIXTURE_PASSWORD = 'fixture passphrase for tests';
let passwordHash: Promise<string> | undefined;

export interface FixtureUser {
  id: string;
  email: string;
  role: Role;
  totpSecret: string | null;
}

export interface OrgFixture {
  organisationId: string;
  branchA: string;
  branchB: string;
  teamA: string;
  /** One user per role in branch A (partner in team A); admin/director are organisation-wide. */
  users: Record<Role, FixtureUser>;
  /** A second social worker in branch A, and one in branch B. */
  otherWorkerA: FixtureUser;
  workerB: FixtureUser;
}

/**
 * A fresh organisation with two branches, a mahalla team, and a user for every
 * role: each test file makes its own, so tests never share data.
 */
export async function makeOrganisation(db: Db, label = randomUUID().slice(0, 8)): Promise<OrgFixture> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const hash = await passwordHash;
  const org = await db.insertInto('organisation').values({ slug: `org-${label}`, name: `Test organisation ${label}` }).returning('id').executeTakeFirstOrThrow();
  const branch = (code: string) =>
    db.insertInto('branch').values({ organisation_id: org.id, code, name_en: code, name_ru: code, name_uz_latn: code, name_uz_cyrl: code, region_id: null })
      .returning('id').executeTakeFirstOrThrow();
  const a = await branch('A');
  const b = await branch('B');
  const team = await db.insertInto('team').values({ organisation_id: org.id, branch_id: a.id, name: 'Team A', mahalla_id: null }).returning('id').executeTakeFirstOrThrow();

  const makeUser = async (role: Role, name: string, branchId: string | null, teamId: string | null): Promise<FixtureUser> => {
    const email = `${name}-${label}@test.oila`;
    const totpSecret = TOTP_REQUIRED_ROLES.includes(role) ? 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' : null;
    const user = await db
      .insertInto('app_user')
      .values({
        organisation_id: org.id, email, display_name: `${role} ${label}`, password_hash: hash, locale: 'en',
        disabled_at: null, totp_secret: totpSecret, totp_enabled_at: totpSecret ? new Date().toISOString() : null, totp_last_step: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (totpSecret) await db.updateTable('app_user').set({ totp_secret: sealTotpSecret(TEST_SECRETS, user.id, totpSecret) }).where('id', '=', user.id).execute();
    await db.insertInto('role_assignment').values({ user_id: user.id, role, branch_id: branchId, programme: null, team_id: teamId }).execute();
    return { id: user.id, email, role, totpSecret };
  };
  const users = {} as Record<Role, FixtureUser>;
  for (const role of ['social_worker', 'care_worker', 'supervisor', 'director', 'me_officer', 'partner', 'editor', 'donor_viewer', 'admin'] as const) {
    const orgWide = role === 'director' || role === 'me_officer' || role === 'admin' || role === 'editor' || role === 'donor_viewer';
    users[role] = await makeUser(role, role, orgWide ? null : a.id, role === 'partner' || role === 'social_worker' ? team.id : null);
  }
  return {
    organisationId: org.id,
    branchA: a.id,
    branchB: b.id,
    teamA: team.id,
    users,
    otherWorkerA: await makeUser('social_worker', 'worker2', a.id, null),
    workerB: await makeUser('social_worker', 'workerb', b.id, null),
  };
}

/** A client signed in as `user` without going through the sign-in screens (those have their own tests). */
export async function clientFor(baseUrl: string, db: Db, user: FixtureUser): Promise<TestClient> {
  const client = await new TestClient(baseUrl).init();
  client.cookies.set('oila_session', await createSession(db, user.id, 'active'));
  return client;
}

export function totpCode(secret: string, at = Date.now()): string {
  return generateSync({ secret, epoch: Math.floor(at / 1000) });
}
