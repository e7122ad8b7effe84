/**
 * The closed set of error codes the API answers with. The web app translates
 * each one (`errors.<code>` in every locale); the server maps each one to an
 * HTTP status in `server/platform/errors/app-error.ts`, a map the compiler
 * forces to be complete.
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'session_expired',
  'forbidden',
  'not_found_or_no_access',
  'not_found',
  'version_conflict',
  'duplicate_identity',
  'possible_duplicate',
  'conflict',
  'illegal_transition',
  'consent_required',
  'invalid_credentials',
  'account_disabled',
  'rate_limited',
  'csrf_failed',
  'totp_required',
  'totp_enrolment_required',
  'totp_invalid',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'field_not_writable',
  'payload_too_large',
  'unsupported_media_type',
  'service_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes for one field of a validation error; the UI translates `fieldErrors.<code>`. */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_pinfl',
  'invalid_phone',
  'invalid_date',
  'date_in_future',
  'unknown_field',
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export interface FieldError {
  path: (string | number)[];
  code: FieldErrorCode;
  params?: Record<string, string | number>;
}

/** The one JSON shape of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    /** English text for logs and API users; the UI shows its own translation of `code`. */
    message: string;
    requestId?: string;
    fields?: FieldError[];
    /** For version_conflict: the record as it is now, so the user can redo the change. */
    current?: unknown;
    /** For possible_duplicate: the likely duplicates the caller may see, with score, band and reasons. */
    candidates?: unknown[];
    /** For rate_limited: seconds until the next attempt is allowed. */
    retryAfterSeconds?: number;
  };
}
