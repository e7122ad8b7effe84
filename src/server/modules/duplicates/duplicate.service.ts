import type { DuplicateReason } from '../../../shared/duplicates.ts';
import type { Person } from '../../db/schema.ts';
import { AppError, notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { Executor, HandlerContext } from '../../platform/http/context.ts';
import { findHousehold } from '../households/household.repository.ts';
import { resolveAddress } from '../locations/location.repository.ts';
import { personViewFor } from '../people/person.policy.ts';
import type { CreatePersonInput } from '../people/person.schema.ts';
import { cannotBeDuplicate, scoreDuplicate, type MatchRecord } from './duplicate-score.ts';
import {
  activeScan, decidePair, findCandidates, findPair, householdCaregiverNames, insertScan, latestScan, listPairs, matchContexts, nameFrequencies, peopleInReach, type MatchContext,
} from './duplicate.repository.ts';
import type { DuplicateCandidateView, DuplicateCheckInput, ListPairsInput } from './duplicate.schema.ts';
import { candidateKeys, coreNameKey, fullNamesOf } from './match-keys.ts';

/** A person row as the scorer sees it. */
export function matchRecordOf(p: Person, context: MatchContext | undefined, frequencies?: Map<string, number>): MatchRecord {
  const core = frequencies ? coreNameKey(p) : null;
  return {
    nameFrequency: core ? frequencies?.get(core) : undefined,
    names: fullNamesOf(p),
    sex: p.sex,
    birthDate: p.birth_date,
    birthDateEstimated: p.birth_date_estimated,
    pinfl: p.pinfl,
    birthCertificate: p.birth_certificate,
    mahallaId: p.mahalla_id,
    districtId: p.district_id,
    householdIds: context?.householdIds ?? [],
    caregiverNames: context?.caregiverNames ?? [],
  };
}

/** The partial person being registered, in the form keys and scoring take. */
export interface DuplicateQuery {
  givenName: string | null;
  familyName: string | null;
  patronymic: string | null;
  givenNameAlt?: string | null | undefined;
  familyNameAlt?: string | null | undefined;
  patronymicAlt?: string | null | undefined;
  sex: 'female' | 'male' | null;
  birthDate: string | null;
  birthDateEstimated: boolean;
  pinfl: string | null;
  birthCertificate: string | null;
  mahallaId: string | null;
  districtId: string | null;
  householdIds: string[];
  caregiverNames: string[];
}

export interface ScoredCandidate {
  row: Person;
  score: number;
  band: 'likely' | 'possible';
  reasons: DuplicateReason[];
}

/**
 * The people in the caller's scope who may be the person described, best
 * first: candidates from the indexed keys, each scored.
 * People out of scope are never looked at, so never revealed.
 */
export async function scoreCandidates(db: Executor, ctx: Pick<HandlerContext, 'actor'>, q: DuplicateQuery, opts: { excludeIds?: string[]; limit: number }): Promise<ScoredCandidate[]> {
  const source = {
    given_name: q.givenName ?? '', family_name: q.familyName ?? '', patronymic: q.patronymic,
    given_name_alt: q.givenNameAlt ?? null, family_name_alt: q.familyNameAlt ?? null, patronymic_alt: q.patronymicAlt ?? null,
    birth_date: q.birthDate, birth_date_estimated: q.birthDateEstimated, pinfl: q.pinfl, birth_certificate: q.birthCertificate,
  };
  const names = fullNamesOf(source).filter((n) => n.trim() !== '');
  const rows = await findCandidates(db, ctx.actor, candidateKeys(source), opts.excludeIds ? { excludeIds: opts.excludeIds } : {});
  if (rows.length === 0) return [];
  const contexts = await matchContexts(db, rows.map((r) => r.id));
  const queryCore = coreNameKey(source);
  const frequencies = await nameFrequencies(db, ctx.actor.organisationId, [...rows.map((r) => coreNameKey(r)), queryCore].filter((k) => k !== null));
  const query: MatchRecord = {
    nameFrequency: queryCore ? frequencies.get(queryCore) : undefined,
    names, sex: q.sex, birthDate: q.birthDate, birthDateEstimated: q.birthDateEstimated, pinfl: q.pinfl, birthCertificate: q.birthCertificate,
    mahallaId: q.mahallaId, districtId: q.districtId, householdIds: q.householdIds, caregiverNames: q.caregiverNames,
  };
  const scored: ScoredCandidate[] = [];
  for (const row of rows) {
    const record = matchRecordOf(row, contexts.get(row.id), frequencies);
    if (cannotBeDuplicate(query, record)) continue;
    const s = scoreDuplicate(query, record);
    if (s.band) scored.push({ row, score: s.score, band: s.band, reasons: s.reasons });
  }
  scored.sort((x, y) => y.score - x.score || x.row.family_name.localeCompare(y.row.family_name) || x.row.id.localeCompare(y.row.id));
  return scored.slice(0, opts.limit);
}

function candidateView(ctx: HandlerContext, c: ScoredCandidate): DuplicateCandidateView {
  return { person: personViewFor(ctx.actor, c.row), score: c.score, band: c.band, reasons: c.reasons };
}

/** POST /api/people/duplicates/check: candidates for the registration being typed. */
export async function checkDuplicates(ctx: HandlerContext, input: DuplicateCheckInput) {
  const address = await resolveAddress(ctx.db, { regionId: input.regionId, districtId: input.districtId, mahallaId: input.mahallaId });
  const caregiverNames = [...input.caregiverNames];
  const householdIds: string[] = [];
  if (input.householdId) {
    if (!(await findHousehold(ctx.db, ctx.actor, input.householdId))) {
      throw new AppError('validation_failed', 'Some fields are not valid.', { fields: [{ path: ['householdId'], code: 'invalid_value' }] });
    }
    householdIds.push(input.householdId);
    caregiverNames.push(...(await householdCaregiverNames(ctx.db, input.householdId)));
  }
  const candidates = await scoreCandidates(ctx.db, ctx, {
    givenName: input.givenName, familyName: input.familyName, patronymic: input.patronymic,
    givenNameAlt: input.givenNameAlt, familyNameAlt: input.familyNameAlt, patronymicAlt: input.patronymicAlt,
    sex: input.sex, birthDate: input.birthDate, birthDateEstimated: input.birthDateEstimated, pinfl: input.pinfl, birthCertificate: input.birthCertificate,
    mahallaId: address.mahallaId, districtId: address.districtId, householdIds, caregiverNames,
  }, { limit: input.limit, ...(input.excludePersonId ? { excludeIds: [input.excludePersonId] } : {}) });
  await ctx.audit({ action: 'person.duplicate_check', recordType: 'person', details: { shown: candidates.map((c) => c.row.id), likely: candidates.filter((c) => c.band === 'likely').length } });
  return { candidates: candidates.map((c) => candidateView(ctx, c)) };
}

/**
 * Refuses a registration that likely duplicates someone the caller can see,
 * unless the body overrides it naming every likely candidate and a reason.
 * Returns the override to audit once the person has an id.
 */
export async function assertNotLikelyDuplicate(
  ctx: HandlerContext,
  input: CreatePersonInput & { regionId: string | null; districtId: string | null; mahallaId: string | null },
  prefix: string[] = [],
  household: { householdIds?: string[]; caregiverNames?: string[] } = {},
): Promise<{ reason: string; candidateIds: string[] } | null> {
  const candidates = await scoreCandidates(ctx.db, ctx, {
    givenName: input.givenName, familyName: input.familyName, patronymic: input.patronymic,
    givenNameAlt: input.givenNameAlt, familyNameAlt: input.familyNameAlt, patronymicAlt: input.patronymicAlt,
    sex: input.sex, birthDate: input.birthDate, birthDateEstimated: input.birthDateEstimated, pinfl: input.pinfl, birthCertificate: input.birthCertificate,
    mahallaId: input.mahallaId, districtId: input.districtId, householdIds: household.householdIds ?? [], caregiverNames: household.caregiverNames ?? [],
  }, { limit: 5 });
  const likely = candidates.filter((c) => c.band === 'likely');
  if (likely.length === 0) return null;
  const override = input.duplicateOverride;
  if (override && likely.every((c) => override.candidateIds.includes(c.row.id))) {
    return { reason: override.reason, candidateIds: likely.map((c) => c.row.id) };
  }
  throw new AppError('possible_duplicate', 'This person may be registered already; check the candidates or save with a reason.', {
    candidates: candidates.map((c) => candidateView(ctx, c)),
    ...(prefix.length ? { fields: [{ path: prefix, code: 'invalid_value' as const }] } : {}),
  });
}

// ————— the review queue —————

function scanView(s: NonNullable<Awaited<ReturnType<typeof latestScan>>>) {
  return {
    id: s.id, status: s.status, phase: s.phase, processed: s.processed, total: s.total, pairsFound: s.pairs_found,
    createdAt: s.created_at, startedAt: s.started_at, finishedAt: s.finished_at, heartbeatAt: s.heartbeat_at,
  };
}

/** Queues a scan of the organisation's registry, or answers the one already under way. */
export async function startScan(ctx: HandlerContext) {
  const created = await insertScan(ctx.db, ctx.actor.organisationId, ctx.actor.userId);
  const scan = created ?? (await activeScan(ctx.db, ctx.actor.organisationId));
  if (!scan) throw new AppError('conflict', 'Another scan was being started at the same time; try again.');
  if (created) await ctx.audit({ action: 'duplicate.scan.start', recordType: 'duplicate_scan', recordId: created.id });
  return { scan: scanView(scan), started: created !== undefined };
}

export async function scanStatus(ctx: HandlerContext) {
  const scan = await latestScan(ctx.db, ctx.actor.organisationId);
  return { scan: scan ? scanView(scan) : null };
}

type PairRow = Awaited<ReturnType<typeof listPairs>>['rows'][number];

function pairView(ctx: HandlerContext, p: PairRow, people: Map<string, Person>) {
  const a = people.get(p.person_a_id);
  const b = people.get(p.person_b_id);
  if (!a || !b) return null;
  return {
    id: p.id, score: p.score, band: p.band, reasons: p.reasons as DuplicateReason[], status: p.status,
    personA: personViewFor(ctx.actor, a), personB: personViewFor(ctx.actor, b),
    decisionReason: p.decision_reason, decidedBy: p.decided_by, decidedAt: p.decided_at, version: p.version, updatedAt: p.updated_at,
  };
}

/** The review queue: pairs whose two people are both within the caller's reach. */
export async function findPairs(ctx: HandlerContext, input: ListPairsInput) {
  const { rows, total } = await listPairs(ctx.db, ctx.actor, input);
  const people = new Map((await peopleInReach(ctx.db, ctx.actor, rows.flatMap((r) => [r.person_a_id, r.person_b_id]))).map((p) => [p.id, p]));
  const items = rows.map((r) => pairView(ctx, r, people)).filter((v) => v !== null);
  await ctx.audit({ action: 'duplicate.pair.list', recordType: 'duplicate_pair', details: { results: total, shown: items.map((i) => i.id) } });
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Two records are different people: the pair leaves the queue, with the reason on record. */
export async function dismissPair(ctx: HandlerContext, id: string, input: { version: number; reason: string }) {
  const pair = await findPair(ctx.db, ctx.actor, id, { forUpdate: true });
  if (!pair) throw notFoundOrNoAccess();
  const people = new Map((await peopleInReach(ctx.db, ctx.actor, [pair.person_a_id, pair.person_b_id])).map((p) => [p.id, p]));
  if (pair.version !== input.version) throw versionConflict(pairView(ctx, pair, people));
  if (pair.status !== 'open') throw new AppError('conflict', 'This pair has been decided already.');
  const row = await decidePair(ctx.db, id, input.version, { status: 'dismissed', decision_reason: input.reason, decided_by: ctx.actor.userId });
  if (!row) throw versionConflict(pairView(ctx, pair, people));
  await ctx.audit({ action: 'duplicate.pair.dismiss', recordType: 'duplicate_pair', recordId: id, details: { personA: pair.person_a_id, personB: pair.person_b_id } });
  const view = pairView(ctx, row, people);
  if (!view) throw notFoundOrNoAccess();
  return view;
}
