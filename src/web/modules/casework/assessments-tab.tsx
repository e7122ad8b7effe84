import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import type { InstrumentDefinition } from '../../../shared/casework/instrument.ts';
import { formatDate, formatNumber } from '../../../shared/i18n/format.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import { api } from '../../api/client.ts';
import type { HouseholdMember } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { FieldErrorText } from '../../ui/field.tsx';
import { LoadedList } from '../../ui/loaded-list.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { isChild, memberName, useHousehold, useInstruments } from '../cases/case-data.ts';
import { checkDate } from '../cases/case-model.ts';
import type { CaseTabProps } from '../cases/case-page.tsx';
import { Bar, Section, todayText, useFormWithErrors, type FormField } from '../cases/case-ui.tsx';
import type { AssessmentView, InstrumentView, ProgressSeries } from './casework-types.ts';

const CLOSED = ['not_eligible', 'follow_up_closed'];

function domainTitle(instruments: readonly InstrumentView[] | undefined, code: string, domain: string, locale: Locale): string {
  const def = instruments?.find((i) => i.code === code)?.definition;
  return def?.domains.find((d) => d.code === domain)?.title[locale] ?? domain;
}

function instrumentTitle(instruments: readonly InstrumentView[] | undefined, code: string, locale: Locale): string {
  return instruments?.find((i) => i.code === code)?.definition.title[locale] ?? code;
}

/**
 * Assessments of the family: the Child Status Index per child and the
 * household's self-reliance benchmark, recorded with the instrument's own
 * descriptions in the interface language, and progress first against latest.
 */
