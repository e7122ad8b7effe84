import type { Locale } from '../../../shared/i18n/locales.ts';
import { api } from '../../api/client.ts';
import { cached } from '../../api/cache.ts';
import type { OrganisationInfo } from '../../api/types.ts';
import { useResource, type Resource } from '../../api/use-resource.ts';
import type { SelectOption } from '../../ui/select.tsx';

export function fetchOrganisation(): Promise<OrganisationInfo> {
  return cached('organisation', () => api.get<OrganisationInfo>('/api/organisation'));
}

/** The organisation's branches and teams, loaded once. */
export function useOrganisation(): Resource<OrganisationInfo> {
  return useResource(() => fetchOrganisation(), []);
}

export function branchOptions(org: OrganisationInfo | undefined, locale: Locale): SelectOption[] {
  return (org?.branches ?? []).map((b) => ({ value: b.id, label: b.names[locale] }));
}

export function teamOptions(org: OrganisationInfo | undefined, branchId: string): SelectOption[] {
  return (org?.teams ?? []).filter((team) => !branchId || team.branchId === branchId).map((team) => ({ value: team.id, label: team.name }));
}

export function branchName(org: OrganisationInfo | undefined, locale: Locale, id: string | null | undefined): string {
  if (!id) return '';
  return org?.branches.find((b) => b.id === id)?.names[locale] ?? '';
}

export function teamName(org: OrganisationInfo | undefined, id: string | null | undefined): string {
  if (!id) return '';
  return org?.teams.find((x) => x.id === id)?.name ?? '';
}

/**
 * Colleagues a record can be assigned to, those of the branch first. The
 * current worker stays a choice even if they moved branch, so saving the form
 * does not silently unassign them.
 */
export function workerOptions(org: OrganisationInfo | undefined, branchId: string, currentId: string | null | undefined): SelectOption[] {
  const workers = org?.workers ?? [];
  const inBranch = workers.filter((w) => !branchId || w.branchIds.includes(branchId) || w.id === currentId);
  return inBranch.map((w) => ({ value: w.id, label: w.displayName }));
}

export function workerName(org: OrganisationInfo | undefined, id: string | null | undefined): string {
  if (!id) return '';
  return org?.workers.find((w) => w.id === id)?.displayName ?? '';
}
