import { z } from 'zod';
import { DUPLICATE_BANDS, DUPLICATE_PAIR_STATUSES, DUPLICATE_REASON_CODES, DUPLICATE_SCAN_STATUSES } from '../../../shared/duplicates.ts';
import { optionalText, pastDate, requiredText, text, uuid, version } from '../../../shared/schemas/common.ts';
import { birthCertificate, personView, pinfl, SEXES } from '../people/person.schema.ts';

/**
 * The person being typed on the registration form, as far as it is typed:
 * every field is optional, but something to compare (a name or an identity
 * number) must be there.
 */
export const duplicateCheckBody = z
  .strictObject({
    givenName: optionalText(80),
    familyName: optionalText(80),
    patronymic: optionalText(80),
    givenNameAlt: optionalText(80),
    familyNameAlt: optionalText(80),
    patronymicAlt: optionalText(80),
    sex: z.enum(SEXES).nullish().transform((s) => s ?? null),
    birthDate: pastDate.nullish().transform((s) => s ?? null),
    birthDateEstimated: z.boolean().default(false),
    pinfl,
    birthCertificate,
    regionId: uuid.nullish().transform((s) => s ?? null),
    districtId: uuid.nullish().transform((s) => s ?? null),
    mahallaId: uuid.nullish().transform((s) => s ?? null),
    /** The household the person is being added to, if any. */
    householdId: uuid.nullish().transform((s) => s ?? null),
    /** Names of the parents or caregivers typed with a new household. */
    caregiverNames: z.array(text(200)).max(10).default([]),
    /** When editing a person: leave them out of their own candidates. */
    excludePersonId: uuid.nullish().transform((s) => s ?? null),
    limit: z.number().int().min(1).max(20).default(10),
  })
  .superRefine((v, ctx) => {
    if (!v.givenName && !v.familyName && !v.pinfl && !v.birthCertificate) ctx.addIssue({ code: 'custom', path: ['givenName'], message: 'required' });
  });
export type DuplicateCheckInput = z.output<typeof duplicateCheckBody>;

export const duplicateReason = z.object({ code: z.enum(DUPLICATE_REASON_CODES), effect: z.enum(['agree', 'disagree']) }).meta({ id: 'DuplicateReason' });

export const duplicateCandidate = z
  .object({
    person: personView,
    score: z.number(),
    band: z.enum(DUPLICATE_BANDS),
    reasons: z.array(duplicateReason),
  })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidateView = z.infer<typeof duplicateCandidate>;

export const duplicateCheckResponse = z.object({ candidates: z.array(duplicateCandidate) });

export const duplicateScanView = z
  .object({
    id: uuid,
    status: z.enum(DUPLICATE_SCAN_STATUSES),
    phase: z.enum(['indexing', 'matching']),
    processed: z.number().int(),
    total: z.number().int(),
    pairsFound: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    heartbeatAt: z.string().nullable(),
  })
  .meta({ id: 'DuplicateScan' });

export const scanStatusResponse = z.object({ scan: duplicateScanView.nullable() });
export const startScanBody = z.strictObject({});
export const startScanResponse = z.object({ scan: duplicateScanView, started: z.boolean() });

export const listPairsQuery = z.strictObject({
  status: z.enum(DUPLICATE_PAIR_STATUSES).default('open'),
  band: z.enum(DUPLICATE_BANDS).optional(),
  branchId: uuid.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListPairsInput = z.output<typeof listPairsQuery>;

export const duplicatePairView = z
  .object({
    id: uuid,
    score: z.number(),
    band: z.enum(DUPLICATE_BANDS),
    reasons: z.array(duplicateReason),
    status: z.enum(DUPLICATE_PAIR_STATUSES),
    personA: personView,
    personB: personView,
    decisionReason: z.string().nullable(),
    decidedBy: uuid.nullable(),
    decidedAt: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'DuplicatePair' });

export const pairPage = z.object({ items: z.array(duplicatePairView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const dismissPairBody = z.strictObject({ version, reason: requiredText(500) });
