import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Permission } from '../../../shared/permissions.ts';

/**
 * The duplicates review pages, each its own chunk: the queue with the
 * registry scan, and the merge screen. `guard` is the app's permission check
 * (routes.tsx).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const DuplicatesPage = page(() => import('./duplicates-page.tsx'), 'DuplicatesPage');
const MergePage = page(() => import('./merge-page.tsx'), 'MergePage');

export function duplicateRoutes(guard: (permission: Permission, Page: ComponentType) => ReactNode): RouteObject[] {
  return [
    { path: 'duplicates', element: guard('duplicate.review', DuplicatesPage) },
    { path: 'people/:personId/merge/:otherId', element: guard('person.merge', MergePage) },
  ];
}
