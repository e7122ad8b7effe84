import { describe, expect, it } from 'vitest';
import type { PersonView } from '../api/types.ts';
import { birthYear, flatOptions, mayUseGlobalSearch, moveActive, searchableQuery, searchGroups, type GlobalSearchResult } from './global-search-model.ts';

const person = (id: string, birthDate?: string | null): PersonView => ({ id, reference: `P-${id}`, archivedAt: null, version: 1, ...(birthDate !== undefined ? { birthDate } : {}) });

describe('what the box searches', () => {
  it('asks from the second letter, in any script, with spaces tidied', () => {
    expect(searchableQuery('')).toBeNull();
    expect(searchableQuery('  Д ')).toBeNull();
    expect(searchableQuery('Ди')).toBe('Ди');
    expect(searchableQuery('  Rahimova   Dil ')).toBe('Rahimova Dil');
    // Oʻ counts as two characters, as the user typed them.
    expect(searchableQuery('Oʻ')).toBe('Oʻ');
  });

  it('is shown to roles that read people, households or cases and see names', () => {
    expect(mayUseGlobalSearch({ permissions: ['self', 'person.read', 'household.read', 'case.read'], fieldView: 'full' })).toBe(true);
    expect(mayUseGlobalSearch({ permissions: ['self', 'case.read'], fieldView: 'partner' })).toBe(true);
    expect(mayUseGlobalSearch({ permissions: ['self', 'person.read', 'case.read'], fieldView: 'deidentified' })).toBe(false);
    expect(mayUseGlobalSearch({ permissions: ['self', 'user.manage'], fieldView: 'full' })).toBe(false);
  });
});

describe('the answer as options', () => {
  const result: GlobalSearchResult = {
    people: [{ score: 1, person: person('p1', '2012-05-14') }, { score: 0.8, person: person('p2') }],
    households: [],
    cases: [{ score: 1, case: { id: 'c1', caseNumber: 'FS-2026-000001', status: 'active', riskLevel: 'high', householdId: 'h1', householdReference: 'H-000001' } }],
  };

  it('groups people, households and cases in that order, leaving out empty groups', () => {
    const groups = searchGroups(result);
    expect(groups.map((g) => g.kind)).toEqual(['people', 'cases']);
    expect(searchGroups(undefined)).toEqual([]);
    expect(searchGroups({ people: [], households: [], cases: [] })).toEqual([]);
  });

  it('walks every option in one list, each leading to its record with a unique element id', () => {
    const options = flatOptions(searchGroups(result));
    expect(options.map((o) => o.href)).toEqual(['/people/p1', '/people/p2', '/cases/c1']);
    expect(new Set(options.map((o) => o.domId)).size).toBe(3);
  });

  it('moves with the arrow keys and wraps around', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowDown')).toBe(1);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(2, 3, 'ArrowUp')).toBe(1);
    expect(moveActive(5, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });

  it('shows the year of birth as written, or nothing when the role does not see it', () => {
    expect(birthYear(person('p', '2012-05-14'))).toBe('2012');
    expect(birthYear(person('p', null))).toBeNull();
    expect(birthYear(person('p'))).toBeNull();
  });
});
