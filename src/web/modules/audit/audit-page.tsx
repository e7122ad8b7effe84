import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber, parseDisplayDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import { AUDIT_OUTCOMES, type AuditChainReport, type AuditEvent, type AuditOutcome, type Page, type UserView } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { Select } from '../../ui/select.tsx';
import { Pagination, Table, type Column } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';

interface AuditFilters {
  userId: string;
  recordId: string;
  action: string;
  outcome: AuditOutcome | '';
  from: string;
  to: string;
}

const EMPTY: AuditFilters = { userId: '', recordId: '', action: '', outcome: '', from: '', to: '' };
const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTION_PREFIXES = ['auth.', 'person.', 'household.', 'consent.', 'user.', 'audit.', 'location.'];

/** Local checks with the server's codes; dates are whole days in Tashkent. */
function filterProblems(f: AuditFilters): Partial<Record<keyof AuditFilters, string>> {
  const out: Partial<Record<keyof AuditFilters, string>> = {};
  if (f.recordId.trim() && !UUID.test(f.recordId.trim())) out.recordId = 'invalid_format';
  if (f.action.trim() && !/^[a-z0-9_.]+$/.test(f.action.trim())) out.action = 'invalid_format';
  if (f.from.trim() && !parseDisplayDate(f.from)) out.from = 'invalid_date';
  if (f.to.trim() && !parseDisplayDate(f.to)) out.to = 'invalid_date';
  return out;
}

