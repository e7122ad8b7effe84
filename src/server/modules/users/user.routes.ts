import { z } from 'zod';
import { defineRoute } from '../../platform/http/define-route.ts';
import { createUserBody, resetPasswordBody, searchUsersBody, updateUserBody, userPage, userVersionBody, userView } from './user.schema.ts';
import { createUser, disableUser, enableUser, findUsers, getUser, resetPassword, resetTotp, updateUser } from './user.service.ts';

const userParams = z.object({ userId: z.uuid() });
const record = { param: 'userId', kind: 'user' } as const;
const exampleBranch = '00000000-0000-4000-8000-000000000001';

export const userRoutes = [
  defineRoute({
    method: 'POST', url: '/api/users/search', permission: 'user.read', action: 'user.search',
    summary: 'Find accounts by name or e-mail, role and branch (POST: names stay out of URLs)', tags: ['users'],
    body: searchUsersBody, response: userPage,
    example: { q: 'Dilnoza', role: 'social_worker', page: 1, pageSize: 25 },
    handler: async ({ body }, ctx) => findUsers(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/users', permission: 'user.manage', action: 'user.create',
    summary: 'Open an account with its roles; roles with a second factor enrol at first sign-in', tags: ['users'],
    body: createUserBody, response: userView, status: 201,
    example: {
      email: 'new.worker@example.org', displayName: 'Dilnoza Karimova', locale: 'uz-Latn', password: 'a long unusual passphrase',
      assignments: [{ role: 'social_worker', branchId: exampleBranch }],
    },
    handler: async ({ body }, ctx) => createUser(ctx, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/users/:userId', permission: 'user.read', action: 'user.read',
    summary: 'An account with its roles', tags: ['users'],
    params: userParams, response: userView, record,
    handler: async ({ params }, ctx) => getUser(ctx, params.userId),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/users/:userId', permission: 'user.manage', action: 'user.update',
    summary: 'Change name, language or roles; new roles end the user\'s sessions. Send the version you saw', tags: ['users'],
    params: userParams, body: updateUserBody, response: userView, record,
    // No roles in the example: the access-matrix test sends it to live fixture accounts, and new roles would end their sessions.
    example: { version: 1, displayName: 'Dilnoza Karimova', locale: 'ru' },
    handler: async ({ params, body }, ctx) => updateUser(ctx, params.userId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/users/:userId/disable', permission: 'user.manage', action: 'user.disable',
    summary: 'Disable an account: its sessions end at once and it can no longer sign in', tags: ['users'],
    params: userParams, body: userVersionBody, response: userView, record,
    example: { version: 1 },
    handler: async ({ params, body }, ctx) => disableUser(ctx, params.userId, body.version),
  }),
  defineRoute({
    method: 'POST', url: '/api/users/:userId/enable', permission: 'user.manage', action: 'user.enable',
    summary: 'Enable a disabled account again', tags: ['users'],
    params: userParams, body: userVersionBody, response: userView, record,
    example: { version: 1 },
    handler: async ({ params, body }, ctx) => enableUser(ctx, params.userId, body.version),
  }),
  defineRoute({
    method: 'POST', url: '/api/users/:userId/reset-password', permission: 'user.manage', action: 'user.reset_password',
    summary: 'Set a new password for another user; their sessions end, their second factor stays', tags: ['users'],
    params: userParams, body: resetPasswordBody, response: userView, record,
    example: { version: 1, password: 'another long unusual passphrase' },
    handler: async ({ params, body }, ctx) => resetPassword(ctx, params.userId, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/users/:userId/reset-totp', permission: 'user.manage', action: 'user.reset_totp',
    summary: 'Remove another user\'s second factor so they enrol again at next sign-in; their sessions end', tags: ['users'],
    params: userParams, body: userVersionBody, response: userView, record,
    example: { version: 1 },
    handler: async ({ params, body }, ctx) => resetTotp(ctx, params.userId, body.version),
  }),
];
