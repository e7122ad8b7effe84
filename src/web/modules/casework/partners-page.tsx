import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTNER_KINDS, type PartnerKind } from '../../../shared/casework/codes.ts';
import { formatUzPhone, parseUzPhone } from '../../../shared/validation/phone.ts';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useDebounced, useResource } from '../../api/use-resource.ts';
import { can, useUser } from '../../session/session.tsx';
import { ArchiveDialog } from '../../ui/archive-dialog.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { Select } from '../../ui/select.tsx';
import { Pagination, Table, type Column } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { forgetPartners } from '../cases/case-data.ts';
import { FormDialog, useFormWithErrors, type FormField } from '../cases/case-ui.tsx';
import type { PartnerView } from './casework-types.ts';

const PAGE_SIZE = 25;

/** The directory of partner organisations: who a family can be referred to, and who sits on mahalla teams. */
export function PartnersPage() {
  const { t } = useTranslation();
  const user = useUser();
  const toast = useToast();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PartnerKind | ''>('');
  const [archived, setArchived] = useState(false);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<PartnerView | 'new' | null>(null);
  const [archiving, setArchiving] = useState<PartnerView | null>(null);
  const q = useDebounced(text.trim(), 300);
  const result = useResource(
    (signal) => api.post<Page<PartnerView>>('/api/partner-organisations/search', { q: q || undefined, kind: kind ? [kind] : undefined, includeArchived: archived, page, pageSize: PAGE_SIZE }, { signal }),
    [q, kind, archived, page],
  );
  const mayManage = can(user, 'partner_org.manage');
  const changed = (message: string, kind?: 'error') => {
    forgetPartners();
    result.reload();
    toast.show(message, kind);
  };

  const columns: Column<PartnerView>[] = [
    {
      key: 'name',
      header: t('cases.partners.name'),
      rowHeader: true,
      render: (p) => (
        <>
          {p.name}
          {p.archivedAt && <span className="badge">{t('common.archived')}</span>}
          {p.address && <span className="cell-secondary">{p.address}</span>}
        </>
      ),
    },
    { key: 'kind', header: t('cases.partners.kind'), render: (p) => t(`cases.partnerKind.${p.kind}`) },
    {
      key: 'contact',
      header: t('cases.partners.contact'),
      render: (p) => (
        <>
          {p.phone && <a href={`tel:${p.phone}`}>{formatUzPhone(p.phone)}</a>}
          {p.email && <span className="cell-secondary">{p.email}</span>}
          {(p.contacts ?? []).map((c) => (
            <span className="cell-secondary" key={`${c.name}-${c.phone ?? ''}`}>
              {[c.name, c.position, c.phone ? formatUzPhone(c.phone) : null].filter(Boolean).join(', ')}
            </span>
          ))}
        </>
      ),
    },
    ...(mayManage
      ? [
          {
            key: 'actions',
            header: t('common.actions'),
            render: (p: PartnerView) =>
              !p.archivedAt && (
                <span className="button-row">
                  <Button variant="link" onClick={() => setEditing(p)}>
                    {t('common.edit')}
                    <span className="visually-hidden"> — {p.name}</span>
                  </Button>
                  <Button variant="link" onClick={() => setArchiving(p)}>
                    {t('common.archive')}
                    <span className="visually-hidden"> — {p.name}</span>
                  </Button>
                </span>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t('cases.partners.title')} actions={mayManage && <Button variant="primary" onClick={() => setEditing('new')}>{t('cases.partners.add')}</Button>} />
      <form role="search" className="filters" aria-label={t('cases.partners.searchRegion')} onSubmit={(e) => e.preventDefault()}>
        <TextField id="partners-q" type="search" label={t('cases.partners.search')} value={text} onChange={(v) => { setText(v); setPage(1); }} autoComplete="off" maxLength={100} className="filters-search" />
        <Select id="partners-kind" label={t('cases.partners.kind')} value={kind} emptyLabel={t('common.any')} options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`cases.partnerKind.${k}`) }))} onChange={(v) => { setKind(v as PartnerKind | ''); setPage(1); }} />
        <Checkbox id="partners-archived" label={t('common.includeArchived')} checked={archived} onChange={(v) => { setArchived(v); setPage(1); }} />
      </form>
      {result.error !== undefined && <ErrorSummary message={errorText(t, result.error)} items={[]} />}
      <Table caption={t('cases.partners.title')} captionHidden columns={columns} rows={result.data?.items ?? []} rowKey={(p) => p.id} loading={result.loading} emptyText={t('cases.partners.none')} />
      {result.data && <Pagination label={t('cases.partners.pagination')} page={page} pageSize={PAGE_SIZE} total={result.data.total} onPageChange={setPage} />}
      {editing && (
        <PartnerDialog
          partner={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={(p) => {
            setEditing(null);
            changed(editing === 'new' ? t('cases.partners.added', { name: p.name }) : t('common.saved'));
          }}
          onConflict={() => {
            setEditing(null);
            changed(t('common.changedMeanwhile'), 'error');
          }}
        />
      )}
      {archiving && (
        <ArchiveDialog
          title={t('cases.partners.archiveTitle')}
          text={t('cases.partners.archiveText', { name: archiving.name })}
          path={`/api/partner-organisations/${archiving.id}/archive`}
          version={archiving.version}
          onClose={() => setArchiving(null)}
          onDone={() => {
            setArchiving(null);
            changed(t('cases.partners.archived'));
          }}
          onConflict={() => {
            setArchiving(null);
            result.reload();
          }}
        />
      )}
    </>
  );
}

