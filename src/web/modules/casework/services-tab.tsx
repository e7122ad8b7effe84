import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ASSISTANCE_KINDS, PROVIDER_KINDS, SERVICE_TYPES, SERVICE_UNITS, type AssistanceKind, type ProviderKind, type ServiceType, type ServiceUnit,
} from '../../../shared/casework/codes.ts';
import { formatDate, formatNumber, toDisplayDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import type { HouseholdMember } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { LoadedList } from '../../ui/loaded-list.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { memberName, memberOptions, partnerOptions, useHousehold, usePartners } from '../cases/case-data.ts';
import { checkDate, parseUnits, parseUzs, uzsText } from '../cases/case-model.ts';
import type { CaseTabProps } from '../cases/case-page.tsx';
import { EditButton, FormDialog, Money, Section, todayText, useFormWithErrors, type FormField } from '../cases/case-ui.tsx';
import type { AssistanceView, PartnerView, ServiceView } from './casework-types.ts';

const CLOSED = ['not_eligible', 'follow_up_closed'];

/** Services delivered to the family and one-time assistance (cash or in kind). */
export function ServicesTab({ detail }: CaseTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const c = detail.case;
  const services = useResource((signal) => api.get<{ items: ServiceView[] }>(`/api/cases/${c.id}/services`, { signal }), [c.id]);
  const assistance = useResource((signal) => api.get<{ items: AssistanceView[] }>(`/api/cases/${c.id}/assistance`, { signal }), [c.id]);
  const household = useHousehold(c.householdId);
  const partners = usePartners();
  // A dialog to record a new entry, or to correct one (a wrong date, amount or provider).
  const [dialog, setDialog] = useState<{ kind: 'service'; editing?: ServiceView } | { kind: 'assistance'; editing?: AssistanceView } | null>(null);
  const mayWrite = can(user, 'casework.write') && !CLOSED.includes(c.status);
  const members = household.data?.members ?? [];
  const personName = (id: string | null | undefined) => {
    const m = members.find((x) => x.person.id === id);
    return m ? memberName(m, locale) : '';
  };

  return (
    <>
      <Section
        id="services"
        title={t('cases.services.title')}
        actions={
          mayWrite && (
            <>
              <Button variant="primary" onClick={() => setDialog({ kind: 'service' })}>
                {t('cases.services.record')}
              </Button>
              <Link to="/cases/group-session" className="button button--secondary">
                {t('cases.group.button')}
              </Link>
            </>
          )
        }
      >
        <LoadedList resource={services} count={(services.data?.items ?? []).length} emptyText={t('cases.services.none')}>
          <RowsTable caption={t('cases.services.title')} columns={[t('cases.services.deliveredOn'), t('cases.services.type'), t('cases.services.provider'), { label: t('cases.services.units'), num: true }, { label: t('cases.services.cost'), num: true }]} actions={mayWrite}>
            {(services.data?.items ?? []).map((s) => (
              <tr key={s.id}>
                <th scope="row" data-label={t('cases.services.deliveredOn')}>{formatDate(locale, s.deliveredOn)}</th>
                <td data-label={t('cases.services.type')}>
                  {t(`cases.serviceType.${s.serviceType}`)}
                  {s.sessionTitle && <span className="cell-secondary">{t('cases.services.groupSession', { title: s.sessionTitle })}</span>}
                  {(s.personIds ?? []).length > 0 && <span className="cell-secondary">{(s.personIds ?? []).map(personName).filter(Boolean).join(', ')}</span>}
                </td>
                <td data-label={t('cases.services.provider')}>
                  {t(`cases.providerKind.${s.providerKind}`)}
                  {(s.partnerName ?? s.providerName) && <span className="cell-secondary">{s.partnerName ?? s.providerName}</span>}
                </td>
                <td data-label={t('cases.services.units')} className="num">
                  {t(`cases.unitCount.${s.unit}`, { count: s.units, value: formatNumber(locale, s.units) })}
                </td>
                <td data-label={t('cases.services.cost')} className="num">
                  <Money value={s.costUzs} />
                  {s.projectCode && <span className="cell-secondary">{t('cases.projectCode', { code: s.projectCode })}</span>}
                </td>
                {mayWrite && (
                  <td>
                    <EditButton context={`${formatDate(locale, s.deliveredOn)}, ${t(`cases.serviceType.${s.serviceType}`)}`} onClick={() => setDialog({ kind: 'service', editing: s })} />
                  </td>
                )}
              </tr>
            ))}
          </RowsTable>
        </LoadedList>
      </Section>

      <Section id="assistance" title={t('cases.assistance.title')} actions={mayWrite && <Button onClick={() => setDialog({ kind: 'assistance' })}>{t('cases.assistance.record')}</Button>}>
        <LoadedList resource={assistance} count={(assistance.data?.items ?? []).length} emptyText={t('cases.assistance.none')}>
          <RowsTable caption={t('cases.assistance.title')} columns={[t('cases.assistance.givenOn'), t('cases.assistance.kind'), t('cases.assistance.item'), { label: t('cases.assistance.value'), num: true }]} actions={mayWrite}>
            {(assistance.data?.items ?? []).map((a) => (
              <tr key={a.id}>
                <th scope="row" data-label={t('cases.assistance.givenOn')}>{formatDate(locale, a.givenOn)}</th>
                <td data-label={t('cases.assistance.kind')}>{t(`cases.assistanceKind.${a.kind}`)}</td>
                <td data-label={t('cases.assistance.item')}>
                  {a.item ?? ''}
                  {a.personId && <span className="cell-secondary">{personName(a.personId)}</span>}
                </td>
                <td data-label={t('cases.assistance.value')} className="num">
                  <Money value={a.valueUzs} />
                  {a.projectCode && <span className="cell-secondary">{t('cases.projectCode', { code: a.projectCode })}</span>}
                </td>
                {mayWrite && (
                  <td>
                    <EditButton context={`${formatDate(locale, a.givenOn)}, ${t(`cases.assistanceKind.${a.kind}`)}`} onClick={() => setDialog({ kind: 'assistance', editing: a })} />
                  </td>
                )}
              </tr>
            ))}
          </RowsTable>
        </LoadedList>
      </Section>

      {dialog?.kind === 'service' && (
        <ServiceDialog
          caseId={c.id}
          editing={dialog.editing}
          members={members}
          partners={partners.data ?? []}
          onClose={() => setDialog(null)}
          onDone={(message, kind) => {
            setDialog(null);
            services.reload();
            toast.show(message, kind);
          }}
        />
      )}
      {dialog?.kind === 'assistance' && (
        <AssistanceDialog
          caseId={c.id}
          editing={dialog.editing}
          members={members}
          onClose={() => setDialog(null)}
          onDone={(message, kind) => {
            setDialog(null);
            assistance.reload();
            toast.show(message, kind);
          }}
        />
      )}
    </>
  );
}

/** What is typed for one delivery; shared with the group session page. */
export interface DeliveryDraft {
  serviceType: ServiceType | '';
  providerKind: ProviderKind;
  partnerId: string;
  providerName: string;
  deliveredOn: string;
  units: string;
  unit: ServiceUnit;
  cost: string;
  projectCode: string;
  notes: string;
}

export const emptyDelivery = (): DeliveryDraft => ({
  serviceType: '', providerKind: 'internal', partnerId: '', providerName: '', deliveredOn: todayText(), units: '1', unit: 'session', cost: '', projectCode: '', notes: '',
});

/** A recorded delivery as the fields show it, to be corrected. */
export function deliveryDraftOf(s: ServiceView): DeliveryDraft {
  return {
    serviceType: s.serviceType, providerKind: s.providerKind, partnerId: s.partnerId ?? '', providerName: s.providerName ?? '', deliveredOn: toDisplayDate(s.deliveredOn),
    units: String(s.units), unit: s.unit, cost: s.costUzs ? uzsText(s.costUzs) : '', projectCode: s.projectCode ?? '', notes: s.notes ?? '',
  };
}

/** Problems of a delivery before it is sent, by API field, translated. */
export function checkDelivery(t: (k: string) => string, d: DeliveryDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!d.serviceType) out['serviceType'] = t('fieldErrors.required');
  const on = checkDate(d.deliveredOn, { required: true });
  if (on.error) out['deliveredOn'] = t(`fieldErrors.${on.error}`);
  if (parseUnits(d.units) === null) out['units'] = t('cases.services.unitsInvalid');
  if (d.cost.trim() && parseUzs(d.cost) === null) out['costUzs'] = t('cases.moneyInvalid');
  if (d.providerKind === 'external' && !d.partnerId && !d.providerName.trim()) out['partnerId'] = t('cases.services.providerRequired');
  return out;
}

