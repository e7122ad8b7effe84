import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { formatDate, formatDateTime, formatNumber, toDisplayDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { Select } from '../../ui/select.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { branchName, branchOptions, useOrganisation } from '../organisation/organisation.ts';
import { checkDate } from '../cases/case-model.ts';
import { downloadPost, Money, Section, useFormWithErrors, type FormField } from '../cases/case-ui.tsx';
import type { ReportView } from './casework-types.ts';

interface Period {
  from: string;
  to: string;
  branchId: string;
}

/**
 * The family strengthening report for a period and branch: figures computed
 * by the server from the records on every request, shown here and
 * downloadable as CSV or XLSX.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const org = useOrganisation();
  const today = todayInUzbekistan();
  const [from, setFrom] = useState(toDisplayDate(`${today.slice(0, 4)}-01-01`));
  const [to, setTo] = useState(toDisplayDate(today));
  const [branchId, setBranchId] = useState('');
  const [shown, setShown] = useState<Period | null>(null);
  const [report, setReport] = useState<ReportView | null>(null);
  const [downloading, setDownloading] = useState<'csv' | 'xlsx' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(undefined);
  const fields: FormField[] = [
    { key: 'from', target: 'report-from', label: t('cases.reports.from'), date: true },
    { key: 'to', target: 'report-to', label: t('cases.reports.to'), date: true },
    { key: 'branchId', target: 'report-branch', label: t('common.branch') },
  ];
  const { form, byField, summaryProps } = useFormWithErrors(fields);

  function period(): { problems: Record<string, string>; value: Period | null } {
    const f = checkDate(from, { required: true, allowFuture: true });
    const e = checkDate(to, { required: true, allowFuture: true });
    const problems: Record<string, string> = {};
    if (f.error) problems['from'] = t(`fieldErrors.${f.error}`);
    if (e.error) problems['to'] = t(`fieldErrors.${e.error}`);
    if (f.iso && e.iso && f.iso > e.iso) problems['to'] = t('cases.reports.toBeforeFrom');
    return { problems, value: Object.keys(problems).length ? null : { from: f.iso!, to: e.iso!, branchId } };
  }

  async function show(event: FormEvent) {
    event.preventDefault();
    const p = period();
    await form.run(
      () => p.problems,
      async () => {
        const body = { from: p.value!.from, to: p.value!.to, ...(p.value!.branchId ? { branchId: p.value!.branchId } : {}) };
        setReport(await api.post<ReportView>('/api/reports/family-strengthening', body));
        setShown(p.value);
      },
    );
  }

  async function download(format: 'csv' | 'xlsx') {
    if (!shown) return;
    setDownloading(format);
    setDownloadError(undefined);
    try {
      await downloadPost('/api/reports/family-strengthening/export', { from: shown.from, to: shown.to, format, ...(shown.branchId ? { branchId: shown.branchId } : {}) }, `family-strengthening.${format}`);
    } catch (e) {
      setDownloadError(e);
    } finally {
      setDownloading(null);
    }
  }

  const n = (x: number) => formatNumber(locale, x);
  return (
    <>
      <PageHeader title={t('cases.reports.title')} subtitle={t('cases.reports.intro')} />
      <form className="filters filters--report" onSubmit={show} noValidate aria-label={t('cases.reports.periodRegion')}>
        <ErrorSummary {...summaryProps} />
        <DateField id="report-from" label={t('cases.reports.from')} value={from} onChange={setFrom} required error={byField['from']} />
        <DateField id="report-to" label={t('cases.reports.to')} value={to} onChange={setTo} required error={byField['to']} />
        <Select id="report-branch" label={t('common.branch')} value={branchId} emptyLabel={t('common.allBranches')} options={branchOptions(org.data, locale)} onChange={setBranchId} error={byField['branchId']} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('cases.reports.show')}
          </Button>
        </div>
      </form>

      {report && shown && (
        <div className="report" aria-live="polite">
          <div className="section-header report-header">
            <h2>
              {t('cases.reports.periodTitle', { from: formatDate(locale, report.period.from), to: formatDate(locale, report.period.to) })}
              {shown.branchId ? ` · ${branchName(org.data, locale, shown.branchId)}` : ` · ${t('common.allBranches')}`}
            </h2>
            {can(user, 'report.export') && (
              <div className="section-actions">
                <Button onClick={() => void download('csv')} busy={downloading === 'csv'}>
                  {t('cases.reports.downloadCsv')}
                </Button>
                <Button onClick={() => void download('xlsx')} busy={downloading === 'xlsx'}>
                  {t('cases.reports.downloadXlsx')}
                </Button>
              </div>
            )}
          </div>
          <p className="muted">{t('cases.reports.generatedAt', { when: formatDateTime(locale, report.generatedAt) })}</p>
          {downloadError !== undefined && <ErrorSummary message={errorText(t, downloadError)} items={[]} />}

          <ul className="figure-list" aria-label={t('cases.reports.keyFigures')}>
            <Figure id="families" value={n(report.familiesSupported)} label={t('cases.reports.familiesSupported')} />
            <Figure id="children" value={n(report.children.total)} label={t('cases.reports.children')} />
            <Figure id="services" value={n(report.services.total.count)} label={t('cases.reports.servicesDelivered')} />
            <Figure id="self-reliant" value={report.exits.selfReliantShare === null ? '—' : t('cases.reports.percent', { value: formatNumber(locale, Math.round(report.exits.selfReliantShare * 1000) / 10) })} label={t('cases.reports.selfReliantShare')} />
          </ul>

          <div className="two-columns">
            <Section id="report-families" title={t('cases.reports.familiesTitle')}>
              <FigureTable
                caption={t('cases.reports.familiesTitle')}
                rows={[
                  ['familiesSupported', t('cases.reports.familiesSupported'), n(report.familiesSupported)],
                  ['casesSupported', t('cases.reports.casesSupported'), n(report.casesSupported)],
                  ['children', t('cases.reports.children'), n(report.children.total)],
                  ['girls', t('cases.reports.girls'), n(report.children.female)],
                  ['boys', t('cases.reports.boys'), n(report.children.male)],
                ]}
              />
            </Section>
            <Section id="report-referrals" title={t('cases.reports.referralsTitle')}>
              <FigureTable
                caption={t('cases.reports.referralsTitle')}
                rows={[
                  ['referralsSent', t('cases.reports.referralsSent'), n(report.referrals.sent)],
                  ['referralsAccepted', t('cases.reports.referralsAccepted'), n(report.referrals.accepted)],
                  ['referralsCompleted', t('cases.reports.referralsCompleted'), n(report.referrals.completed)],
                ]}
              />
            </Section>
          </div>

          <Section id="report-services" title={t('cases.reports.servicesTitle')}>
            <RowsTable caption={t('cases.reports.servicesTitle')} columns={[t('cases.services.type'), { label: t('cases.reports.count'), num: true }, { label: t('cases.reports.units'), num: true }, { label: t('cases.services.cost'), num: true }]}>
              {report.services.byType.map((s) => (
                <tr key={s.serviceType} data-figure={`service-${s.serviceType}`}>
                  <th scope="row" data-label={t('cases.services.type')}>{t(`cases.serviceType.${s.serviceType}`)}</th>
                  <td className="num" data-label={t('cases.reports.count')}>{n(s.count)}</td>
                  <td className="num" data-label={t('cases.reports.units')}>{n(s.units)}</td>
                  <td className="num" data-label={t('cases.services.cost')}><Money value={s.costUzs} /></td>
                </tr>
              ))}
              <tr className="total-row" data-figure="service-total">
                <th scope="row" data-label={t('cases.services.type')}>{t('cases.reports.allServices')}</th>
                <td className="num" data-label={t('cases.reports.count')}>{n(report.services.total.count)}</td>
                <td className="num" data-label={t('cases.reports.units')}>{n(report.services.total.units)}</td>
                <td className="num" data-label={t('cases.services.cost')}><Money value={report.services.total.costUzs} /></td>
              </tr>
            </RowsTable>
          </Section>

          <div className="two-columns">
            <Section id="report-assistance" title={t('cases.reports.assistanceTitle')}>
              <RowsTable caption={t('cases.reports.assistanceTitle')} columns={[t('cases.assistance.kind'), { label: t('cases.reports.count'), num: true }, { label: t('cases.assistance.value'), num: true }]}>
                {report.assistance.byKind.map((a) => (
                  <tr key={a.kind}>
                    <th scope="row" data-label={t('cases.assistance.kind')}>{t(`cases.assistanceKind.${a.kind}`)}</th>
                    <td className="num" data-label={t('cases.reports.count')}>{n(a.count)}</td>
                    <td className="num" data-label={t('cases.assistance.value')}><Money value={a.valueUzs} /></td>
                  </tr>
                ))}
                <tr className="total-row" data-figure="assistance-total">
                  <th scope="row" data-label={t('cases.assistance.kind')}>{t('cases.reports.allAssistance')}</th>
                  <td className="num" data-label={t('cases.reports.count')}>{n(report.assistance.count)}</td>
                  <td className="num" data-label={t('cases.assistance.value')}><Money value={report.assistance.valueUzs} /></td>
                </tr>
              </RowsTable>
            </Section>
            <Section id="report-exits" title={t('cases.reports.exitsTitle')}>
              <FigureTable
                caption={t('cases.reports.exitsTitle')}
                rows={[
                  ...report.exits.byReason.map((r) => [`exit-${r.reason}`, t(`cases.exitReason.${r.reason}`), n(r.count)] as [string, string, string]),
                  ['exitsTotal', t('cases.reports.exitsTotal'), n(report.exits.total)],
                  ['selfReliantShare', t('cases.reports.selfReliantShare'), report.exits.selfReliantShare === null ? '—' : t('cases.reports.percent', { value: formatNumber(locale, Math.round(report.exits.selfReliantShare * 1000) / 10) })],
                  ['averageDays', t('cases.reports.averageDays'), report.averageDaysEnrolmentToExit === null ? '—' : t('cases.reports.days', { count: report.averageDaysEnrolmentToExit, days: formatNumber(locale, report.averageDaysEnrolmentToExit) })],
                ]}
              />
            </Section>
          </div>
        </div>
      )}
    </>
  );
}

function Figure({ id, value, label }: { id: string; value: string; label: string }) {
  return (
    <li className="figure" data-figure={id}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
    </li>
  );
}

function FigureTable({ caption, rows }: { caption: string; rows: readonly (readonly [string, string, string])[] }) {
  const { t } = useTranslation();
  return (
    <table className="table figure-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cases.reports.indicator')}</th>
          <th scope="col" className="num">{t('cases.reports.value')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([id, label, value]) => (
          <tr key={id} data-figure={id}>
            <th scope="row" data-label={t('cases.reports.indicator')}>{label}</th>
            <td className="num" data-label={t('cases.reports.value')}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
