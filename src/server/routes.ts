import type { RouteDef } from './platform/http/define-route.ts';
import { healthRoutes } from './platform/health/health.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';

/** Every route of the application, in one list: the app, the API docs and the access-matrix test read it. */
export const allRoutes: readonly RouteDef[] = [...healthRoutes, ...authRoutes];
