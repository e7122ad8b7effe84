import type { FieldView } from '../../../shared/permissions.ts';
import type { Household } from '../../db/schema.ts';
import { pickVisible, type VisibleFields } from '../../platform/access/field-visibility.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { HouseholdView } from './household.schema.ts';

const VISIBLE: VisibleFields<HouseholdView> = {
  partner: new Set<keyof HouseholdView>(['id', 'reference', 'displayName', 'regionId', 'districtId', 'mahallaId', 'branchId', 'teamId', 'memberCount', 'archivedAt', 'version']),
  deidentified: new Set<keyof HouseholdView>(['id', 'reference', 'regionId', 'districtId', 'branchId', 'memberCount', 'archivedAt', 'version', 'createdAt', 'updatedAt']),
};

export function householdViewFor(actor: Pick<Actor, 'fieldView'>, row: Household, memberCount?: number): HouseholdView {
  return pickVisible(actor.fieldView, {
    id: row.id,
    reference: row.reference,
    displayName: row.display_name,
    regionId: row.region_id,
    districtId: row.district_id,
    mahallaId: row.mahalla_id,
    addressLine: row.address_line,
    phone: row.phone,
    notes: row.notes,
    branchId: row.branch_id,
    teamId: row.team_id,
    assignedWorkerId: row.assigned_worker_id,
    ...(memberCount !== undefined ? { memberCount } : {}),
    archivedAt: row.archived_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, VISIBLE);
}

/** Only the full view changes household data. */
export function assertHouseholdWritable(view: FieldView, fields: string[]): void {
  const refused = view === 'full' ? [] : fields.filter((f) => f !== 'version');
  if (refused.length) {
    throw new AppError('field_not_writable', 'Your role may not change some of these fields.', { fields: refused.map((f) => ({ path: [f], code: 'invalid' as const })) });
  }
}