/** The audit log: who did what to which record, when, and whether it was allowed. Newest first. */
export function AuditPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useUser();
  const [draft, setDraft] = useState<AuditFilters>(EMPTY);
  const [applied, setApplied] = useState<AuditFilters>(EMPTY);
  const [page, setPage] = useState(1);
  const [local, setLocal] = useState<Partial<Record<keyof AuditFilters, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [verify, setVerify] = useState<{ busy: boolean; report?: AuditChainReport; error?: unknown }>({ busy: false });

  const users = useResource(
    can(me, 'user.read') ? (signal) => api.post<Page<UserView>>('/api/users/search', { includeDisabled: true, page: 1, pageSize: 100 }, { signal }) : null,
    [],
  );
  const result = useResource(
    (signal) =>
      api.post<Page<AuditEvent>>(
        '/api/audit/search',
        {
          userId: applied.userId || undefined,
          recordId: applied.recordId.trim() || undefined,
          action: applied.action.trim() || undefined,
          outcome: applied.outcome || undefined,
          from: applied.from ? (parseDisplayDate(applied.from) ?? undefined) : undefined,
          to: applied.to ? (parseDisplayDate(applied.to) ?? undefined) : undefined,
          page,
          pageSize: PAGE_SIZE,
        },
        { signal },
      ),
    [applied, page],
  );

  const server = fieldErrorsOf(t, result.error);
  const fieldError = (k: keyof AuditFilters) => (local[k] ? t(`fieldErrors.${local[k]}`) : server[k]);
  const items: SummaryItem[] = (['userId', 'recordId', 'action', 'from', 'to'] as const)
    .filter((k) => fieldError(k))
    .map((k) => ({ target: `audit-${k}`, message: fieldError(k)!, label: t(k === 'userId' ? 'audit.user' : `audit.${k}`) }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = filterProblems(draft);
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setApplied({ ...draft });
    setPage(1);
  }

  async function runVerify() {
    setVerify({ busy: true });
    try {
      setVerify({ busy: false, report: await api.get<AuditChainReport>('/api/audit/verify') });
    } catch (error) {
      setVerify({ busy: false, error });
    }
  }

  const recordLink = (e: AuditEvent) => {
    if (!e.recordId) return '';
    const short = e.recordId.slice(0, 8);
    const label = `${e.recordType ? t(`audit.recordTypes.${e.recordType}`, { defaultValue: e.recordType }) : ''} ${short}`.trim();
    if (e.recordType === 'person' && can(me, 'person.read')) return <Link to={`/people/${e.recordId}`}>{label}</Link>;
    if (e.recordType === 'household' && can(me, 'household.read')) return <Link to={`/households/${e.recordId}`}>{label}</Link>;
    if (e.recordType === 'user' && can(me, 'user.manage')) return <Link to={`/users/${e.recordId}`}>{label}</Link>;
    return <span title={e.recordId}>{label}</span>;
  };

  const columns: Column<AuditEvent>[] = [
    { key: 'seq', header: t('audit.seq'), render: (e) => formatNumber(locale, e.seq), className: 'num' },
    { key: 'at', header: t('audit.at'), rowHeader: true, render: (e) => formatDateTime(locale, e.at) },
    { key: 'actor', header: t('audit.actor'), render: (e) => e.actorName ?? (e.actorUserId ? e.actorUserId.slice(0, 8) : t('audit.system')) },
    { key: 'action', header: t('audit.action'), render: (e) => <code>{e.action}</code> },
    {
      key: 'outcome',
      header: t('audit.outcome'),
      render: (e) => <span className={`badge badge--${e.outcome === 'ok' ? 'ok' : 'warning'}`}>{t(`audit.outcomes.${e.outcome}`)}</span>,
    },
    { key: 'record', header: t('audit.record'), render: recordLink },
    {
      key: 'details',
      header: t('audit.details'),
      render: (e) =>
        Object.keys(e.details).length === 0 ? (
          ''
        ) : (
          <details className="audit-details">
            <summary>{t('audit.showDetails')}</summary>
            <pre>{JSON.stringify(e.details, null, 1)}</pre>
          </details>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        actions={
          <Button onClick={() => void runVerify()} busy={verify.busy}>
            {t('audit.verify')}
          </Button>
        }
      />
      <div role="status">
        {verify.report && (
          <p className={`notice ${verify.report.ok ? 'notice--ok' : 'notice--error'}`}>
            {verify.report.ok
              ? t('audit.chainOk', { count: verify.report.checked, checked: formatNumber(locale, verify.report.checked) })
              : t('audit.chainBroken', { seq: formatNumber(locale, verify.report.firstBrokenSeq ?? 0) })}
          </p>
        )}
        {verify.error !== undefined && <p className="notice notice--error">{errorText(t, verify.error)}</p>}
      </div>
      <form className="filters filters--audit" onSubmit={apply} noValidate aria-label={t('audit.filters')}>
        <ErrorSummary items={items} attempt={attempt} />
        <Select
          id="audit-userId"
          label={t('audit.user')}
          value={draft.userId}
          emptyLabel={t('audit.anyUser')}
          options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          onChange={(userId) => setDraft((d) => ({ ...d, userId }))}
          error={fieldError('userId')}
        />
        <TextField id="audit-recordId" label={t('audit.recordId')} hint={t('audit.recordIdHint')} value={draft.recordId} onChange={(recordId) => setDraft((d) => ({ ...d, recordId }))} autoComplete="off" spellCheck={false} maxLength={36} error={fieldError('recordId')} />
        <TextField id="audit-action" label={t('audit.action')} hint={t('audit.actionHint', { examples: ACTION_PREFIXES.join(', ') })} value={draft.action} onChange={(action) => setDraft((d) => ({ ...d, action }))} autoComplete="off" spellCheck={false} maxLength={100} error={fieldError('action')} />
        <Select
          id="audit-outcome"
          label={t('audit.outcome')}
          value={draft.outcome}
          emptyLabel={t('common.any')}
          options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          onChange={(outcome) => setDraft((d) => ({ ...d, outcome: outcome as AuditOutcome | '' }))}
        />
        <DateField id="audit-from" label={t('audit.from')} value={draft.from} onChange={(from) => setDraft((d) => ({ ...d, from }))} error={fieldError('from')} />
        <DateField id="audit-to" label={t('audit.to')} value={draft.to} onChange={(to) => setDraft((d) => ({ ...d, to }))} error={fieldError('to')} />
        <div className="form-actions">
          <Button type="submit" variant="primary">
            {t('audit.apply')}
          </Button>
          <Button
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
              setLocal({});
              setPage(1);
            }}
          >
            {t('audit.clear')}
          </Button>
        </div>
      </form>
      {result.error !== undefined && items.length === 0 && <ErrorSummary message={errorText(t, result.error)} items={[]} />}
      <Table caption={t('audit.tableCaption')} captionHidden columns={columns} rows={result.data?.items ?? []} rowKey={(e) => String(e.seq)} loading={result.loading} emptyText={t('audit.empty')} />
      {result.data && <Pagination label={t('audit.pagination')} page={page} pageSize={PAGE_SIZE} total={result.data.total} onPageChange={setPage} />}
    </>
  );
}
