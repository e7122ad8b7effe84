import type { HouseholdUpdate } from '../../db/schema.ts';
import { searchFold } from '../../../shared/names/index.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { changedAddress, resolveAddress } from '../locations/location.repository.ts';
import { assertPlacement, changedPlacement, defaultWorker } from '../organisation/placement.ts';
import { findPerson } from '../people/person.repository.ts';
import { personViewFor } from '../people/person.policy.ts';
import { createPersonRow } from '../people/person.service.ts';
import { assertHouseholdWritable, householdViewFor } from './household.policy.ts';
import { currentMembers, findHousehold, insertHousehold, searchHouseholds, updateHouseholdAtVersion } from './household.repository.ts';
import type { CreateHouseholdInput, HouseholdView, MemberInput, SearchHouseholdsInput, UpdateHouseholdInput } from './household.schema.ts';
import { type RELATIONSHIPS } from './household.schema.ts';

type Relationship = (typeof RELATIONSHIPS)[number];

async function detail(ctx: HandlerContext, householdId: string) {
  const row = await findHousehold(ctx.db, ctx.actor, householdId);
  if (!row) throw notFoundOrNoAccess();
  const members = await currentMembers(ctx.db, householdId);
  return {
    household: householdViewFor(ctx.actor, row, members.length),
    members: members.map((m) => ({
      memberId: m.member_id,
      relationship: m.relationship as Relationship,
      isPrimaryCaregiver: m.is_primary_caregiver,
      joinedOn: m.joined_on,
      person: personViewFor(ctx.actor, m),
    })),
  };
}

export async function getHousehold(ctx: HandlerContext, id: string) {
  const result = await detail(ctx, id);
  await ctx.audit({ action: 'household.read', recordType: 'household', recordId: id, details: { members: result.members.map((m) => m.person.id) } });
  return result;
}

export async function findHouseholds(ctx: HandlerContext, input: SearchHouseholdsInput) {
  if (input.q && ctx.actor.fieldView === 'deidentified') throw new AppError('forbidden', 'Your role may not search by name.');
  const fold = input.q ? searchFold(input.q) || null : null;
  const { rows, total } = await searchHouseholds(ctx.db, ctx.actor, input, fold);
  await ctx.audit({ action: 'household.search', recordType: 'household', details: { results: total, shown: rows.map((r) => r.id) } });
  return { items: rows.map((r) => householdViewFor(ctx.actor, r, r.member_count ?? 0)), total, page: input.page, pageSize: input.pageSize };
}

/** Adds one member: an existing person the caller may reach, or a new person registered with the household. */
async function addMember(ctx: HandlerContext, household: { id: string; branch_id: string; team_id: string | null; assigned_worker_id: string | null; region_id: string | null; district_id: string | null; mahalla_id: string | null; address_line: string | null }, member: MemberInput, index: number | null) {
  const prefix = index === null ? [] : ['members', String(index)];
  let personId: string;
  if ('personId' in member) {
    if (!(await findPerson(ctx.db, ctx.actor, member.personId))) {
      throw new AppError('validation_failed', 'Some fields are not valid.', { fields: [{ path: [...prefix, 'personId'], code: 'invalid_value' }] });
    }
    personId = member.personId;
  } else {
    const p = member.person;
    const hasAddress = p.regionId || p.districtId || p.mahallaId;
    const row = await createPersonRow(ctx, {
      ...p,
      ...(hasAddress ? {} : { regionId: household.region_id, districtId: household.district_id, mahallaId: household.mahalla_id, addressLine: p.addressLine ?? household.address_line }),
      branchId: household.branch_id,
      teamId: household.team_id,
      assignedWorkerId: household.assigned_worker_id,
    }, [...prefix, 'person']);
    personId = row.id;
  }
  const already = await ctx.db.selectFrom('household_member').select('id').where('household_id', '=', household.id).where('person_id', '=', personId).where('left_on', 'is', null).executeTakeFirst();
  if (already) throw new AppError('conflict', 'This person is already a member of the household.');
  if (member.isPrimaryCaregiver) {
    await ctx.db.updateTable('household_member').set({ is_primary_caregiver: false }).where('household_id', '=', household.id).execute();
  }
  await ctx.db
    .insertInto('household_member')
    .values({ household_id: household.id, person_id: personId, relationship: member.relationship, is_primary_caregiver: member.isPrimaryCaregiver, joined_on: new Date().toISOString().slice(0, 10), left_on: null })
    .execute();
  await ctx.audit({ action: 'household.member.add', recordType: 'household', recordId: household.id, details: { personId } });
}

