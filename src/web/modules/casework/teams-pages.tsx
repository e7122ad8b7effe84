import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { MEETING_KINDS, TASK_STATUSES, type MeetingKind, type TaskStatus } from '../../../shared/casework/codes.ts';
import { formatDate, formatNumber } from '../../../shared/i18n/format.ts';
import { formatUzPhone, parseUzPhone } from '../../../shared/validation/phone.ts';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { RecordLoadFailed } from '../../shell/status-pages.tsx';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { LoadedList } from '../../ui/loaded-list.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { RadioGroup } from '../../ui/radio-group.tsx';
import { Select } from '../../ui/select.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { branchName, useOrganisation } from '../organisation/organisation.ts';
import { partnerOptions, usePartners } from '../cases/case-data.ts';
import { checkDate } from '../cases/case-model.ts';
import type { CaseView } from '../cases/case-types.ts';
import { formErrors, FormDialog, isVersionConflict, Section, StatusBadge, todayText, useFormState, useFormWithErrors, type FormField } from '../cases/case-ui.tsx';
import type { MeetingSummary, MeetingView, TeamDetail, TeamMember, TeamView } from './casework-types.ts';

/** The interagency mahalla teams the user works with. */
export function TeamsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const org = useOrganisation();
  const teams = useResource((signal) => api.get<{ items: TeamView[] }>('/api/teams', { signal }), []);
  return (
    <>
      <PageHeader title={t('cases.teams.title')} subtitle={t('cases.teams.intro')} />
      {teams.error !== undefined && <ErrorSummary message={errorText(t, teams.error)} items={[]} />}
      {teams.loading && !teams.data && <Loading />}
      {teams.data && teams.data.items.length === 0 && <p className="muted">{t('cases.teams.none')}</p>}
      <ul className="tile-list">
        {(teams.data?.items ?? []).map((team) => (
          <li key={team.id} className="tile">
            <Link to={`/teams/${team.id}`} className="tile-link">
              {team.name}
            </Link>
            <p className="muted">
              {branchName(org.data, locale, team.branchId)} · {t('cases.teams.activeMembers', { count: team.activeMembers, n: formatNumber(locale, team.activeMembers) })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** A team: its members (present and past) and its meetings and case conferences. */
export function TeamPage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const detail = useResource((signal) => api.get<TeamDetail>(`/api/teams/${teamId}`, { signal }), [teamId]);
  const meetings = useResource((signal) => api.get<{ items: MeetingSummary[] }>(`/api/teams/${teamId}/meetings`, { signal }), [teamId]);
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<TeamMember | null>(null);
  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error !== undefined || !detail.data) return <RecordLoadFailed error={detail.error} />;
  const { team, members } = detail.data;
  const mayManage = can(user, 'mahalla_team.manage');
  const current = members.filter((m) => !m.leftOn);
  const past = members.filter((m) => m.leftOn);

  return (
    <>
      <PageHeader
        title={team.name}
        breadcrumbs={<Breadcrumbs items={[{ to: '/teams', label: t('cases.nav.teams') }]} />}
        actions={
          can(user, 'casework.write') && (
            <Link to={`/teams/${team.id}/meetings/new`} className="button button--primary">
              {t('cases.teams.recordMeeting')}
            </Link>
          )
        }
      />
      <Section id="team-members" title={t('cases.teams.members')} actions={mayManage && <Button onClick={() => setAdding(true)}>{t('cases.teams.addMember')}</Button>}>
        {current.length === 0 ? (
          <p className="muted">{t('cases.teams.noMembers')}</p>
        ) : (
          <RowsTable caption={t('cases.teams.members')} columns={[t('cases.teams.memberName'), t('cases.teams.organisation'), t('cases.teams.contact'), t('cases.teams.joinedOn')]} actions={mayManage}>
            {current.map((m) => (
              <tr key={m.id}>
                <th scope="row" data-label={t('cases.teams.memberName')}>
                  {m.name ?? <span className="muted">{t('cases.textHidden')}</span>}
                  {m.position && <span className="cell-secondary">{m.position}</span>}
                  {m.userId && <span className="badge">{t('cases.teams.hasAccount')}</span>}
                </th>
                <td data-label={t('cases.teams.organisation')}>{m.partnerName ?? ''}</td>
                <td data-label={t('cases.teams.contact')}>
                  {m.phone && <a href={`tel:${m.phone}`}>{formatUzPhone(m.phone)}</a>}
                  {m.email && <span className="cell-secondary">{m.email}</span>}
                </td>
                <td data-label={t('cases.teams.joinedOn')}>{formatDate(locale, m.joinedOn)}</td>
                {mayManage && (
                  <td data-label={t('common.actions')}>
                    <Button variant="link" onClick={() => setLeaving(m)}>
                      {t('cases.teams.leave')}
                      <span className="visually-hidden"> — {m.name ?? ''}</span>
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </RowsTable>
        )}
        {past.length > 0 && (
          <details className="past-members">
            <summary>{t('cases.teams.pastMembers', { count: past.length })}</summary>
            <ul className="plain-list">
              {past.map((m) => (
                <li key={m.id}>
                  {m.name ?? ''} {m.partnerName ? `(${m.partnerName})` : ''} — {t('cases.teams.leftOn', { date: formatDate(locale, m.leftOn) })}
                </li>
              ))}
            </ul>
          </details>
        )}
      </Section>

      <Section id="team-meetings" title={t('cases.teams.meetings')}>
        <LoadedList resource={meetings} count={(meetings.data?.items ?? []).length} emptyText={t('cases.teams.noMeetings')}>
          <RowsTable caption={t('cases.teams.meetings')} columns={[t('cases.teams.heldOn'), t('cases.teams.place'), { label: t('cases.teams.casesDiscussed'), num: true }, { label: t('cases.teams.openTasks'), num: true }]}>
            {(meetings.data?.items ?? []).map((m) => (
              <tr key={m.id}>
                <th scope="row" data-label={t('cases.teams.heldOn')}>
                  <Link to={`/teams/${team.id}/meetings/${m.id}`}>{t('cases.teams.meetingLink', { kind: t(`cases.meetingKind.${m.kind}`), date: formatDate(locale, m.heldOn) })}</Link>
                </th>
                <td data-label={t('cases.teams.place')}>{m.place ?? ''}</td>
                <td data-label={t('cases.teams.casesDiscussed')} className="num">{formatNumber(locale, m.cases)}</td>
                <td data-label={t('cases.teams.openTasks')} className="num">{formatNumber(locale, m.openTasks)}</td>
              </tr>
            ))}
          </RowsTable>
        </LoadedList>
      </Section>

      {adding && (
        <MemberDialog
          teamId={team.id}
          onClose={() => setAdding(false)}
          onDone={(d) => {
            setAdding(false);
            detail.setData(d);
            toast.show(t('cases.teams.memberAdded'));
          }}
        />
      )}
      {leaving && (
        <LeaveDialog
          teamId={team.id}
          member={leaving}
          onClose={() => setLeaving(null)}
          onDone={(d) => {
            setLeaving(null);
            detail.setData(d);
            toast.show(t('cases.teams.memberLeft'));
          }}
          onConflict={() => {
            setLeaving(null);
            toast.show(t('common.changedMeanwhile'), 'error');
            detail.reload();
          }}
        />
      )}
    </>
  );
}

function MemberDialog(props: { teamId: string; onClose: () => void; onDone: (d: TeamDetail) => void }) {
  const { t } = useTranslation();
  const partners = usePartners();
  const [name, setName] = useState('');
  const [position, setPosition] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [phone, setPhone] = useState('');
  const [joinedOn, setJoinedOn] = useState(todayText());
  const fields: FormField[] = [
    { key: 'name', target: 'member-name', label: t('cases.teams.memberName') },
    { key: 'position', target: 'member-position', label: t('cases.teams.position') },
    { key: 'partnerId', target: 'member-partner', label: t('cases.teams.organisation') },
    { key: 'phone', target: 'member-phone', label: t('cases.partners.phone') },
    { key: 'joinedOn', target: 'member-joined', label: t('cases.teams.joinedOn'), date: true },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="member-form"
      title={t('cases.teams.addMember')}
      submitLabel={t('cases.teams.addMember')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() => {
        const d = checkDate(joinedOn, { required: true });
        return form.run(
          () => ({
            ...(name.trim() ? {} : { name: t('fieldErrors.required') }),
            ...(phone.trim() && !parseUzPhone(phone) ? { phone: t('fieldErrors.invalid_phone') } : {}),
            ...(d.error ? { joinedOn: t(`fieldErrors.${d.error}`) } : {}),
          }),
          async () => {
            props.onDone(await api.post<TeamDetail>(`/api/teams/${props.teamId}/members`, { name: name.trim(), position: position.trim() || null, partnerId: partnerId || null, phone: phone.trim() || null, joinedOn: d.iso }));
          },
        );
      }}
    >
      <TextField id="member-name" label={t('cases.teams.memberName')} value={name} onChange={setName} required maxLength={160} error={byField['name']} />
      <TextField id="member-position" label={t('cases.teams.position')} value={position} onChange={setPosition} maxLength={160} error={byField['position']} />
      <Select id="member-partner" label={t('cases.teams.organisation')} value={partnerId} emptyLabel={t('common.choose')} options={partnerOptions(partners.data)} onChange={setPartnerId} error={byField['partnerId']} />
      <TextField id="member-phone" label={t('cases.partners.phone')} hint={t('common.phoneHint')} type="tel" inputMode="tel" value={phone} onChange={setPhone} width="medium" maxLength={30} error={byField['phone']} />
      <DateField id="member-joined" label={t('cases.teams.joinedOn')} value={joinedOn} onChange={setJoinedOn} required error={byField['joinedOn']} />
    </FormDialog>
  );
}

function LeaveDialog(props: { teamId: string; member: TeamMember; onClose: () => void; onDone: (d: TeamDetail) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const [leftOn, setLeftOn] = useState(todayText());
  const fields: FormField[] = [{ key: 'leftOn', target: 'leave-on', label: t('cases.teams.leftOnLabel'), date: true }];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="leave-form"
      title={t('cases.teams.leaveTitle', { name: props.member.name ?? '' })}
      submitLabel={t('cases.teams.leave')}
      danger
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() => {
        const d = checkDate(leftOn, { required: true });
        return form.run(
          () => (d.error ? { leftOn: t(`fieldErrors.${d.error}`) } : {}),
          async () => {
            props.onDone(await api.patch<TeamDetail>(`/api/teams/${props.teamId}/members/${props.member.id}`, { version: props.member.version, leftOn: d.iso }));
          },
          props.onConflict,
        );
      }}
    >
      <DateField id="leave-on" label={t('cases.teams.leftOnLabel')} value={leftOn} onChange={setLeftOn} required error={byField['leftOn']} />
    </FormDialog>
  );
}

/** One meeting or case conference: who came, the cases discussed and what was decided, and the follow-up tasks. */
export function MeetingPage() {
  const { teamId = '', meetingId = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const meeting = useResource((signal) => api.get<MeetingView>(`/api/teams/${teamId}/meetings/${meetingId}`, { signal }), [teamId, meetingId]);
  const team = useResource((signal) => api.get<TeamDetail>(`/api/teams/${teamId}`, { signal }), [teamId]);
  const [taskError, setTaskError] = useState<unknown>(undefined);
  if (meeting.loading && !meeting.data) return <Loading />;
  if (meeting.error !== undefined || !meeting.data) return <RecordLoadFailed error={meeting.error} />;
  const m = meeting.data;
  const mayWrite = can(user, 'casework.write');
  const title = t('cases.teams.meetingLink', { kind: t(`cases.meetingKind.${m.kind}`), date: formatDate(locale, m.heldOn) });

  async function setStatus(taskId: string, status: TaskStatus) {
    setTaskError(undefined);
    try {
      meeting.setData(await api.patch<MeetingView>(`/api/teams/${teamId}/meetings/${meetingId}/tasks/${taskId}`, { version: m.version, status }));
      toast.show(t('cases.teams.taskUpdated'));
    } catch (e) {
      if (isVersionConflict(e)) {
        toast.show(t('common.changedMeanwhile'), 'error');
        meeting.reload();
      } else setTaskError(e);
    }
  }

  return (
    <>
      <PageHeader
        title={title}
        subtitle={m.place}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: '/teams', label: t('cases.nav.teams') },
              { to: `/teams/${teamId}`, label: team.data?.team.name ?? t('cases.teams.team') },
            ]}
          />
        }
      />
      {m.summary && (
        <Section id="meeting-summary" title={t('cases.teams.summary')}>
          <p className="pre-line">{m.summary}</p>
        </Section>
      )}
      <Section id="meeting-attendees" title={t('cases.teams.attendees', { count: m.attendees.length })}>
        {m.attendees.length === 0 ? (
          <p className="muted">{t('cases.teams.noAttendees')}</p>
        ) : (
          <ul className="plain-list">
            {m.attendees.map((a, i) => (
              <li key={`${a.memberId ?? 'guest'}-${i}`}>
                {a.name ?? ''}
                {a.organisationName ? ` — ${a.organisationName}` : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="meeting-cases" title={t('cases.teams.casesDiscussed')}>
        {m.cases.length === 0 ? (
          <p className="muted">{t('cases.teams.noCases')}</p>
        ) : (
          <ul className="entry-list">
            {m.cases.map((c) => (
              <li className="entry" key={c.caseId}>
                <h3 className="entry-title">
                  <Link to={`/cases/${c.caseId}`}>{c.householdName ? `${c.caseNumber} · ${c.householdName}` : c.caseNumber}</Link>
                </h3>
                {c.decision && <p className="pre-line">{t('cases.teams.decision', { decision: c.decision })}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="meeting-tasks" title={t('cases.teams.tasks')}>
        {taskError !== undefined && <ErrorSummary message={errorText(t, taskError)} items={[]} />}
        {m.tasks.length === 0 ? (
          <p className="muted">{t('cases.teams.noTasks')}</p>
        ) : (
          <RowsTable caption={t('cases.teams.tasks')} columns={[t('cases.teams.task'), t('cases.teams.responsible'), t('cases.teams.dueOn'), t('cases.teams.taskStatus')]}>
            {m.tasks.map((task, i) => (
              <tr key={task.id}>
                <th scope="row" data-label={t('cases.teams.task')}>
                  {task.text ?? <span className="muted">{t('cases.textHidden')}</span>}
                  {task.caseId && (
                    <span className="cell-secondary">
                      <Link to={`/cases/${task.caseId}`}>{m.cases.find((c) => c.caseId === task.caseId)?.caseNumber ?? t('cases.teams.case')}</Link>
                    </span>
                  )}
                </th>
                <td data-label={t('cases.teams.responsible')}>{task.responsibleName ?? ''}</td>
                <td data-label={t('cases.teams.dueOn')}>{formatDate(locale, task.dueOn)}</td>
                <td data-label={t('cases.teams.taskStatus')}>
                  {mayWrite ? (
                    <Select
                      id={`task-status-${i}`}
                      label={<span className="visually-hidden">{t('cases.teams.taskStatusOf', { task: task.text ?? '' })}</span>}
                      value={task.status}
                      options={TASK_STATUSES.map((s) => ({ value: s, label: t(`cases.taskStatus.${s}`) }))}
                      onChange={(s) => void setStatus(task.id, s as TaskStatus)}
                      className="field--inline"
                    />
                  ) : (
                    t(`cases.taskStatus.${task.status}`)
                  )}
                  {task.doneOn && <span className="cell-secondary">{formatDate(locale, task.doneOn)}</span>}
                </td>
              </tr>
            ))}
          </RowsTable>
        )}
      </Section>
    </>
  );
}

interface TaskDraft {
  key: number;
  text: string;
  memberId: string;
  name: string;
  dueOn: string;
  caseId: string;
}

let taskKey = 1;
const emptyTask = (): TaskDraft => ({ key: taskKey++, text: '', memberId: '', name: '', dueOn: '', caseId: '' });

/** Recording a meeting: attendees from the team (and guests), the team's cases discussed with decisions, and tasks. */
export function MeetingCreatePage() {
  const { teamId = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const team = useResource((signal) => api.get<TeamDetail>(`/api/teams/${teamId}`, { signal }), [teamId]);
  const teamCases = useResource(
    (signal) => api.post<Page<CaseView>>('/api/cases/search', { teamId, sort: 'caseNumber', page: 1, pageSize: 100 }, { signal }),
    [teamId],
  );
  const [kind, setKind] = useState<MeetingKind>('case_conference');
  const [heldOn, setHeldOn] = useState(todayText());
  const [place, setPlace] = useState('');
  const [summary, setSummary] = useState('');
  const [attending, setAttending] = useState<string[]>([]);
  const [guests, setGuests] = useState('');
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const [tasks, setTasks] = useState<TaskDraft[]>([]);
  // Not useFormWithErrors: its fields need the loaded data, and no hook may follow the early returns below.
  const form = useFormState();

  if (team.loading && !team.data) return <Loading />;
  if (team.error !== undefined || !team.data) return <RecordLoadFailed error={team.error} />;
  const members = team.data.members.filter((m) => !m.leftOn);
  const discussed = Object.keys(decisions);
  const fields: FormField[] = [
    { key: 'kind', target: 'meeting-kind-input', label: t('cases.teams.kind') },
    { key: 'heldOn', target: 'meeting-heldOn', label: t('cases.teams.heldOn'), date: true },
    { key: 'place', target: 'meeting-place', label: t('cases.teams.place') },
    { key: 'attendees', target: 'meeting-guests', label: t('cases.teams.guests') },
    ...discussed.map((id, i) => ({ key: `cases.${i}.decision`, target: `meeting-decision-${id}`, label: t('cases.teams.decisionFor', { number: teamCases.data?.items.find((c) => c.id === id)?.caseNumber ?? '' }) })),
    ...tasks.flatMap((_, i) => [
      { key: `tasks.${i}.text`, target: `task-${i}-text`, label: t('cases.teams.taskField', { number: i + 1, field: t('cases.teams.task') }) },
      { key: `tasks.${i}.responsible`, target: `task-${i}-member`, label: t('cases.teams.taskField', { number: i + 1, field: t('cases.teams.responsible') }) },
      { key: `tasks.${i}.dueOn`, target: `task-${i}-dueOn`, label: t('cases.teams.taskField', { number: i + 1, field: t('cases.teams.dueOn') }), date: true },
    ]),
  ];
  const { byField, items, message } = formErrors(t, fields, form.local, form.error);
  const setTask = (key: number, patch: Partial<TaskDraft>) => setTasks((list) => list.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const d = checkDate(heldOn, { required: true });
    await form.run(
      () => {
        const out: Record<string, string> = {};
        if (d.error) out['heldOn'] = t(`fieldErrors.${d.error}`);
        if (!place.trim()) out['place'] = t('fieldErrors.required');
        discussed.forEach((id, i) => {
          if (!decisions[id]?.trim()) out[`cases.${i}.decision`] = t('fieldErrors.required');
        });
        tasks.forEach((task, i) => {
          if (!task.text.trim()) out[`tasks.${i}.text`] = t('fieldErrors.required');
          if (!task.memberId && !task.name.trim()) out[`tasks.${i}.responsible`] = t('fieldErrors.required');
          const due = checkDate(task.dueOn, { required: true, allowFuture: true });
          if (due.error) out[`tasks.${i}.dueOn`] = t(`fieldErrors.${due.error}`);
        });
        return out;
      },
      async () => {
        const guestList = guests.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
          const [name = '', ...org] = line.split(',');
          return { name: name.trim(), organisationName: org.join(',').trim() || null };
        });
        const created = await api.post<MeetingView>(`/api/teams/${teamId}/meetings`, {
          kind,
          heldOn: d.iso,
          place: place.trim(),
          summary: summary.trim() || null,
          attendees: [...attending.map((memberId) => ({ memberId })), ...guestList],
          cases: discussed.map((caseId) => ({ caseId, decision: decisions[caseId]!.trim() })),
          tasks: tasks.map((task) => ({
            caseId: task.caseId || null,
            text: task.text.trim(),
            responsible: task.memberId ? { memberId: task.memberId } : { name: task.name.trim() },
            dueOn: checkDate(task.dueOn, { allowFuture: true }).iso,
          })),
        });
        toast.show(t('cases.teams.meetingRecorded'));
        void navigate(`/teams/${teamId}/meetings/${created.id}`);
      },
    );
  }

  return (
    <>
      <PageHeader
        title={t('cases.teams.recordMeeting')}
        subtitle={team.data.team.name}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: '/teams', label: t('cases.nav.teams') },
              { to: `/teams/${teamId}`, label: team.data.team.name },
            ]}
          />
        }
      />
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary message={message} items={items} attempt={form.attempt} />
        <p className="field-hint">{t('common.requiredLegend')}</p>
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('cases.teams.meeting')}</legend>
          <RadioGroup id="meeting-kind" legend={t('cases.teams.kind')} value={kind} inline options={MEETING_KINDS.map((k) => ({ value: k, label: t(`cases.meetingKind.${k}`) }))} onChange={setKind} error={byField['kind']} />
          <DateField id="meeting-heldOn" label={t('cases.teams.heldOn')} value={heldOn} onChange={setHeldOn} required error={byField['heldOn']} />
          <TextField id="meeting-place" label={t('cases.teams.place')} value={place} onChange={setPlace} required maxLength={300} error={byField['place']} />
          <TextField id="meeting-summary" label={t('cases.teams.summary')} value={summary} onChange={setSummary} multiline rows={3} maxLength={4000} />
        </fieldset>
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('cases.teams.attendeesTitle')}</legend>
          <div className="checkbox-grid">
            {members.map((m) => (
              <Checkbox
                key={m.id}
                id={`attendee-${m.id}`}
                label={`${m.name ?? ''}${m.partnerName ? ` (${m.partnerName})` : ''}`}
                checked={attending.includes(m.id)}
                onChange={(on) => setAttending((list) => (on ? [...list, m.id] : list.filter((x) => x !== m.id)))}
              />
            ))}
          </div>
          <TextField id="meeting-guests" label={t('cases.teams.guests')} hint={t('cases.teams.guestsHint')} value={guests} onChange={setGuests} multiline maxLength={4000} error={byField['attendees']} />
        </fieldset>
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('cases.teams.casesDiscussed')}</legend>
          {teamCases.loading && !teamCases.data && <Loading />}
          {teamCases.data && teamCases.data.items.length === 0 && <p className="muted">{t('cases.teams.noTeamCases')}</p>}
          {(teamCases.data?.items ?? []).map((c) => {
            const chosen = c.id in decisions;
            return (
              <div className="case-choice case-choice--block" key={c.id}>
                <div className="case-choice-row">
                  <Checkbox
                    id={`discuss-${c.id}`}
                    label={c.householdName ? `${c.caseNumber} · ${c.householdName}` : c.caseNumber}
                    checked={chosen}
                    onChange={(on) =>
                      setDecisions((prev) => {
                        const next = { ...prev };
                        if (on) next[c.id] = '';
                        else delete next[c.id];
                        return next;
                      })
                    }
                  />
                  <StatusBadge status={c.status} />
                </div>
                {chosen && (
                  <TextField
                    id={`meeting-decision-${c.id}`}
                    label={t('cases.teams.decisionFor', { number: c.caseNumber })}
                    value={decisions[c.id] ?? ''}
                    onChange={(v) => setDecisions((prev) => ({ ...prev, [c.id]: v }))}
                    required
                    multiline
                    maxLength={2000}
                    error={byField[`cases.${discussed.indexOf(c.id)}.decision`]}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('cases.teams.tasks')}</legend>
          {tasks.length === 0 && <p className="muted">{t('cases.teams.noTasksYet')}</p>}
          {tasks.map((task, i) => (
            <div className="plan-action-editor" key={task.key} role="group" aria-labelledby={`task-${i}-heading`}>
              <h3 id={`task-${i}-heading`}>{t('cases.teams.taskNumber', { number: i + 1 })}</h3>
              <TextField id={`task-${i}-text`} label={t('cases.teams.task')} value={task.text} onChange={(text) => setTask(task.key, { text })} required maxLength={1000} error={byField[`tasks.${i}.text`]} />
              <Select id={`task-${i}-member`} label={t('cases.teams.responsible')} value={task.memberId} emptyLabel={t('cases.teams.someoneElse')} options={members.map((m) => ({ value: m.id, label: m.name ?? '' }))} onChange={(memberId) => setTask(task.key, { memberId })} error={byField[`tasks.${i}.responsible`]} />
              {!task.memberId && <TextField id={`task-${i}-name`} label={t('cases.teams.responsibleName')} value={task.name} onChange={(name) => setTask(task.key, { name })} maxLength={160} />}
              <DateField id={`task-${i}-dueOn`} label={t('cases.teams.dueOn')} value={task.dueOn} onChange={(dueOn) => setTask(task.key, { dueOn })} required error={byField[`tasks.${i}.dueOn`]} />
              <Select id={`task-${i}-case`} label={t('cases.teams.taskCase')} value={task.caseId} emptyLabel={t('cases.teams.noCase')} options={(teamCases.data?.items ?? []).map((c) => ({ value: c.id, label: c.caseNumber }))} onChange={(caseId) => setTask(task.key, { caseId })} />
              <Button variant="link" onClick={() => setTasks((list) => list.filter((x) => x.key !== task.key))}>
                {t('cases.teams.removeTask', { number: i + 1 })}
              </Button>
            </div>
          ))}
          <Button onClick={() => setTasks((list) => [...list, emptyTask()])}>{t('cases.teams.addTask')}</Button>
        </fieldset>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={form.busy}>
            {t('cases.teams.saveMeeting')}
          </Button>
          <Link to={`/teams/${teamId}`} className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

