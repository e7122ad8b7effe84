import { z } from 'zod';
import { LOCALES } from '../../../shared/i18n/locales.ts';
import { PERMISSIONS, PROGRAMMES, ROLES } from '../../../shared/permissions.ts';

export const sessionUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    organisation: z.object({ id: z.uuid(), name: z.string() }),
    roles: z.array(z.enum(ROLES)),
    permissions: z.array(z.enum(PERMISSIONS)),
    fieldView: z.enum(['full', 'partner', 'deidentified']),
    assignments: z.array(z.object({ role: z.enum(ROLES), branchId: z.uuid().nullable(), programme: z.enum(PROGRAMMES).nullable(), teamId: z.uuid().nullable() })),
    totpEnabled: z.boolean(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionStateSchema = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('anonymous') }),
  z.object({ stage: z.literal('pending_totp'), totpEnrolled: z.boolean() }),
  z.object({ stage: z.literal('active'), user: sessionUserSchema }),
]);

export const signInBody = z.strictObject({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(1024),
});

export const totpVerifyBody = z.union([
  z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, 'invalid_format') }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(20) }),
]);

export const totpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvgDataUrl: z.string() });
export const totpEnableBody = z.strictObject({ code: z.string().trim().regex(/^\d{6}$/, 'invalid_format') });
export const totpEnableResponse = z.object({ recoveryCodes: z.array(z.string()), state: sessionStateSchema });

export const localeBody = z.strictObject({ locale: z.enum(LOCALES) });
export const changePasswordBody = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) });
export const okResponse = z.object({ ok: z.literal(true) });
