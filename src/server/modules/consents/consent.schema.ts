import { z } from 'zod';
import { isoDate, optionalText, requiredText, uuid, version } from '../../../shared/schemas/common.ts';

/** What a consent may cover (ZRU-547: a consent names the data it covers). */
export const DATA_CATEGORIES = ['identity', 'contact', 'address', 'health', 'disability', 'education', 'family', 'documents', 'photos', 'case_notes'] as const;
export const CONSENT_PURPOSES = ['case_management', 'referral', 'alternative_care', 'aftercare', 'reporting', 'photos_publication', 'other'] as const;

export const createConsentBody = z
  .strictObject({
    purpose: z.enum(CONSENT_PURPOSES),
    purposeNote: optionalText(500),
    dataCategories: z.array(z.enum(DATA_CATEGORIES)).min(1).max(DATA_CATEGORIES.length),
    transfersTo: optionalText(500),
    householdId: uuid.nullish().transform((s) => s ?? null),
    grantedOn: isoDate,
    expiresOn: isoDate.nullish().transform((s) => s ?? null),
  })
  .refine((c) => !c.expiresOn || c.expiresOn > c.grantedOn, { message: 'invalid_date', path: ['expiresOn'] });

export const withdrawConsentBody = z.strictObject({ version, note: requiredText(500).optional() });
