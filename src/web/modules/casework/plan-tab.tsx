import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, GOAL_PROGRESS, type ActionStatus, type GoalProgress, type ResponsibleKind } from '../../../shared/casework/codes.ts';
import { formatDate, formatDateTime, toDisplayDate } from '../../../shared/i18n/format.ts';
import { LOCALES, type Locale } from '../../../shared/i18n/locales.ts';
import { api } from '../../api/client.ts';
import type { OrganisationInfo } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { LOCALE_NAMES } from '../../i18n/language.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { useOrganisation, workerName } from '../organisation/organisation.ts';
import { partnerOptions, usePartners, useInstruments } from '../cases/case-data.ts';
import { DecisionDialog } from '../cases/case-dialogs.tsx';
import { checkDate, PLAN_REQUESTABLE } from '../cases/case-model.ts';
import type { CaseTabProps } from '../cases/case-page.tsx';
import type { ApprovalView } from '../cases/case-types.ts';
import { FormDialog, isVersionConflict, Section, todayText, useFormWithErrors, type FormField } from '../cases/case-ui.tsx';
import type { InstrumentView, PartnerView, PlanView, Responsible } from './casework-types.ts';

const CLOSED = ['not_eligible', 'follow_up_closed'];

function domainLabel(instruments: readonly InstrumentView[] | undefined, code: string, domain: string, locale: Locale): string {
  const def = instruments?.find((i) => i.code === code)?.definition;
  const d = def?.domains.find((x) => x.code === domain);
  return d && def ? `${d.title[locale]} (${def.title[locale]})` : domain;
}

function responsibleText(r: Responsible, org: OrganisationInfo | undefined, partners: readonly PartnerView[] | undefined): string {
  if (r.kind === 'user') return r.name ?? workerName(org, r.userId);
  if (r.kind === 'partner') return r.name ?? partners?.find((p) => p.id === r.partnerId)?.name ?? '';
  return r.name ?? '';
}

/**
 * The family development plan: goals per assessment domain with their
 * actions, the supervisor's approval, reviews with the family, and the plan
 * printed in the family's language to sign.
 */
