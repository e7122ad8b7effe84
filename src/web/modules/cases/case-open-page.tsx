import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { REFERRAL_SOURCES, type ReferralSource, type RiskLevel } from '../../../shared/cases/case-codes.ts';
import { api, isApiError } from '../../api/client.ts';
import type { HouseholdDetail, HouseholdView, Page } from '../../api/types.ts';
import { useDebounced, useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { Details } from '../../ui/details.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { branchName, useOrganisation, workerName, workerOptions } from '../organisation/organisation.ts';
import { memberName } from './case-data.ts';
import { checkDate } from './case-model.ts';
import type { CaseDetail } from './case-types.ts';
import { formErrors, riskOptions, todayText, useFormState, type FormField } from './case-ui.tsx';

/** Opening a family case for a household, on a referral (from the household's page, or by finding the household here). */
export function CaseOpenPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const householdId = params.get('household') ?? '';
  return (
    <>
      <PageHeader title={t('cases.open.title')} breadcrumbs={<Breadcrumbs items={[{ to: '/cases', label: t('cases.nav.cases') }]} />} />
      {householdId ? <OpenForm householdId={householdId} onChangeHousehold={() => setParams({})} /> : <HouseholdFinder onPick={(id) => setParams({ household: id })} />}
    </>
  );
}

function HouseholdFinder({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useResource(q.length >= 2 ? (signal) => api.post<Page<HouseholdView>>('/api/households/search', { q, page: 1, pageSize: 10 }, { signal }) : null, [q]);
  return (
    <section className="card" aria-labelledby="find-household">
      <h2 id="find-household">{t('cases.open.findHousehold')}</h2>
      <p>{t('cases.open.findHouseholdIntro')}</p>
      <TextField id="open-household-q" type="search" label={t('households.searchLabel')} value={text} onChange={setText} autoComplete="off" spellCheck={false} maxLength={100} />
      {found.loading && <Loading />}
      {found.data && (
        <>
          <p role="status">{t('cases.open.householdsFound', { count: found.data.items.length })}</p>
          <ul className="picker-results">
            {found.data.items.map((h) => (
              <li key={h.id}>
                <button type="button" className="picker-result" onClick={() => onPick(h.id)}>
                  <span className="picker-name">{h.displayName ?? h.reference}</span>
                  <span className="picker-facts">{h.reference}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const FIELDS = ['referralSource', 'referralDate', 'referralNote', 'riskLevel', 'assignedWorkerId'] as const;

function OpenForm({ householdId, onChangeHousehold }: { householdId: string; onChangeHousehold: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const navigate = useNavigate();
  const toast = useToast();
  const org = useOrganisation();
  const household = useResource((signal) => api.get<HouseholdDetail>(`/api/households/${householdId}`, { signal }), [householdId]);
  const [source, setSource] = useState<ReferralSource | ''>('');
  const [referralDate, setReferralDate] = useState(todayText());
  const [note, setNote] = useState('');
  const [risk, setRisk] = useState<RiskLevel>('none');
  const [worker, setWorker] = useState<string | null>(null);
  // Not useFormWithErrors: its fields need the loaded data, and no hook may follow the early returns below.
  const form = useFormState();
  const mayAssign = can(user, 'case.assign');

  if (household.loading && !household.data) return <Loading />;
  if (household.error !== undefined || !household.data) {
    return <ErrorSummary message={t('cases.open.householdNotFound')} items={[]} />;
  }
  const h = household.data.household;
  const defaultWorker = user.roles.includes('social_worker') ? user.id : (h.assignedWorkerId ?? '');
  const chosenWorker = worker ?? defaultWorker;

  const fields: FormField[] = FIELDS.map((key) => ({
    key,
    target: `open-${key}`,
    label: key === 'assignedWorkerId' ? t('common.assignedWorker') : t(`cases.fields.${key}`),
    date: key === 'referralDate',
  }));
  const explain = (e: unknown) => (isApiError(e) && e.code === 'conflict' ? t('cases.open.alreadyOpen') : undefined);
  const { byField, items, message } = formErrors(t, fields, form.local, form.error, explain);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const d = checkDate(referralDate, { required: true });
    await form.run(
      () => ({
        ...(source ? {} : { referralSource: t('fieldErrors.required') }),
        ...(d.error ? { referralDate: t(`fieldErrors.${d.error}`) } : {}),
      }),
      async () => {
        const body: Record<string, unknown> = { householdId, referralSource: source, referralDate: d.iso, referralNote: note.trim() || null, riskLevel: risk };
        if (mayAssign) body['assignedWorkerId'] = chosenWorker || null;
        const created = await api.post<CaseDetail>('/api/cases', body);
        toast.show(t('cases.open.done', { number: created.case.caseNumber }));
        void navigate(`/cases/${created.case.id}`);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary message={message} items={items} attempt={form.attempt} />
      <section className="card" aria-labelledby="open-household">
        <div className="section-header">
          <h2 id="open-household">{t('cases.open.household')}</h2>
          <Button variant="link" onClick={onChangeHousehold}>
            {t('cases.open.changeHousehold')}
          </Button>
        </div>
        <Details
          rows={[
            [t('households.fields.displayName'), <Link key="h" to={`/households/${h.id}`}>{h.displayName ?? h.reference}</Link>],
            [t('people.columns.reference'), h.reference],
            [t('households.members'), household.data.members.map((m) => memberName(m, locale)).join(', ')],
            [t('common.branch'), branchName(org.data, locale, h.branchId)],
          ]}
        />
      </section>
      <p className="field-hint">{t('common.requiredLegend')}</p>
      <fieldset className="form-group">
        <legend className="form-group-legend">{t('cases.open.referral')}</legend>
        <Select
          id="open-referralSource"
          label={t('cases.fields.referralSource')}
          value={source}
          required
          emptyLabel={t('common.choose')}
          options={REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`cases.source.${s}`) }))}
          onChange={(v) => setSource(v as ReferralSource)}
          error={byField['referralSource']}
        />
        <DateField id="open-referralDate" label={t('cases.fields.referralDate')} value={referralDate} onChange={setReferralDate} required error={byField['referralDate']} />
        <TextField id="open-referralNote" label={t('cases.fields.referralNote')} hint={t('cases.open.noteHint')} value={note} onChange={setNote} multiline rows={4} maxLength={4000} error={byField['referralNote']} />
        <RadioGroup id="open-riskLevel" legend={t('cases.fields.riskLevel')} hint={t('cases.riskHint')} value={risk} onChange={setRisk} options={riskOptions(t)} inline error={byField['riskLevel']} />
      </fieldset>
      <fieldset className="form-group">
        <legend className="form-group-legend">{t('cases.open.worker')}</legend>
        {mayAssign ? (
          <Select
            id="open-assignedWorkerId"
            label={t('common.assignedWorker')}
            value={chosenWorker}
            emptyLabel={t('common.unassigned')}
            options={workerOptions(org.data, h.branchId ?? '', chosenWorker)}
            onChange={setWorker}
            error={byField['assignedWorkerId']}
          />
        ) : (
          <p>{chosenWorker === user.id ? t('cases.open.youAreWorker') : t('cases.open.workerIs', { name: workerName(org.data, chosenWorker) || t('common.unassigned') })}</p>
        )}
      </fieldset>
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={form.busy}>
          {t('cases.open.submit')}
        </Button>
        <Link to={`/households/${h.id}`} className="button button--secondary">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
