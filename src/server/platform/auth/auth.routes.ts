import { defineRoute } from '../http/define-route.ts';
import {
  changePasswordBody, localeBody, okResponse, sessionStateSchema, signInBody, totpEnableBody, totpEnableResponse, totpSetupResponse, totpVerifyBody,
} from './auth.schema.ts';
import { changeOwnPassword, currentState, enableTotp, setOwnLocale, setUpTotp, signIn, signOut, verifySecondFactor } from './auth.service.ts';

export const authRoutes = [
  defineRoute({
    method: 'GET', url: '/api/auth/session', permission: 'public', action: 'auth.session.read',
    summary: 'Who is signed in, or how far a sign-in has got', tags: ['auth'],
    response: sessionStateSchema,
    handler: async (_input, ctx) => currentState(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/sign-in', permission: 'public', action: 'auth.sign_in',
    summary: 'Sign in with e-mail and password', tags: ['auth'],
    body: signInBody, response: sessionStateSchema,
    example: { email: 'worker@example.org', password: 'a long passphrase' },
    handler: async ({ body }, ctx) => signIn(ctx, body.email, body.password),
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/totp/verify', permission: 'public', action: 'auth.sign_in.totp',
    summary: 'Second sign-in step: an authenticator code or a recovery code', tags: ['auth'],
    body: totpVerifyBody, response: sessionStateSchema,
    example: { code: '123456' },
    handler: async ({ body }, ctx) => verifySecondFactor(ctx, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/totp/setup', permission: 'public', action: 'auth.totp.setup',
    summary: 'Start setting up two-factor sign-in (during sign-in or when signed in)', tags: ['auth'],
    response: totpSetupResponse,
    handler: async (_input, ctx) => setUpTotp(ctx),
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/totp/enable', permission: 'public', action: 'auth.totp.enable',
    summary: 'Confirm two-factor set-up with a first code; returns recovery codes once', tags: ['auth'],
    body: totpEnableBody, response: totpEnableResponse,
    example: { code: '123456' },
    handler: async ({ body }, ctx) => enableTotp(ctx, body.code),
  }),
  defineRoute({
    method: 'POST', url: '/api/auth/sign-out', permission: 'self', action: 'auth.sign_out',
    summary: 'Sign out: the session ends at once', tags: ['auth'],
    response: okResponse,
    handler: async (_input, ctx) => (await signOut(ctx), { ok: true as const }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/me/locale', permission: 'self', action: 'user.locale.update',
    summary: 'Choose the language of the interface', tags: ['me'],
    body: localeBody, response: okResponse, example: { locale: 'uz-Cyrl' },
    handler: async ({ body }, ctx) => (await setOwnLocale(ctx, body.locale), { ok: true as const }),
  }),
  defineRoute({
    method: 'POST', url: '/api/me/password', permission: 'self', action: 'auth.password.change',
    summary: 'Change your own password; other sessions end', tags: ['me'],
    body: changePasswordBody, response: okResponse,
    example: { currentPassword: 'the old passphrase', newPassword: 'a new long passphrase' },
    handler: async ({ body }, ctx) => (await changeOwnPassword(ctx, body.currentPassword, body.newPassword), { ok: true as const }),
  }),
];
