import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import type { AssessmentInstrument, AssessmentTable } from '../../db/casework-tables.ts';
import type { Updateable } from 'kysely';
import {
  domainScoresOf, instrumentDefinition, overallScoreOf, progressOf, validateAnswers, validateFactorNotes, type Answers, type InstrumentDefinition,
} from '../../../shared/casework/instrument.ts';
import type { FieldError } from '../../../shared/errors.ts';
import { activeUserExists, caseForWrite, caseInScope, householdMembers, invalid } from '../casework/casework.access.ts';
import { assessmentViewFor, type AssessmentRow } from './assessment.policy.ts';
import {
  currentInstrument, findAssessment, findInstrument, findInstruments, insertAssessment, insertInstrument, listAssessments, listInstruments,
  nextInstrumentVersion, updateAssessmentAtVersion,
} from './assessment.repository.ts';
import type { CreateAssessmentInput, InstrumentView, PublishInstrumentInput, UpdateAssessmentInput } from './assessment.schema.ts';

/** A stored definition passed the schema when it was published; parsing again guards against a hand-edited row. */
function definitionOf(row: AssessmentInstrument): InstrumentDefinition {
  return instrumentDefinition.parse(row.definition);
}

function instrumentViewOf(row: AssessmentInstrument, currentIds: ReadonlySet<string>): InstrumentView {
  return {
    id: row.id, code: row.code, version: row.version, kind: row.kind, current: currentIds.has(row.id), active: row.active,
    builtIn: row.organisation_id === null, publishedAt: row.published_at, definition: definitionOf(row),
  };
}

/** The current version per code: the newest active one. */
function currentIdsOf(rows: readonly AssessmentInstrument[]): Set<string> {
  const best = new Map<string, AssessmentInstrument>();
  for (const r of rows) if (r.active && (best.get(r.code)?.version ?? 0) < r.version) best.set(r.code, r);
  return new Set([...best.values()].map((r) => r.id));
}

export async function getInstruments(ctx: HandlerContext, query: { code?: string | undefined; all: boolean }) {
  const rows = await listInstruments(ctx.db, ctx.actor.organisationId, query.code);
  const current = currentIdsOf(rows);
  const shown = query.all ? rows : rows.filter((r) => current.has(r.id));
  await ctx.audit({ action: 'instrument.list', recordType: 'assessment_instrument', details: { shown: shown.map((r) => r.id) } });
  return { items: shown.map((r) => instrumentViewOf(r, current)) };
}

export async function getInstrument(ctx: HandlerContext, id: string) {
  const row = await findInstrument(ctx.db, ctx.actor.organisationId, id);
  if (!row) throw notFoundOrNoAccess();
  const current = currentIdsOf(await listInstruments(ctx.db, ctx.actor.organisationId, row.code));
  await ctx.audit({ action: 'instrument.read', recordType: 'assessment_instrument', recordId: id });
  return instrumentViewOf(row, current);
}

/**
 * Publishes the next version of an instrument for the caller's organisation.
 * Earlier versions stay as they were: assessments taken with them keep
 * their answers and are still checked against them.
 */
export async function publishInstrument(ctx: HandlerContext, input: PublishInstrumentInput) {
  const existing = await listInstruments(ctx.db, ctx.actor.organisationId, input.code);
  if (existing.some((r) => r.kind !== input.kind)) throw invalid([{ path: ['kind'], code: 'invalid_value' }]);
  const version = await nextInstrumentVersion(ctx.db, ctx.actor.organisationId, input.code);
  const row = await insertInstrument(ctx.db, {
    organisation_id: ctx.actor.organisationId, code: input.code, version, kind: input.kind,
    definition: JSON.stringify(input.definition), published_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'instrument.publish', recordType: 'assessment_instrument', recordId: row.id, details: { code: input.code, version } });
  return instrumentViewOf(row, new Set([row.id]));
}

/** Answers, notes and assessor checked against the very instrument version; every problem reported at once. */
async function checkContent(ctx: HandlerContext, def: InstrumentDefinition, input: { answers?: Record<string, unknown> | undefined; factorNotes?: Record<string, string> | undefined; assessorId?: string | undefined }): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (input.answers !== undefined) errors.push(...validateAnswers(def, input.answers));
  if (input.factorNotes !== undefined) errors.push(...validateFactorNotes(def, input.factorNotes));
  if (input.assessorId !== undefined && !(await activeUserExists(ctx.db, ctx.actor, input.assessorId))) errors.push({ path: ['assessorId'], code: 'invalid_value' });
  return errors;
}

async function view(ctx: HandlerContext, caseId: string, id: string) {
  const row = await findAssessment(ctx.db, ctx.actor, caseId, id);
  if (!row) throw notFoundOrNoAccess();
  const instrument = await findInstrument(ctx.db, ctx.actor.organisationId, row.instrument_id);
  if (!instrument) throw notFoundOrNoAccess();
  return { row, instrument };
}

