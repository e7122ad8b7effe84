import { pickVisible, type VisibleFields } from '../../platform/access/field-visibility.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { PartnerOrganisation } from '../../db/casework-tables.ts';
import type { PartnerView } from './partner.schema.ts';

/**
 * A partner organisation is organisation-wide reference data. Its contact
 * people are personal data: monitoring sees the organisation, not who works
 * there; a partner sees contacts but not the association's internal notes.
 */
const VISIBLE: VisibleFields<PartnerView> = {
  partner: new Set<keyof PartnerView>(['id', 'kind', 'name', 'districtId', 'address', 'phone', 'email', 'contacts', 'archivedAt', 'version']),
  deidentified: new Set<keyof PartnerView>(['id', 'kind', 'name', 'districtId', 'archivedAt', 'version', 'createdAt', 'updatedAt']),
};

export function partnerViewFor(actor: Pick<Actor, 'fieldView'>, row: PartnerOrganisation): PartnerView {
  return pickVisible(actor.fieldView, {
    id: row.id,
    kind: row.kind,
    name: row.name,
    districtId: row.district_id,
    address: row.address,
    phone: row.phone,
    email: row.email,
    contacts: row.contacts,
    notes: row.notes,
    archivedAt: row.archived_at,
    archiveReason: row.archive_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, VISIBLE);
}
