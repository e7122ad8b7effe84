import type { Updateable } from 'kysely';
import type { PartnerOrganisationTable } from '../../db/casework-tables.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { invalid } from '../casework/casework.access.ts';
import { partnerViewFor } from './partner.policy.ts';
import { findPartner, insertPartner, isDistrict, searchPartners, updatePartnerAtVersion } from './partner.repository.ts';
import type { CreatePartnerInput, SearchPartnersInput, UpdatePartnerInput } from './partner.schema.ts';

async function checkDistrict(ctx: HandlerContext, districtId: string | null | undefined): Promise<void> {
  if (districtId && !(await isDistrict(ctx.db, districtId))) throw invalid([{ path: ['districtId'], code: 'invalid_value' }]);
}

export async function findPartners(ctx: HandlerContext, input: SearchPartnersInput) {
  const { rows, total } = await searchPartners(ctx.db, ctx.actor, input);
  await ctx.audit({ action: 'partner_org.search', recordType: 'partner_organisation', details: { results: total } });
  return { items: rows.map((r) => partnerViewFor(ctx.actor, r)), total, page: input.page, pageSize: input.pageSize };
}

export async function getPartner(ctx: HandlerContext, id: string) {
  const row = await findPartner(ctx.db, ctx.actor, id);
  if (!row) throw notFoundOrNoAccess();
  await ctx.audit({ action: 'partner_org.read', recordType: 'partner_organisation', recordId: id });
  return partnerViewFor(ctx.actor, row);
}

export async function createPartner(ctx: HandlerContext, input: CreatePartnerInput) {
  await checkDistrict(ctx, input.districtId);
  const row = await insertPartner(ctx.db, {
    organisation_id: ctx.actor.organisationId, kind: input.kind, name: input.name, district_id: input.districtId, address: input.address,
    phone: input.phone, email: input.email, contacts: JSON.stringify(input.contacts), notes: input.notes,
    archived_at: null, archive_reason: null, created_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'partner_org.create', recordType: 'partner_organisation', recordId: row.id });
  return partnerViewFor(ctx.actor, row);
}

export async function updatePartner(ctx: HandlerContext, id: string, input: UpdatePartnerInput) {
  const current = await findPartner(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(partnerViewFor(ctx.actor, current));
  await checkDistrict(ctx, input.districtId);
  const values: Updateable<PartnerOrganisationTable> = {};
  if (input.kind !== undefined) values.kind = input.kind;
  if (input.name !== undefined) values.name = input.name;
  if (input.districtId !== undefined) values.district_id = input.districtId;
  if (input.address !== undefined) values.address = input.address;
  if (input.phone !== undefined) values.phone = input.phone;
  if (input.email !== undefined) values.email = input.email;
  if (input.contacts !== undefined) values.contacts = JSON.stringify(input.contacts);
  if (input.notes !== undefined) values.notes = input.notes;
  const row = await updatePartnerAtVersion(ctx.db, ctx.actor, id, input.version, values);
  if (!row) throw versionConflict(partnerViewFor(ctx.actor, current));
  const { version: _v, ...changed } = input;
  await ctx.audit({ action: 'partner_org.update', recordType: 'partner_organisation', recordId: id, details: { fields: Object.keys(changed).sort(), version: row.version } });
  return partnerViewFor(ctx.actor, row);
}

/** Archived, never deleted: referrals and plans keep pointing at it; new ones cannot. */
export async function archivePartner(ctx: HandlerContext, id: string, input: { version: number; reason: string }) {
  const current = await findPartner(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(partnerViewFor(ctx.actor, current));
  if (current.archived_at) throw new AppError('conflict', 'This partner organisation is archived already.');
  const row = await updatePartnerAtVersion(ctx.db, ctx.actor, id, input.version, { archived_at: new Date().toISOString(), archive_reason: input.reason });
  if (!row) throw versionConflict(partnerViewFor(ctx.actor, current));
  await ctx.audit({ action: 'partner_org.archive', recordType: 'partner_organisation', recordId: id });
  return partnerViewFor(ctx.actor, row);
}