export function AssessmentsTab({ detail, reload }: CaseTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const c = detail.case;
  const instruments = useInstruments();
  const household = useHousehold(c.householdId);
  const list = useResource((signal) => api.get<{ items: AssessmentView[] }>(`/api/cases/${c.id}/assessments`, { signal }), [c.id]);
  const progress = useResource((signal) => api.get<{ series: ProgressSeries[] }>(`/api/cases/${c.id}/assessments/progress`, { signal }), [c.id]);
  const [recording, setRecording] = useState(false);
  const mayWrite = can(user, 'casework.write') && !CLOSED.includes(c.status);
  const members = household.data?.members ?? [];
  const who = (personId: string | null) => {
    if (!personId) return t('cases.assessments.household');
    const m = members.find((x) => x.person.id === personId);
    return m ? memberName(m, locale) : t('cases.assessments.child');
  };

  if (recording && instruments.data) {
    return (
      <AssessmentForm
        caseId={c.id}
        instruments={instruments.data}
        members={members}
        onCancel={() => setRecording(false)}
        onDone={(a) => {
          setRecording(false);
          list.reload();
          progress.reload();
          // The case's next steps depend on it: "assessment complete" waits for a first assessment.
          reload();
          toast.show(t('cases.assessments.recorded', { who: who(a.personId) }));
        }}
      />
    );
  }

  const series = progress.data?.series ?? [];
  return (
    <>
      {c.status === 'enrolled' && (list.data?.items.length ?? 0) > 0 && can(user, 'case.update') && (
        <div className="notice notice--info">
          <p>
            {t('cases.assessments.completeHint')} <Link to={`/cases/${c.id}`}>{t('cases.assessments.toSummary')}</Link>
          </p>
        </div>
      )}
      <Section
        id="assessment-progress"
        title={t('cases.assessments.progressTitle')}
        actions={mayWrite && <Button variant="primary" onClick={() => setRecording(true)} disabled={!instruments.data}>{t('cases.assessments.record')}</Button>}
      >
        <LoadedList resource={progress} count={series.length} emptyText={t('cases.assessments.noProgress')}>
          {series.map((s) => {
            const def = instruments.data?.find((i) => i.code === s.instrumentCode)?.definition;
            const max = def?.scale.max ?? 4;
            const caption = t('cases.assessments.progressCaption', { who: who(s.personId), instrument: instrumentTitle(instruments.data, s.instrumentCode, locale), count: s.assessments });
            return (
              <div className="table-wrap progress-block" key={`${s.personId ?? 'household'}-${s.instrumentCode}`}>
                <table className="table progress-table">
                  <caption className="table-caption">{caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cases.assessments.domain')}</th>
                      <th scope="col">{t('cases.assessments.first')}</th>
                      <th scope="col">{t('cases.assessments.latest')}</th>
                      <th scope="col" className="num">{t('cases.assessments.change')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.domains.map((d) => (
                      <tr key={d.domain}>
                        <th scope="row" data-label={t('cases.assessments.domain')}>{domainTitle(instruments.data, s.instrumentCode, d.domain, locale)}</th>
                        <td data-label={t('cases.assessments.first')} className="bar-cell">
                          {d.first && (
                            <>
                              <Bar value={d.first.score} max={max} tone="first" />
                              {t('cases.assessments.scoreOn', { score: formatNumber(locale, d.first.score, { maximumFractionDigits: 2 }), max, date: formatDate(locale, d.first.assessedOn) })}
                            </>
                          )}
                        </td>
                        <td data-label={t('cases.assessments.latest')} className="bar-cell">
                          {d.latest && (
                            <>
                              <Bar value={d.latest.score} max={max} tone="latest" />
                              {t('cases.assessments.scoreOn', { score: formatNumber(locale, d.latest.score, { maximumFractionDigits: 2 }), max, date: formatDate(locale, d.latest.assessedOn) })}
                            </>
                          )}
                        </td>
                        <td data-label={t('cases.assessments.change')} className="num">
                          {d.change === null ? '' : d.change === 0 ? t('cases.assessments.noChange') : `${d.change > 0 ? '+' : '−'}${formatNumber(locale, Math.abs(d.change), { maximumFractionDigits: 2 })}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </LoadedList>
      </Section>

      <Section id="assessment-list" title={t('cases.assessments.listTitle')}>
        <LoadedList resource={list} count={(list.data?.items ?? []).length} emptyText={t('cases.assessments.none')}>
          <RowsTable caption={t('cases.assessments.listTitle')} columns={[t('cases.assessments.assessedOn'), t('cases.assessments.who'), t('cases.assessments.instrument'), { label: t('cases.assessments.overall'), num: true }, t('cases.assessments.assessor')]}>
            {(list.data?.items ?? []).map((a) => (
              <tr key={a.id}>
                <th scope="row" data-label={t('cases.assessments.assessedOn')}>{formatDate(locale, a.assessedOn)}</th>
                <td data-label={t('cases.assessments.who')}>{who(a.personId)}</td>
                <td data-label={t('cases.assessments.instrument')}>
                  {t('cases.assessments.instrumentVersion', { title: instrumentTitle(instruments.data, a.instrument.code, locale), version: a.instrument.version })}
                  {a.summary && <span className="cell-secondary">{a.summary}</span>}
                </td>
                <td data-label={t('cases.assessments.overall')} className="num">{a.overallScore === null ? '' : formatNumber(locale, a.overallScore, { maximumFractionDigits: 2 })}</td>
                <td data-label={t('cases.assessments.assessor')}>{a.assessorName ?? ''}</td>
              </tr>
            ))}
          </RowsTable>
        </LoadedList>
      </Section>
    </>
  );
}

/** One factor's scores as radio buttons, each with the instrument's label and description of that score. */
function ScoreGroup(props: { id: string; title: string; levels: InstrumentDefinition['domains'][number]['factors'][number]['levels']; value: number | undefined; onChange: (score: number) => void; error: string | undefined; locale: Locale }) {
  const errorId = props.error ? `${props.id}-error` : undefined;
  return (
    <fieldset className={`field fieldset score-group ${props.error ? 'field--error' : ''}`} aria-describedby={errorId}>
      <legend className="field-label">
        {props.title}
        <span className="required-mark" aria-hidden="true">
          *
        </span>
      </legend>
      <FieldErrorText id={errorId} error={props.error} />
      <div className="score-options">
        {props.levels.map((l) => {
          const id = `${props.id}-${l.score}`;
          return (
            <div className={`score-option ${props.value === l.score ? 'score-option--checked' : ''}`} key={l.score}>
              <input type="radio" id={id} name={props.id} value={l.score} checked={props.value === l.score} required onChange={() => props.onChange(l.score)} />
              <label htmlFor={id}>
                <span className="score-label">
                  <span className="score-number">{l.score}</span> {l.label[props.locale]}
                </span>
                <span className="score-description">{l.description[props.locale]}</span>
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function AssessmentForm(props: { caseId: string; instruments: InstrumentView[]; members: HouseholdMember[]; onCancel: () => void; onDone: (a: AssessmentView) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const current = props.instruments.filter((i) => i.current);
  const [instrumentId, setInstrumentId] = useState(current.find((i) => i.kind === 'child')?.id ?? current[0]?.id ?? '');
  const instrument = current.find((i) => i.id === instrumentId);
  const children = props.members.filter((m) => isChild(m, todayInUzbekistan()));
  const people = children.length ? children : props.members;
  const [personId, setPersonId] = useState('');
  const [on, setOn] = useState(todayText());
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [summary, setSummary] = useState('');
  const def = instrument?.definition;
  const factors = def?.domains.flatMap((d) => d.factors) ?? [];
  const fields: FormField[] = [
    { key: 'instrumentId', target: 'assessment-instrument-input', label: t('cases.assessments.instrument') },
    { key: 'personId', target: 'assessment-person', label: t('cases.assessments.child') },
    { key: 'assessedOn', target: 'assessment-on', label: t('cases.assessments.assessedOn'), date: true },
    ...factors.map((f) => ({ key: `answers.${f.code}`, target: `score-${f.code}-1`, label: f.title[locale] })),
    { key: 'summary', target: 'assessment-summary', label: t('cases.assessments.summary') },
  ];
  const { form, byField, summaryProps } = useFormWithErrors(fields);
  const scored = factors.filter((f) => answers[f.code] !== undefined).length;

  return (
    <Section id="assessment-form" title={t('cases.assessments.record')}>
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const d = checkDate(on, { required: true });
          void form.run(
            () => {
              const problems: Record<string, string> = {};
              if (instrument?.kind === 'child' && !personId) problems['personId'] = t('cases.assessments.chooseChild');
              if (d.error) problems['assessedOn'] = t(`fieldErrors.${d.error}`);
              for (const f of factors) if (answers[f.code] === undefined) problems[`answers.${f.code}`] = t('cases.assessments.chooseScore');
              return problems;
            },
            async () => {
              const saved = await api.post<AssessmentView>(`/api/cases/${props.caseId}/assessments`, {
                instrumentId,
                personId: instrument?.kind === 'child' ? personId : null,
                assessedOn: d.iso,
                answers,
                summary: summary.trim() || null,
              });
              props.onDone(saved);
            },
          );
        }}
      >
        <ErrorSummary {...summaryProps} />
        <RadioGroup
          id="assessment-instrument"
          legend={t('cases.assessments.instrument')}
          value={instrumentId}
          onChange={(id) => {
            setInstrumentId(id);
            setAnswers({});
          }}
          options={current.map((i) => ({ value: i.id, label: i.definition.title[locale] }))}
          required
          error={byField['instrumentId']}
        />
        {def && <p className="field-hint">{def.description[locale]}</p>}
        {instrument?.kind === 'child' && (
          <Select
            id="assessment-person"
            label={t('cases.assessments.child')}
            value={personId}
            required
            emptyLabel={t('common.choose')}
            options={people.map((m) => ({ value: m.person.id, label: memberName(m, locale) }))}
            onChange={setPersonId}
            error={byField['personId']}
          />
        )}
        <DateField id="assessment-on" label={t('cases.assessments.assessedOn')} value={on} onChange={setOn} required error={byField['assessedOn']} />
        <p className="field-hint" aria-live="polite">
          {t('cases.assessments.scoredCount', { scored, total: factors.length })}
        </p>
        {def?.domains.map((d) => (
          <fieldset className="form-group" key={d.code}>
            <legend className="form-group-legend">{d.title[locale]}</legend>
            {d.factors.map((f) => (
              <ScoreGroup
                key={f.code}
                id={`score-${f.code}`}
                title={f.title[locale]}
                levels={f.levels}
                value={answers[f.code]}
                onChange={(score) => setAnswers((a) => ({ ...a, [f.code]: score }))}
                error={byField[`answers.${f.code}`]}
                locale={locale}
              />
            ))}
          </fieldset>
        ))}
        <TextField id="assessment-summary" label={t('cases.assessments.summary')} value={summary} onChange={setSummary} multiline rows={4} maxLength={4000} error={byField['summary']} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('cases.assessments.save')}
          </Button>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Section>
  );
}
