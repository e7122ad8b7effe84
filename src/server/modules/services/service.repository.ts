import { sql, type Insertable, type Updateable } from 'kysely';
import type { OneTimeAssistance, OneTimeAssistanceTable, ServiceDeliveryTable } from '../../db/casework-tables.ts';
import type { Actor, Executor } from '../../platform/http/context.ts';
import type { ServiceRow } from './service.policy.ts';

/** Service deliveries and assistance, read by case (found in scope by the service first) within the organisation. */

function serviceQuery(db: Executor, actor: Actor) {
  return db
    .selectFrom('service_delivery as s')
    .leftJoin('partner_organisation as p', 'p.id', 's.partner_id')
    .selectAll('s')
    .select('p.name as partner_name')
    .select((eb) => eb.fn.coalesce(
      eb.selectFrom('service_delivery_person as sp').select(sql<string[]>`array_agg(sp.person_id ORDER BY sp.person_id)`.as('ids')).whereRef('sp.delivery_id', '=', 's.id'),
      sql<string[]>`'{}'::uuid[]`,
    ).as('person_ids'))
    .where('s.organisation_id', '=', actor.organisationId);
}

export async function listServices(db: Executor, actor: Actor, caseId: string): Promise<ServiceRow[]> {
  return serviceQuery(db, actor).where('s.case_id', '=', caseId).orderBy('s.delivered_on', 'desc').orderBy('s.created_at', 'desc').execute();
}

export async function findService(db: Executor, actor: Actor, caseId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<ServiceRow | undefined> {
  let q = serviceQuery(db, actor).where('s.case_id', '=', caseId).where('s.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('s');
  return q.executeTakeFirst();
}

export async function findServicesOfSession(db: Executor, actor: Actor, sessionId: string): Promise<ServiceRow[]> {
  return serviceQuery(db, actor).where('s.group_session_id', '=', sessionId).orderBy('s.created_at').execute();
}

export async function insertService(db: Executor, values: Insertable<ServiceDeliveryTable>, personIds: readonly string[]): Promise<string> {
  const { id } = await db.insertInto('service_delivery').values(values).returning('id').executeTakeFirstOrThrow();
  if (personIds.length) await db.insertInto('service_delivery_person').values(personIds.map((person_id) => ({ delivery_id: id, person_id }))).execute();
  return id;
}

export async function updateServiceAtVersion(db: Executor, actor: Actor, caseId: string, id: string, version: number, values: Updateable<ServiceDeliveryTable>): Promise<boolean> {
  const row = await db.updateTable('service_delivery')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id).where('case_id', '=', caseId).where('organisation_id', '=', actor.organisationId).where('version', '=', version)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function replaceServicePeople(db: Executor, deliveryId: string, personIds: readonly string[]): Promise<void> {
  await db.deleteFrom('service_delivery_person').where('delivery_id', '=', deliveryId).execute();
  if (personIds.length) await db.insertInto('service_delivery_person').values(personIds.map((person_id) => ({ delivery_id: deliveryId, person_id }))).execute();
}

export async function listAssistance(db: Executor, actor: Actor, caseId: string): Promise<OneTimeAssistance[]> {
  return db.selectFrom('one_time_assistance').selectAll().where('organisation_id', '=', actor.organisationId).where('case_id', '=', caseId)
    .orderBy('given_on', 'desc').orderBy('created_at', 'desc').execute();
}

export async function findAssistance(db: Executor, actor: Actor, caseId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<OneTimeAssistance | undefined> {
  let q = db.selectFrom('one_time_assistance').selectAll().where('organisation_id', '=', actor.organisationId).where('case_id', '=', caseId).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertAssistance(db: Executor, values: Insertable<OneTimeAssistanceTable>): Promise<OneTimeAssistance> {
  return db.insertInto('one_time_assistance').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function updateAssistanceAtVersion(db: Executor, actor: Actor, caseId: string, id: string, version: number, values: Updateable<OneTimeAssistanceTable>): Promise<OneTimeAssistance | undefined> {
  return db.updateTable('one_time_assistance')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<string>`now()` })
    .where('id', '=', id).where('case_id', '=', caseId).where('organisation_id', '=', actor.organisationId).where('version', '=', version)
    .returningAll().executeTakeFirst();
}