function PartnerDialog(props: { partner: PartnerView | null; onClose: () => void; onDone: (p: PartnerView) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const p = props.partner;
  const first = p?.contacts?.[0];
  const [kind, setKind] = useState<PartnerKind | ''>(p?.kind ?? '');
  const [name, setName] = useState(p?.name ?? '');
  const [phone, setPhone] = useState(p?.phone ? formatUzPhone(p.phone) : '');
  const [email, setEmail] = useState(p?.email ?? '');
  const [address, setAddress] = useState(p?.address ?? '');
  const [notes, setNotes] = useState(p?.notes ?? '');
  const [contactName, setContactName] = useState(first?.name ?? '');
  const [contactPosition, setContactPosition] = useState(first?.position ?? '');
  const [contactPhone, setContactPhone] = useState(first?.phone ? formatUzPhone(first.phone) : '');
  const fields: FormField[] = [
    { key: 'kind', target: 'partner-kind', label: t('cases.partners.kind') },
    { key: 'name', target: 'partner-name', label: t('cases.partners.name') },
    { key: 'phone', target: 'partner-phone', label: t('cases.partners.phone') },
    { key: 'email', target: 'partner-email', label: t('cases.partners.email') },
    { key: 'address', target: 'partner-address', label: t('cases.partners.address') },
    { key: 'contacts.0.name', target: 'partner-contact-name', label: t('cases.partners.contactName') },
    { key: 'contacts.0.phone', target: 'partner-contact-phone', label: t('cases.partners.contactPhone') },
    { key: 'notes', target: 'partner-notes', label: t('cases.partners.notes') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  const phoneProblem = (v: string) => (v.trim() && !parseUzPhone(v) ? t('fieldErrors.invalid_phone') : undefined);
  return (
    <FormDialog
      id="partner-form"
      wide
      title={p ? t('cases.partners.editTitle', { name: p.name }) : t('cases.partners.add')}
      submitLabel={p ? t('common.saveChanges') : t('cases.partners.save')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() =>
        form.run(
          () => {
            const out: Record<string, string> = {};
            if (!kind) out['kind'] = t('fieldErrors.required');
            if (!name.trim()) out['name'] = t('fieldErrors.required');
            const p1 = phoneProblem(phone);
            if (p1) out['phone'] = p1;
            const p2 = phoneProblem(contactPhone);
            if (p2) out['contacts.0.phone'] = p2;
            if (!contactName.trim() && (contactPhone.trim() || contactPosition.trim())) out['contacts.0.name'] = t('fieldErrors.required');
            return out;
          },
          async () => {
            const contacts = contactName.trim()
              ? [{ name: contactName.trim(), position: contactPosition.trim() || null, phone: contactPhone.trim() || null, email: null }, ...(p?.contacts ?? []).slice(1)]
              : (p?.contacts ?? []).slice(1);
            const body = { kind, name: name.trim(), phone: phone.trim() || null, email: email.trim() || null, address: address.trim() || null, notes: notes.trim() || null, contacts };
            props.onDone(p ? await api.patch<PartnerView>(`/api/partner-organisations/${p.id}`, { version: p.version, ...body }) : await api.post<PartnerView>('/api/partner-organisations', body));
          },
          props.onConflict,
        )
      }
    >
      <Select id="partner-kind" label={t('cases.partners.kind')} value={kind} required emptyLabel={t('common.choose')} options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`cases.partnerKind.${k}`) }))} onChange={(v) => setKind(v as PartnerKind)} error={byField['kind']} />
      <TextField id="partner-name" label={t('cases.partners.name')} value={name} onChange={setName} required maxLength={200} error={byField['name']} />
      <TextField id="partner-phone" label={t('cases.partners.phone')} hint={t('common.phoneHint')} type="tel" inputMode="tel" value={phone} onChange={setPhone} width="medium" maxLength={30} error={byField['phone']} />
      <TextField id="partner-email" label={t('cases.partners.email')} type="email" value={email} onChange={setEmail} width="medium" maxLength={254} error={byField['email']} />
      <TextField id="partner-address" label={t('cases.partners.address')} value={address} onChange={setAddress} maxLength={300} error={byField['address']} />
      <fieldset className="form-group">
        <legend className="form-group-legend">{t('cases.partners.contactPerson')}</legend>
        <TextField id="partner-contact-name" label={t('cases.partners.contactName')} value={contactName} onChange={setContactName} maxLength={120} error={byField['contacts.0.name']} />
        <TextField id="partner-contact-position" label={t('cases.partners.contactPosition')} value={contactPosition} onChange={setContactPosition} maxLength={120} />
        <TextField id="partner-contact-phone" label={t('cases.partners.contactPhone')} hint={t('common.phoneHint')} type="tel" inputMode="tel" value={contactPhone} onChange={setContactPhone} width="medium" maxLength={30} error={byField['contacts.0.phone']} />
      </fieldset>
      <TextField id="partner-notes" label={t('cases.partners.notes')} value={notes} onChange={setNotes} multiline maxLength={4000} error={byField['notes']} />
    </FormDialog>
  );
}
