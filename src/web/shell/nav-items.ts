import type { Permission } from '../../shared/permissions.ts';

export interface NavItem {
  to: string;
  /** Translation key of the link text. */
  label: string;
  /** Any one of these permissions shows the link. */
  anyOf: readonly Permission[];
  /** Translation key of the line under the link on the home page; `home.describe.<path>` when left out. */
  describe?: string;
}

/** The sections of the app, in menu order; a link shows only when the user's role can use it. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/people', label: 'nav.people', anyOf: ['person.read'] },
  { to: '/households', label: 'nav.households', anyOf: ['household.read'] },
  { to: '/duplicates', label: 'review.nav.title', anyOf: ['duplicate.review'], describe: 'review.nav.describe' },
  { to: '/cases', label: 'cases.nav.cases', anyOf: ['case.read'], describe: 'cases.nav.describeCases' },
  { to: '/teams', label: 'cases.nav.teams', anyOf: ['casework.read'], describe: 'cases.nav.describeTeams' },
  { to: '/partners', label: 'cases.nav.partners', anyOf: ['casework.read'], describe: 'cases.nav.describePartners' },
  { to: '/reports', label: 'cases.nav.reports', anyOf: ['report.read'], describe: 'cases.nav.describeReports' },
  { to: '/users', label: 'nav.users', anyOf: ['user.manage'] },
  { to: '/audit', label: 'nav.audit', anyOf: ['audit.read'] },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.anyOf.some((p) => permissions.includes(p)));
}
