import type { NewPerson, Person, PersonUpdate } from '../../db/schema.ts';
import { detectScript, otherScriptSuggestion, searchFold } from '../../../shared/names/index.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { changedAddress, resolveAddress } from '../locations/location.repository.ts';
import { assertPlacement, changedPlacement, defaultWorker } from '../organisation/placement.ts';
import { listConsents } from '../consents/consent.repository.ts';
import { consentViewOf } from '../consents/consent.policy.ts';
import { findPerson, insertPerson, pinflInUse, membershipsOf, searchPeople, updatePersonAtVersion } from './person.repository.ts';
import { assertWritable, maySearchByName, personViewFor } from './person.policy.ts';
import { refreshMatchKeys } from '../duplicates/duplicate.repository.ts';
import { assertNotLikelyDuplicate } from '../duplicates/duplicate.service.ts';
import { mergeHistory } from '../duplicates/person-merge.service.ts';
import type { CreatePersonInput, PersonView, SearchPeopleInput, UpdatePersonInput } from './person.schema.ts';

type Names = Pick<Person, 'given_name' | 'family_name' | 'patronymic' | 'given_name_alt' | 'family_name_alt' | 'patronymic_alt'>;

/**
 * Names as saved: the script they were typed in, the other-script forms (the
 * user's correction, or our transliteration), and the folded search text.
 */
export function nameColumns(input: {
  givenName: string; familyName: string; patronymic: string | null;
  givenNameAlt?: string | null; familyNameAlt?: string | null; patronymicAlt?: string | null; nameScript?: 'cyrl' | 'latn' | undefined;
}): Names & Pick<Person, 'name_script' | 'search_fold'> {
  const detected = detectScript(`${input.givenName} ${input.familyName}`);
  const nameScript = input.nameScript ?? (detected === 'cyrl' ? 'cyrl' : 'latn');
  const alt = (value: string | null, given: string | null | undefined) => (given ? given : value ? otherScriptSuggestion(value)?.text ?? null : null);
  const names: Names = {
    given_name: input.givenName,
    family_name: input.familyName,
    patronymic: input.patronymic,
    given_name_alt: alt(input.givenName, input.givenNameAlt),
    family_name_alt: alt(input.familyName, input.familyNameAlt),
    patronymic_alt: alt(input.patronymic, input.patronymicAlt),
  };
  const all = Object.values(names).filter(Boolean).join(' ');
  return { ...names, name_script: nameScript, search_fold: searchFold(all) };
}

export async function getPerson(ctx: HandlerContext, id: string) {
  const row = await findPerson(ctx.db, ctx.actor, id);
  if (!row) throw notFoundOrNoAccess();
  await ctx.audit({ action: 'person.read', recordType: 'person', recordId: id });
  const households = await membershipsOf(ctx.db, ctx.actor, id);
  const person = personViewFor(ctx.actor, row);
  const showConsents = ctx.actor.permissions.has('consent.read') && ctx.actor.fieldView === 'full';
  return {
    person,
    households: households.map((h) => (ctx.actor.fieldView === 'deidentified' ? { ...h, householdName: undefined } : h)),
    ...(showConsents ? { consents: (await listConsents(ctx.db, id)).map((c) => consentViewOf(c)) } : {}),
    merges: await mergeHistory(ctx, id),
  };
}

export async function findPeople(ctx: HandlerContext, input: SearchPeopleInput) {
  if (input.q && !maySearchByName(ctx.actor.fieldView)) throw new AppError('forbidden', 'Your role may not search by name.');
  const fold = input.q ? searchFold(input.q) || null : null;
  const { rows, total } = await searchPeople(ctx.db, ctx.actor, input, fold);
  await ctx.audit({ action: 'person.search', recordType: 'person', details: { results: total, shown: rows.map((r) => r.id) } });
  return { items: rows.map((r) => personViewFor(ctx.actor, r)), total, page: input.page, pageSize: input.pageSize };
}

function columnsOf(input: Partial<CreatePersonInput>): PersonUpdate {
  const c: PersonUpdate = {};
  if (input.sex !== undefined) c.sex = input.sex;
  if (input.birthDate !== undefined) c.birth_date = input.birthDate;
  if (input.birthDateEstimated !== undefined) c.birth_date_estimated = input.birthDateEstimated;
  if (input.disability !== undefined) c.disability = input.disability;
  if (input.specialNeeds !== undefined) c.special_needs = input.specialNeeds;
  if (input.healthNotes !== undefined) c.health_notes = input.healthNotes;
  if (input.pinfl !== undefined) c.pinfl = input.pinfl;
  if (input.birthCertificate !== undefined) c.birth_certificate = input.birthCertificate;
  if (input.phone !== undefined) c.phone = input.phone;
  if (input.addressLine !== undefined) c.address_line = input.addressLine;
  return c;
}

