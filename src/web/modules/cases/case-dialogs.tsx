import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SOURCES, type ApprovalSubject, type ExitReason, type ReferralSource, type RiskLevel } from '../../../shared/cases/case-codes.ts';
import type { CaseEvent } from '../../../shared/cases/case-state-machine.ts';
import { toDisplayDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import { DateField } from '../../ui/date-field.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { teamOptions, useOrganisation, workerOptions } from '../organisation/organisation.ts';
import { checkDate, exitReasonsFrom, machineState, refusalOf, transitionBody, validateTransition, type TransitionDraft } from './case-model.ts';
import type { ApprovalView, CaseDetail, CaseView } from './case-types.ts';
import { FormDialog, riskOptions, todayText, useFormWithErrors, type FormField } from './case-ui.tsx';

/**
 * One lifecycle step. The dialog asks for what the state machine says the
 * event carries (a reason, an exit reason, a follow-up outcome) and checks it
 * with the same machine before sending; a refusal by the server (409
 * illegal_transition) is shown in words and the case reloaded.
 */
export function TransitionDialog(props: { detail: CaseDetail; event: CaseEvent; onClose: () => void; onDone: (d: CaseDetail) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const c = props.detail.case;
  const event = props.event;
  const [draft, setDraft] = useState<TransitionDraft>({ on: todayText(), reason: '', exitReason: '', exitNote: '', followUpOutcome: '' });
  const set = (patch: Partial<TransitionDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const reasonRequired = event === 'mark_not_eligible' || event === 'suspend';
  const fields: FormField[] = [
    { key: 'on', target: 'transition-on', label: t('cases.transition.on'), date: true },
    { key: 'reason', target: 'transition-reason', label: t(reasonRequired ? `cases.transition.reason_${event}` : 'cases.transition.note') },
    { key: 'exitReason', target: 'transition-exitReason', label: t('cases.fields.exitReason') },
    { key: 'followUpOutcome', target: 'transition-followUpOutcome', label: t('cases.fields.followUpOutcome') },
  ];
  const explain = (e: unknown) => {
    const refusal = refusalOf(e);
    return refusal ? t(`cases.refusal.${refusal}`) : undefined;
  };
  const { form, byField, dialogProps } = useFormWithErrors(fields, explain);
  const exitReasons = exitReasonsFrom(machineState(c));
  // After a refusal the case has moved on without us: reload it when the dialog closes.
  const close = () => (refusalOf(form.error) ? props.onStale() : props.onClose());

  return (
    <FormDialog
      id="transition-form"
      title={t(`cases.event.${event}`)}
      submitLabel={t(`cases.event.${event}`)}
      danger={event === 'mark_not_eligible' || event === 'suspend'}
      onClose={close}
      {...dialogProps}
      intro={<p>{t(`cases.eventHelp.${event}`)}</p>}
      onSubmit={() =>
        form.run(
          () => {
            const codes = validateTransition(machineState(c), event, draft);
            return Object.fromEntries(
              Object.entries(codes).map(([k, code]) => [k, code === 'graduation_review_required' ? t('cases.refusal.graduation_review_required') : t(`fieldErrors.${code}`)]),
            );
          },
          async () => {
            props.onDone(await api.post<CaseDetail>(`/api/cases/${c.id}/transitions`, transitionBody(event, c.version, draft)));
          },
          props.onStale,
        )
      }
    >
      <DateField id="transition-on" label={t('cases.transition.on')} value={draft.on} onChange={(on) => set({ on })} required error={byField['on']} />
      {event === 'exit' && (
        <>
          <Select
            id="transition-exitReason"
            label={t('cases.fields.exitReason')}
            value={draft.exitReason}
            required
            emptyLabel={t('common.choose')}
            options={exitReasons.map((r) => ({ value: r, label: t(`cases.exitReason.${r}`) }))}
            error={byField['exitReason']}
            onChange={(v) => set({ exitReason: v as ExitReason })}
            hint={c.status !== 'graduation_review' ? t('cases.transition.selfReliantHint') : undefined}
          />
          <TextField id="transition-exitNote" label={t('cases.fields.exitNote')} value={draft.exitNote} onChange={(exitNote) => set({ exitNote })} multiline maxLength={4000} />
        </>
      )}
      {event === 'close_follow_up' && (
        <TextField
          id="transition-followUpOutcome"
          label={t('cases.fields.followUpOutcome')}
          hint={t('cases.transition.followUpHint')}
          value={draft.followUpOutcome}
          onChange={(followUpOutcome) => set({ followUpOutcome })}
          required
          multiline
          maxLength={4000}
          error={byField['followUpOutcome']}
        />
      )}
      {event !== 'exit' && event !== 'close_follow_up' && (
        <TextField
          id="transition-reason"
          label={t(reasonRequired ? `cases.transition.reason_${event}` : 'cases.transition.note')}
          value={draft.reason}
          onChange={(reason) => set({ reason })}
          required={reasonRequired}
          multiline
          maxLength={2000}
          error={byField['reason']}
        />
      )}
    </FormDialog>
  );
}

/** Referral details and risk level, sent with the version the user saw. */
export function EditCaseDialog(props: { c: CaseView; onClose: () => void; onDone: (c: CaseView) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const c = props.c;
  const [source, setSource] = useState<ReferralSource>(c.referralSource);
  const [referralDate, setReferralDate] = useState(toDisplayDate(c.referralDate));
  const [note, setNote] = useState(c.referralNote ?? '');
  const [risk, setRisk] = useState<RiskLevel>(c.riskLevel);
  const fields: FormField[] = [
    { key: 'referralSource', target: 'edit-source', label: t('cases.fields.referralSource') },
    { key: 'referralDate', target: 'edit-referralDate', label: t('cases.fields.referralDate'), date: true },
    { key: 'referralNote', target: 'edit-note', label: t('cases.fields.referralNote') },
    { key: 'riskLevel', target: 'edit-risk', label: t('cases.fields.riskLevel') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="edit-case-form"
      title={t('cases.summary.editDetails')}
      submitLabel={t('common.saveChanges')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() => {
        const d = checkDate(referralDate, { required: true });
        return form.run(
          () => (d.error ? { referralDate: t(`fieldErrors.${d.error}`) } : {}),
          async () => {
            const body: Record<string, unknown> = { version: c.version };
            if (source !== c.referralSource) body['referralSource'] = source;
            if (d.iso !== c.referralDate) body['referralDate'] = d.iso;
            if ((note.trim() || null) !== (c.referralNote ?? null)) body['referralNote'] = note.trim() || null;
            if (risk !== c.riskLevel) body['riskLevel'] = risk;
            props.onDone(await api.patch<CaseView>(`/api/cases/${c.id}`, body));
          },
          props.onConflict,
        );
      }}
    >
      <Select id="edit-source" label={t('cases.fields.referralSource')} value={source} required options={REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`cases.source.${s}`) }))} onChange={(v) => setSource(v as ReferralSource)} error={byField['referralSource']} />
      <DateField id="edit-referralDate" label={t('cases.fields.referralDate')} value={referralDate} onChange={setReferralDate} required error={byField['referralDate']} />
      <TextField id="edit-note" label={t('cases.fields.referralNote')} value={note} onChange={setNote} multiline maxLength={4000} error={byField['referralNote']} />
      <RadioGroup id="edit-risk" legend={t('cases.fields.riskLevel')} hint={t('cases.riskHint')} value={risk} onChange={setRisk} options={riskOptions(t)} inline error={byField['riskLevel']} />
    </FormDialog>
  );
}

/** A risk review: the date, the risk level found and what was found; the next review date follows from it. */
export function ReviewDialog(props: { c: CaseView; onClose: () => void; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const [on, setOn] = useState(todayText());
  const [risk, setRisk] = useState<RiskLevel>(props.c.riskLevel);
  const [summary, setSummary] = useState('');
  const fields: FormField[] = [
    { key: 'reviewedOn', target: 'review-on', label: t('cases.review.reviewedOn'), date: true },
    { key: 'riskLevel', target: 'review-risk', label: t('cases.review.riskFound') },
    { key: 'summary', target: 'review-summary', label: t('cases.review.summary') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="review-form"
      title={t('cases.review.record')}
      submitLabel={t('cases.review.save')}
      onClose={props.onClose}
      {...dialogProps}
      intro={<p>{t('cases.review.intro')}</p>}
      onSubmit={() => {
        const d = checkDate(on, { required: true });
        return form.run(
          () => ({
            ...(d.error ? { reviewedOn: t(`fieldErrors.${d.error}`) } : {}),
            ...(summary.trim() ? {} : { summary: t('fieldErrors.required') }),
          }),
          async () => {
            await api.post<CaseView>(`/api/cases/${props.c.id}/reviews`, { version: props.c.version, reviewedOn: d.iso, riskLevel: risk, summary: summary.trim() });
            props.onDone();
          },
          props.onConflict,
        );
      }}
    >
      <DateField id="review-on" label={t('cases.review.reviewedOn')} value={on} onChange={setOn} required error={byField['reviewedOn']} />
      <RadioGroup id="review-risk" legend={t('cases.review.riskFound')} hint={t('cases.riskHint')} value={risk} onChange={setRisk} options={riskOptions(t)} inline required error={byField['riskLevel']} />
      <TextField id="review-summary" label={t('cases.review.summary')} value={summary} onChange={setSummary} required multiline rows={4} maxLength={4000} error={byField['summary']} />
    </FormDialog>
  );
}

/** A supervisor gives the case to another worker (and team). */
export function AssignDialog(props: { c: CaseView; onClose: () => void; onDone: (c: CaseView) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const org = useOrganisation();
  const c = props.c;
  const [worker, setWorker] = useState(c.assignedWorkerId ?? '');
  const [team, setTeam] = useState(c.teamId ?? '');
  const [reason, setReason] = useState('');
  const fields: FormField[] = [
    { key: 'assignedWorkerId', target: 'assign-worker', label: t('common.assignedWorker') },
    { key: 'teamId', target: 'assign-team', label: t('common.team') },
    { key: 'reason', target: 'assign-reason', label: t('cases.assign.reason') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="assign-form"
      title={t('cases.assign.title')}
      submitLabel={t('cases.assign.save')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() =>
        form.run(
          () => ({}),
          async () => {
            props.onDone(await api.post<CaseView>(`/api/cases/${c.id}/assign`, { version: c.version, assignedWorkerId: worker || null, teamId: team || null, reason: reason.trim() || null }));
          },
          props.onConflict,
        )
      }
    >
      <Select id="assign-worker" label={t('common.assignedWorker')} value={worker} emptyLabel={t('common.unassigned')} options={workerOptions(org.data, c.branchId, c.assignedWorkerId)} onChange={setWorker} error={byField['assignedWorkerId']} />
      <Select id="assign-team" label={t('common.team')} value={team} emptyLabel={t('common.noTeam')} options={teamOptions(org.data, c.branchId)} onChange={setTeam} error={byField['teamId']} />
      <TextField id="assign-reason" label={t('cases.assign.reason')} value={reason} onChange={setReason} multiline maxLength={500} error={byField['reason']} />
    </FormDialog>
  );
}

/** Asks a supervisor to approve the case's closure (plans are submitted from the plan). */
export function RequestApprovalDialog(props: { caseId: string; subject: ApprovalSubject; subjectId?: string | null; onClose: () => void; onDone: (a: ApprovalView) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const fields: FormField[] = [{ key: 'note', target: 'request-note', label: t('cases.approvals.requestNote') }];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="request-approval-form"
      title={t(`cases.approvals.requestTitle_${props.subject}`)}
      submitLabel={t('cases.approvals.send')}
      onClose={props.onClose}
      {...dialogProps}
      intro={<p>{t(`cases.approvals.requestIntro_${props.subject}`)}</p>}
      onSubmit={() =>
        form.run(
          () => ({}),
          async () => {
            props.onDone(await api.post<ApprovalView>(`/api/cases/${props.caseId}/approvals`, { subjectType: props.subject, subjectId: props.subjectId ?? null, note: note.trim() || null }));
          },
        )
      }
    >
      <TextField id="request-note" label={t('cases.approvals.requestNote')} value={note} onChange={setNote} multiline maxLength={2000} error={byField['note']} />
    </FormDialog>
  );
}

/** A supervisor's decision on a request: approve (a comment may be added) or reject (a comment is required; it goes back to the worker). */
export function DecisionDialog(props: { caseId: string; approval: ApprovalView; decision: 'approve' | 'reject'; onClose: () => void; onDone: () => void; onStale: () => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const reject = props.decision === 'reject';
  const fields: FormField[] = [{ key: 'comment', target: 'decision-comment', label: t('cases.approvals.commentLabel') }];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  const subject = t(`cases.approvalSubject.${props.approval.subjectType}`);
  return (
    <FormDialog
      id="decision-form"
      title={reject ? t('cases.approvals.rejectTitle', { subject }) : t('cases.approvals.approveTitle', { subject })}
      submitLabel={reject ? t('cases.approvals.reject') : t('cases.approvals.approve')}
      danger={reject}
      onClose={props.onClose}
      {...dialogProps}
      intro={<p>{reject ? t('cases.approvals.rejectIntro') : t(`cases.approvals.approveIntro_${props.approval.subjectType}`)}</p>}
      onSubmit={() =>
        form.run(
          () => (reject && !comment.trim() ? { comment: t('cases.approvals.commentRequired') } : {}),
          async () => {
            await api.post(`/api/cases/${props.caseId}/approvals/${props.approval.id}/decision`, { decision: props.decision, version: props.approval.version, comment: comment.trim() || null });
            props.onDone();
          },
          props.onStale,
        )
      }
    >
      <TextField id="decision-comment" label={t('cases.approvals.commentLabel')} value={comment} onChange={setComment} required={reject} multiline maxLength={2000} error={byField['comment']} />
    </FormDialog>
  );
}

/** Withdrawing one's own request that is still waiting. */
export function WithdrawDialog(props: { caseId: string; approval: ApprovalView; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  return (
    <Dialog
      open
      title={t('cases.approvals.withdrawTitle')}
      onClose={props.onClose}
      actions={
        <>
          <Button
            variant="danger"
            busy={busy}
            onClick={() => {
              setBusy(true);
              setError(undefined);
              api
                .post(`/api/cases/${props.caseId}/approvals/${props.approval.id}/withdraw`, { version: props.approval.version })
                .then(props.onDone, (e: unknown) => setError(e))
                .finally(() => setBusy(false));
            }}
          >
            {t('cases.approvals.withdraw')}
          </Button>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <ErrorSummary message={error !== undefined ? errorText(t, error) : undefined} items={[]} />
      <p>{t('cases.approvals.withdrawText', { subject: t(`cases.approvalSubject.${props.approval.subjectType}`) })}</p>
    </Dialog>
  );
}