/** The API fields of a delivery. */
export function deliveryBody(d: DeliveryDraft): Record<string, unknown> {
  return {
    serviceType: d.serviceType,
    providerKind: d.providerKind,
    partnerId: d.providerKind === 'external' ? d.partnerId || null : null,
    providerName: d.providerKind === 'external' && !d.partnerId ? d.providerName.trim() || null : null,
    deliveredOn: checkDate(d.deliveredOn).iso,
    units: parseUnits(d.units),
    unit: d.unit,
    costUzs: d.cost.trim() ? parseUzs(d.cost) : null,
    projectCode: d.projectCode.trim() || null,
    notes: d.notes.trim() || null,
  };
}

export const deliveryFields = (t: (k: string) => string, prefix: string): FormField[] => [
  { key: 'serviceType', target: `${prefix}serviceType`, label: t('cases.services.type') },
  { key: 'providerKind', target: `${prefix}providerKind-input`, label: t('cases.services.provider') },
  { key: 'partnerId', target: `${prefix}partnerId`, label: t('cases.services.partner') },
  { key: 'providerName', target: `${prefix}providerName`, label: t('cases.services.providerName') },
  { key: 'deliveredOn', target: `${prefix}deliveredOn`, label: t('cases.services.deliveredOn'), date: true },
  { key: 'units', target: `${prefix}units`, label: t('cases.services.units') },
  { key: 'unit', target: `${prefix}unit`, label: t('cases.services.unit') },
  { key: 'costUzs', target: `${prefix}costUzs`, label: t('cases.services.cost') },
  { key: 'projectCode', target: `${prefix}projectCode`, label: t('cases.services.projectCode') },
  { key: 'notes', target: `${prefix}notes`, label: t('cases.services.notes') },
];