/** Registers a household and its members in one transaction: all of it is saved, or none. */
export async function createHousehold(ctx: HandlerContext, input: CreateHouseholdInput) {
  const scope = await assertPlacement(ctx.db, ctx.actor, { branchId: input.branchId, teamId: input.teamId, assignedWorkerId: defaultWorker(ctx.actor, input.assignedWorkerId) });
  const address = await resolveAddress(ctx.db, input);
  if (input.members.filter((m) => m.isPrimaryCaregiver).length > 1) {
    throw new AppError('validation_failed', 'Some fields are not valid.', { fields: [{ path: ['members'], code: 'invalid_value' }] });
  }
  const row = await insertHousehold(ctx.db, {
    ...scope,
    display_name: input.displayName,
    search_fold: searchFold(input.displayName),
    region_id: address.regionId,
    district_id: address.districtId,
    mahalla_id: address.mahallaId,
    address_line: input.addressLine,
    phone: input.phone,
    notes: input.notes,
    archived_at: null,
    archive_reason: null,
    created_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'household.create', recordType: 'household', recordId: row.id });
  for (const [i, member] of input.members.entries()) await addMember(ctx, row, member, i);
  return detail(ctx, row.id);
}

export async function updateHousehold(ctx: HandlerContext, id: string, input: UpdateHouseholdInput): Promise<HouseholdView> {
  const { version, ...changes } = input;
  assertHouseholdWritable(ctx.actor.fieldView, Object.keys(changes));
  const current = await findHousehold(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== version) throw versionConflict(householdViewFor(ctx.actor, current));
  const values: HouseholdUpdate = {};
  if (changes.displayName !== undefined) Object.assign(values, { display_name: changes.displayName, search_fold: searchFold(changes.displayName) });
  if (changes.addressLine !== undefined) values.address_line = changes.addressLine;
  if (changes.phone !== undefined) values.phone = changes.phone;
  if (changes.notes !== undefined) values.notes = changes.notes;
  Object.assign(values, await changedPlacement(ctx.db, ctx.actor, changes, current), await changedAddress(ctx.db, changes, current));
  const row = await updateHouseholdAtVersion(ctx.db, ctx.actor, id, version, values);
  if (!row) throw versionConflict(householdViewFor(ctx.actor, current));
  await ctx.audit({ action: 'household.update', recordType: 'household', recordId: id, details: { fields: Object.keys(changes).sort(), version: row.version } });
  return householdViewFor(ctx.actor, row);
}

export async function addHouseholdMember(ctx: HandlerContext, id: string, member: MemberInput) {
  assertHouseholdWritable(ctx.actor.fieldView, ['members']);
  const household = await findHousehold(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!household || household.archived_at) throw notFoundOrNoAccess();
  await addMember(ctx, household, member, null);
  await updateHouseholdAtVersion(ctx.db, ctx.actor, id, household.version, {});
  return detail(ctx, id);
}

/** A member leaves: the membership ends on a date and stays in the history. */
export async function endMembership(ctx: HandlerContext, id: string, memberId: string, input: { version: number; leftOn?: string | undefined }) {
  assertHouseholdWritable(ctx.actor.fieldView, ['members']);
  const household = await findHousehold(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!household) throw notFoundOrNoAccess();
  if (household.version !== input.version) throw versionConflict(householdViewFor(ctx.actor, household));
  const ended = await ctx.db
    .updateTable('household_member')
    .set({ left_on: input.leftOn ?? new Date().toISOString().slice(0, 10), is_primary_caregiver: false })
    .where('id', '=', memberId)
    .where('household_id', '=', id)
    .where('left_on', 'is', null)
    .returning('person_id')
    .executeTakeFirst();
  if (!ended) throw notFoundOrNoAccess();
  await updateHouseholdAtVersion(ctx.db, ctx.actor, id, household.version, {});
  await ctx.audit({ action: 'household.member.leave', recordType: 'household', recordId: id, details: { personId: ended.person_id } });
  return detail(ctx, id);
}

export async function archiveHousehold(ctx: HandlerContext, id: string, input: { version: number; reason: string }): Promise<HouseholdView> {
  const current = await findHousehold(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(householdViewFor(ctx.actor, current));
  if (current.archived_at) throw new AppError('conflict', 'This household is archived already.');
  const row = await updateHouseholdAtVersion(ctx.db, ctx.actor, id, input.version, { archived_at: new Date().toISOString(), archive_reason: input.reason });
  if (!row) throw versionConflict(householdViewFor(ctx.actor, current));
  await ctx.audit({ action: 'household.archive', recordType: 'household', recordId: id });
  return householdViewFor(ctx.actor, row);
}
