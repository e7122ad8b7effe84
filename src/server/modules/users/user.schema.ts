import { z } from 'zod';
import { LOCALES } from '../../../shared/i18n/locales.ts';
import { PROGRAMMES, ROLES } from '../../../shared/permissions.ts';
import { pageQuery, pageSchema, requiredText, uuid, version } from '../../../shared/schemas/common.ts';

/**
 * An e-mail as it is stored: trimmed and lower-cased before it is checked, so
 * `Ali@Example.org` and `ali@example.org` are one account (the column has a
 * CHECK that it is lower case, and a unique index across organisations).
 */
const email = z.string().trim().toLowerCase().min(3).max(254).pipe(z.email());

/**
 * Only the length is checked here: the password rules (length, common
 * passwords) live in `assertAcceptablePassword`, whose own error codes the UI
 * knows, so both sign-up paths give the same answers.
 */
const password = z.string().min(1).max(1024);

/** One role of a user, where it applies. Which roles need a branch or team is checked by the policy. */
export const assignmentInput = z.strictObject({
  role: z.enum(ROLES),
  branchId: uuid.nullish().transform((s) => s ?? null),
  programme: z.enum(PROGRAMMES).nullish().transform((s) => s ?? null),
  teamId: uuid.nullish().transform((s) => s ?? null),
});
export type AssignmentInput = z.output<typeof assignmentInput>;

const assignments = z.array(assignmentInput).min(1).max(20);

export const createUserBody = z.strictObject({
  email,
  displayName: requiredText(120),
  locale: z.enum(LOCALES),
  password,
  assignments,
});
export type CreateUserInput = z.output<typeof createUserBody>;

/** A change: the version the admin saw and only what changed. `assignments` replaces the whole list. */
export const updateUserBody = z.strictObject({
  version,
  displayName: requiredText(120).optional(),
  locale: z.enum(LOCALES).optional(),
  assignments: assignments.optional(),
});
export type UpdateUserInput = z.output<typeof updateUserBody>;

/** Disable, enable and reset-totp carry only the version the admin saw. */
export const userVersionBody = z.strictObject({ version });

export const resetPasswordBody = z.strictObject({ version, password });

export const searchUsersBody = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  branchId: uuid.optional(),
  includeDisabled: z.boolean().default(false),
  ...pageQuery,
});
export type SearchUsersInput = z.output<typeof searchUsersBody>;

export const assignmentView = z.object({
  role: z.enum(ROLES),
  branchId: uuid.nullable(),
  programme: z.enum(PROGRAMMES).nullable(),
  teamId: uuid.nullable(),
});

/** An account as an administrator sees it: never its password hash, TOTP secret or recovery codes. */
export const userView = z
  .object({
    id: uuid,
    email: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    disabledAt: z.string().nullable(),
    totpEnabled: z.boolean(),
    assignments: z.array(assignmentView),
    version: z.number().int(),
    createdAt: z.string(),
    /** When the user last completed a sign-in, from the audit log; absent if never. */
    lastSignInAt: z.string().optional(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userView>;

export const userPage = pageSchema(userView);