/** The fields of one delivery (type, provider, date, units, cost, project). */
export function DeliveryFields({ prefix, value, onChange, errors, partners }: { prefix: string; value: DeliveryDraft; onChange: (d: DeliveryDraft) => void; errors: Record<string, string>; partners: readonly PartnerView[] }) {
  const { t } = useTranslation();
  const set = (patch: Partial<DeliveryDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <Select id={`${prefix}serviceType`} label={t('cases.services.type')} value={value.serviceType} required emptyLabel={t('common.choose')} options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`cases.serviceType.${s}`) }))} onChange={(v) => set({ serviceType: v as ServiceType })} error={errors['serviceType']} />
      <RadioGroup id={`${prefix}providerKind`} legend={t('cases.services.provider')} value={value.providerKind} inline options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`cases.providerKind.${k}`) }))} onChange={(providerKind) => set({ providerKind })} error={errors['providerKind']} />
      {value.providerKind === 'external' && (
        <>
          <Select id={`${prefix}partnerId`} label={t('cases.services.partner')} hint={t('cases.services.partnerHint')} value={value.partnerId} emptyLabel={t('cases.services.partnerNotListed')} options={partnerOptions(partners)} onChange={(partnerId) => set({ partnerId })} error={errors['partnerId']} />
          {!value.partnerId && <TextField id={`${prefix}providerName`} label={t('cases.services.providerName')} value={value.providerName} onChange={(providerName) => set({ providerName })} maxLength={200} error={errors['providerName']} />}
        </>
      )}
      <DateField id={`${prefix}deliveredOn`} label={t('cases.services.deliveredOn')} value={value.deliveredOn} onChange={(deliveredOn) => set({ deliveredOn })} required error={errors['deliveredOn']} />
      <div className="field-row">
        <TextField id={`${prefix}units`} label={t('cases.services.units')} value={value.units} onChange={(units) => set({ units })} required inputMode="decimal" width="narrow" error={errors['units']} />
        <Select id={`${prefix}unit`} label={t('cases.services.unit')} value={value.unit} options={SERVICE_UNITS.map((u) => ({ value: u, label: t(`cases.unit.${u}`) }))} onChange={(v) => set({ unit: v as ServiceUnit })} width="medium" error={errors['unit']} />
      </div>
      <TextField id={`${prefix}costUzs`} label={t('cases.services.cost')} hint={t('cases.moneyHint')} value={value.cost} onChange={(cost) => set({ cost })} inputMode="decimal" width="medium" error={errors['costUzs']} />
      <TextField id={`${prefix}projectCode`} label={t('cases.services.projectCode')} hint={t('cases.services.projectHint')} value={value.projectCode} onChange={(projectCode) => set({ projectCode })} width="medium" maxLength={60} error={errors['projectCode']} />
      <TextField id={`${prefix}notes`} label={t('cases.services.notes')} value={value.notes} onChange={(notes) => set({ notes })} multiline maxLength={2000} error={errors['notes']} />
    </>
  );
}

