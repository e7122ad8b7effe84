import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { nameSimilarity } from '../../../shared/names/index.ts';
import type { Household, Person } from '../../db/schema.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { caseViewFor, type CaseRow } from '../cases/case.policy.ts';
import { casesByNumber } from '../cases/case.repository.ts';
import { householdViewFor } from '../households/household.policy.ts';
import { fullNamesOf, matchFold, searchWords } from '../duplicates/match-keys.ts';
import { maySearchByName, personViewFor } from '../people/person.policy.ts';
import {
  householdByReference, householdsByName, householdsOfPeople, peopleByFold, peopleByIdentifier, peopleByPrefix,
} from './search.repository.ts';
import type { GlobalSearchInput, GlobalSearchResult } from './search.schema.ts';

/** The query once, in the forms the providers look up. */
export interface ParsedQuery {
  raw: string;
  /** Folded words; the last may be unfinished (a prefix). */
  words: string[];
  /** Folded stems for trigram similarity. */
  fold: string;
  personReference?: string;
  householdReference?: string;
  pinfl?: string;
  /** The beginning of a family case number, upper-case: FS-2026-0001. */
  caseNumber?: string;
  limit: number;
}

/** FS-, a year (or its start), then perhaps the serial (or its start). */
const CASE_NUMBER_START = /^FS-\d{1,4}(?:-\d{0,6})?$/;

export function parseQuery(raw: string, limit: number): ParsedQuery {
  const q = raw.trim();
  const parsed: ParsedQuery = { raw: q, words: [], fold: '', limit };
  if (/^P-\d+$/i.test(q)) return { ...parsed, personReference: q.toUpperCase() };
  if (/^H-\d+$/i.test(q)) return { ...parsed, householdReference: q.toUpperCase() };
  if (/^\d{14}$/.test(q.replace(/\s+/g, ''))) return { ...parsed, pinfl: q.replace(/\s+/g, '') };
  const compact = q.replace(/\s+/g, '').toUpperCase();
  if (CASE_NUMBER_START.test(compact)) return { ...parsed, caseNumber: compact };
  return { ...parsed, words: searchWords(q), fold: matchFold(q) };
}

/**
 * How well a name answers the query: every query word the prefix of a
 * different word of the name ranks 0.75..1 (exact words highest); a name
 * reached only by trigram similarity ranks by nameSimilarity, below that.
 */
