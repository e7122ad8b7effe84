import { z } from 'zod';
import { ASSISTANCE_KINDS, PROVIDER_KINDS, SERVICE_TYPES, SERVICE_UNITS, UZS_PATTERN } from '../../../shared/casework/codes.ts';
import { optionalText, pastDate, requiredText, uuid, version } from '../../../shared/schemas/common.ts';

/**
 * Services delivered to a family (one case, or many at one group session)
 * and one-time assistance. Sums are Uzbek soʻm as decimal strings
 * ("150000" or "150000.50"), never floats.
 */

export const serviceType = z.enum(SERVICE_TYPES).meta({ id: 'ServiceType' });
export const providerKind = z.enum(PROVIDER_KINDS).meta({ id: 'ServiceProviderKind' });
export const serviceUnit = z.enum(SERVICE_UNITS).meta({ id: 'ServiceUnit' });
export const assistanceKind = z.enum(ASSISTANCE_KINDS).meta({ id: 'AssistanceKind' });

/** An amount of Uzbek soʻm: digits with at most two decimals, as a string. */
export const uzs = z.string().trim().regex(UZS_PATTERN, 'invalid_format');
/** A donor project's code, free text until projects have their own records. */
const projectCode = optionalText(60);
const units = z.number().positive().max(100_000).refine((n) => Math.round(n * 100) === n * 100, 'invalid_format');

const deliveryFields = {
  serviceType,
  providerKind,
  /** An external provider from the directory… */
  partnerId: uuid.nullish().transform((s) => s ?? null),
  /** …or named, when it is not in the directory. */
  providerName: optionalText(200),
  deliveredOn: pastDate,
  units,
  unit: serviceUnit,
  costUzs: uzs.nullish().transform((s) => s ?? null),
  projectCode,
  notes: optionalText(2000),
};

export const createServiceBody = z
  .strictObject({ ...deliveryFields, unit: serviceUnit.default('session'), personIds: z.array(uuid).max(40).default([]) })
  .meta({ id: 'CreateServiceDelivery' });
export type CreateServiceInput = z.output<typeof createServiceBody>;

export const updateServiceBody = z
  .strictObject({
    version,
    serviceType: serviceType.optional(),
    providerKind: providerKind.optional(),
    partnerId: deliveryFields.partnerId.optional(),
    providerName: deliveryFields.providerName.optional(),
    deliveredOn: pastDate.optional(),
    units: units.optional(),
    unit: serviceUnit.optional(),
    costUzs: deliveryFields.costUzs.optional(),
    projectCode: projectCode.optional(),
    notes: deliveryFields.notes.optional(),
    personIds: z.array(uuid).max(40).optional(),
  })
  .meta({ id: 'UpdateServiceDelivery' });
export type UpdateServiceInput = z.output<typeof updateServiceBody>;

/** One group session (a parenting training, say) attended by several families: one delivery per case, all or none saved. */
export const groupServiceBody = z
  .strictObject({
    ...deliveryFields,
    unit: serviceUnit.default('session'),
    sessionTitle: requiredText(200),
    /** The cost of the session for each family (each delivery), if known. */
    cases: z.array(z.strictObject({ caseId: uuid, personIds: z.array(uuid).max(40).default([]) })).min(1).max(200),
  })
  .meta({ id: 'CreateGroupServiceSession' });
export type GroupServiceInput = z.output<typeof groupServiceBody>;

export const serviceView = z
  .object({
    id: uuid,
    caseId: uuid,
    serviceType,
    providerKind,
    partnerId: uuid.nullable(),
    partnerName: z.string().nullable().optional(),
    providerName: z.string().nullable().optional(),
    deliveredOn: z.string(),
    units: z.number(),
    unit: serviceUnit,
    costUzs: z.string().nullable().optional(),
    projectCode: z.string().nullable().optional(),
    groupSessionId: uuid.nullable(),
    sessionTitle: z.string().nullable().optional(),
    personIds: z.array(uuid).optional(),
    notes: z.string().nullable().optional(),
    version: z.number().int(),
    createdBy: uuid.optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'ServiceDelivery' });
export type ServiceView = z.infer<typeof serviceView>;

export const groupServiceView = z
  .object({ groupSessionId: uuid, deliveries: z.array(serviceView) })
  .meta({ id: 'GroupServiceSession' });

const assistanceFields = {
  kind: assistanceKind,
  /** What was given in kind (or what the cash was for). */
  item: optionalText(300),
  valueUzs: uzs,
  projectCode,
  givenOn: pastDate,
  /** The household member it was given to, if one. */
  personId: uuid.nullish().transform((s) => s ?? null),
  notes: optionalText(2000),
};

export const createAssistanceBody = z
  .strictObject(assistanceFields)
  .refine((a) => a.kind === 'cash' || a.item !== null, { path: ['item'], message: 'required' })
  .meta({ id: 'CreateAssistance' });
export type CreateAssistanceInput = z.output<typeof createAssistanceBody>;

export const updateAssistanceBody = z
  .strictObject({
    version,
    kind: assistanceKind.optional(),
    item: assistanceFields.item.optional(),
    valueUzs: uzs.optional(),
    projectCode: projectCode.optional(),
    givenOn: pastDate.optional(),
    personId: assistanceFields.personId.optional(),
    notes: assistanceFields.notes.optional(),
  })
  .meta({ id: 'UpdateAssistance' });
export type UpdateAssistanceInput = z.output<typeof updateAssistanceBody>;

export const assistanceView = z
  .object({
    id: uuid,
    caseId: uuid,
    kind: assistanceKind,
    item: z.string().nullable().optional(),
    valueUzs: z.string().optional(),
    projectCode: z.string().nullable().optional(),
    givenOn: z.string(),
    personId: uuid.nullable().optional(),
    notes: z.string().nullable().optional(),
    version: z.number().int(),
    createdBy: uuid.optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'OneTimeAssistance' });
export type AssistanceView = z.infer<typeof assistanceView>;