/** Records a service, or corrects a recorded one (`editing`), sent with the version it was read at. */
function ServiceDialog(props: { caseId: string; editing?: ServiceView | undefined; members: HouseholdMember[]; partners: PartnerView[]; onClose: () => void; onDone: (message: string, kind?: 'error') => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { editing } = props;
  const [draft, setDraft] = useState<DeliveryDraft>(() => (editing ? deliveryDraftOf(editing) : emptyDelivery()));
  const [people, setPeople] = useState<string[]>(editing?.personIds ?? []);
  const fields = [...deliveryFields(t, 'service-'), { key: 'personIds', target: `service-person-${props.members[0]?.person.id ?? ''}`, label: t('cases.services.people') }];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="service-form"
      wide
      title={editing ? t('cases.services.edit') : t('cases.services.record')}
      submitLabel={editing ? t('common.saveChanges') : t('cases.services.save')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() =>
        form.run(
          () => checkDelivery(t, draft),
          async () => {
            const body = { ...deliveryBody(draft), personIds: people };
            if (editing) await api.patch(`/api/cases/${props.caseId}/services/${editing.id}`, { ...body, version: editing.version });
            else await api.post(`/api/cases/${props.caseId}/services`, body);
            props.onDone(editing ? t('cases.services.updated') : t('cases.services.recorded'));
          },
          () => props.onDone(t('common.changedMeanwhile'), 'error'),
        )
      }
    >
      <DeliveryFields prefix="service-" value={draft} onChange={setDraft} errors={byField} partners={props.partners} />
      {props.members.length > 0 && (
        <fieldset className="field fieldset">
          <legend className="field-label">{t('cases.services.people')}</legend>
          <p className="field-hint">{t('cases.services.peopleHint')}</p>
          <div className="checkbox-grid">
            {props.members.map((m) => (
              <Checkbox
                key={m.person.id}
                id={`service-person-${m.person.id}`}
                label={memberName(m, locale)}
                checked={people.includes(m.person.id)}
                onChange={(on) => setPeople((list) => (on ? [...list, m.person.id] : list.filter((x) => x !== m.person.id)))}
              />
            ))}
          </div>
        </fieldset>
      )}
    </FormDialog>
  );
}