export function PlanTab({ detail, reload: reloadCase }: CaseTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const org = useOrganisation();
  const c = detail.case;
  const plan = useResource((signal) => api.get<{ plan: PlanView | null }>(`/api/cases/${c.id}/plan`, { signal }), [c.id]);
  const approvals = useResource((signal) => api.get<ApprovalView[]>(`/api/cases/${c.id}/approvals`, { signal }), [c.id]);
  const instruments = useInstruments();
  const partners = usePartners();
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<'submit' | 'review' | null>(null);
  const [deciding, setDeciding] = useState<{ approval: ApprovalView; decision: 'approve' | 'reject' } | null>(null);
  const [pdfLanguage, setPdfLanguage] = useState<Locale>(locale);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const mayWrite = can(user, 'casework.write') && !CLOSED.includes(c.status);

  if (plan.loading && !plan.data) return <Loading />;
  if (plan.error !== undefined) return <ErrorSummary message={errorText(t, plan.error)} items={[]} />;
  const p = plan.data?.plan ?? null;
  const reloadAll = () => {
    plan.reload();
    approvals.reload();
    reloadCase();
  };

  if (editing && instruments.data) {
    return (
      <PlanEditor
        caseId={c.id}
        plan={p}
        instruments={instruments.data}
        partners={partners.data ?? []}
        org={org.data}
        branchId={c.branchId}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          plan.setData({ plan: saved });
          toast.show(t('cases.plan.saved'));
        }}
        onReload={() => {
          setEditing(false);
          plan.reload();
        }}
      />
    );
  }

  if (!p) {
    return (
      <Section id="plan" title={t('cases.plan.title')}>
        <p className="muted">{t('cases.plan.none')}</p>
        {mayWrite && (
          <Button variant="primary" onClick={() => setEditing(true)} disabled={!instruments.data}>
            {t('cases.plan.write')}
          </Button>
        )}
      </Section>
    );
  }

  const pendingApproval = (approvals.data ?? []).find((a) => a.id === p.approval?.id && a.status === 'pending');
  const mayDecide = pendingApproval && can(user, 'case.approve') && pendingApproval.requestedBy !== user.id;
  const maySubmit = mayWrite && (p.status === 'draft' || p.status === 'returned') && PLAN_REQUESTABLE.includes(c.status);

  async function setActionStatus(actionId: string, status: ActionStatus) {
    setActionError(undefined);
    try {
      plan.setData({ plan: await api.patch<PlanView>(`/api/cases/${c.id}/plan/actions/${actionId}`, { version: p!.version, status }) });
      toast.show(t('cases.plan.actionUpdated'));
    } catch (e) {
      if (isVersionConflict(e)) {
        toast.show(t('common.changedMeanwhile'), 'error');
        plan.reload();
      } else setActionError(e);
    }
  }

  return (
    <>
      <Section
        id="plan"
        title={t('cases.plan.title')}
        actions={
          <>
            {mayWrite && p.status !== 'submitted' && <Button onClick={() => setEditing(true)} disabled={!instruments.data}>{t('cases.plan.edit')}</Button>}
            {maySubmit && (
              <Button variant="primary" onClick={() => setDialog('submit')}>
                {t('cases.plan.submit')}
              </Button>
            )}
          </>
        }
      >
        <p>
          <span className={`badge ${p.status === 'approved' ? 'badge--ok' : 'badge--warning'}`}>{t(`cases.planStatus.${p.status}`)}</span>{' '}
          <span className="muted">{t(`cases.plan.statusHelp.${p.status}`)}</span>
        </p>
        {!PLAN_REQUESTABLE.includes(c.status) && (p.status === 'draft' || p.status === 'returned') && mayWrite && (
          <p className="notice notice--info">{t('cases.plan.submitWhenAssessed')}</p>
        )}
        {p.approval?.decisionComment && (
          <div className={`notice ${p.status === 'returned' ? '' : 'notice--info'}`}>
            <p>{t('cases.plan.decisionComment', { comment: p.approval.decisionComment })}</p>
          </div>
        )}
        {mayDecide && (
          <div className="notice notice--info decision-box">
            <p>{t('cases.plan.waitingForYou', { when: formatDateTime(locale, pendingApproval.requestedAt) })}</p>
            <div className="button-row">
              <Button variant="primary" onClick={() => setDeciding({ approval: pendingApproval, decision: 'approve' })}>
                {t('cases.approvals.approve')}
              </Button>
              <Button variant="danger" onClick={() => setDeciding({ approval: pendingApproval, decision: 'reject' })}>
                {t('cases.approvals.reject')}
              </Button>
            </div>
          </div>
        )}
        {actionError !== undefined && <ErrorSummary message={errorText(t, actionError)} items={[]} />}
        {p.goals.map((g, gi) => (
          <article className="plan-goal" key={g.id} aria-labelledby={`goal-title-${g.id}`}>
            <h3 id={`goal-title-${g.id}`}>{t('cases.plan.goalTitle', { number: gi + 1, domain: domainLabel(instruments.data, g.instrumentCode, g.domainCode, locale) })}</h3>
            {g.text !== undefined && <p className="plan-goal-text">{g.text}</p>}
            {g.actions.length === 0 ? (
              <p className="muted">{t('cases.plan.noActions')}</p>
            ) : (
              <RowsTable caption={t('cases.plan.actionsOf', { number: gi + 1 })} columns={[t('cases.plan.action'), t('cases.plan.responsible'), t('cases.plan.dueOn'), t('cases.plan.actionStatus')]}>
                {g.actions.map((a, ai) => (
                  <tr key={a.id}>
                    <th scope="row" data-label={t('cases.plan.action')}>{a.text ?? <span className="muted">{t('cases.textHidden')}</span>}</th>
                    <td data-label={t('cases.plan.responsible')}>
                      {responsibleText(a.responsible, org.data, partners.data)}
                      <span className="cell-secondary">{t(`cases.responsibleKind.${a.responsible.kind}`)}</span>
                    </td>
                    <td data-label={t('cases.plan.dueOn')}>{formatDate(locale, a.dueOn)}</td>
                    <td data-label={t('cases.plan.actionStatus')}>
                      {mayWrite ? (
                        <Select
                          id={`action-status-${gi}-${ai}`}
                          label={<span className="visually-hidden">{t('cases.plan.actionStatusOf', { action: a.text ?? '' })}</span>}
                          value={a.status}
                          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`cases.actionStatus.${s}`) }))}
                          onChange={(s) => void setActionStatus(a.id, s as ActionStatus)}
                          className="field--inline"
                        />
                      ) : (
                        t(`cases.actionStatus.${a.status}`)
                      )}
                      {a.completedOn && <span className="cell-secondary">{t('cases.plan.completedOn', { date: formatDate(locale, a.completedOn) })}</span>}
                    </td>
                  </tr>
                ))}
              </RowsTable>
            )}
          </article>
        ))}
      </Section>

      {can(user, 'plan.print') && (
        <Section id="plan-print" title={t('cases.plan.printTitle')}>
          <p>{t('cases.plan.printIntro')}</p>
          <div className="print-row">
            <Select
              id="plan-pdf-language"
              label={t('cases.plan.familyLanguage')}
              value={pdfLanguage}
              options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }))}
              onChange={(l) => setPdfLanguage(l as Locale)}
              width="medium"
            />
            <a className="button button--secondary" href={`/api/cases/${c.id}/plan/pdf?language=${encodeURIComponent(pdfLanguage)}`} download>
              {t('cases.plan.printPdf')}
              <span className="visually-hidden"> ({LOCALE_NAMES[pdfLanguage]})</span>
            </a>
          </div>
        </Section>
      )}

      <Section id="plan-reviews" title={t('cases.plan.reviewsTitle')} actions={mayWrite && <Button onClick={() => setDialog('review')}>{t('cases.plan.review')}</Button>}>
        {p.reviews.length === 0 ? (
          <p className="muted">{t('cases.plan.noReviews')}</p>
        ) : (
          <ul className="entry-list">
            {p.reviews.map((r) => (
              <li className="entry" key={r.id}>
                <h3 className="entry-title">{t('cases.plan.reviewOn', { date: formatDate(locale, r.reviewedOn) })}</h3>
                {r.reviewedByName && <p className="muted">{t('cases.recordedBy', { name: r.reviewedByName })}</p>}
                {r.summary && <p className="pre-line">{r.summary}</p>}
                <ul className="plain-list">
                  {r.goals.map((g) => (
                    <li key={g.goalId}>
                      {g.goalText ?? ''} — <strong>{t(`cases.goalProgress.${g.progress}`)}</strong>
                      {g.note ? ` (${g.note})` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {dialog === 'submit' && (
        <SubmitPlanDialog
          caseId={c.id}
          plan={p}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            plan.setData({ plan: saved });
            approvals.reload();
            toast.show(t('cases.plan.submitted'));
          }}
          onConflict={() => {
            setDialog(null);
            toast.show(t('common.changedMeanwhile'), 'error');
            plan.reload();
          }}
        />
      )}
      {dialog === 'review' && (
        <PlanReviewDialog
          caseId={c.id}
          plan={p}
          instruments={instruments.data}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            plan.setData({ plan: saved });
            toast.show(t('cases.plan.reviewed'));
          }}
          onConflict={() => {
            setDialog(null);
            toast.show(t('common.changedMeanwhile'), 'error');
            plan.reload();
          }}
        />
      )}
      {deciding && (
        <DecisionDialog
          caseId={c.id}
          approval={deciding.approval}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={() => {
            const approved = deciding.decision === 'approve';
            setDeciding(null);
            reloadAll();
            toast.show(approved ? t('cases.approvals.approvedToast') : t('cases.approvals.rejectedToast'));
          }}
          onStale={() => {
            setDeciding(null);
            toast.show(t('common.changedMeanwhile'), 'error');
            reloadAll();
          }}
        />
      )}
    </>
  );
}

function SubmitPlanDialog(props: { caseId: string; plan: PlanView; onClose: () => void; onDone: (p: PlanView) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const withoutActions = props.plan.goals.map((g, i) => (g.actions.length === 0 ? i + 1 : 0)).filter(Boolean);
  const fields: FormField[] = [{ key: 'note', target: 'submit-note', label: t('cases.approvals.requestNote') }];
  const { form, byField, dialogProps } = useFormWithErrors(fields, () => (withoutActions.length ? t('cases.plan.goalsNeedActions', { goals: withoutActions.join(', ') }) : undefined));
  return (
    <FormDialog
      id="submit-plan-form"
      title={t('cases.plan.submit')}
      submitLabel={t('cases.approvals.send')}
      onClose={props.onClose}
      {...dialogProps}
      message={dialogProps.message ?? (form.attempt > 0 && withoutActions.length ? t('cases.plan.goalsNeedActions', { goals: withoutActions.join(', ') }) : undefined)}
      intro={<p>{t('cases.approvals.requestIntro_plan')}</p>}
      onSubmit={() =>
        form.run(
          () => (withoutActions.length ? { plan: t('cases.plan.goalsNeedActions', { goals: withoutActions.join(', ') }) } : {}),
          async () => {
            props.onDone(await api.post<PlanView>(`/api/cases/${props.caseId}/plan/submit`, { version: props.plan.version, note: note.trim() || null }));
          },
          props.onConflict,
        )
      }
    >
      <TextField id="submit-note" label={t('cases.approvals.requestNote')} value={note} onChange={setNote} multiline maxLength={2000} error={byField['note']} />
    </FormDialog>
  );
}

function PlanReviewDialog(props: { caseId: string; plan: PlanView; instruments: InstrumentView[] | undefined; onClose: () => void; onDone: (p: PlanView) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [on, setOn] = useState(todayText());
  const [summary, setSummary] = useState('');
  const [progress, setProgress] = useState<Record<string, GoalProgress>>(() => Object.fromEntries(props.plan.goals.map((g) => [g.id, 'some_progress'])));
  const [notes, setNotes] = useState<Record<string, string>>({});
  const fields: FormField[] = [
    { key: 'reviewedOn', target: 'plan-review-on', label: t('cases.plan.reviewedOn'), date: true },
    { key: 'summary', target: 'plan-review-summary', label: t('cases.plan.reviewSummary') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="plan-review-form"
      wide
      title={t('cases.plan.review')}
      submitLabel={t('cases.plan.saveReview')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() => {
        const d = checkDate(on, { required: true });
        return form.run(
          () => ({ ...(d.error ? { reviewedOn: t(`fieldErrors.${d.error}`) } : {}), ...(summary.trim() ? {} : { summary: t('fieldErrors.required') }) }),
          async () => {
            const goals = props.plan.goals.map((g) => ({ goalId: g.id, progress: progress[g.id] ?? 'not_started', note: notes[g.id]?.trim() || null }));
            props.onDone(await api.post<PlanView>(`/api/cases/${props.caseId}/plan/reviews`, { version: props.plan.version, reviewedOn: d.iso, summary: summary.trim(), goals }));
          },
          props.onConflict,
        );
      }}
    >
      <DateField id="plan-review-on" label={t('cases.plan.reviewedOn')} value={on} onChange={setOn} required error={byField['reviewedOn']} />
      <TextField id="plan-review-summary" label={t('cases.plan.reviewSummary')} value={summary} onChange={setSummary} required multiline rows={4} maxLength={4000} error={byField['summary']} />
      {props.plan.goals.map((g, i) => (
        <fieldset className="form-group" key={g.id}>
          <legend className="form-group-legend">{t('cases.plan.goalTitle', { number: i + 1, domain: domainLabel(props.instruments, g.instrumentCode, g.domainCode, locale) })}</legend>
          {g.text && <p>{g.text}</p>}
          <Select
            id={`plan-review-progress-${i}`}
            label={t('cases.plan.progress')}
            value={progress[g.id] ?? 'not_started'}
            options={GOAL_PROGRESS.map((x) => ({ value: x, label: t(`cases.goalProgress.${x}`) }))}
            onChange={(v) => setProgress((prev) => ({ ...prev, [g.id]: v as GoalProgress }))}
          />
          <TextField id={`plan-review-note-${i}`} label={t('cases.plan.progressNote')} value={notes[g.id] ?? ''} onChange={(v) => setNotes((prev) => ({ ...prev, [g.id]: v }))} maxLength={1000} />
        </fieldset>
      ))}
    </FormDialog>
  );
}

// ---------------------------------------------------------------- the editor

interface ActionDraft {
  key: string;
  id?: string;
  text: string;
  kind: ResponsibleKind;
  name: string;
  userId: string;
  partnerId: string;
  dueOn: string;
  status: ActionStatus;
}

interface GoalDraft {
  key: string;
  id?: string;
  domain: string;
  text: string;
  actions: ActionDraft[];
}

let nextKey = 1;
const newKey = () => `k${nextKey++}`;
const emptyAction = (): ActionDraft => ({ key: newKey(), text: '', kind: 'name', name: '', userId: '', partnerId: '', dueOn: '', status: 'planned' });
const emptyGoal = (): GoalDraft => ({ key: newKey(), domain: '', text: '', actions: [emptyAction()] });

function draftsOf(plan: PlanView | null): GoalDraft[] {
  if (!plan) return [emptyGoal()];
  return plan.goals.map((g) => ({
    key: newKey(),
    id: g.id,
    domain: `${g.instrumentCode}:${g.domainCode}`,
    text: g.text ?? '',
    actions: g.actions.map((a) => ({
      key: newKey(),
      id: a.id,
      text: a.text ?? '',
      kind: a.responsible.kind,
      name: a.responsible.kind === 'name' ? (a.responsible.name ?? '') : '',
      userId: a.responsible.userId ?? '',
      partnerId: a.responsible.partnerId ?? '',
      dueOn: toDisplayDate(a.dueOn),
      status: a.status,
    })),
  }));
}

const goalId = (gi: number, field: string) => `goal-${gi}-${field}`;
const actionId = (gi: number, ai: number, field: string) => `goal-${gi}-action-${ai}-${field}`;

function PlanEditor(props: {
  caseId: string;
  plan: PlanView | null;
  instruments: InstrumentView[];
  partners: PartnerView[];
  org: OrganisationInfo | undefined;
  branchId: string;
  onCancel: () => void;
  onSaved: (p: PlanView) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [goals, setGoals] = useState<GoalDraft[]>(() => draftsOf(props.plan));
  const domainOptions = props.instruments
    .filter((i) => i.current)
    .flatMap((i) => i.definition.domains.map((d) => ({ value: `${i.code}:${d.code}`, label: `${d.title[locale]} (${i.definition.title[locale]})` })));
  const workers = (props.org?.workers ?? []).filter((w) => w.branchIds.includes(props.branchId)).map((w) => ({ value: w.id, label: w.displayName }));

  const fields: FormField[] = goals.flatMap((g, gi) => [
    { key: `goals.${gi}.domainCode`, target: goalId(gi, 'domain'), label: t('cases.plan.goalField', { number: gi + 1, field: t('cases.plan.domain') }) },
    { key: `goals.${gi}.instrumentCode`, target: goalId(gi, 'domain'), label: t('cases.plan.goalField', { number: gi + 1, field: t('cases.plan.domain') }) },
    { key: `goals.${gi}.text`, target: goalId(gi, 'text'), label: t('cases.plan.goalField', { number: gi + 1, field: t('cases.plan.goalText') }) },
    ...g.actions.flatMap((_, ai) => [
      { key: `goals.${gi}.actions.${ai}.text`, target: actionId(gi, ai, 'text'), label: t('cases.plan.actionField', { goal: gi + 1, number: ai + 1, field: t('cases.plan.action') }) },
      { key: `goals.${gi}.actions.${ai}.responsible`, target: actionId(gi, ai, 'who'), label: t('cases.plan.actionField', { goal: gi + 1, number: ai + 1, field: t('cases.plan.responsible') }) },
      { key: `goals.${gi}.actions.${ai}.dueOn`, target: actionId(gi, ai, 'dueOn'), label: t('cases.plan.actionField', { goal: gi + 1, number: ai + 1, field: t('cases.plan.dueOn') }), date: true },
    ]),
  ]);
  const { form, byField, summaryProps } = useFormWithErrors(fields);
  const conflict = isVersionConflict(form.error);

  const setGoal = (key: string, patch: Partial<GoalDraft>) => setGoals((list) => list.map((g) => (g.key === key ? { ...g, ...patch } : g)));
  const setAction = (goalKey: string, actionKey: string, patch: Partial<ActionDraft>) =>
    setGoals((list) => list.map((g) => (g.key === goalKey ? { ...g, actions: g.actions.map((a) => (a.key === actionKey ? { ...a, ...patch } : a)) } : g)));

  function check(): Record<string, string> {
    const problems: Record<string, string> = {};
    goals.forEach((g, gi) => {
      if (!g.domain) problems[`goals.${gi}.domainCode`] = t('fieldErrors.required');
      if (!g.text.trim()) problems[`goals.${gi}.text`] = t('fieldErrors.required');
      g.actions.forEach((a, ai) => {
        const p = `goals.${gi}.actions.${ai}`;
        if (!a.text.trim()) problems[`${p}.text`] = t('fieldErrors.required');
        const who = a.kind === 'name' ? a.name.trim() : a.kind === 'user' ? a.userId : a.partnerId;
        if (!who) problems[`${p}.responsible`] = t('fieldErrors.required');
        const d = checkDate(a.dueOn, { required: true, allowFuture: true });
        if (d.error) problems[`${p}.dueOn`] = t(`fieldErrors.${d.error}`);
      });
    });
    return problems;
  }

  async function send() {
    const body = {
      ...(props.plan ? { version: props.plan.version } : {}),
      goals: goals.map((g) => {
        const [instrumentCode = '', domainCode = ''] = g.domain.split(':');
        return {
          ...(g.id ? { id: g.id } : {}),
          instrumentCode,
          domainCode,
          text: g.text.trim(),
          actions: g.actions.map((a) => ({
            ...(a.id ? { id: a.id } : {}),
            text: a.text.trim(),
            responsible: a.kind === 'name' ? { kind: 'name', name: a.name.trim() } : a.kind === 'user' ? { kind: 'user', userId: a.userId } : { kind: 'partner', partnerId: a.partnerId },
            dueOn: checkDate(a.dueOn, { allowFuture: true }).iso,
            status: a.status,
          })),
        };
      }),
    };
    props.onSaved(await api.put<PlanView>(`/api/cases/${props.caseId}/plan`, body));
  }

  return (
    <Section id="plan-editor" title={props.plan ? t('cases.plan.edit') : t('cases.plan.write')}>
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void form.run(check, send);
        }}
      >
        <ErrorSummary {...summaryProps} />
        {conflict && (
          <p>
            <Button onClick={props.onReload}>{t('cases.plan.reloadCurrent')}</Button>
          </p>
        )}
        <p className="field-hint">{t('cases.plan.editorIntro')}</p>
        {goals.map((g, gi) => (
          <fieldset className="form-group plan-goal-editor" key={g.key}>
            <legend className="form-group-legend">{t('cases.plan.goalNumber', { number: gi + 1 })}</legend>
            <Select id={goalId(gi, 'domain')} label={t('cases.plan.domain')} value={g.domain} required emptyLabel={t('common.choose')} options={domainOptions} onChange={(domain) => setGoal(g.key, { domain })} error={byField[`goals.${gi}.domainCode`] ?? byField[`goals.${gi}.instrumentCode`]} />
            <TextField id={goalId(gi, 'text')} label={t('cases.plan.goalText')} hint={t('cases.plan.goalHint')} value={g.text} onChange={(text) => setGoal(g.key, { text })} required multiline rows={2} maxLength={1000} error={byField[`goals.${gi}.text`]} />
            {g.actions.map((a, ai) => (
              <div className="plan-action-editor" key={a.key} role="group" aria-labelledby={actionId(gi, ai, 'heading')}>
                <h4 id={actionId(gi, ai, 'heading')}>{t('cases.plan.actionNumber', { goal: gi + 1, number: ai + 1 })}</h4>
                <TextField id={actionId(gi, ai, 'text')} label={t('cases.plan.action')} value={a.text} onChange={(text) => setAction(g.key, a.key, { text })} required maxLength={1000} error={byField[`goals.${gi}.actions.${ai}.text`]} />
                <RadioGroup
                  id={actionId(gi, ai, 'kind')}
                  legend={t('cases.plan.responsibleKindLabel')}
                  value={a.kind}
                  inline
                  options={(['name', 'user', 'partner'] as const).map((k) => ({ value: k, label: t(`cases.responsibleKind.${k}`) }))}
                  onChange={(kind) => setAction(g.key, a.key, { kind })}
                />
                {a.kind === 'name' && (
                  <TextField id={actionId(gi, ai, 'who')} label={t('cases.plan.responsible')} hint={t('cases.plan.responsibleNameHint')} value={a.name} onChange={(name) => setAction(g.key, a.key, { name })} required maxLength={200} error={byField[`goals.${gi}.actions.${ai}.responsible`]} />
                )}
                {a.kind === 'user' && (
                  <Select id={actionId(gi, ai, 'who')} label={t('cases.plan.responsible')} value={a.userId} required emptyLabel={t('common.choose')} options={workers} onChange={(userId) => setAction(g.key, a.key, { userId })} error={byField[`goals.${gi}.actions.${ai}.responsible`]} />
                )}
                {a.kind === 'partner' && (
                  <Select id={actionId(gi, ai, 'who')} label={t('cases.plan.responsible')} value={a.partnerId} required emptyLabel={t('common.choose')} options={partnerOptions(props.partners)} onChange={(partnerId) => setAction(g.key, a.key, { partnerId })} error={byField[`goals.${gi}.actions.${ai}.responsible`]} />
                )}
                <DateField id={actionId(gi, ai, 'dueOn')} label={t('cases.plan.dueOn')} value={a.dueOn} onChange={(dueOn) => setAction(g.key, a.key, { dueOn })} required error={byField[`goals.${gi}.actions.${ai}.dueOn`]} />
                <Select id={actionId(gi, ai, 'status')} label={t('cases.plan.actionStatus')} value={a.status} options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`cases.actionStatus.${s}`) }))} onChange={(s) => setAction(g.key, a.key, { status: s as ActionStatus })} width="medium" />
                {g.actions.length > 1 && (
                  <Button variant="link" onClick={() => setGoal(g.key, { actions: g.actions.filter((x) => x.key !== a.key) })}>
                    {t('cases.plan.removeAction', { goal: gi + 1, number: ai + 1 })}
                  </Button>
                )}
              </div>
            ))}
            <div className="button-row">
              <Button id={goalId(gi, 'add-action')} onClick={() => setGoal(g.key, { actions: [...g.actions, emptyAction()] })}>
                {t('cases.plan.addAction', { number: gi + 1 })}
              </Button>
              {goals.length > 1 && (
                <Button variant="danger" onClick={() => setGoals((list) => list.filter((x) => x.key !== g.key))}>
                  {t('cases.plan.removeGoal', { number: gi + 1 })}
                </Button>
              )}
            </div>
          </fieldset>
        ))}
        <p>
          <Button onClick={() => setGoals((list) => [...list, emptyGoal()])}>{t('cases.plan.addGoal')}</Button>
        </p>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('cases.plan.save')}
          </Button>
          <Button onClick={props.onCancel}>{t('common.cancel')}</Button>
        </div>
      </form>
    </Section>
  );
}
