import { z } from 'zod';
import { PARTNER_KINDS } from '../../../shared/casework/codes.ts';
import { optionalText, pageQuery, pageSchema, requiredText, text, uuid, version, uzPhone } from '../../../shared/schemas/common.ts';

/** The directory of partner organisations an association refers families to and works with in mahalla teams. */

export const partnerKind = z.enum(PARTNER_KINDS).meta({ id: 'PartnerKind' });


export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .nullish()
  .transform((s) => (s ? s : null))
  .pipe(z.email('invalid_format').nullable());

export const partnerContact = z.strictObject({
  name: requiredText(120),
  position: optionalText(120),
  phone: uzPhone,
  email: optionalEmail,
});

const partnerFields = {
  kind: partnerKind,
  name: requiredText(200),
  districtId: uuid.nullish().transform((s) => s ?? null),
  address: optionalText(300),
  phone: uzPhone,
  email: optionalEmail,
  contacts: z.array(partnerContact).max(20),
  notes: optionalText(4000),
};

export const createPartnerBody = z
  .strictObject({ ...partnerFields, contacts: partnerFields.contacts.default([]) })
  .meta({ id: 'CreatePartnerOrganisation' });
export type CreatePartnerInput = z.output<typeof createPartnerBody>;

export const updatePartnerBody = z
  .strictObject({
    version,
    kind: partnerFields.kind.optional(),
    name: partnerFields.name.optional(),
    districtId: partnerFields.districtId.optional(),
    address: partnerFields.address.optional(),
    phone: partnerFields.phone.optional(),
    email: partnerFields.email.optional(),
    contacts: partnerFields.contacts.optional(),
    notes: partnerFields.notes.optional(),
  })
  .meta({ id: 'UpdatePartnerOrganisation' });
export type UpdatePartnerInput = z.output<typeof updatePartnerBody>;

export const archivePartnerBody = z.strictObject({ version, reason: requiredText(500) });

export const searchPartnersBody = z
  .strictObject({
    q: text(100).optional(),
    kind: z.array(partnerKind).max(PARTNER_KINDS.length).optional(),
    districtId: uuid.optional(),
    includeArchived: z.boolean().default(false),
    ...pageQuery,
  })
  .meta({ id: 'SearchPartnerOrganisations' });
export type SearchPartnersInput = z.output<typeof searchPartnersBody>;

export const partnerView = z
  .object({
    id: uuid,
    kind: partnerKind,
    name: z.string(),
    districtId: uuid.nullable(),
    address: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    contacts: z.array(z.object({ name: z.string(), position: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })).optional(),
    notes: z.string().nullable().optional(),
    archivedAt: z.string().nullable(),
    archiveReason: z.string().nullable().optional(),
    version: z.number().int(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'PartnerOrganisation' });
export type PartnerView = z.infer<typeof partnerView>;
export const partnerPage = pageSchema(partnerView).meta({ id: 'PartnerOrganisationPage' });