/** Records one-time assistance, or corrects a recorded one (`editing`), sent with the version it was read at. */
function AssistanceDialog(props: { caseId: string; editing?: AssistanceView | undefined; members: HouseholdMember[]; onClose: () => void; onDone: (message: string, kind?: 'error') => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { editing } = props;
  const [kind, setKind] = useState<AssistanceKind>(editing?.kind ?? 'in_kind');
  const [item, setItem] = useState(editing?.item ?? '');
  const [value, setValue] = useState(editing?.valueUzs ? uzsText(editing.valueUzs) : '');
  const [givenOn, setGivenOn] = useState(editing ? toDisplayDate(editing.givenOn) : todayText());
  const [personId, setPersonId] = useState(editing?.personId ?? '');
  const [projectCode, setProjectCode] = useState(editing?.projectCode ?? '');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const fields: FormField[] = [
    { key: 'kind', target: 'assistance-kind-input', label: t('cases.assistance.kind') },
    { key: 'item', target: 'assistance-item', label: t('cases.assistance.item') },
    { key: 'valueUzs', target: 'assistance-value', label: t('cases.assistance.value') },
    { key: 'givenOn', target: 'assistance-givenOn', label: t('cases.assistance.givenOn'), date: true },
    { key: 'personId', target: 'assistance-person', label: t('cases.assistance.person') },
    { key: 'projectCode', target: 'assistance-project', label: t('cases.services.projectCode') },
    { key: 'notes', target: 'assistance-notes', label: t('cases.services.notes') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="assistance-form"
      title={editing ? t('cases.assistance.edit') : t('cases.assistance.record')}
      submitLabel={editing ? t('common.saveChanges') : t('cases.assistance.save')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() => {
        const d = checkDate(givenOn, { required: true });
        const uzs = parseUzs(value);
        return form.run(
          () => ({
            ...(kind === 'in_kind' && !item.trim() ? { item: t('fieldErrors.required') } : {}),
            ...(!value.trim() ? { valueUzs: t('fieldErrors.required') } : uzs === null ? { valueUzs: t('cases.moneyInvalid') } : {}),
            ...(d.error ? { givenOn: t(`fieldErrors.${d.error}`) } : {}),
          }),
          async () => {
            const body = { kind, item: item.trim() || null, valueUzs: uzs, givenOn: d.iso, personId: personId || null, projectCode: projectCode.trim() || null, notes: notes.trim() || null };
            if (editing) await api.patch(`/api/cases/${props.caseId}/assistance/${editing.id}`, { ...body, version: editing.version });
            else await api.post(`/api/cases/${props.caseId}/assistance`, body);
            props.onDone(editing ? t('cases.assistance.updated') : t('cases.assistance.recorded'));
          },
          () => props.onDone(t('common.changedMeanwhile'), 'error'),
        );
      }}
    >
      <RadioGroup id="assistance-kind" legend={t('cases.assistance.kind')} value={kind} inline options={ASSISTANCE_KINDS.map((k) => ({ value: k, label: t(`cases.assistanceKind.${k}`) }))} onChange={setKind} error={byField['kind']} />
      <TextField id="assistance-item" label={kind === 'cash' ? t('cases.assistance.purpose') : t('cases.assistance.item')} value={item} onChange={setItem} required={kind === 'in_kind'} maxLength={300} error={byField['item']} />
      <TextField id="assistance-value" label={t('cases.assistance.value')} hint={t('cases.moneyHint')} value={value} onChange={setValue} required inputMode="decimal" width="medium" error={byField['valueUzs']} />
      <DateField id="assistance-givenOn" label={t('cases.assistance.givenOn')} value={givenOn} onChange={setGivenOn} required error={byField['givenOn']} />
      <Select id="assistance-person" label={t('cases.assistance.person')} value={personId} emptyLabel={t('cases.assistance.wholeFamily')} options={memberOptions(props.members, locale)} onChange={setPersonId} error={byField['personId']} />
      <TextField id="assistance-project" label={t('cases.services.projectCode')} hint={t('cases.services.projectHint')} value={projectCode} onChange={setProjectCode} width="medium" maxLength={60} error={byField['projectCode']} />
      <TextField id="assistance-notes" label={t('cases.services.notes')} value={notes} onChange={setNotes} multiline maxLength={2000} error={byField['notes']} />
    </FormDialog>
  );
}
