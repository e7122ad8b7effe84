import type { Updateable } from 'kysely';
import type { CaseNoteTable, CaseVisitTable } from '../../db/schema.ts';
import { notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { assertCaseContent, noteViewFor, visitViewFor } from './case.policy.ts';
import { findNote, findVisit, insertNote, insertVisit, listNotes, listVisits, updateNoteAtVersion, updateVisitAtVersion } from './case.repository.ts';
import type { CreateNoteInput, CreateVisitInput, UpdateNoteInput, UpdateVisitInput } from './case.schema.ts';
import { requireCase, requireCaseForUpdate } from './case.service.ts';

/**
 * Home visits and case notes: versioned, audited, always reached through a
 * case the caller may see. Audit details name ids and kinds, never the text.
 */

export async function getVisits(ctx: HandlerContext, caseId: string) {
  await requireCase(ctx, caseId);
  const rows = await listVisits(ctx.db, ctx.actor, caseId);
  await ctx.audit({ action: 'case.visits.read', recordType: 'family_case', recordId: caseId, details: { visits: rows.length } });
  return rows.map((r) => visitViewFor(ctx.actor, r));
}

export async function addVisit(ctx: HandlerContext, caseId: string, input: CreateVisitInput) {
  const c = await requireCaseForUpdate(ctx, caseId);
  const id = await insertVisit(ctx.db, {
    organisation_id: c.organisation_id, case_id: caseId, visited_on: input.visitedOn, participants: input.participants,
    observations: input.observations, next_steps: input.nextSteps, created_by: ctx.actor.userId, updated_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'case.visit.create', recordType: 'family_case', recordId: caseId, details: { visitId: id, visitedOn: input.visitedOn } });
  return visitViewFor(ctx.actor, (await findVisit(ctx.db, ctx.actor, caseId, id))!);
}

export async function changeVisit(ctx: HandlerContext, caseId: string, visitId: string, input: UpdateVisitInput) {
  await requireCaseForUpdate(ctx, caseId);
  const current = await findVisit(ctx.db, ctx.actor, caseId, visitId);
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(visitViewFor(ctx.actor, current));
  const values: Updateable<CaseVisitTable> = {};
  if (input.visitedOn !== undefined) values.visited_on = input.visitedOn;
  if (input.participants !== undefined) values.participants = input.participants;
  if (input.observations !== undefined) values.observations = input.observations;
  if (input.nextSteps !== undefined) values.next_steps = input.nextSteps;
  if (!(await updateVisitAtVersion(ctx.db, ctx.actor, caseId, visitId, input.version, values))) throw versionConflict(visitViewFor(ctx.actor, current));
  const { version: _version, ...changed } = input;
  await ctx.audit({ action: 'case.visit.update', recordType: 'family_case', recordId: caseId, details: { visitId, fields: Object.keys(changed).sort() } });
  return visitViewFor(ctx.actor, (await findVisit(ctx.db, ctx.actor, caseId, visitId))!);
}

export async function getNotes(ctx: HandlerContext, caseId: string) {
  await requireCase(ctx, caseId);
  assertCaseContent(ctx.actor, 'notes');
  const rows = await listNotes(ctx.db, ctx.actor, caseId);
  await ctx.audit({ action: 'case.notes.read', recordType: 'family_case', recordId: caseId, details: { notes: rows.length } });
  return rows.map((r) => noteViewFor(ctx.actor, r));
}

export async function addNote(ctx: HandlerContext, caseId: string, input: CreateNoteInput) {
  const c = await requireCaseForUpdate(ctx, caseId);
  assertCaseContent(ctx.actor, 'notes');
  const id = await insertNote(ctx.db, {
    organisation_id: c.organisation_id, case_id: caseId, kind: input.kind, occurred_on: input.occurredOn, body: input.body,
    created_by: ctx.actor.userId, updated_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'case.note.create', recordType: 'family_case', recordId: caseId, details: { noteId: id, kind: input.kind } });
  return noteViewFor(ctx.actor, (await findNote(ctx.db, ctx.actor, caseId, id))!);
}

export async function changeNote(ctx: HandlerContext, caseId: string, noteId: string, input: UpdateNoteInput) {
  await requireCaseForUpdate(ctx, caseId);
  assertCaseContent(ctx.actor, 'notes');
  const current = await findNote(ctx.db, ctx.actor, caseId, noteId);
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(noteViewFor(ctx.actor, current));
  const values: Updateable<CaseNoteTable> = {};
  if (input.kind !== undefined) values.kind = input.kind;
  if (input.occurredOn !== undefined) values.occurred_on = input.occurredOn;
  if (input.body !== undefined) values.body = input.body;
  if (!(await updateNoteAtVersion(ctx.db, ctx.actor, caseId, noteId, input.version, values))) throw versionConflict(noteViewFor(ctx.actor, current));
  const { version: _version, ...changed } = input;
  await ctx.audit({ action: 'case.note.update', recordType: 'family_case', recordId: caseId, details: { noteId, fields: Object.keys(changed).sort() } });
  return noteViewFor(ctx.actor, (await findNote(ctx.db, ctx.actor, caseId, noteId))!);
}
