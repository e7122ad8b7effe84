import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { FieldError } from '../../../shared/errors.ts';
import type { OneTimeAssistanceTable, ServiceDeliveryTable } from '../../db/casework-tables.ts';
import { notFoundOrNoAccess, versionConflict } from '../../platform/errors/app-error.ts';
import type { HandlerContext } from '../../platform/http/context.ts';
import { activePartnerExists, caseForWrite, caseInScope, householdMembers, invalid } from '../casework/casework.access.ts';
import { findCase, lockCase } from '../cases/case.repository.ts';
import { assistanceViewFor, serviceViewFor } from './service.policy.ts';
import {
  findAssistance, findService, findServicesOfSession, insertAssistance, insertService, listAssistance, listServices, replaceServicePeople,
  updateAssistanceAtVersion, updateServiceAtVersion,
} from './service.repository.ts';
import type { CreateAssistanceInput, CreateServiceInput, GroupServiceInput, UpdateAssistanceInput, UpdateServiceInput } from './service.schema.ts';

type Provider = { providerKind: 'internal' | 'external'; partnerId: string | null; providerName: string | null };

/** An internal service names no provider; an external one names a partner from the directory or a provider by name. */
async function providerErrors(ctx: HandlerContext, p: Provider, prefix: (string | number)[] = []): Promise<FieldError[]> {
  if (p.providerKind === 'internal') {
    return [
      ...(p.partnerId ? [{ path: [...prefix, 'partnerId'], code: 'invalid_value' as const }] : []),
      ...(p.providerName ? [{ path: [...prefix, 'providerName'], code: 'invalid_value' as const }] : []),
    ];
  }
  if (p.partnerId) return (await activePartnerExists(ctx.db, ctx.actor, p.partnerId)) ? [] : [{ path: [...prefix, 'partnerId'], code: 'invalid_value' }];
  return p.providerName ? [] : [{ path: [...prefix, 'partnerId'], code: 'required' }];
}

function memberErrors(members: ReadonlySet<string>, personIds: readonly string[], prefix: (string | number)[]): FieldError[] {
  const seen = new Set<string>();
  return personIds.flatMap((id, i) => {
    const bad = !members.has(id) || seen.has(id);
    seen.add(id);
    return bad ? [{ path: [...prefix, 'personIds', i], code: 'invalid_value' as const }] : [];
  });
}

function deliveryColumns(ctx: HandlerContext, caseId: string, input: Omit<CreateServiceInput, 'personIds'>): Omit<Parameters<typeof insertService>[1], 'group_session_id' | 'session_title'> {
  return {
    organisation_id: ctx.actor.organisationId, case_id: caseId, service_type: input.serviceType, provider_kind: input.providerKind,
    partner_id: input.partnerId, provider_name: input.providerName, delivered_on: input.deliveredOn, units: String(input.units), unit: input.unit,
    cost_uzs: input.costUzs, project_code: input.projectCode, notes: input.notes, created_by: ctx.actor.userId, updated_by: ctx.actor.userId,
  };
}

export async function getServices(ctx: HandlerContext, caseId: string) {
  await caseInScope(ctx, caseId);
  const rows = await listServices(ctx.db, ctx.actor, caseId);
  await ctx.audit({ action: 'service.list', recordType: 'family_case', recordId: caseId, details: { shown: rows.map((r) => r.id) } });
  return { items: rows.map((r) => serviceViewFor(ctx.actor, r)) };
}

export async function recordService(ctx: HandlerContext, caseId: string, input: CreateServiceInput) {
  const c = await caseForWrite(ctx, caseId);
  const errors = [...(await providerErrors(ctx, input)), ...memberErrors(await householdMembers(ctx.db, c.household_id), input.personIds, [])];
  if (errors.length) throw invalid(errors);
  const id = await insertService(ctx.db, { ...deliveryColumns(ctx, caseId, input), group_session_id: null, session_title: null }, input.personIds);
  await ctx.audit({ action: 'service.create', recordType: 'family_case', recordId: caseId, details: { serviceId: id, serviceType: input.serviceType } });
  return serviceViewFor(ctx.actor, (await findService(ctx.db, ctx.actor, caseId, id))!);
}

