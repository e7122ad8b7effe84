import type { RouteDef } from './platform/http/define-route.ts';
import { healthRoutes } from './platform/health/health.routes.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { personRoutes } from './modules/people/person.routes.ts';
import { householdRoutes } from './modules/households/household.routes.ts';
import { consentRoutes } from './modules/consents/consent.routes.ts';
import { locationRoutes } from './modules/locations/location.routes.ts';
import { organisationRoutes } from './modules/organisation/organisation.routes.ts';
import { userRoutes } from './modules/users/user.routes.ts';
import { auditLogRoutes } from './modules/audit-log/audit-log.routes.ts';
import { caseRoutes } from './modules/cases/case.routes.ts';
import { caseworkRoutes } from './modules/casework/casework.routes.ts';
import { duplicateRoutes } from './modules/duplicates/duplicate.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';

/** Every route of the application, in one list: the app, the API docs and the access-matrix test read it. */
export const allRoutes: readonly RouteDef[] = [
  ...healthRoutes,
  ...authRoutes,
  ...personRoutes,
  ...householdRoutes,
  ...consentRoutes,
  ...locationRoutes,
  ...organisationRoutes,
  ...userRoutes,
  ...auditLogRoutes,
  ...caseRoutes,
  ...caseworkRoutes,
  ...duplicateRoutes,
  ...searchRoutes,
];
