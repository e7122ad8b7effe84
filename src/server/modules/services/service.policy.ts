import { pickVisible, type VisibleFields } from '../../platform/access/field-visibility.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { OneTimeAssistance, ServiceDelivery } from '../../db/casework-tables.ts';
import type { AssistanceView, ServiceView } from './service.schema.ts';

/**
 * A partner sees which services a family gets and from whom, not what they
 * cost or the worker's notes; monitoring sees types, dates, units, costs and
 * projects — what reports count — never notes or what exactly was given.
 */
const SERVICE_VISIBLE: VisibleFields<ServiceView> = {
  partner: new Set<keyof ServiceView>(['id', 'caseId', 'serviceType', 'providerKind', 'partnerId', 'partnerName', 'providerName', 'deliveredOn', 'units', 'unit', 'groupSessionId', 'sessionTitle', 'version']),
  deidentified: new Set<keyof ServiceView>([
    'id', 'caseId', 'serviceType', 'providerKind', 'partnerId', 'partnerName', 'deliveredOn', 'units', 'unit', 'costUzs', 'projectCode', 'groupSessionId', 'version', 'createdAt', 'updatedAt',
  ]),
};

export type ServiceRow = ServiceDelivery & { partner_name: string | null; person_ids: string[] };

export function serviceViewFor(actor: Pick<Actor, 'fieldView'>, row: ServiceRow): ServiceView {
  return pickVisible(actor.fieldView, {
    id: row.id,
    caseId: row.case_id,
    serviceType: row.service_type,
    providerKind: row.provider_kind,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    providerName: row.provider_name,
    deliveredOn: row.delivered_on,
    units: Number(row.units),
    unit: row.unit,
    costUzs: row.cost_uzs,
    projectCode: row.project_code,
    groupSessionId: row.group_session_id,
    sessionTitle: row.session_title,
    personIds: row.person_ids,
    notes: row.notes,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, SERVICE_VISIBLE);
}

const ASSISTANCE_VISIBLE: VisibleFields<AssistanceView> = {
  partner: new Set<keyof AssistanceView>(['id', 'caseId', 'kind', 'item', 'givenOn', 'version']),
  deidentified: new Set<keyof AssistanceView>(['id', 'caseId', 'kind', 'valueUzs', 'projectCode', 'givenOn', 'version', 'createdAt', 'updatedAt']),
};

export function assistanceViewFor(actor: Pick<Actor, 'fieldView'>, row: OneTimeAssistance): AssistanceView {
  return pickVisible(actor.fieldView, {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    item: row.item,
    valueUzs: row.value_uzs,
    projectCode: row.project_code,
    givenOn: row.given_on,
    personId: row.person_id,
    notes: row.notes,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, ASSISTANCE_VISIBLE);
}