export async function updateService(ctx: HandlerContext, caseId: string, id: string, input: UpdateServiceInput) {
  const c = await caseForWrite(ctx, caseId);
  const current = await findService(ctx.db, ctx.actor, caseId, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(serviceViewFor(ctx.actor, current));
  const provider: Provider = {
    providerKind: input.providerKind ?? current.provider_kind,
    partnerId: input.partnerId !== undefined ? input.partnerId : current.partner_id,
    providerName: input.providerName !== undefined ? input.providerName : current.provider_name,
  };
  // Switching to an internal provider drops the external one unless it was named in this change.
  if (input.providerKind === 'internal') {
    if (input.partnerId === undefined) provider.partnerId = null;
    if (input.providerName === undefined) provider.providerName = null;
  }
  const errors = [
    ...(await providerErrors(ctx, provider)),
    ...(input.personIds ? memberErrors(await householdMembers(ctx.db, c.household_id), input.personIds, []) : []),
  ];
  if (errors.length) throw invalid(errors);
  const values: Updateable<ServiceDeliveryTable> = {
    updated_by: ctx.actor.userId, provider_kind: provider.providerKind, partner_id: provider.partnerId, provider_name: provider.providerName,
  };
  if (input.serviceType !== undefined) values.service_type = input.serviceType;
  if (input.deliveredOn !== undefined) values.delivered_on = input.deliveredOn;
  if (input.units !== undefined) values.units = String(input.units);
  if (input.unit !== undefined) values.unit = input.unit;
  if (input.costUzs !== undefined) values.cost_uzs = input.costUzs;
  if (input.projectCode !== undefined) values.project_code = input.projectCode;
  if (input.notes !== undefined) values.notes = input.notes;
  if (!(await updateServiceAtVersion(ctx.db, ctx.actor, caseId, id, input.version, values))) throw versionConflict(serviceViewFor(ctx.actor, current));
  if (input.personIds) await replaceServicePeople(ctx.db, id, input.personIds);
  const { version: _v, ...changed } = input;
  await ctx.audit({ action: 'service.update', recordType: 'family_case', recordId: caseId, details: { serviceId: id, fields: Object.keys(changed).sort() } });
  return serviceViewFor(ctx.actor, (await findService(ctx.db, ctx.actor, caseId, id))!);
}

/**
 * A group session many families attended: one delivery per case, in one
 * transaction. Every case must be one the caller may work on and every
 * person a member of that case's family; one bad line and nothing is saved.
 * A case out of reach is refused like a missing one, as a field error.
 */
export async function recordGroupSession(ctx: HandlerContext, input: GroupServiceInput) {
  const errors = await providerErrors(ctx, input);
  const seen = new Set<string>();
  const valid: { caseId: string; personIds: string[] }[] = [];
  for (const [i, line] of input.cases.entries()) {
    const locked = seen.has(line.caseId) ? undefined : await lockCase(ctx.db, ctx.actor, line.caseId);
    seen.add(line.caseId);
    if (!locked || locked.status === 'not_eligible' || locked.status === 'follow_up_closed') {
      errors.push({ path: ['cases', i, 'caseId'], code: 'invalid_value' });
      continue;
    }
    const row = await findCase(ctx.db, ctx.actor, line.caseId);
    if (!row) {
      errors.push({ path: ['cases', i, 'caseId'], code: 'invalid_value' });
      continue;
    }
    errors.push(...memberErrors(await householdMembers(ctx.db, row.household_id), line.personIds, ['cases', i]));
    valid.push(line);
  }
  if (errors.length) throw invalid(errors);
  const sessionId = randomUUID();
  const { cases: _cases, sessionTitle, ...delivery } = input;
  for (const line of valid) {
    const id = await insertService(ctx.db, { ...deliveryColumns(ctx, line.caseId, delivery), group_session_id: sessionId, session_title: sessionTitle }, line.personIds);
    await ctx.audit({ action: 'service.create', recordType: 'family_case', recordId: line.caseId, details: { serviceId: id, serviceType: input.serviceType, groupSessionId: sessionId } });
  }
  const rows = await findServicesOfSession(ctx.db, ctx.actor, sessionId);
  return { groupSessionId: sessionId, deliveries: rows.map((r) => serviceViewFor(ctx.actor, r)) };
}

export async function getAssistance(ctx: HandlerContext, caseId: string) {
  await caseInScope(ctx, caseId);
  const rows = await listAssistance(ctx.db, ctx.actor, caseId);
  await ctx.audit({ action: 'assistance.list', recordType: 'family_case', recordId: caseId, details: { shown: rows.map((r) => r.id) } });
  return { items: rows.map((r) => assistanceViewFor(ctx.actor, r)) };
}

export async function recordAssistance(ctx: HandlerContext, caseId: string, input: CreateAssistanceInput) {
  const c = await caseForWrite(ctx, caseId);
  if (input.personId && !(await householdMembers(ctx.db, c.household_id)).has(input.personId)) throw invalid([{ path: ['personId'], code: 'invalid_value' }]);
  const row = await insertAssistance(ctx.db, {
    organisation_id: ctx.actor.organisationId, case_id: caseId, kind: input.kind, item: input.item, value_uzs: input.valueUzs, project_code: input.projectCode,
    given_on: input.givenOn, person_id: input.personId, notes: input.notes, created_by: ctx.actor.userId, updated_by: ctx.actor.userId,
  });
  await ctx.audit({ action: 'assistance.create', recordType: 'family_case', recordId: caseId, details: { assistanceId: row.id, kind: input.kind } });
  return assistanceViewFor(ctx.actor, row);
}

export async function updateAssistance(ctx: HandlerContext, caseId: string, id: string, input: UpdateAssistanceInput) {
  const c = await caseForWrite(ctx, caseId);
  const current = await findAssistance(ctx.db, ctx.actor, caseId, id, { forUpdate: true });
  if (!current) throw notFoundOrNoAccess();
  if (current.version !== input.version) throw versionConflict(assistanceViewFor(ctx.actor, current));
  const kind = input.kind ?? current.kind;
  const item = input.item !== undefined ? input.item : current.item;
  const errors: FieldError[] = [];
  if (kind === 'in_kind' && !item) errors.push({ path: ['item'], code: 'required' });
  if (input.personId && !(await householdMembers(ctx.db, c.household_id)).has(input.personId)) errors.push({ path: ['personId'], code: 'invalid_value' });
  if (errors.length) throw invalid(errors);
  const values: Updateable<OneTimeAssistanceTable> = { updated_by: ctx.actor.userId, kind, item };
  if (input.valueUzs !== undefined) values.value_uzs = input.valueUzs;
  if (input.projectCode !== undefined) values.project_code = input.projectCode;
  if (input.givenOn !== undefined) values.given_on = input.givenOn;
  if (input.personId !== undefined) values.person_id = input.personId;
  if (input.notes !== undefined) values.notes = input.notes;
  const row = await updateAssistanceAtVersion(ctx.db, ctx.actor, caseId, id, input.version, values);
  if (!row) throw versionConflict(assistanceViewFor(ctx.actor, current));
  const { version: _v, ...changed } = input;
  await ctx.audit({ action: 'assistance.update', recordType: 'family_case', recordId: caseId, details: { assistanceId: id, fields: Object.keys(changed).sort() } });
  return assistanceViewFor(ctx.actor, row);
}