export function rankName(q: ParsedQuery, foldedName: string, fullNames: readonly string[]): number {
  const words = foldedName.split(' ').filter(Boolean);
  const used = new Set<number>();
  let sum = 0;
  let all = q.words.length > 0;
  for (const w of [...q.words].sort((a, b) => b.length - a.length)) {
    let best = -1;
    let bestScore = 0;
    words.forEach((nw, i) => {
      if (used.has(i) || !nw.startsWith(w)) return;
      const s = nw === w ? 1 : 0.5 + (0.5 * w.length) / nw.length;
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (best < 0) {
      all = false;
      break;
    }
    used.add(best);
    sum += bestScore;
  }
  if (all) return Math.round((0.5 + (0.5 * sum) / q.words.length) * 1000) / 1000;
  // Reached by spelling: the whole-name similarity, or the share of the query's
  // name stems the name has (a full form typed for a short one: Nilufarxon).
  const stems = q.fold.split(' ').filter(Boolean);
  const nameStems = new Set(fullNames.flatMap((n) => matchFold(n).split(' ')));
  const contained = stems.length ? stems.filter((st) => nameStems.has(st)).length / stems.length : 0;
  const similarity = Math.max(contained, ...fullNames.map((n) => nameSimilarity(q.raw, n)));
  return Math.round(0.7 * similarity * 1000) / 1000;
}

/**
 * The full number a short serial stands for: people say "FS-2026-123" for
 * FS-2026-000123. Undefined when the typed number has no complete year.
 */
export function paddedCaseNumber(start: string): string | undefined {
  const m = /^FS-(\d{4})-(\d{1,6})$/.exec(start);
  return m ? `FS-${m[1]}-${m[2]!.padStart(6, '0')}` : undefined;
}

/** The whole number (typed in full or by its short serial) ranks 1; a beginning ranks by how much of the number it covers. */
export function rankCaseNumber(start: string, caseNumber: string): number {
  if (caseNumber === start || caseNumber === paddedCaseNumber(start)) return 1;
  return Math.round((0.5 + (0.5 * start.length) / Math.max(caseNumber.length, start.length)) * 1000) / 1000;
}

type Group<T> = { score: number; row: T }[];

async function searchPeopleGroup(ctx: HandlerContext, q: ParsedQuery): Promise<Group<Person>> {
  if (q.personReference || q.pinfl) {
    const rows = await peopleByIdentifier(ctx.db, ctx.actor, q.personReference ? { reference: q.personReference } : { pinfl: q.pinfl! });
    return rows.map((row) => ({ score: 1, row }));
  }
  if (q.words.length === 0) return [];
  const byPrefix = await peopleByPrefix(ctx.db, ctx.actor, q.words, Math.max(50, q.limit * 5));
  const seen = new Set(byPrefix.map((r) => r.id));
  // No name starts so: maybe a slip or another spelling (five letters or more typed), by trigram similarity.
  const typed = q.words.join('').length;
  const bySpelling = byPrefix.length > 0 || typed < 5 ? [] : (await peopleByFold(ctx.db, ctx.actor, q.fold, q.limit * 2)).filter((r) => !seen.has(r.id));
  return [...byPrefix, ...bySpelling]
    .map((row) => ({ row, score: rankName(q, row.search_fold, fullNamesOf(row)) }))
    .filter((h) => h.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.row.family_name.localeCompare(b.row.family_name) || a.row.id.localeCompare(b.row.id))
    .slice(0, q.limit);
}

async function searchHouseholdsGroup(ctx: HandlerContext, q: ParsedQuery, people: Group<Person>): Promise<Group<Household>> {
  if (q.householdReference) return (await householdByReference(ctx.db, ctx.actor, q.householdReference)).map((row) => ({ score: 1, row }));
  if (q.words.length === 0) return [];
  const byName = (await householdsByName(ctx.db, ctx.actor, q.words, q.limit)).map((row) => ({ row, score: rankName(q, row.search_fold, [row.display_name]) }));
  const seen = new Set(byName.map((h) => h.row.id));
  // Households of the people found, ranked a little below the people themselves.
  const best = new Map(people.map((p) => [p.row.id, p.score]));
  const viaMembers = (await householdsOfPeople(ctx.db, ctx.actor, people.map((p) => p.row.id), q.limit))
    .filter((h) => !seen.has(h.id))
    .map((row) => ({ row, score: Math.round(0.9 * Math.max(...best.values()) * 1000) / 1000 }));
  return [...byName, ...viaMembers].sort((a, b) => b.score - a.score || a.row.id.localeCompare(b.row.id)).slice(0, q.limit);
}

async function searchCasesGroup(ctx: HandlerContext, q: ParsedQuery): Promise<Group<CaseRow>> {
  if (!q.caseNumber) return [];
  const rows = await casesByNumber(ctx.db, ctx.actor, { prefix: q.caseNumber, exact: paddedCaseNumber(q.caseNumber) }, q.limit);
  const start = q.caseNumber;
  return rows
    .map((row) => ({ row, score: rankCaseNumber(start, row.case_number) }))
    .sort((a, b) => b.score - a.score || b.row.case_number.localeCompare(a.row.case_number));
}

function caseHit(ctx: HandlerContext, row: CaseRow, today: string) {
  const v = caseViewFor(ctx.actor, row, today);
  return {
    id: v.id, caseNumber: v.caseNumber, status: v.status, riskLevel: v.riskLevel, householdId: v.householdId, householdReference: v.householdReference,
    ...(v.householdName !== undefined ? { householdName: v.householdName } : {}),
  };
}

/**
 * POST /api/search: people and households matching the query in any script
 * or spelling, or by reference or PINFL, and family cases by number, in the
 * caller's scope.
 * To add a kind of record, add a group here, to globalSearchResponse, and a
 * provider query in its own module's repository.
 */
export async function globalSearch(ctx: HandlerContext, input: GlobalSearchInput): Promise<GlobalSearchResult> {
  if (!maySearchByName(ctx.actor.fieldView)) throw new AppError('forbidden', 'Your role may not search by name.');
  const q = parseQuery(input.q, input.limit);
  const canPeople = ctx.actor.permissions.has('person.read');
  const canHouseholds = ctx.actor.permissions.has('household.read');
  const people = canPeople ? await searchPeopleGroup(ctx, q) : [];
  const households = canHouseholds ? await searchHouseholdsGroup(ctx, q, people) : [];
  const cases = ctx.actor.permissions.has('case.read') ? await searchCasesGroup(ctx, q) : [];
  await ctx.audit({ action: 'search', details: { people: people.map((p) => p.row.id), households: households.map((h) => h.row.id), cases: cases.map((c) => c.row.id) } });
  const today = todayInUzbekistan();
  return {
    people: people.map((p) => ({ score: p.score, person: personViewFor(ctx.actor, p.row) })),
    households: households.map((h) => ({ score: h.score, household: householdViewFor(ctx.actor, h.row) })),
    cases: cases.map((c) => ({ score: c.score, case: caseHit(ctx, c.row, today) })),
  };
}
