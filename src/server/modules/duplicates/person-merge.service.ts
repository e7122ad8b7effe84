import type { MergeField } from '../../../shared/duplicates.ts';
import type { MovedRow, Person, PersonUpdate } from '../../db/schema.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { updatePersonAtVersion } from '../people/person.repository.ts';
import { personViewFor } from '../people/person.policy.ts';
import { personNameView } from '../people/person.schema.ts';
import { nameColumns } from '../people/person.service.ts';
import { refreshMatchKeysMany } from './duplicate.repository.ts';
import {
  findMerge, insertMerge, lockPeople, markMergeUndone, membershipsOfPerson, mergeHistoryOf, moveReference, moveRowBack, pairBetween, pairsOfPerson,
  personReferences, updateMembership, updatePairRow,
} from './person-merge.repository.ts';
import type { MergeInput } from './person-merge.schema.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The survivor's new values: each chosen field from the chosen record. */
function survivorValues(survivor: Person, merged: Person, fields: Partial<Record<MergeField, 'survivor' | 'merged'>>): PersonUpdate {
  const pick = (f: MergeField) => (fields[f] === 'merged' ? merged : survivor);
  const given = pick('givenName');
  const family = pick('familyName');
  const patronymic = pick('patronymic');
  // A name part taken from a record typed in the other script comes in the survivor's script (its
  // other-script spelling), so the survivor never reads «Абдуллаева Dilnozaxon».
  const script = survivor.name_script;
  const inScript = (from: Person, main: string, alt: string | null): [string, string | null] => (from.name_script === script || !alt ? [main, alt] : [alt, main]);
  const [givenName, givenNameAlt] = inScript(given, given.given_name, given.given_name_alt);
  const [familyName, familyNameAlt] = inScript(family, family.family_name, family.family_name_alt);
  const [patronymicMain, patronymicAlt] = patronymic.patronymic ? inScript(patronymic, patronymic.patronymic, patronymic.patronymic_alt) : [null, patronymic.patronymic_alt];
  const names = nameColumns({ givenName, familyName, patronymic: patronymicMain, givenNameAlt, familyNameAlt, patronymicAlt, nameScript: script });
  const dob = pick('birthDate');
  const address = pick('address');
  return {
    ...names,
    sex: pick('sex').sex,
    birth_date: dob.birth_date,
    birth_date_estimated: dob.birth_date_estimated,
    disability: pick('disability').disability,
    special_needs: pick('specialNeeds').special_needs,
    health_notes: pick('healthNotes').health_notes,
    pinfl: pick('pinfl').pinfl,
    birth_certificate: pick('birthCertificate').birth_certificate,
    phone: pick('phone').phone,
    region_id: address.region_id,
    district_id: address.district_id,
    mahalla_id: address.mahalla_id,
    address_line: address.address_line,
  };
}

/** Every column a merge may change, restored from a before-image on undo. */
function restoreValues(before: Record<string, unknown>): PersonUpdate {
  const b = before as unknown as Person;
  return {
    given_name: b.given_name, family_name: b.family_name, patronymic: b.patronymic, name_script: b.name_script,
    given_name_alt: b.given_name_alt, family_name_alt: b.family_name_alt, patronymic_alt: b.patronymic_alt, search_fold: b.search_fold,
    sex: b.sex, birth_date: b.birth_date, birth_date_estimated: b.birth_date_estimated, disability: b.disability,
    special_needs: b.special_needs, health_notes: b.health_notes, pinfl: b.pinfl, birth_certificate: b.birth_certificate, phone: b.phone,
    region_id: b.region_id, district_id: b.district_id, mahalla_id: b.mahalla_id, address_line: b.address_line,
    branch_id: b.branch_id, team_id: b.team_id, assigned_worker_id: b.assigned_worker_id,
    archived_at: b.archived_at, archive_reason: b.archive_reason, merged_into_id: b.merged_into_id,
  };
}

/**
 * Merges two records of one person in one transaction: the survivor takes
 * the chosen values, every row pointing to the merged person moves to the
 * survivor, the merged person is archived pointing to the survivor, and the
 * log keeps what undoing needs.
 */
