import type { CaseStatus, RiskLevel } from '../../shared/cases/case-codes.ts';
import type { FieldView, Permission } from '../../shared/permissions.ts';
import type { HouseholdView, PersonView } from '../api/types.ts';

/**
 * The global search box's logic without React: what may be searched, the
 * answer's groups flattened into the options the arrow keys walk through,
 * and where each option leads. Server: modules/search (POST /api/search).
 */

/** A family case as a search hit (server: search.schema.ts `caseSearchHit`). */
export interface CaseSearchHit {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  riskLevel: RiskLevel;
  householdId: string;
  householdReference: string;
  /** Absent for a view that sees no names. */
  householdName?: string;
}

export interface GlobalSearchResult {
  people: { score: number; person: PersonView }[];
  households: { score: number; household: HouseholdView }[];
  cases: { score: number; case: CaseSearchHit }[];
}

export const SEARCH_MIN_CHARS = 2;
/** Hits per group: a header popup, not a results page. */
export const SEARCH_LIMIT = 6;

/** The text to search for, or null while too short to be worth asking (counted in letters, not UTF-16 units). */
export function searchableQuery(text: string): string | null {
  const q = text.trim().replace(/\s+/g, ' ');
  return [...q].length >= SEARCH_MIN_CHARS ? q : null;
}

/**
 * Whether the box is shown: a role that reads people, households or cases,
 * and sees names (the server refuses name searches to de-identified views).
 */
export function mayUseGlobalSearch(user: { permissions: readonly Permission[]; fieldView: FieldView }): boolean {
  if (user.fieldView === 'deidentified') return false;
  return (['person.read', 'household.read', 'case.read'] as const).some((p) => user.permissions.includes(p));
}

export type SearchGroupKind = 'people' | 'households' | 'cases';

export type SearchOption =
  | { kind: 'people'; id: string; href: string; domId: string; person: PersonView }
  | { kind: 'households'; id: string; href: string; domId: string; household: HouseholdView }
  | { kind: 'cases'; id: string; href: string; domId: string; hit: CaseSearchHit };

export interface SearchGroup {
  kind: SearchGroupKind;
  options: SearchOption[];
}

const domId = (kind: SearchGroupKind, id: string) => `global-search-${kind}-${id}`;

/** The answer's non-empty groups in the order shown (people, households, cases). */
export function searchGroups(result: GlobalSearchResult | undefined): SearchGroup[] {
  if (!result) return [];
  const groups: SearchGroup[] = [
    { kind: 'people', options: result.people.map(({ person }) => ({ kind: 'people', id: person.id, href: `/people/${person.id}`, domId: domId('people', person.id), person })) },
    {
      kind: 'households',
      options: result.households.map(({ household }) => ({ kind: 'households', id: household.id, href: `/households/${household.id}`, domId: domId('households', household.id), household })),
    },
    { kind: 'cases', options: result.cases.map(({ case: hit }) => ({ kind: 'cases', id: hit.id, href: `/cases/${hit.id}`, domId: domId('cases', hit.id), hit })) },
  ];
  return groups.filter((g) => g.options.length > 0);
}

export function flatOptions(groups: readonly SearchGroup[]): SearchOption[] {
  return groups.flatMap((g) => g.options);
}

/**
 * The option made active by an arrow key: down from "none" is the first,
 * up from "none" the last, and both wrap around, as in the WAI-ARIA
 * combobox pattern. -1 when there is nothing to move to.
 */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count <= 0) return -1;
  if (key === 'ArrowDown') return active < 0 || active >= count - 1 ? 0 : active + 1;
  return active <= 0 ? count - 1 : active - 1;
}

/** The year of a date of birth, as written (never grouped like a number: 2012, not 2 012). */
export function birthYear(person: PersonView): string | null {
  return person.birthDate ? person.birthDate.slice(0, 4) : null;
}
