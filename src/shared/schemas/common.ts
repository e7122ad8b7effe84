import { z } from 'zod';
import { parseUzPhone } from '../validation/phone.ts';

/**
 * Field schemas used by several modules. Custom refinements use a field
 * error code as their message, so the UI can translate it.
 */
export const uuid = z.uuid();

/** A date without time as 'YYYY-MM-DD', a real calendar date. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'invalid_date');

/** A date not after today (UTC+5, Uzbekistan's time, is at most a day ahead of UTC). */
export const pastDate = isoDate
  .refine((s) => s >= '1900-01-01', 'invalid_date')
  .refine((s) => Date.parse(`${s}T00:00:00Z`) <= Date.now() + 86_400_000, 'date_in_future');

/** Free text typed by a person: trimmed, no control characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'invalid_format');

export const requiredText = (max: number) => text(max).pipe(z.string().min(1));

/** Optional text where '' means "no value". */
export const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const pageQuery = {
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
};

export const version = z.number().int().min(1);

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/** A phone number in any usual spelling (+998 90 123 45 67, 8 90 1234567…), saved as +998XXXXXXXXX; '' means none. */
export const uzPhone = z
  .string()
  .trim()
  .max(30)
  .nullish()
  .transform((s, ctx) => {
    if (!s) return null;
    const e164 = parseUzPhone(s);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'invalid_phone' });
      return z.NEVER;
    }
    return e164;
  });
