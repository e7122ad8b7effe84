import { z } from 'zod';
import { MERGE_FIELDS } from '../../../shared/duplicates.ts';
import { uuid, version } from '../../../shared/schemas/common.ts';
import { personView } from '../people/person.schema.ts';

const side = z.enum(['survivor', 'merged']);

/**
 * Merge two records of one person: the survivor stays, taking the chosen
 * value of each field (its own unless `merged` is chosen); the other record
 * is archived, pointing to the survivor. Send the versions you compared.
 */
export const mergeBody = z
  .strictObject({
    survivorId: uuid,
    mergedId: uuid,
    survivorVersion: version,
    mergedVersion: version,
    fields: z.partialRecord(z.enum(MERGE_FIELDS), side).default({}),
  })
  .refine((v) => v.survivorId !== v.mergedId, { path: ['mergedId'], message: 'invalid_value' });
export type MergeInput = z.output<typeof mergeBody>;

export const mergeResponse = z.object({
  mergeId: uuid,
  survivor: personView,
  merged: personView,
  /** How many linked rows moved to the survivor, by table. */
  moved: z.record(z.string(), z.number().int()),
});

export const undoMergeResponse = z.object({
  mergeId: uuid,
  survivor: personView,
  merged: personView,
});
