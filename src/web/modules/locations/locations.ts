import type { Locale } from '../../../shared/i18n/locales.ts';
import { api } from '../../api/client.ts';
import { cached } from '../../api/cache.ts';
import type { LocationItem, LocationKind } from '../../api/types.ts';

/** Children of a location (or all regions), sorted by their name in the reader's language. */
export function fetchLocations(kind: LocationKind, parentId: string | null): Promise<LocationItem[]> {
  const query = new URLSearchParams({ kind });
  if (parentId) query.set('parentId', parentId);
  return cached(`locations:${kind}:${parentId ?? ''}`, async () => (await api.get<{ items: LocationItem[] }>(`/api/locations?${query.toString()}`)).items);
}

/** One location by id, through its parent's list (which the cascade has usually loaded already). */
export async function locationName(locale: Locale, kind: LocationKind, parentId: string | null, id: string | null | undefined): Promise<string> {
  if (!id) return '';
  const items = await fetchLocations(kind, parentId);
  return items.find((l) => l.id === id)?.names[locale] ?? '';
}

export function sortByName(items: readonly LocationItem[], locale: Locale): LocationItem[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  return [...items].sort((a, b) => collator.compare(a.names[locale], b.names[locale]));
}
