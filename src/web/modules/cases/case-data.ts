import type { Locale } from '../../../shared/i18n/locales.ts';
import { api } from '../../api/client.ts';
import { cached, clearCache } from '../../api/cache.ts';
import type { HouseholdDetail, HouseholdMember, Page } from '../../api/types.ts';
import { useResource, type Resource } from '../../api/use-resource.ts';
import type { SelectOption } from '../../ui/select.tsx';
import { personNames } from '../people/person-model.ts';
import type { InstrumentView, PartnerView } from '../casework/casework-types.ts';

/** Reference data of casework, loaded once per page life (see api/cache.ts). */

export function fetchPartners(): Promise<PartnerView[]> {
  return cached('partners', async () =>
    (await api.post<Page<PartnerView>>('/api/partner-organisations/search', { page: 1, pageSize: 100 })).items);
}

/** After a partner organisation is added or changed. */
export function forgetPartners(): void {
  clearCache('partners');
}

export function usePartners(): Resource<PartnerView[]> {
  return useResource(() => fetchPartners(), []);
}

export function partnerOptions(partners: readonly PartnerView[] | undefined): SelectOption[] {
  return (partners ?? []).filter((p) => !p.archivedAt).map((p) => ({ value: p.id, label: p.name }));
}

/** The current version of each assessment instrument. */
export function fetchInstruments(): Promise<InstrumentView[]> {
  return cached('instruments', async () => (await api.get<{ items: InstrumentView[] }>('/api/assessment-instruments')).items);
}

export function useInstruments(): Resource<InstrumentView[]> {
  return useResource(() => fetchInstruments(), []);
}

/** The household of a case, with its current members (children to assess, people to refer). */
export function useHousehold(householdId: string): Resource<HouseholdDetail> {
  return useResource((signal) => api.get<HouseholdDetail>(`/api/households/${householdId}`, { signal }), [householdId]);
}

export function memberName(m: HouseholdMember, locale: Locale): string {
  return personNames(m.person, locale).primary || m.person.reference;
}

export function memberOptions(members: readonly HouseholdMember[] | undefined, locale: Locale): SelectOption[] {
  return (members ?? []).map((m) => ({ value: m.person.id, label: memberName(m, locale) }));
}

/** Under 18 on the day, when the date of birth (or the age band) says so. */
export function isChild(m: HouseholdMember, on: string): boolean {
  const born = m.person.birthDate;
  if (born) {
    const [y, mo, d] = born.split('-').map(Number) as [number, number, number];
    const [ty, tm, td] = on.split('-').map(Number) as [number, number, number];
    let age = ty - y;
    if (tm < mo || (tm === mo && td < d)) age -= 1;
    return age < 18;
  }
  const band = m.person.ageBand;
  if (band) return !['18-23', '24+'].includes(band);
  return m.relationship === 'child';
}
