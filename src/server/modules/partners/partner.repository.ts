import { sql, type Insertable, type Updateable } from 'kysely';
import type { PartnerOrganisation, PartnerOrganisationTable } from '../../db/casework-tables.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { SearchPartnersInput } from './partner.schema.ts';

/** Partner organisations are scoped to the caller's organisation: every query carries it. */

export async function findPartner(db: Executor, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<PartnerOrganisation | undefined> {
  let q = db.selectFrom('partner_organisation').selectAll().where('id', '=', id).where('organisation_id', '=', actor.organisationId);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertPartner(db: Executor, values: Insertable<PartnerOrganisationTable>): Promise<PartnerOrganisation> {
  return db.insertInto('partner_organisation').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updatePartnerAtVersion(db: Executor, actor: Actor, id: string, version: number, values: Updateable<PartnerOrganisationTable>): Promise<PartnerOrganisation | undefined> {
  return db
    .updateTable('partner_organisation')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('organisation_id', '=', actor.organisationId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function searchPartners(db: Executor, actor: Actor, input: SearchPartnersInput): Promise<{ rows: PartnerOrganisation[]; total: number }> {
  let q = db.selectFrom('partner_organisation').where('organisation_id', '=', actor.organisationId);
  if (!input.includeArchived) q = q.where('archived_at', 'is', null);
  if (input.kind?.length) q = q.where('kind', 'in', input.kind);
  if (input.districtId) q = q.where('district_id', '=', input.districtId);
  const words = (input.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  for (const word of words) q = q.where(sql<boolean>`lower(name) LIKE ${`%${word.replace(/[%_\\]/g, '\\$&')}%`}`);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('name').orderBy('id').limit(input.pageSize).offset((input.page - 1) * input.pageSize).execute();
  return { rows, total };
}

export async function isDistrict(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('location').select('id').where('id', '=', id).where('kind', '=', 'district').executeTakeFirst()) !== undefined;
}
