import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../shared/permissions.ts';
import { AppShell } from './shell/app-shell.tsx';
import { ForbiddenPage, NotFoundPage, RouteErrorPage } from './shell/status-pages.tsx';
import { can, useUser } from './session/session.tsx';
import { caseRoutes } from './modules/cases/case-routes.tsx';
import { duplicateRoutes } from './modules/duplicates/duplicate-routes.tsx';

/** Each page is its own chunk: the first load carries only the shell and the page opened. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const HomePage = page(() => import('./shell/home-page.tsx'), 'HomePage');
const AccountPage = page(() => import('./modules/auth/account-page.tsx'), 'AccountPage');
const PeopleListPage = page(() => import('./modules/people/people-list-page.tsx'), 'PeopleListPage');
const PersonCreatePage = page(() => import('./modules/people/person-edit-page.tsx'), 'PersonCreatePage');
const PersonEditPage = page(() => import('./modules/people/person-edit-page.tsx'), 'PersonEditPage');
const PersonViewPage = page(() => import('./modules/people/person-view-page.tsx'), 'PersonViewPage');
const HouseholdListPage = page(() => import('./modules/households/household-list-page.tsx'), 'HouseholdListPage');
const HouseholdCreatePage = page(() => import('./modules/households/household-create-page.tsx'), 'HouseholdCreatePage');
const HouseholdViewPage = page(() => import('./modules/households/household-view-page.tsx'), 'HouseholdViewPage');
const HouseholdEditPage = page(() => import('./modules/households/household-edit-page.tsx'), 'HouseholdEditPage');
const UserListPage = page(() => import('./modules/users/user-list-page.tsx'), 'UserListPage');
const UserCreatePage = page(() => import('./modules/users/user-edit-page.tsx'), 'UserCreatePage');
const UserEditPage = page(() => import('./modules/users/user-edit-page.tsx'), 'UserEditPage');
const AuditPage = page(() => import('./modules/audit/audit-page.tsx'), 'AuditPage');

/** Hides a page the user's role cannot use; the server refuses it anyway. */
function Require({ permission, children }: { permission: Permission; children: ReactNode }) {
  const user = useUser();
  return can(user, permission) ? children : <ForbiddenPage />;
}

const guarded = (permission: Permission, Page: ComponentType) => (
  <Require permission={permission}>
    <Page />
  </Require>
);

export const appRoutes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'people', element: guarded('person.read', PeopleListPage) },
      { path: 'people/new', element: guarded('person.create', PersonCreatePage) },
      { path: 'people/:personId', element: guarded('person.read', PersonViewPage) },
      { path: 'people/:personId/edit', element: guarded('person.update', PersonEditPage) },
      { path: 'households', element: guarded('household.read', HouseholdListPage) },
      { path: 'households/new', element: guarded('household.create', HouseholdCreatePage) },
      { path: 'households/:householdId', element: guarded('household.read', HouseholdViewPage) },
      { path: 'households/:householdId/edit', element: guarded('household.update', HouseholdEditPage) },
      { path: 'users', element: guarded('user.manage', UserListPage) },
      { path: 'users/new', element: guarded('user.manage', UserCreatePage) },
      { path: 'users/:userId', element: guarded('user.manage', UserEditPage) },
      { path: 'audit', element: guarded('audit.read', AuditPage) },
      ...caseRoutes(guarded),
      ...duplicateRoutes(guarded),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
