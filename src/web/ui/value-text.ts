/**
 * A value received as `unknown` (a field of a record in a conflict, a detail
 * of an audit event) as display text: strings as they are, numbers and flags
 * as written, anything else as JSON rather than "[object Object]".
 */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}