export async function recordAssessment(ctx: HandlerContext, caseId: string, input: CreateAssessmentInput) {
  const c = await caseForWrite(ctx, caseId);
  const instrument = await findInstrument(ctx.db, ctx.actor.organisationId, input.instrumentId);
  if (!instrument) throw invalid([{ path: ['instrumentId'], code: 'invalid_value' }]);
  const current = await currentInstrument(ctx.db, ctx.actor.organisationId, instrument.code);
  if (current?.id !== instrument.id) {
    throw new AppError('conflict', 'A newer version of this instrument was published; assess with the current version.', { current: { instrumentId: current?.id ?? null, version: current?.version ?? null } });
  }
  const def = definitionOf(instrument);
  const errors = await checkContent(ctx, def, input);
  if (instrument.kind === 'child') {
    if (!input.personId) errors.unshift({ path: ['personId'], code: 'required' });
    else if (!(await householdMembers(ctx.db, c.household_id)).has(input.personId)) errors.unshift({ path: ['personId'], code: 'invalid_value' });
  } else if (input.personId) errors.unshift({ path: ['personId'], code: 'invalid_value' });
  if (errors.length) throw invalid(errors);
  const answers = input.answers as Answers;
  const scores = domainScoresOf(def, answers);
  const overall = overallScoreOf(scores);
  const id = await insertAssessment(ctx.db, {
    organisation_id: ctx.actor.organisationId, case_id: caseId, episode: c.episode, person_id: input.personId, instrument_id: instrument.id,
    assessed_on: input.assessedOn, assessor_id: input.assessorId ?? ctx.actor.userId,
    answers: JSON.stringify(answers), factor_notes: JSON.stringify(input.factorNotes), domain_scores: JSON.stringify(scores),
    overall_score: overall === null ? null : overall.toFixed(2), summary: input.summary,
    created_by: ctx.actor.userId, updated_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'assessment.create', recordType: 'family_case', recordId: caseId, details: { assessmentId: id, instrument: instrument.code, instrumentVersion: instrument.version, personId: input.personId } });
  const saved = await view(ctx, caseId, id);
  return assessmentViewFor(ctx.actor, saved.row, saved.instrument);
}

/** Changes an assessment; new answers are checked against the version it was taken with, even after a newer one was published. */
export async function updateAssessment(ctx: HandlerContext, caseId: string, id: string, input: UpdateAssessmentInput) {
  await caseForWrite(ctx, caseId);
  const current = await findAssessment(ctx.db, ctx.actor, caseId, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  const instrument = await findInstrument(ctx.db, ctx.actor.organisationId, current.instrument_id);
  if (!instrument) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(assessmentViewFor(ctx.actor, current, instrument));
  const def = definitionOf(instrument);
  const errors = await checkContent(ctx, def, input);
  if (errors.length) throw invalid(errors);
  const values: Updateable<AssessmentTable> = { updated_by: ctx.actor.userId };
  if (input.assessedOn !== undefined) values.assessed_on = input.assessedOn;
  if (input.assessorId !== undefined) values.assessor_id = input.assessorId;
  if (input.summary !== undefined) values.summary = input.summary;
  if (input.factorNotes !== undefined) values.factor_notes = JSON.stringify(input.factorNotes);
  if (input.answers !== undefined) {
    const scores = domainScoresOf(def, input.answers as Answers);
    const overall = overallScoreOf(scores);
    Object.assign(values, { answers: JSON.stringify(input.answers), domain_scores: JSON.stringify(scores), overall_score: overall === null ? null : overall.toFixed(2) });
  }
  if (!(await updateAssessmentAtVersion(ctx.db, ctx.actor, caseId, id, input.version, values))) throw versionConflict(assessmentViewFor(ctx.actor, current, instrument));
  const { version: _v, ...changed } = input;
  await ctx.audit({ action: 'assessment.update', recordType: 'family_case', recordId: caseId, details: { assessmentId: id, fields: Object.keys(changed).sort() } });
  const saved = await view(ctx, caseId, id);
  return assessmentViewFor(ctx.actor, saved.row, saved.instrument);
}

export async function getAssessment(ctx: HandlerContext, caseId: string, id: string) {
  await caseInScope(ctx, caseId);
  const { row, instrument } = await view(ctx, caseId, id);
  await ctx.audit({ action: 'assessment.read', recordType: 'family_case', recordId: caseId, details: { assessmentId: id } });
  return assessmentViewFor(ctx.actor, row, instrument);
}

async function assessmentsWithInstruments(ctx: HandlerContext, caseId: string): Promise<{ rows: AssessmentRow[]; instruments: Map<string, AssessmentInstrument> }> {
  const rows = await listAssessments(ctx.db, ctx.actor, caseId);
  const instruments = await findInstruments(ctx.db, ctx.actor.organisationId, rows.map((r) => r.instrument_id));
  return { rows, instruments };
}

export async function getAssessments(ctx: HandlerContext, caseId: string) {
  await caseInScope(ctx, caseId);
  const { rows, instruments } = await assessmentsWithInstruments(ctx, caseId);
  await ctx.audit({ action: 'assessment.list', recordType: 'family_case', recordId: caseId, details: { shown: rows.map((r) => r.id) } });
  return { items: rows.flatMap((r) => { const i = instruments.get(r.instrument_id); return i ? [assessmentViewFor(ctx.actor, r, i)] : []; }) };
}

/**
 * First against latest score per domain, per child (and for the household):
 * what the web app draws as a progress chart. Domains come in the order of
 * the newest version used.
 */
export async function getProgress(ctx: HandlerContext, caseId: string) {
  await caseInScope(ctx, caseId);
  const { rows, instruments } = await assessmentsWithInstruments(ctx, caseId);
  const newest = new Map<string, AssessmentInstrument>();
  for (const i of instruments.values()) if ((newest.get(i.code)?.version ?? 0) < i.version) newest.set(i.code, i);
  const order = (code: string) => {
    const i = newest.get(code);
    return i ? definitionOf(i).domains.map((d) => d.code) : [];
  };
  const series = progressOf(rows.flatMap((r) => {
    const i = instruments.get(r.instrument_id);
    return i ? [{ id: r.id, personId: r.person_id, instrumentCode: i.code, instrumentVersion: i.version, assessedOn: r.assessed_on, createdAt: r.created_at, domainScores: r.domain_scores }] : [];
  }), order);
  await ctx.audit({ action: 'assessment.progress', recordType: 'family_case', recordId: caseId, details: { assessments: rows.length } });
  return { series };
}
