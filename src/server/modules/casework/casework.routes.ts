import './casework.extensions.ts';
import type { RouteDef } from '../../platform/http/define-route.ts';
import { assessmentRoutes } from '../assessments/assessment.routes.ts';
import { teamRoutes } from '../mahalla-teams/team.routes.ts';
import { partnerRoutes } from '../partners/partner.routes.ts';
import { planRoutes } from '../plans/plan.routes.ts';
import { referralRoutes } from '../referrals/referral.routes.ts';
import { reportRoutes } from '../reports/report.routes.ts';
import { serviceRoutes } from '../services/service.routes.ts';

/** The casework content of family strengthening (issue 3): every route, and the case core's hooks registered. */
export const caseworkRoutes: readonly RouteDef[] = [
  ...assessmentRoutes,
  ...planRoutes,
  ...serviceRoutes,
  ...partnerRoutes,
  ...referralRoutes,
  ...teamRoutes,
  ...reportRoutes,
];
