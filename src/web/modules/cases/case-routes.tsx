import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../../../shared/permissions.ts';

/**
 * The family strengthening pages (cases, mahalla teams, partner
 * organisations, reports), each its own chunk. `guard` is the app's
 * permission check (routes.tsx), so a page a role cannot use shows
 * "not available" the same way everywhere.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const CaseListPage = page(() => import('./case-list-page.tsx'), 'CaseListPage');
const CaseOpenPage = page(() => import('./case-open-page.tsx'), 'CaseOpenPage');
const CasePage = page(() => import('./case-page.tsx'), 'CasePage');
const DashboardPage = page(() => import('./dashboard-page.tsx'), 'DashboardPage');
const GroupSessionPage = page(() => import('../casework/group-session-page.tsx'), 'GroupSessionPage');
const PartnersPage = page(() => import('../casework/partners-page.tsx'), 'PartnersPage');
const TeamsPage = page(() => import('../casework/teams-pages.tsx'), 'TeamsPage');
const TeamPage = page(() => import('../casework/teams-pages.tsx'), 'TeamPage');
const MeetingPage = page(() => import('../casework/teams-pages.tsx'), 'MeetingPage');
const MeetingCreatePage = page(() => import('../casework/teams-pages.tsx'), 'MeetingCreatePage');
const ReportsPage = page(() => import('../casework/reports-page.tsx'), 'ReportsPage');

export function caseRoutes(guard: (permission: Permission, Page: ComponentType) => ReactNode): RouteObject[] {
  return [
    { path: 'cases', element: guard('case.read', CaseListPage) },
    { path: 'cases/new', element: guard('case.create', CaseOpenPage) },
    { path: 'cases/dashboard', element: guard('case.read', DashboardPage) },
    { path: 'cases/group-session', element: guard('casework.write', GroupSessionPage) },
    { path: 'cases/:caseId/:tab?', element: guard('case.read', CasePage) },
    { path: 'teams', element: guard('casework.read', TeamsPage) },
    { path: 'teams/:teamId', element: guard('casework.read', TeamPage) },
    { path: 'teams/:teamId/meetings/new', element: guard('casework.write', MeetingCreatePage) },
    { path: 'teams/:teamId/meetings/:meetingId', element: guard('casework.read', MeetingPage) },
    { path: 'partners', element: guard('casework.read', PartnersPage) },
    { path: 'reports', element: guard('report.read', ReportsPage) },
  ];
}
