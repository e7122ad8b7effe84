import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { ROLE_REACH } from '../../../shared/permissions.ts';
import type { Actor } from '../http/context.ts';
import type { ScopedRecordColumns } from '../../db/schema.ts';

/** Tables whose rows carry the scope columns (organisation, branch, worker, team). */
export type ScopedTable = 'person' | 'household' | 'family_case';

type Term = { kind: 'all' } | { kind: 'branch'; id: string } | { kind: 'worker'; id: string } | { kind: 'team'; id: string };

/**
 * The union of what the actor's role assignments reach, as a list of terms.
 * Both the SQL filter and the in-memory check are built from it, so they
 * cannot disagree.
 */
function reachTerms(actor: Actor): Term[] {
  const terms: Term[] = [];
  for (const a of actor.assignments) {
    switch (ROLE_REACH[a.role]) {
      case 'organisation':
        terms.push({ kind: 'all' });
        break;
      case 'branch':
        if (a.branchId) terms.push({ kind: 'branch', id: a.branchId });
        break;
      case 'caseload':
        terms.push({ kind: 'worker', id: actor.userId });
        if (a.teamId) terms.push({ kind: 'team', id: a.teamId });
        break;
      case 'team':
        if (a.teamId) terms.push({ kind: 'team', id: a.teamId });
        break;
      case 'none':
        break;
    }
  }
  return terms;
}

/**
 * A WHERE condition that keeps only the rows of `table` the actor may reach.
 * Repositories add it to every query on scoped tables; with no grant it is FALSE.
 *
 * @example db.selectFrom('person').where(recordScope(actor, 'person'))
 */
export function recordScope(actor: Actor, table: ScopedTable): RawBuilder<SqlBool> {
  const col = (name: keyof ScopedRecordColumns) => sql.ref(`${table}.${name}`);
  const terms = reachTerms(actor);
  if (terms.length === 0) return sql<SqlBool>`false`;
  const org = sql`${col('organisation_id')} = ${actor.organisationId}`;
  if (terms.some((t) => t.kind === 'all')) return sql<SqlBool>`${org}`;
  const ors = terms.map((t) => {
    switch (t.kind) {
      case 'branch':
        return sql`${col('branch_id')} = ${t.id}`;
      case 'worker':
        return sql`${col('assigned_worker_id')} = ${t.id}`;
      case 'team':
        return sql`${col('team_id')} = ${t.id}`;
      case 'all':
        return sql`true`;
    }
  });
  return sql<SqlBool>`(${org} AND (${sql.join(ors, sql` OR `)}))`;
}

/** The same rule for a row in memory: used to check a record's new scope before it is saved. */
export function canReachRecord(actor: Actor, row: ScopedRecordColumns): boolean {
  if (row.organisation_id !== actor.organisationId) return false;
  return reachTerms(actor).some((t) => {
    switch (t.kind) {
      case 'all':
        return true;
      case 'branch':
        return row.branch_id === t.id;
      case 'worker':
        return row.assigned_worker_id === t.id;
      case 'team':
        return row.team_id === t.id;
    }
  });
}

/** The branches an actor may register new records in: their branch assignments, or any branch for organisation-wide roles. */
export function branchesActorMayUse(actor: Actor): { all: true } | { all: false; ids: Set<string> } {
  if (actor.assignments.some((a) => ROLE_REACH[a.role] === 'organisation')) return { all: true };
  return { all: false, ids: new Set(actor.assignments.flatMap((a) => (a.branchId ? [a.branchId] : []))) };
}
