import { z } from 'zod';
import { isValidPinfl } from '../../../shared/validation/pinfl.ts';
import { isValidBirthCertificate, normalizeBirthCertificate } from '../../../shared/validation/birth-certificate.ts';
import { isoDate, optionalText, pageQuery, pageSchema, pastDate, requiredText, uuid, version, uzPhone } from '../../../shared/schemas/common.ts';

export const SEXES = ['female', 'male'] as const;
export const AGE_BANDS = ['0-2', '3-5', '6-11', '12-14', '15-17', '18-23', '24+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

const name = requiredText(80);
/** A PINFL as typed (spaces dropped), checked by its check digit; '' or absent is null. */
export const pinfl = z
  .string()
  .trim()
  .nullish()
  .transform((s) => (s ? s.replace(/\s+/g, '') : null))
  .refine((s) => s === null || isValidPinfl(s), 'invalid_pinfl');
/** A birth certificate number in its normal form; '' or absent is null. */
export const birthCertificate = z
  .string()
  .trim()
  .max(30)
  .nullish()
  .transform((s) => (s ? normalizeBirthCertificate(s) : null))
  .refine((s) => s === null || isValidBirthCertificate(s), 'invalid_format');

/** Every field a person record has that a user may type. */
const personFields = {
  givenName: name,
  familyName: name,
  patronymic: optionalText(80),
  nameScript: z.enum(['cyrl', 'latn']).optional(),
  givenNameAlt: optionalText(80),
  familyNameAlt: optionalText(80),
  patronymicAlt: optionalText(80),
  sex: z.enum(SEXES),
  birthDate: pastDate.nullish().transform((s) => s ?? null),
  birthDateEstimated: z.boolean(),
  disability: z.boolean(),
  specialNeeds: optionalText(2000),
  healthNotes: optionalText(4000),
  pinfl,
  birthCertificate,
  phone: uzPhone,
  regionId: uuid.nullish().transform((s) => s ?? null),
  districtId: uuid.nullish().transform((s) => s ?? null),
  mahallaId: uuid.nullish().transform((s) => s ?? null),
  addressLine: optionalText(300),
  branchId: uuid,
  assignedWorkerId: uuid.nullish().transform((s) => s ?? null),
  teamId: uuid.nullish().transform((s) => s ?? null),
};

/**
 * Saving a person although likely duplicates exist: the reason is audited, and
 * it covers only the candidates the user saw (a new likely candidate answers
 * 409 again).
 */
export const duplicateOverride = z.strictObject({
  reason: requiredText(500),
  candidateIds: z.array(uuid).min(1).max(20),
});

export const createPersonBody = z.strictObject({
  ...personFields,
  birthDateEstimated: personFields.birthDateEstimated.default(false),
  disability: personFields.disability.default(false),
  duplicateOverride: duplicateOverride.optional(),
});
export type CreatePersonInput = z.output<typeof createPersonBody>;

/** A change: only the fields that changed, and the version the user saw. */
export const updatePersonBody = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(personFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & { [K in keyof typeof personFields]: z.ZodOptional<(typeof personFields)[K]> });
export type UpdatePersonInput = z.output<typeof updatePersonBody>;
export type PersonField = keyof typeof personFields;
export const PERSON_FIELDS = Object.keys(personFields) as PersonField[];

export const archiveBody = z.strictObject({ version, reason: requiredText(500) });

export const searchPeopleBody = z.strictObject({
  q: z.string().trim().max(100).optional(),
  branchId: uuid.optional(),
  sex: z.enum(SEXES).optional(),
  includeArchived: z.boolean().default(false),
  sort: z.enum(['name', '-name', 'birthDate', '-birthDate', '-updatedAt', 'updatedAt', 'relevance']).default('relevance'),
  ...pageQuery,
});
export type SearchPeopleInput = z.output<typeof searchPeopleBody>;

/**
 * A person as a caller sees them. Fields the caller's role may not see are
 * absent, not null: the policy removes them on the way out.
 */
export const personView = z
  .object({
    id: uuid,
    reference: z.string(),
    givenName: z.string().optional(),
    familyName: z.string().optional(),
    patronymic: z.string().nullable().optional(),
    nameScript: z.enum(['cyrl', 'latn']).optional(),
    givenNameAlt: z.string().nullable().optional(),
    familyNameAlt: z.string().nullable().optional(),
    patronymicAlt: z.string().nullable().optional(),
    sex: z.enum(SEXES).optional(),
    birthDate: isoDate.nullable().optional(),
    birthDateEstimated: z.boolean().optional(),
    ageBand: z.enum(AGE_BANDS).nullable().optional(),
    disability: z.boolean().optional(),
    specialNeeds: z.string().nullable().optional(),
    healthNotes: z.string().nullable().optional(),
    pinfl: z.string().nullable().optional(),
    birthCertificate: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    regionId: uuid.nullable().optional(),
    districtId: uuid.nullable().optional(),
    mahallaId: uuid.nullable().optional(),
    addressLine: z.string().nullable().optional(),
    branchId: uuid.optional(),
    assignedWorkerId: uuid.nullable().optional(),
    teamId: uuid.nullable().optional(),
    archivedAt: z.string().nullable(),
    /** Set when this record was merged into another (the survivor). */
    mergedIntoId: uuid.nullable().optional(),
    version: z.number().int(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'Person' });
export type PersonView = z.infer<typeof personView>;

export const personPage = pageSchema(personView);

export const personMembershipView = z.object({
  householdId: uuid,
  householdReference: z.string(),
  householdName: z.string().optional(),
  relationship: z.string(),
  isPrimaryCaregiver: z.boolean(),
});

export const consentView = z
  .object({
    id: uuid,
    personId: uuid,
    householdId: uuid.nullable(),
    purpose: z.string(),
    dataCategories: z.array(z.string()),
    transfersTo: z.string().nullable(),
    grantedOn: isoDate,
    expiresOn: isoDate.nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawalNote: z.string().nullable(),
    status: z.enum(['active', 'expired', 'withdrawn']),
    version: z.number().int(),
  })
  .meta({ id: 'Consent' });

/** What a list of records shows of a person: the reference and the name in both scripts (as the role may see them). */
export const personNameView = personView.pick({
  id: true, reference: true, givenName: true, familyName: true, patronymic: true, nameScript: true, givenNameAlt: true, familyNameAlt: true, patronymicAlt: true,
  archivedAt: true, mergedIntoId: true,
});
export type PersonNameView = z.infer<typeof personNameView>;

/** A record this person absorbed: the merged record by name, when, by whom, what moved. */
export const personMergeHistoryItem = z.object({
  mergeId: uuid,
  /** The absorbed record (archived, pointing here), by its name and reference only. */
  merged: personNameView,
  mergedAt: z.string(),
  mergedBy: z.object({ id: uuid, displayName: z.string() }),
  /** How many linked rows moved to this person, by table (as the merge answered). */
  moved: z.record(z.string(), z.number().int()),
});

export const personDetail = z.object({
  person: personView,
  households: z.array(personMembershipView),
  consents: z.array(consentView).optional(),
  /** Records merged into this one (not undone), newest first. */
  merges: z.array(personMergeHistoryItem).optional(),
});

export const transliterateBody = z.strictObject({ text: z.string().max(300) });
export const transliterateResponse = z.object({ script: z.enum(['cyrl', 'latn', 'mixed', 'none']), suggestion: z.string() });
