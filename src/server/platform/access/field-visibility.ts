import type { FieldView } from '../../../shared/permissions.ts';

/**
 * Which fields of a record each field view shows; `full` shows all. One
 * declaration per record type, in its policy file.
 */
export type VisibleFields<V> = Record<Exclude<FieldView, 'full'>, ReadonlySet<keyof V>>;

/** Removes the fields the view may not see. Hidden fields are absent, not null, so nothing hints at their value. */
export function pickVisible<V extends object>(view: FieldView, full: V, visible: VisibleFields<V>): V {
  if (view === 'full') return full;
  const keep = visible[view];
  return Object.fromEntries(Object.entries(full).filter(([k]) => keep.has(k as keyof V))) as V;
}
