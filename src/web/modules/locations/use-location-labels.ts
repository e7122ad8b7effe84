import { useEffect, useState } from 'react';
import type { Locale } from '../../../shared/i18n/locales.ts';
import type { LocationItem } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { fetchLocations } from './locations.ts';

export interface AddressIds {
  regionId?: string | null | undefined;
  districtId?: string | null | undefined;
  mahallaId?: string | null | undefined;
}

/**
 * Names of the places in one or more addresses, in the reader's language.
 * Lists come from the shared cache, so a page that already showed the
 * cascade costs no extra request. Returns a lookup that answers '' until
 * loaded (and for an id it cannot find).
 */
export function useLocationLabels(addresses: readonly AddressIds[]): (id: string | null | undefined) => string {
  const locale = useLocale();
  const [names, setNames] = useState<ReadonlyMap<string, LocationItem>>(new Map());
  const key = addresses.map((a) => `${a.regionId ?? ''}/${a.districtId ?? ''}/${a.mahallaId ?? ''}`).join('|');

  useEffect(() => {
    let live = true;
    const loads: Promise<LocationItem[]>[] = [fetchLocations('region', null)];
    for (const a of addresses) {
      if (a.regionId) loads.push(fetchLocations('district', a.regionId));
      if (a.districtId && a.mahallaId) loads.push(fetchLocations('mahalla', a.districtId));
    }
    void Promise.allSettled(loads).then((results) => {
      if (!live) return;
      const map = new Map<string, LocationItem>();
      for (const r of results) if (r.status === 'fulfilled') for (const item of r.value) map.set(item.id, item);
      setNames(map);
    });
    return () => {
      live = false;
    };
    // `key` stands for the addresses' ids; the array itself is new on every render.
  }, [key]);

  return (id) => labelOf(names, id, locale);
}

function labelOf(names: ReadonlyMap<string, LocationItem>, id: string | null | undefined, locale: Locale): string {
  if (!id) return '';
  return names.get(id)?.names[locale] ?? '';
}

/** "Tashkent city, Yunusobod district, Bogʻishamol mahalla, 4-12": the parts known, in order. */
export function addressText(label: (id: string | null | undefined) => string, a: AddressIds & { addressLine?: string | null | undefined }): string {
  return [label(a.regionId), label(a.districtId), label(a.mahallaId), a.addressLine ?? ''].filter(Boolean).join(', ');
}
