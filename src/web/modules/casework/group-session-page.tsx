import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useDebounced, useResource } from '../../api/use-resource.ts';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { usePartners } from '../cases/case-data.ts';
import type { CaseView } from '../cases/case-types.ts';
import { Section, StatusBadge, useFormWithErrors, type FormField } from '../cases/case-ui.tsx';
import type { ServiceView } from './casework-types.ts';
import { checkDelivery, deliveryBody, deliveryFields, DeliveryFields, emptyDelivery, type DeliveryDraft } from './services-tab.tsx';

const WORKED_ON = ['enrolled', 'assessed', 'plan_approved', 'active', 'graduation_review'];

/** One group session (a parenting training, say) for many families at once: one delivery per case, all saved or none. */
export function GroupSessionPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const partners = usePartners();
  const [draft, setDraft] = useState<DeliveryDraft>(emptyDelivery);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<CaseView[]>([]);
  const [filter, setFilter] = useState('');
  const [saved, setSaved] = useState<{ count: number } | null>(null);
  const q = useDebounced(filter.trim(), 300);
  const cases = useResource(
    (signal) => api.post<Page<CaseView>>('/api/cases/search', { q: q || undefined, status: WORKED_ON, sort: 'caseNumber', page: 1, pageSize: 100 }, { signal }),
    [q],
  );
  const fields: FormField[] = [
    { key: 'sessionTitle', target: 'group-title', label: t('cases.group.sessionTitle') },
    ...deliveryFields(t, 'group-'),
    { key: 'cases', target: 'group-cases', label: t('cases.group.cases') },
  ];
  const { form, byField, summaryProps } = useFormWithErrors(fields);
  const toggle = (c: CaseView, on: boolean) => setChosen((list) => (on ? [...list, c] : list.filter((x) => x.id !== c.id)));

  return (
    <>
      <PageHeader title={t('cases.group.title')} breadcrumbs={<Breadcrumbs items={[{ to: '/cases', label: t('cases.nav.cases') }]} />} />
      {saved && (
        <div className="notice notice--ok" role="status">
          <p>{t('cases.group.saved', { count: saved.count })}</p>
        </div>
      )}
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void form.run(
            () => ({
              ...checkDelivery(t, draft),
              ...(title.trim() ? {} : { sessionTitle: t('fieldErrors.required') }),
              ...(chosen.length ? {} : { cases: t('cases.group.chooseCases') }),
            }),
            async () => {
              const result = await api.post<{ groupSessionId: string; deliveries: ServiceView[] }>('/api/services/group', {
                ...deliveryBody(draft),
                sessionTitle: title.trim(),
                cases: chosen.map((c) => ({ caseId: c.id, personIds: [] })),
              });
              setSaved({ count: result.deliveries.length });
              toast.show(t('cases.group.saved', { count: result.deliveries.length }));
              setChosen([]);
              setTitle('');
              setDraft(emptyDelivery());
            },
          );
        }}
      >
        <ErrorSummary {...summaryProps} />
        <p className="field-hint">{t('common.requiredLegend')}</p>
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('cases.group.session')}</legend>
          <TextField id="group-title" label={t('cases.group.sessionTitle')} hint={t('cases.group.sessionTitleHint')} value={title} onChange={setTitle} required maxLength={200} error={byField['sessionTitle']} />
          <DeliveryFields prefix="group-" value={draft} onChange={setDraft} errors={byField} partners={partners.data ?? []} />
        </fieldset>
        <Section id="group-families" title={t('cases.group.cases')}>
          <p className="field-hint">{t('cases.group.casesHint')}</p>
          <TextField id="group-filter" type="search" label={t('cases.group.filter')} value={filter} onChange={setFilter} autoComplete="off" maxLength={100} />
          {cases.error !== undefined && <ErrorSummary message={errorText(t, cases.error)} items={[]} />}
          {cases.loading && !cases.data && <Loading />}
          <fieldset className={`field fieldset ${byField['cases'] ? 'field--error' : ''}`} id="group-cases" tabIndex={-1}>
            <legend className="field-label">{t('cases.group.chosen', { count: chosen.length })}</legend>
            {byField['cases'] && <p className="field-error">{byField['cases']}</p>}
            {chosen.map((c) => (
              <Checkbox key={c.id} id={`group-case-${c.id}`} label={`${c.caseNumber}${c.householdName ? ` · ${c.householdName}` : ''}`} checked onChange={(on) => toggle(c, on)} />
            ))}
            {(cases.data?.items ?? [])
              .filter((c) => !chosen.some((x) => x.id === c.id))
              .map((c) => (
                <div className="case-choice" key={c.id}>
                  <Checkbox id={`group-case-${c.id}`} label={`${c.caseNumber}${c.householdName ? ` · ${c.householdName}` : ''}`} checked={false} onChange={(on) => toggle(c, on)} />
                  <StatusBadge status={c.status} />
                </div>
              ))}
            {cases.data && cases.data.items.length === 0 && <p className="muted">{t('cases.group.noCases')}</p>}
          </fieldset>
        </Section>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('cases.group.save', { count: chosen.length })}
          </Button>
          <Link to="/cases" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

