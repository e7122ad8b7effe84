import type { EXIT_REASONS } from '../../../shared/cases/case-codes.ts';
import type {
  ActionStatus, AssistanceKind, GoalProgress, InstrumentKind, MeetingKind, PartnerKind, PlanStatus, ProviderKind, ResponsibleKind, ServiceType, ServiceUnit,
  TaskStatus,
} from '../../../shared/casework/codes.ts';
import type { InstrumentDefinition } from '../../../shared/casework/instrument.ts';
import type { ReferralEvent, ReferralState } from '../../../shared/casework/referral-state-machine.ts';

/**
 * The casework API as the staff app reads it (server: assessments, plans,
 * services, partners, referrals, mahalla-teams, reports). Sums of money are
 * soʻm as decimal strings.
 */

export interface InstrumentView {
  id: string;
  code: string;
  version: number;
  kind: InstrumentKind;
  current: boolean;
  active: boolean;
  builtIn: boolean;
  publishedAt: string;
  definition: InstrumentDefinition;
}

export interface AssessmentView {
  id: string;
  caseId: string;
  episode: number;
  personId: string | null;
  instrument: { id: string; code: string; version: number; kind: InstrumentKind };
  assessedOn: string;
  assessorId?: string;
  assessorName?: string;
  answers?: Record<string, number>;
  factorNotes?: Record<string, string>;
  domainScores: Record<string, number>;
  overallScore: number | null;
  summary?: string | null;
  version: number;
}

export interface ProgressPoint {
  assessmentId: string;
  assessedOn: string;
  score: number;
}

export interface ProgressSeries {
  personId: string | null;
  instrumentCode: string;
  assessments: number;
  domains: { domain: string; first: ProgressPoint | null; latest: ProgressPoint | null; change: number | null }[];
}

export interface Responsible {
  kind: ResponsibleKind;
  name?: string | null;
  userId?: string | null;
  partnerId?: string | null;
}

export interface PlanAction {
  id: string;
  text?: string;
  responsible: Responsible;
  dueOn: string;
  status: ActionStatus;
  completedOn: string | null;
}

export interface PlanGoal {
  id: string;
  instrumentCode: string;
  domainCode: string;
  text?: string;
  actions: PlanAction[];
}

export interface PlanReview {
  id: string;
  reviewedOn: string;
  summary?: string;
  goals: { goalId: string; goalText?: string; progress: GoalProgress; note?: string | null }[];
  reviewedBy: string;
  reviewedByName?: string;
  createdAt: string;
}

export interface PlanView {
  id: string;
  caseId: string;
  episode: number;
  status: PlanStatus;
  contentRevision: number;
  approval: {
    id: string;
    status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
    revision: number;
    requestedAt: string;
    decidedAt: string | null;
    decisionComment?: string | null;
  } | null;
  goals: PlanGoal[];
  reviews: PlanReview[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ServiceView {
  id: string;
  caseId: string;
  serviceType: ServiceType;
  providerKind: ProviderKind;
  partnerId: string | null;
  partnerName?: string | null;
  providerName?: string | null;
  deliveredOn: string;
  units: number;
  unit: ServiceUnit;
  costUzs?: string | null;
  projectCode?: string | null;
  groupSessionId: string | null;
  sessionTitle?: string | null;
  personIds?: string[];
  notes?: string | null;
  version: number;
}

export interface AssistanceView {
  id: string;
  caseId: string;
  kind: AssistanceKind;
  item?: string | null;
  valueUzs?: string;
  projectCode?: string | null;
  givenOn: string;
  personId?: string | null;
  notes?: string | null;
  version: number;
}

export interface PartnerContact {
  name: string;
  position: string | null;
  phone: string | null;
  email: string | null;
}

export interface PartnerView {
  id: string;
  kind: PartnerKind;
  name: string;
  districtId: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  contacts?: PartnerContact[];
  notes?: string | null;
  archivedAt: string | null;
  archiveReason?: string | null;
  version: number;
}

export interface ReferralView {
  id: string;
  caseId: string;
  partnerId: string;
  partnerName: string;
  partnerKind: string;
  personId: string;
  reason?: string;
  servicesRequested?: string[];
  dataCategories: string[];
  status: ReferralState;
  events: ReferralEvent[];
  sentOn: string | null;
  consentId?: string | null;
  consentOverridden: boolean;
  consentOverrideReason?: string | null;
  answeredOn: string | null;
  answerNote?: string | null;
  completedOn: string | null;
  outcomeNote?: string | null;
  revokedOn: string | null;
  revokeReason?: string | null;
  waitingDays: number | null;
  version: number;
}

export interface TeamView {
  id: string;
  branchId: string;
  name: string;
  mahallaId: string | null;
  activeMembers: number;
}

export interface TeamMember {
  id: string;
  teamId: string;
  name?: string;
  position?: string | null;
  partnerId: string | null;
  partnerName: string | null;
  userId?: string | null;
  phone?: string | null;
  email?: string | null;
  joinedOn: string;
  leftOn: string | null;
  version: number;
}

export interface TeamDetail {
  team: TeamView;
  members: TeamMember[];
}

export interface MeetingSummary {
  id: string;
  teamId: string;
  kind: MeetingKind;
  heldOn: string;
  place?: string;
  cases: number;
  openTasks: number;
  version: number;
}

export interface MeetingView {
  id: string;
  teamId: string;
  kind: MeetingKind;
  heldOn: string;
  place?: string;
  summary?: string | null;
  attendees: { memberId: string | null; name?: string; organisationName?: string | null }[];
  cases: { caseId: string; caseNumber: string; householdName?: string; decision?: string }[];
  tasks: {
    id: string;
    caseId: string | null;
    text?: string;
    responsibleMemberId: string | null;
    responsibleName?: string;
    dueOn: string;
    status: TaskStatus;
    doneOn: string | null;
  }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportView {
  period: { from: string; to: string };
  branchId: string | null;
  generatedAt: string;
  familiesSupported: number;
  casesSupported: number;
  children: { total: number; female: number; male: number };
  services: {
    byType: { serviceType: ServiceType; count: number; units: number; costUzs: string }[];
    total: { count: number; units: number; costUzs: string };
  };
  assistance: { count: number; valueUzs: string; byKind: { kind: AssistanceKind; count: number; valueUzs: string }[] };
  referrals: { sent: number; accepted: number; completed: number };
  exits: { total: number; byReason: { reason: (typeof EXIT_REASONS)[number]; count: number }[]; selfReliantShare: number | null };
  averageDaysEnrolmentToExit: number | null;
}
