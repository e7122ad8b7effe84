import type { Selectable } from 'kysely';
import type { ConsentTable } from '../../db/schema.ts';

/** A consent as shown: with its status today. */
export function consentViewOf(row: Selectable<ConsentTable>, today = new Date().toISOString().slice(0, 10)) {
  const status: 'active' | 'expired' | 'withdrawn' = row.withdrawn_at ? 'withdrawn' : row.expires_on && row.expires_on < today ? 'expired' : 'active';
  return {
    id: row.id,
    personId: row.person_id,
    householdId: row.household_id,
    purpose: row.purpose,
    dataCategories: row.data_categories,
    transfersTo: row.transfers_to,
    grantedOn: row.granted_on,
    expiresOn: row.expires_on,
    withdrawnAt: row.withdrawn_at,
    withdrawalNote: row.withdrawal_note,
    status,
    version: row.version,
  };
}
