import type { TFunction } from 'i18next';
import type { FieldError } from '../../shared/errors.ts';
import { isApiError } from '../api/client.ts';

/**
 * The words shown for a failure: always the UI's translation of the error
 * code, never the server's English message.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.internal');
  const base = t(`errors.${error.code}`);
  if (error.code === 'rate_limited' && error.retryAfterSeconds !== undefined) {
    return `${base} ${waitText(t, error.retryAfterSeconds)}`;
  }
  return base;
}

/** "Try again in 3 minutes": seconds under a minute and a half, whole minutes above. */
export function waitText(t: TFunction, seconds: number): string {
  if (seconds < 90) return t('errors.retryInSeconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('errors.retryInMinutes', { count: Math.ceil(seconds / 60) });
}

export function fieldErrorText(t: TFunction, error: FieldError): string {
  return t(`fieldErrors.${error.code}`);
}

/** The path of a field error as one key: `['members', 0, 'person', 'givenName']` → `members.0.person.givenName`. */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('.');
}

/**
 * Field errors of a response by path key, translated. The first error of a
 * field wins: one clear message beats a list.
 */
export function fieldErrorsOf(t: TFunction, error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const fe of error.fields) {
    const key = pathKey(fe.path);
    if (!(key in out)) out[key] = fieldErrorText(t, fe);
  }
  return out;
}
