/**
 * Three-way comparison for a refused save (409 version_conflict): what the
 * user started from (base), what they tried to save (mine) and what the record
 * is now (current). Pure, so the merge is tested without a screen.
 */

export type ChangeKind = 'same' | 'mine' | 'theirs' | 'both';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Who changed a field: nobody, only the user, only someone else, or both. */
export function changeKind(base: unknown, mine: unknown, current: unknown): ChangeKind {
  const mineChanged = !same(base, mine);
  const theirsChanged = !same(base, current);
  if (mineChanged && theirsChanged) return same(mine, current) ? 'theirs' : 'both';
  if (mineChanged) return 'mine';
  if (theirsChanged) return 'theirs';
  return 'same';
}

/**
 * The current record with the user's own changes put back on top: the
 * starting point to redo a change after someone else saved first. Fields the
 * user did not touch take the current value.
 */
export function reapplyChanges<T extends object>(base: T, mine: T, current: T, keys: readonly (keyof T)[]): T {
  const out = { ...current };
  for (const key of keys) if (!same(base[key], mine[key])) out[key] = mine[key];
  return out;
}
