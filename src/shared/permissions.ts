/**
 * Who may do what: the one table both the server (to enforce) and the web app
 * (to hide what cannot be used) read. Deny by default: a permission not
 * granted here is refused.
 */
export const ROLES = [
  'social_worker',
  'care_worker',
  'supervisor',
  'director',
  'me_officer',
  'partner',
  'editor',
  'donor_viewer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const PROGRAMMES = ['family_strengthening', 'alternative_care', 'youth', 'short_term_care'] as const;
export type Programme = (typeof PROGRAMMES)[number];

export const PERMISSIONS = [
  'self',
  'person.read',
  'person.create',
  'person.update',
  'person.archive',
  'person.merge',
  'duplicate.review',
  'household.read',
  'household.create',
  'household.update',
  'household.archive',
  'consent.read',
  'consent.write',
  'location.read',
  'location.manage',
  'organisation.read',
  'user.read',
  'user.manage',
  'audit.read',
  'case.read',
  'case.create',
  'case.update',
  'case.assign',
  'case.approve',
  'case.settings',
  'casework.read',
  'casework.write',
  /** Print a family's plan to sign: whoever writes plans, and the director who answers for them. */
  'plan.print',
  'instrument.manage',
  'partner_org.manage',
  'referral.override_consent',
  'mahalla_team.manage',
  'report.read',
  'report.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Roles that must sign in with a second factor. */
export const TOTP_REQUIRED_ROLES: readonly Role[] = ['admin', 'director', 'supervisor'];

const CASEWORK: Permission[] = [
  'person.read', 'person.create', 'person.update', 'person.archive',
  'household.read', 'household.create', 'household.update', 'household.archive',
  'consent.read', 'consent.write',
];

const GRANTS: Record<Role, readonly Permission[]> = {
  social_worker: ['self', ...CASEWORK, 'location.read', 'organisation.read', 'case.read', 'case.create', 'case.update', 'casework.read', 'casework.write', 'plan.print', 'partner_org.manage'],
  care_worker: ['self', 'person.read', 'person.update', 'household.read', 'consent.read', 'location.read', 'organisation.read', 'case.read', 'casework.read'],
  supervisor: ['self', ...CASEWORK, 'duplicate.review', 'person.merge', 'location.read', 'organisation.read', 'user.read', 'case.read', 'case.create', 'case.update', 'case.assign', 'case.approve', 'casework.read', 'casework.write', 'plan.print', 'partner_org.manage', 'referral.override_consent', 'mahalla_team.manage', 'report.read', 'report.export'],
  director: ['self', 'person.read', 'household.read', 'consent.read', 'duplicate.review', 'person.merge', 'location.read', 'organisation.read', 'user.read', 'audit.read', 'case.read', 'case.approve', 'case.settings', 'casework.read', 'plan.print', 'partner_org.manage', 'mahalla_team.manage', 'instrument.manage', 'report.read', 'report.export'],
  me_officer: ['self', 'person.read', 'household.read', 'location.read', 'organisation.read', 'case.read', 'casework.read', 'report.read', 'report.export'],
  partner: ['self', 'person.read', 'household.read', 'location.read', 'organisation.read', 'case.read', 'casework.read'],
  editor: ['self', 'organisation.read'],
  donor_viewer: ['self', 'organisation.read'],
  admin: ['self', 'location.read', 'location.manage', 'organisation.read', 'user.read', 'user.manage', 'audit.read', 'case.settings'],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(roles: Iterable<Role>): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of GRANTS[role]) out.add(p);
  return out;
}

/**
 * How far a role reaches into case records. The reach of a user is the union
 * over their role assignments; `none` reaches nothing.
 * - organisation: every record of the organisation
 * - branch: every record of the assignment's branch
 * - caseload: records assigned to the user, or to a team the user is in
 * - team: records of the assignment's team only
 */
export type RecordReach = 'organisation' | 'branch' | 'caseload' | 'team' | 'none';

export const ROLE_REACH: Record<Role, RecordReach> = {
  social_worker: 'caseload',
  care_worker: 'caseload',
  supervisor: 'branch',
  director: 'organisation',
  me_officer: 'organisation',
  partner: 'team',
  editor: 'none',
  donor_viewer: 'none',
  admin: 'none',
};

/**
 * Which fields of a person or household a role sees. `full` is everything;
 * `partner` is what a mahalla team member needs to work with a family (name,
 * age band, mahalla — no documents, health or contacts); `deidentified` is
 * for monitoring: no names, no documents, no exact date of birth.
 */
export type FieldView = 'full' | 'partner' | 'deidentified';

export const ROLE_FIELD_VIEW: Record<Role, FieldView> = {
  social_worker: 'full',
  care_worker: 'full',
  supervisor: 'full',
  director: 'full',
  me_officer: 'deidentified',
  partner: 'partner',
  editor: 'deidentified',
  donor_viewer: 'deidentified',
  admin: 'deidentified',
};

const VIEW_RANK: Record<FieldView, number> = { deidentified: 0, partner: 1, full: 2 };

/** The widest field view among roles: a supervisor who is also a partner sees everything. */
export function fieldViewOf(roles: Iterable<Role>): FieldView {
  let best: FieldView = 'deidentified';
  for (const role of roles) if (VIEW_RANK[ROLE_FIELD_VIEW[role]] > VIEW_RANK[best]) best = ROLE_FIELD_VIEW[role];
  return best;
}
