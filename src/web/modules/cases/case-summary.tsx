import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApprovalSubject } from '../../../shared/cases/case-codes.ts';
import type { CaseEvent } from '../../../shared/cases/case-state-machine.ts';
import { formatDate, formatDateTime } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { Details } from '../../ui/details.tsx';
import { LoadedList } from '../../ui/loaded-list.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { useToast } from '../../ui/toast.tsx';
import { branchName, teamName, useOrganisation } from '../organisation/organisation.ts';
import { AssignDialog, DecisionDialog, EditCaseDialog, RequestApprovalDialog, ReviewDialog, TransitionDialog, WithdrawDialog } from './case-dialogs.tsx';
import { blockedActions, CLOSURE_REQUESTABLE, offeredActions, OPEN_STATUSES } from './case-model.ts';
import type { CaseTabProps } from './case-page.tsx';
import type { ApprovalView, ReviewView } from './case-types.ts';
import { OverdueBadge, Section, StatusBadge } from './case-ui.tsx';

/** The summary of a case: where it stands and what can happen next, risk and reviews, who works on it, approvals and history. */
export function CaseSummary({ detail, onChange, reload }: CaseTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const org = useOrganisation();
  const toast = useToast();
  const c = detail.case;
  const approvals = useResource((signal) => api.get<ApprovalView[]>(`/api/cases/${c.id}/approvals`, { signal }), [c.id, c.version]);
  const reviews = useResource((signal) => api.get<ReviewView[]>(`/api/cases/${c.id}/reviews`, { signal }), [c.id, c.version]);
  const [event, setEvent] = useState<CaseEvent | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'review' | 'assign' | null>(null);
  const [requesting, setRequesting] = useState<ApprovalSubject | null>(null);
  const [deciding, setDeciding] = useState<{ approval: ApprovalView; decision: 'approve' | 'reject' } | null>(null);
  const [withdrawing, setWithdrawing] = useState<ApprovalView | null>(null);

  const mayUpdate = can(user, 'case.update');
  const offered = mayUpdate ? offeredActions(c, detail.actions) : [];
  const blocked = mayUpdate ? blockedActions(c, detail.actions) : [];
  const pending = (subject: ApprovalSubject) => (approvals.data ?? []).some((a) => a.subjectType === subject && a.status === 'pending' && a.episode === c.episode);
  const closureApproved = (approvals.data ?? []).some((a) => a.subjectType === 'closure' && a.status === 'approved' && a.episode === c.episode);
  const date = (d: string | null | undefined) => (d ? formatDate(locale, d) : '');
  const conflict = () => {
    toast.show(t('common.changedMeanwhile'), 'error');
    reload();
  };

  const rows: [string, ReactNode][] = [
    [t('cases.fields.status'), <StatusBadge key="s" status={c.status} />],
  ];
  if (c.status === 'suspended' && c.suspendedFrom) rows.push([t('cases.fields.suspendedFrom'), t(`cases.status.${c.suspendedFrom}`)]);
  if ('statusReason' in c && c.statusReason) rows.push([t('cases.fields.statusReason'), c.statusReason]);
  rows.push([t('cases.fields.referralSource'), t(`cases.source.${c.referralSource}`)]);
  rows.push([t('cases.fields.referralDate'), date(c.referralDate)]);
  if ('referralNote' in c) rows.push([t('cases.fields.referralNote'), c.referralNote ?? '']);
  rows.push([t('cases.fields.openedOn'), date(c.openedOn)]);
  rows.push([t('cases.fields.enrolledOn'), date(c.enrolledOn)]);
  rows.push([t('cases.fields.planApprovedOn'), date(c.planApprovedOn)]);
  if (c.exitedOn) {
    rows.push([t('cases.fields.exitedOn'), date(c.exitedOn)]);
    if (c.exitReason) rows.push([t('cases.fields.exitReason'), t(`cases.exitReason.${c.exitReason}`)]);
    if ('exitNote' in c && c.exitNote) rows.push([t('cases.fields.exitNote'), c.exitNote]);
    rows.push([t('cases.fields.followUpOn'), date(c.followUpOn)]);
    if (c.followUpOutcome) rows.push([t('cases.fields.followUpOutcome'), c.followUpOutcome]);
  }

  return (
    <>
      <Section
        id="case-status"
        title={t('cases.summary.statusTitle')}
        actions={mayUpdate && c.status !== 'follow_up_closed' && c.status !== 'not_eligible' && <Button onClick={() => setDialog('edit')}>{t('cases.summary.editDetails')}</Button>}
      >
        <Details rows={rows} />
        {offered.length > 0 && (
          <div className="case-actions" role="group" aria-label={t('cases.summary.nextSteps')}>
            <h3 className="case-actions-title">{t('cases.summary.nextSteps')}</h3>
            <ul className="action-list">
              {offered.map((a) => (
                <li key={a.event}>
                  <Button variant={a.event === 'suspend' || a.event === 'mark_not_eligible' ? 'secondary' : 'primary'} onClick={() => setEvent(a.event)}>
                    {t(`cases.event.${a.event}`)}
                  </Button>
                  <span className="muted action-help">{t(`cases.eventHelp.${a.event}`)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {blocked.length > 0 && (
          <ul className="blocked-list">
            {blocked.map((a) => (
              <li key={a.event}>
                {t('cases.summary.blocked', { action: t(`cases.event.${a.event}`), reason: t(`cases.refusal.${a.refusal!}`) })}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section
        id="case-risk"
        title={t('cases.summary.riskTitle')}
        actions={mayUpdate && OPEN_STATUSES.includes(c.status) && <Button onClick={() => setDialog('review')}>{t('cases.review.record')}</Button>}
      >
        <Details
          rows={[
            [t('cases.fields.riskLevel'), t(`cases.risk.${c.riskLevel}`)],
            [t('cases.fields.lastReviewedOn'), date(c.lastReviewedOn)],
            [
              t('cases.fields.nextReviewOn'),
              c.nextReviewOn ? (
                <>
                  <span className="nowrap">{date(c.nextReviewOn)}</span> {c.reviewOverdue && <OverdueBadge />}
                </>
              ) : (
                <span className="muted">{t('cases.summary.noReviewDue')}</span>
              ),
            ],
          ]}
        />
        <h3 className="subheading">{t('cases.review.listTitle')}</h3>
        <LoadedList resource={reviews} count={(reviews.data ?? []).length} emptyText={t('cases.review.none')}>
          <RowsTable caption={t('cases.review.listTitle')} columns={[t('cases.review.reviewedOn'), t('cases.review.risk'), t('cases.review.summary'), t('cases.review.by')]}>
            {(reviews.data ?? []).map((r) => (
              <tr key={r.id}>
                <th scope="row" data-label={t('cases.review.reviewedOn')}>{date(r.reviewedOn)}</th>
                <td data-label={t('cases.review.risk')}>{t('cases.review.riskChange', { from: t(`cases.risk.${r.riskBefore}`), to: t(`cases.risk.${r.riskAfter}`) })}</td>
                <td data-label={t('cases.review.summary')} className="pre-line">{r.summary ?? ''}</td>
                <td data-label={t('cases.review.by')}>{r.reviewedByName ?? ''}</td>
              </tr>
            ))}
          </RowsTable>
        </LoadedList>
      </Section>

      <Section
        id="case-assignment"
        title={t('cases.summary.assignmentTitle')}
        actions={can(user, 'case.assign') && <Button onClick={() => setDialog('assign')}>{t('cases.assign.button')}</Button>}
      >
        <Details
          rows={[
            [t('common.assignedWorker'), c.assignedWorkerName ?? (c.assignedWorkerId ? t('common.anotherWorker') : t('common.unassigned'))],
            [t('common.team'), teamName(org.data, c.teamId)],
            [t('common.branch'), branchName(org.data, locale, c.branchId)],
          ]}
        />
      </Section>

      <Section
        id="case-approvals"
        title={t('cases.approvals.title')}
        actions={
          mayUpdate && (
            <>
              {c.status === 'assessed' && !pending('plan') && can(user, 'casework.write') && (
                <Link to={`/cases/${c.id}/plan`} className="button button--secondary">
                  {t('cases.approvals.toPlan')}
                </Link>
              )}
              {CLOSURE_REQUESTABLE.includes(c.status) && !pending('closure') && !closureApproved && approvals.data && (
                <Button onClick={() => setRequesting('closure')}>{t('cases.approvals.requestClosure')}</Button>
              )}
            </>
          )
        }
      >
        <LoadedList resource={approvals} count={(approvals.data ?? []).length} emptyText={t('cases.approvals.none')}>
          <ul className="approval-list">
            {(approvals.data ?? []).map((a) => (
              <li key={a.id} className={`approval approval--${a.status}`}>
                <p className="approval-head">
                  <strong>{t(`cases.approvalSubject.${a.subjectType}`)}</strong>
                  <span className={`badge ${a.status === 'approved' ? 'badge--ok' : a.status === 'pending' || a.status === 'rejected' ? 'badge--warning' : ''}`}>
                    {t(`cases.approvalStatus.${a.status}`)}
                  </span>
                  {a.episode !== c.episode && <span className="badge">{t('cases.episode', { episode: a.episode })}</span>}
                </p>
                <p className="muted">
                  {a.requestedByName
                    ? t('cases.approvals.requested', { name: a.requestedByName, when: formatDateTime(locale, a.requestedAt) })
                    : t('cases.approvals.requestedOn', { when: formatDateTime(locale, a.requestedAt) })}
                  {a.decidedAt && (
                    <>
                      {' · '}
                      {a.decidedByName
                        ? t('cases.approvals.decided', { name: a.decidedByName, when: formatDateTime(locale, a.decidedAt) })
                        : t('cases.approvals.decidedOn', { when: formatDateTime(locale, a.decidedAt) })}
                    </>
                  )}
                </p>
                {a.requestNote && <p className="pre-line">{t('cases.approvals.note', { note: a.requestNote })}</p>}
                {a.decisionComment && <p className="pre-line">{t('cases.approvals.comment', { comment: a.decisionComment })}</p>}
                {a.status === 'pending' && (
                  <div className="button-row">
                    {can(user, 'case.approve') && a.requestedBy !== user.id && a.episode === c.episode && (
                      <>
                        <Button variant="primary" onClick={() => setDeciding({ approval: a, decision: 'approve' })}>
                          {t('cases.approvals.approve')}
                          <span className="visually-hidden"> — {t(`cases.approvalSubject.${a.subjectType}`)}</span>
                        </Button>
                        <Button variant="danger" onClick={() => setDeciding({ approval: a, decision: 'reject' })}>
                          {t('cases.approvals.reject')}
                          <span className="visually-hidden"> — {t(`cases.approvalSubject.${a.subjectType}`)}</span>
                        </Button>
                      </>
                    )}
                    {a.requestedBy === user.id && mayUpdate && (
                      <Button onClick={() => setWithdrawing(a)}>
                        {t('cases.approvals.withdraw')}
                        <span className="visually-hidden"> — {t(`cases.approvalSubject.${a.subjectType}`)}</span>
                      </Button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </LoadedList>
      </Section>

      <Section id="case-history" title={t('cases.history.title')}>
        <RowsTable caption={t('cases.history.title')} columns={[t('cases.history.on'), t('cases.history.change'), t('cases.history.reason'), t('cases.history.by')]}>
          {detail.history.map((h) => (
            <tr key={h.id}>
              <th scope="row" data-label={t('cases.history.on')}>{date(h.effectiveOn)}</th>
              <td data-label={t('cases.history.change')}>
                {t(`cases.event.${h.event}`, { defaultValue: h.event })}
                <span className="cell-secondary">
                  {h.from ? t('cases.history.fromTo', { from: t(`cases.status.${h.from}`), to: t(`cases.status.${h.to}`) }) : t(`cases.status.${h.to}`)}
                </span>
              </td>
              <td data-label={t('cases.history.reason')} className="pre-line">{h.reason ?? ''}</td>
              <td data-label={t('cases.history.by')}>{h.changedByName ?? ''}</td>
            </tr>
          ))}
        </RowsTable>
      </Section>

      {event && (
        <TransitionDialog
          key={event}
          detail={detail}
          event={event}
          onClose={() => setEvent(null)}
          onDone={(next) => {
            setEvent(null);
            onChange(next);
            toast.show(t('cases.transitionDone', { status: t(`cases.status.${next.case.status}`) }));
          }}
          onStale={() => {
            setEvent(null);
            reload();
          }}
        />
      )}
      {dialog === 'edit' && (
        <EditCaseDialog
          c={c}
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            setDialog(null);
            onChange({ ...detail, case: updated });
            toast.show(t('common.saved'));
          }}
          onConflict={() => {
            setDialog(null);
            conflict();
          }}
        />
      )}
      {dialog === 'review' && (
        <ReviewDialog
          c={c}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            reload();
            toast.show(t('cases.review.recorded'));
          }}
          onConflict={() => {
            setDialog(null);
            conflict();
          }}
        />
      )}
      {dialog === 'assign' && (
        <AssignDialog
          c={c}
          onClose={() => setDialog(null)}
          onDone={(updated) => {
            setDialog(null);
            onChange({ ...detail, case: updated });
            toast.show(t('cases.assign.done'));
          }}
          onConflict={() => {
            setDialog(null);
            conflict();
          }}
        />
      )}
      {requesting && (
        <RequestApprovalDialog
          caseId={c.id}
          subject={requesting}
          onClose={() => setRequesting(null)}
          onDone={() => {
            setRequesting(null);
            approvals.reload();
            toast.show(t('cases.approvals.requestedToast'));
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
            reload();
            approvals.reload();
            toast.show(approved ? t('cases.approvals.approvedToast') : t('cases.approvals.rejectedToast'));
          }}
          onStale={() => {
            setDeciding(null);
            approvals.reload();
            conflict();
          }}
        />
      )}
      {withdrawing && (
        <WithdrawDialog
          caseId={c.id}
          approval={withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            approvals.reload();
            toast.show(t('cases.approvals.withdrawnToast'));
          }}
        />
      )}
    </>
  );
}