export async function mergePeople(ctx: HandlerContext, input: MergeInput) {
  const people = await lockPeople(ctx.db, ctx.actor, [input.survivorId, input.mergedId]);
  const survivor = people.get(input.survivorId);
  const merged = people.get(input.mergedId);
  if (!survivor || !merged) throw notFoundOrNoAccess();
  if (ctx.actor.fieldView !== 'full') throw new AppError('forbidden', 'Your role may not merge records.');
  if (survivor.version !== input.survivorVersion || merged.version !== input.mergedVersion) {
    throw versionConflict({ survivor: personViewFor(ctx.actor, survivor), merged: personViewFor(ctx.actor, merged) });
  }
  if (survivor.archived_at || merged.archived_at) throw new AppError('conflict', 'An archived record cannot be merged; restore it first.');

  const moved: MovedRow[] = [];
  // A household both belong to keeps the survivor's membership: the merged
  // one ends today (and hands over the primary-caregiver mark).
  const survivorMemberships = await membershipsOfPerson(ctx.db, survivor.id);
  for (const m of await membershipsOfPerson(ctx.db, merged.id)) {
    const twin = survivorMemberships.find((s) => s.household_id === m.household_id && s.left_on === null);
    if (!twin || m.left_on !== null) continue;
    if (m.is_primary_caregiver && !twin.is_primary_caregiver) {
      moved.push({ table: 'household_member', column: 'person_id', key: { id: twin.id }, before: { ...twin } });
      await updateMembership(ctx.db, twin.id, { is_primary_caregiver: true });
    }
    moved.push({ table: 'household_member', column: 'person_id', key: { id: m.id }, before: { ...m } });
    await updateMembership(ctx.db, m.id, { left_on: today(), is_primary_caregiver: false });
  }
  // Possible-duplicate pairs: this one is decided; the merged person's other
  // pairs become the survivor's unless the survivor has that pair already.
  for (const p of await pairsOfPerson(ctx.db, merged.id)) {
    const other = p.person_a_id === merged.id ? p.person_b_id : p.person_a_id;
    if (other === survivor.id) {
      moved.push({ table: 'duplicate_pair', column: 'person_a_id', key: { id: p.id }, before: { ...p } });
      await updatePairRow(ctx.db, p.id, { status: 'merged', decided_by: ctx.actor.userId, decided_at: new Date().toISOString(), version: p.version + 1 });
    } else if (!(await pairBetween(ctx.db, survivor.id, other))) {
      moved.push({ table: 'duplicate_pair', column: 'person_a_id', key: { id: p.id }, before: { ...p } });
      const [a, b] = survivor.id < other ? [survivor.id, other] : [other, survivor.id];
      await updatePairRow(ctx.db, p.id, { person_a_id: a, person_b_id: b });
    }
  }
  // Everything else that points to the merged person, found in the catalogue.
  const counts: Record<string, number> = {};
  for (const ref of await personReferences(ctx.db)) {
    const keys = await moveReference(ctx.db, ref, merged.id, survivor.id);
    const name = ref.schema === 'public' ? ref.table : `${ref.schema}.${ref.table}`;
    for (const key of keys) moved.push({ table: name, column: ref.column, key });
    if (keys.length) counts[name] = (counts[name] ?? 0) + keys.length;
  }

  // Archive first: the survivor may take over the merged record's PINFL, which is unique among active people.
  const mergedAfter = await updatePersonAtVersion(ctx.db, ctx.actor, merged.id, merged.version, {
    archived_at: new Date().toISOString(), archive_reason: `Merged into ${survivor.reference}`, merged_into_id: survivor.id,
  });
  const survivorAfter = await updatePersonAtVersion(ctx.db, ctx.actor, survivor.id, survivor.version, survivorValues(survivor, merged, input.fields));
  if (!mergedAfter || !survivorAfter) throw versionConflict({ survivor: personViewFor(ctx.actor, survivor), merged: personViewFor(ctx.actor, merged) });
  await refreshMatchKeysMany(ctx.db, [survivorAfter, mergedAfter]);

  const log = await insertMerge(ctx.db, {
    organisation_id: ctx.actor.organisationId, survivor_id: survivor.id, merged_id: merged.id, fields: input.fields,
    survivor_before: survivor, merged_before: merged, moved,
    survivor_version_after: survivorAfter.version, merged_version_after: mergedAfter.version, merged_by: ctx.actor.userId,
  });
  const details = { mergeId: log.id, survivorId: survivor.id, mergedId: merged.id, fields: input.fields, moved: counts };
  await ctx.audit({ action: 'person.merge', recordType: 'person', recordId: survivor.id, details });
  await ctx.audit({ action: 'person.merged_into', recordType: 'person', recordId: merged.id, details });
  return { mergeId: log.id, survivor: personViewFor(ctx.actor, survivorAfter), merged: personViewFor(ctx.actor, mergedAfter), moved: counts };
}

