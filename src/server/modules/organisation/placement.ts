import type { FieldError } from '../../../shared/errors.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { branchesActorMayUse, canReachRecord } from '../../platform/access/record-scope.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { ScopedRecordColumns } from '../../db/schema.ts';

export interface Placement {
  branchId: string;
  teamId: string | null;
  assignedWorkerId: string | null;
}

/**
 * Checks where a person or household is placed in the organisation: the
 * branch is the caller's to use, the team belongs to that branch, the worker
 * to the organisation; and the record stays within the caller's reach, so
 * nobody can save a record out of their own sight.
 */
export async function assertPlacement(db: Executor, actor: Actor, p: Placement, prefix: string[] = []): Promise<ScopedRecordColumns> {
  const fields: FieldError[] = [];
  const branch = await db.selectFrom('branch').select('id').where('id', '=', p.branchId).where('organisation_id', '=', actor.organisationId).executeTakeFirst();
  const usable = branchesActorMayUse(actor);
  if (!branch || (!usable.all && !usable.ids.has(p.branchId))) fields.push({ path: [...prefix, 'branchId'], code: 'invalid_value' });
  if (p.teamId) {
    const team = await db.selectFrom('team').select('branch_id').where('id', '=', p.teamId).where('organisation_id', '=', actor.organisationId).executeTakeFirst();
    if (!team || team.branch_id !== p.branchId) fields.push({ path: [...prefix, 'teamId'], code: 'invalid_value' });
  }
  if (p.assignedWorkerId) {
    const worker = await db.selectFrom('app_user').select('id').where('id', '=', p.assignedWorkerId).where('organisation_id', '=', actor.organisationId).where('disabled_at', 'is', null).executeTakeFirst();
    if (!worker) fields.push({ path: [...prefix, 'assignedWorkerId'], code: 'invalid_value' });
  }
  if (fields.length) throw new AppError('validation_failed', 'Some fields are not valid.', { fields });
  const scoped: ScopedRecordColumns = { organisation_id: actor.organisationId, branch_id: p.branchId, team_id: p.teamId, assigned_worker_id: p.assignedWorkerId };
  if (!canReachRecord(actor, scoped)) {
    throw new AppError('forbidden', 'This would place the record outside what you may see; assign it to yourself or your team.');
  }
  return scoped;
}

/** A new record of a case worker is theirs unless they say otherwise. */
export function defaultWorker(actor: Actor, given: string | null | undefined): string | null {
  if (given !== undefined && given !== null) return given;
  return actor.roles.includes('social_worker') || actor.roles.includes('care_worker') ? actor.userId : null;
}

/**
 * The scope columns after an edit that may change branch, team or worker:
 * unchanged parts are kept, the result is checked like a new placement.
 * Returns nothing to set when the edit does not touch the placement.
 */
export async function changedPlacement(
  db: Executor,
  actor: Actor,
  changes: { branchId?: string | undefined; teamId?: string | null | undefined; assignedWorkerId?: string | null | undefined },
  current: ScopedRecordColumns,
): Promise<Partial<ScopedRecordColumns>> {
  if (changes.branchId === undefined && changes.teamId === undefined && changes.assignedWorkerId === undefined) return {};
  return assertPlacement(db, actor, {
    branchId: changes.branchId ?? current.branch_id,
    teamId: changes.teamId !== undefined ? changes.teamId : current.team_id,
    assignedWorkerId: changes.assignedWorkerId !== undefined ? changes.assignedWorkerId : current.assigned_worker_id,
  });
}
