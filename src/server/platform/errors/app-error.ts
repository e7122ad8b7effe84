import type { ErrorCode, FieldError } from '../../../shared/errors.ts';

/**
 * The one error type services throw. Its message must be safe to show a user
 * (no personal data, no SQL); the UI shows its own translation of `code`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  readonly current: unknown;
  readonly candidates: unknown[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: FieldError[]; current?: unknown; candidates?: unknown[]; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.current = extra.current;
    this.candidates = extra.candidates;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

/** Out of scope and missing look the same, so a refusal never reveals that a record exists. */
export const notFoundOrNoAccess = (): AppError =>
  new AppError('not_found_or_no_access', 'Not found or no access.');

export const versionConflict = (current: unknown): AppError =>
  new AppError('version_conflict', 'This record was changed by someone else since you opened it.', { current });

/**
 * HTTP status of each error code. A `switch` with no default: adding a code
 * without a status fails to compile.
 */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'password_too_short':
    case 'password_too_long':
    case 'password_too_common':
    case 'totp_invalid':
      return 400;
    case 'unauthenticated':
    case 'session_expired':
    case 'invalid_credentials':
    case 'totp_required':
      return 401;
    case 'forbidden':
    case 'csrf_failed':
    case 'account_disabled':
    case 'field_not_writable':
    case 'totp_enrolment_required':
      return 403;
    case 'not_found_or_no_access':
    case 'not_found':
      return 404;
    case 'version_conflict':
    case 'duplicate_identity':
    case 'possible_duplicate':
    case 'conflict':
    case 'illegal_transition':
    case 'consent_required':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'rate_limited':
      return 429;
    case 'internal':
      return 500;
    case 'service_unavailable':
      return 503;
  }
}

/** Codes that mean "the caller was refused": these are audited as denials. */
export function isDenial(code: ErrorCode): boolean {
  return code === 'forbidden' || code === 'not_found_or_no_access' || code === 'field_not_writable' || code === 'csrf_failed';
}
