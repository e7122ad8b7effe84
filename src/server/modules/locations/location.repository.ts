import type { FieldError } from '../../../shared/errors.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Executor } from '../../platform/http/context.ts';

export interface Address {
  regionId: string | null;
  districtId: string | null;
  mahallaId: string | null;
}

/**
 * Checks that an address is a real path down the location tree: the district
 * lies in the region, the mahalla in the district. Missing upper levels are
 * filled from the lower ones, so a form may send only the mahalla.
 */
export async function resolveAddress(db: Executor, address: Address, prefix: string[] = []): Promise<Address> {
  const ids = [address.regionId, address.districtId, address.mahallaId].filter((x): x is string => x !== null);
  if (ids.length === 0) return address;
  const rows = await db.selectFrom('location').select(['id', 'kind', 'parent_id']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fields: FieldError[] = [];
  const check = (id: string | null, kind: string, field: string) => {
    if (id !== null && byId.get(id)?.kind !== kind) fields.push({ path: [...prefix, field], code: 'invalid_value' });
  };
  check(address.regionId, 'region', 'regionId');
  check(address.districtId, 'district', 'districtId');
  check(address.mahallaId, 'mahalla', 'mahallaId');
  if (fields.length) throw new AppError('validation_failed', 'Some fields are not valid.', { fields });

  const result = { ...address };
  if (result.mahallaId) {
    const parent = byId.get(result.mahallaId)!.parent_id;
    if (result.districtId && result.districtId !== parent) fields.push({ path: [...prefix, 'mahallaId'], code: 'invalid_value' });
    result.districtId = parent;
  }
  if (result.districtId) {
    const district = byId.get(result.districtId) ?? (await db.selectFrom('location').select(['id', 'kind', 'parent_id']).where('id', '=', result.districtId).executeTakeFirst());
    const parent = district?.parent_id ?? null;
    if (result.regionId && result.regionId !== parent) fields.push({ path: [...prefix, 'districtId'], code: 'invalid_value' });
    result.regionId = parent;
  }
  if (fields.length) throw new AppError('validation_failed', 'Some fields are not valid.', { fields });
  return result;
}

/**
 * The address columns after an edit: a changed upper level clears the levels
 * below it unless they are given too, so a record never points at a mahalla
 * of another district. Returns nothing to set when the edit does not touch the address.
 */
export async function changedAddress(
  db: Executor,
  changes: Partial<Address>,
  current: { region_id: string | null; district_id: string | null; mahalla_id: string | null },
): Promise<{ region_id?: string | null; district_id?: string | null; mahalla_id?: string | null }> {
  if (changes.regionId === undefined && changes.districtId === undefined && changes.mahallaId === undefined) return {};
  const regionChanged = changes.regionId !== undefined;
  const districtChanged = regionChanged || changes.districtId !== undefined;
  const address = await resolveAddress(db, {
    regionId: changes.regionId !== undefined ? changes.regionId : current.region_id,
    districtId: changes.districtId !== undefined ? changes.districtId : regionChanged ? null : current.district_id,
    mahallaId: changes.mahallaId !== undefined ? changes.mahallaId : districtChanged ? null : current.mahalla_id,
  });
  return { region_id: address.regionId, district_id: address.districtId, mahalla_id: address.mahallaId };
}