/**
 * Undoes a merge exactly: moved rows point back to the merged person, rows
 * the merge changed get their before-image, both people get their values
 * back (with new versions). Refused if either person changed since.
 */
export async function undoMerge(ctx: HandlerContext, mergeId: string) {
  const log = await findMerge(ctx.db, ctx.actor, mergeId, { forUpdate: true });
  if (!log) throw notFoundOrNoAccess();
  if (ctx.actor.fieldView !== 'full') throw new AppError('forbidden', 'Your role may not undo merges.');
  if (log.undone_at) throw new AppError('conflict', 'This merge has been undone already.');
  const people = await lockPeople(ctx.db, ctx.actor, [log.survivor_id, log.merged_id]);
  const survivor = people.get(log.survivor_id);
  const merged = people.get(log.merged_id);
  if (!survivor || !merged) throw notFoundOrNoAccess();
  if (survivor.version !== log.survivor_version_after || merged.version !== log.merged_version_after) {
    throw versionConflict({ survivor: personViewFor(ctx.actor, survivor), merged: personViewFor(ctx.actor, merged) });
  }
  for (const m of [...log.moved].reverse()) {
    if (m.before && m.table === 'household_member') {
      const b = m.before as Record<string, string | boolean | null>;
      await updateMembership(ctx.db, String(b['id']), {
        household_id: b['household_id'] as string, person_id: b['person_id'] as string, relationship: b['relationship'] as string,
        is_primary_caregiver: b['is_primary_caregiver'] as boolean, joined_on: b['joined_on'] as string | null, left_on: b['left_on'] as string | null,
      });
    } else if (m.before && m.table === 'duplicate_pair') {
      await updatePairRow(ctx.db, String(m.before['id']), m.before);
    } else {
      await moveRowBack(ctx.db, m, survivor.id, merged.id);
    }
  }
  // The survivor first: it may hold the PINFL the merged record gets back.
  const survivorAfter = await updatePersonAtVersion(ctx.db, ctx.actor, survivor.id, survivor.version, restoreValues(log.survivor_before));
  const mergedAfter = await updatePersonAtVersion(ctx.db, ctx.actor, merged.id, merged.version, restoreValues(log.merged_before));
  if (!survivorAfter || !mergedAfter) throw versionConflict({ survivor: personViewFor(ctx.actor, survivor), merged: personViewFor(ctx.actor, merged) });
  await refreshMatchKeysMany(ctx.db, [survivorAfter, mergedAfter]);
  await markMergeUndone(ctx.db, log.id, ctx.actor.userId);
  const details = { mergeId: log.id, survivorId: survivor.id, mergedId: merged.id };
  await ctx.audit({ action: 'person.merge.undo', recordType: 'person', recordId: survivor.id, details });
  await ctx.audit({ action: 'person.merge.undo', recordType: 'person', recordId: merged.id, details });
  return { mergeId: log.id, survivor: personViewFor(ctx.actor, survivorAfter), merged: personViewFor(ctx.actor, mergedAfter) };
}

/**
 * Rows a merge moved, by table, as the merge answered them: entries with a
 * before-image only record a change to a row (a membership ended, a pair
 * decided), not a move.
 */
function movedCounts(moved: readonly MovedRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of moved) if (!m.before) counts[m.table] = (counts[m.table] ?? 0) + 1;
  return counts;
}

/** The records a person absorbed, for the person detail. */
export async function mergeHistory(ctx: HandlerContext, personId: string) {
  const rows = await mergeHistoryOf(ctx.db, ctx.actor, personId);
  // The absorbed records' names are read too: each read is on record, like any other.
  for (const r of rows) await ctx.audit({ action: 'person.read', recordType: 'person', recordId: r.mergedPersonId, details: { via: 'merge_history', survivorId: personId } });
  return rows.map((r) => ({
    mergeId: r.mergeId, merged: personNameView.parse(personViewFor(ctx.actor, r.merged)), mergedAt: r.mergedAt,
    mergedBy: { id: r.userId, displayName: r.userName }, moved: movedCounts(r.moved),
  }));
}