async function assertPinflFree(ctx: HandlerContext, pinfl: string | null | undefined, exceptId?: string): Promise<void> {
  if (!pinfl) return;
  if (await pinflInUse(ctx.db, ctx.actor.organisationId, pinfl, exceptId)) {
    throw new AppError('duplicate_identity', 'A person with this PINFL is already registered.', { fields: [{ path: ['pinfl'], code: 'invalid_value' }] });
  }
}

/** Registers a person: placement and address checked, names in both scripts, audited. */
export async function createPerson(ctx: HandlerContext, input: CreatePersonInput): Promise<PersonView> {
  const row = await createPersonRow(ctx, input);
  return personViewFor(ctx.actor, row);
}

/** The part of registration a household service reuses for its new members. */
export async function createPersonRow(ctx: HandlerContext, input: CreatePersonInput, prefix: string[] = []): Promise<Person> {
  const scope = await assertPlacement(ctx.db, ctx.actor, { branchId: input.branchId, teamId: input.teamId, assignedWorkerId: defaultWorker(ctx.actor, input.assignedWorkerId) }, prefix);
  const address = await resolveAddress(ctx.db, input, prefix);
  await assertPinflFree(ctx, input.pinfl);
  const override = await assertNotLikelyDuplicate(ctx, { ...input, ...address }, prefix);
  const values: NewPerson = {
    ...scope,
    ...nameColumns(input),
    ...(columnsOf(input) as Omit<NewPerson, 'sex'>),
    sex: input.sex,
    region_id: address.regionId,
    district_id: address.districtId,
    mahalla_id: address.mahallaId,
    created_by: ctx.actor.userId,
  };
  const row = await insertPerson(ctx.db, values);
  await refreshMatchKeys(ctx.db, row);
  await ctx.audit({ action: 'person.create', recordType: 'person', recordId: row.id });
  if (override) await ctx.audit({ action: 'person.duplicate_override', recordType: 'person', recordId: row.id, details: override });
  return row;
}

/** Saves a change made on the version the user saw; a newer version answers 409 with the current record. */
export async function updatePerson(ctx: HandlerContext, id: string, input: UpdatePersonInput): Promise<PersonView> {
  const { version, ...changes } = input;
  assertWritable(ctx.actor, Object.keys(changes));
  const current = await findPerson(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== version) throw versionConflict(personViewFor(ctx.actor, current));

  const values: PersonUpdate = columnsOf(changes);
  const nameKeys = ['givenName', 'familyName', 'patronymic', 'givenNameAlt', 'familyNameAlt', 'patronymicAlt', 'nameScript'] as const;
  if (nameKeys.some((k) => changes[k] !== undefined)) {
    const given = changes.givenName ?? current.given_name;
    const family = changes.familyName ?? current.family_name;
    const patronymic = changes.patronymic !== undefined ? changes.patronymic : current.patronymic;
    // A changed name gets a fresh suggestion for its other-script form unless the user gave one.
    const keepAlt = (changed: boolean, given: string | null | undefined, old: string | null) => (given !== undefined ? given : changed ? null : old);
    Object.assign(values, nameColumns({
      givenName: given, familyName: family, patronymic,
      givenNameAlt: keepAlt(changes.givenName !== undefined, changes.givenNameAlt, current.given_name_alt),
      familyNameAlt: keepAlt(changes.familyName !== undefined, changes.familyNameAlt, current.family_name_alt),
      patronymicAlt: keepAlt(changes.patronymic !== undefined, changes.patronymicAlt, current.patronymic_alt),
      nameScript: changes.nameScript ?? current.name_script,
    }));
  }
  Object.assign(values, await changedPlacement(ctx.db, ctx.actor, changes, current), await changedAddress(ctx.db, changes, current));
  if (changes.pinfl) await assertPinflFree(ctx, changes.pinfl, id);
  const row = await updatePersonAtVersion(ctx.db, ctx.actor, id, version, values);
  if (!row) throw versionConflict(personViewFor(ctx.actor, current));
  await refreshMatchKeys(ctx.db, row);
  await ctx.audit({ action: 'person.update', recordType: 'person', recordId: id, details: { fields: Object.keys(changes).sort(), version: row.version } });
  return personViewFor(ctx.actor, row);
}

/** Archives instead of deleting: the record and its history stay. */
export async function archivePerson(ctx: HandlerContext, id: string, input: { version: number; reason: string }): Promise<PersonView> {
  const current = await findPerson(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(personViewFor(ctx.actor, current));
  if (current.archived_at) throw new AppError('conflict', 'This person is archived already.');
  const row = await updatePersonAtVersion(ctx.db, ctx.actor, id, input.version, { archived_at: new Date().toISOString(), archive_reason: input.reason });
  if (!row) throw versionConflict(personViewFor(ctx.actor, current));
  await refreshMatchKeys(ctx.db, row);
  await ctx.audit({ action: 'person.archive', recordType: 'person', recordId: id });
  return personViewFor(ctx.actor, row);
}
