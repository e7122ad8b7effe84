import { z } from 'zod';
import { optionalText, pageQuery, pageSchema, requiredText, uuid, version, uzPhone } from '../../../shared/schemas/common.ts';
import { createPersonBody, personView } from '../people/person.schema.ts';

export const RELATIONSHIPS = ['head', 'mother', 'father', 'child', 'grandparent', 'sibling', 'other_relative', 'guardian', 'other'] as const;


const householdFields = {
  displayName: requiredText(120),
  regionId: uuid.nullish().transform((s) => s ?? null),
  districtId: uuid.nullish().transform((s) => s ?? null),
  mahallaId: uuid.nullish().transform((s) => s ?? null),
  addressLine: optionalText(300),
  phone: uzPhone,
  notes: optionalText(4000),
  branchId: uuid,
  teamId: uuid.nullish().transform((s) => s ?? null),
  assignedWorkerId: uuid.nullish().transform((s) => s ?? null),
};

/** A new person registered with the household takes its branch, team, worker and, unless given, its address. */
export const newMemberPerson = createPersonBody.omit({ branchId: true, teamId: true, assignedWorkerId: true });

const memberRole = { relationship: z.enum(RELATIONSHIPS), isPrimaryCaregiver: z.boolean().default(false) };
export const memberInput = z.union([
  z.strictObject({ personId: uuid, ...memberRole }),
  z.strictObject({ person: newMemberPerson, ...memberRole }),
]);
export type MemberInput = z.output<typeof memberInput>;

export const createHouseholdBody = z.strictObject({ ...householdFields, members: z.array(memberInput).max(40).default([]) });
export type CreateHouseholdInput = z.output<typeof createHouseholdBody>;

export const updateHouseholdBody = z.strictObject({
  version,
  ...Object.fromEntries(Object.entries(householdFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof version } & { [K in keyof typeof householdFields]: z.ZodOptional<(typeof householdFields)[K]> });
export type UpdateHouseholdInput = z.output<typeof updateHouseholdBody>;

export const leaveBody = z.strictObject({ version, leftOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date').optional() });

export const searchHouseholdsBody = z.strictObject({
  q: z.string().trim().max(100).optional(),
  branchId: uuid.optional(),
  includeArchived: z.boolean().default(false),
  sort: z.enum(['name', '-name', '-updatedAt', 'relevance']).default('relevance'),
  ...pageQuery,
});
export type SearchHouseholdsInput = z.output<typeof searchHouseholdsBody>;

export const householdView = z
  .object({
    id: uuid,
    reference: z.string(),
    displayName: z.string().optional(),
    regionId: uuid.nullable().optional(),
    districtId: uuid.nullable().optional(),
    mahallaId: uuid.nullable().optional(),
    addressLine: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    notes: z.string().nullable().optional(),
    branchId: uuid.optional(),
    teamId: uuid.nullable().optional(),
    assignedWorkerId: uuid.nullable().optional(),
    memberCount: z.number().int().optional(),
    archivedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'Household' });
export type HouseholdView = z.infer<typeof householdView>;

export const householdMemberView = z.object({
  memberId: uuid,
  relationship: z.enum(RELATIONSHIPS),
  isPrimaryCaregiver: z.boolean(),
  joinedOn: z.string().nullable(),
  person: personView,
});

export const householdDetail = z.object({ household: householdView, members: z.array(householdMemberView) });
export const householdPage = pageSchema(householdView);
