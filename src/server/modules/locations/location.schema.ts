import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common.ts';

export const LOCATION_KINDS = ['region', 'district', 'mahalla'] as const;

const names = z.object({ en: z.string(), ru: z.string(), 'uz-Latn': z.string(), 'uz-Cyrl': z.string() });

export const locationView = z
  .object({ id: uuid, kind: z.enum(LOCATION_KINDS), parentId: uuid.nullable(), code: z.string(), isoCode: z.string().nullable(), names })
  .meta({ id: 'Location' });

export const listLocationsQuery = z.object({ kind: z.enum(LOCATION_KINDS).optional(), parentId: uuid.optional() });
export const locationList = z.object({ items: z.array(locationView) });

/** One location in Oila's own import format; parents are named by code. */
export const importedLocation = z.strictObject({
  kind: z.enum(LOCATION_KINDS),
  code: z.string().trim().min(1).max(40),
  parentCode: z.string().trim().min(1).max(40).nullish().transform((s) => s ?? null),
  isoCode: z.string().trim().max(10).nullish().transform((s) => s ?? null),
  names: z.strictObject({ en: z.string().trim().min(1).max(200), ru: z.string().trim().min(1).max(200), 'uz-Latn': z.string().trim().min(1).max(200), 'uz-Cyrl': z.string().trim().min(1).max(200) }),
});
export type ImportedLocation = z.output<typeof importedLocation>;

export const importLocationsBody = z.strictObject({
  format: z.enum(['json', 'csv']),
  /** The file's text: Oila's JSON, the regions/districts reference JSON, or CSV. */
  content: z.string().min(1).max(900_000),
});
export const importSummary = z.object({ inserted: z.number().int(), updated: z.number().int(), total: z.number().int() });
