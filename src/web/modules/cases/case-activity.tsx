import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_NOTE_KINDS, type CaseNoteKind } from '../../../shared/cases/case-codes.ts';
import { formatDate, toDisplayDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { LoadedList } from '../../ui/loaded-list.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { checkDate } from './case-model.ts';
import type { CaseTabProps } from './case-page.tsx';
import type { NoteView, VisitView } from './case-types.ts';
import { FormDialog, Section, todayText, useFormWithErrors, type FormField } from './case-ui.tsx';

const CLOSED = ['not_eligible', 'follow_up_closed'];

/** Home visits and case notes (phone calls, meetings): what happened and what comes next. */
export function VisitsTab({ detail }: CaseTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const c = detail.case;
  const visits = useResource((signal) => api.get<VisitView[]>(`/api/cases/${c.id}/visits`, { signal }), [c.id]);
  // Partners do not read case notes: the server refuses them, so they are not asked for.
  const notesVisible = user.fieldView !== 'partner';
  const notes = useResource(notesVisible ? (signal) => api.get<NoteView[]>(`/api/cases/${c.id}/notes`, { signal }) : null, [c.id, notesVisible]);
  const [visit, setVisit] = useState<VisitView | 'new' | null>(null);
  const [note, setNote] = useState<NoteView | 'new' | null>(null);
  const mayWrite = can(user, 'case.update') && !CLOSED.includes(c.status);
  const conflict = (reload: () => void) => {
    toast.show(t('common.changedMeanwhile'), 'error');
    reload();
  };

  return (
    <>
      <Section id="case-visits" title={t('cases.visits.title')} actions={mayWrite && <Button onClick={() => setVisit('new')}>{t('cases.visits.add')}</Button>}>
        <LoadedList resource={visits} count={(visits.data ?? []).length} emptyText={t('cases.visits.none')}>
          <ul className="entry-list">
            {(visits.data ?? []).map((v) => (
              <li key={v.id} className="entry">
                <h3 className="entry-title">{t('cases.visits.entryTitle', { date: formatDate(locale, v.visitedOn) })}</h3>
                {v.createdByName && <p className="muted">{t('cases.recordedBy', { name: v.createdByName })}</p>}
                <dl className="details details--compact">
                  <div className="details-row">
                    <dt>{t('cases.visits.participants')}</dt>
                    <dd>{v.participants ?? ''}</dd>
                  </div>
                  {'observations' in v && (
                    <div className="details-row">
                      <dt>{t('cases.visits.observations')}</dt>
                      <dd>{v.observations ?? ''}</dd>
                    </div>
                  )}
                  {v.nextSteps && (
                    <div className="details-row">
                      <dt>{t('cases.visits.nextSteps')}</dt>
                      <dd>{v.nextSteps}</dd>
                    </div>
                  )}
                </dl>
                {mayWrite && 'observations' in v && (
                  <Button variant="link" onClick={() => setVisit(v)}>
                    {t('common.edit')}
                    <span className="visually-hidden"> — {t('cases.visits.entryTitle', { date: formatDate(locale, v.visitedOn) })}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </LoadedList>
      </Section>

      {notesVisible && (
        <Section id="case-notes" title={t('cases.notes.title')} actions={mayWrite && <Button onClick={() => setNote('new')}>{t('cases.notes.add')}</Button>}>
          <LoadedList resource={notes} count={(notes.data ?? []).length} emptyText={t('cases.notes.none')}>
            <ul className="entry-list">
              {(notes.data ?? []).map((n) => (
                <li key={n.id} className="entry">
                  <h3 className="entry-title">{t('cases.notes.entryTitle', { kind: t(`cases.noteKind.${n.kind}`), date: formatDate(locale, n.occurredOn) })}</h3>
                  {n.createdByName && <p className="muted">{t('cases.recordedBy', { name: n.createdByName })}</p>}
                  {n.body !== undefined && <p className="pre-line">{n.body}</p>}
                  {mayWrite && n.body !== undefined && (
                    <Button variant="link" onClick={() => setNote(n)}>
                      {t('common.edit')}
                      <span className="visually-hidden"> — {t('cases.notes.entryTitle', { kind: t(`cases.noteKind.${n.kind}`), date: formatDate(locale, n.occurredOn) })}</span>
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </LoadedList>
        </Section>
      )}

      {visit && (
        <VisitDialog
          caseId={c.id}
          visit={visit === 'new' ? null : visit}
          onClose={() => setVisit(null)}
          onDone={() => {
            setVisit(null);
            visits.reload();
            toast.show(t('cases.visits.saved'));
          }}
          onConflict={() => {
            setVisit(null);
            conflict(visits.reload);
          }}
        />
      )}
      {note && (
        <NoteDialog
          caseId={c.id}
          note={note === 'new' ? null : note}
          onClose={() => setNote(null)}
          onDone={() => {
            setNote(null);
            notes.reload();
            toast.show(t('cases.notes.saved'));
          }}
          onConflict={() => {
            setNote(null);
            conflict(notes.reload);
          }}
        />
      )}
    </>
  );
}

function VisitDialog(props: { caseId: string; visit: VisitView | null; onClose: () => void; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const v = props.visit;
  const [on, setOn] = useState(v ? toDisplayDate(v.visitedOn) : todayText());
  const [participants, setParticipants] = useState(v?.participants ?? '');
  const [observations, setObservations] = useState(v?.observations ?? '');
  const [nextSteps, setNextSteps] = useState(v?.nextSteps ?? '');
  const fields: FormField[] = [
    { key: 'visitedOn', target: 'visit-on', label: t('cases.visits.visitedOn'), date: true },
    { key: 'participants', target: 'visit-participants', label: t('cases.visits.participants') },
    { key: 'observations', target: 'visit-observations', label: t('cases.visits.observations') },
    { key: 'nextSteps', target: 'visit-nextSteps', label: t('cases.visits.nextSteps') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="visit-form"
      wide
      title={v ? t('cases.visits.editTitle') : t('cases.visits.add')}
      submitLabel={v ? t('common.saveChanges') : t('cases.visits.save')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() => {
        const d = checkDate(on, { required: true });
        return form.run(
          () => ({
            ...(d.error ? { visitedOn: t(`fieldErrors.${d.error}`) } : {}),
            ...(participants.trim() ? {} : { participants: t('fieldErrors.required') }),
            ...(observations.trim() ? {} : { observations: t('fieldErrors.required') }),
          }),
          async () => {
            const body = { visitedOn: d.iso, participants: participants.trim(), observations: observations.trim(), nextSteps: nextSteps.trim() || null };
            if (v) await api.patch(`/api/cases/${props.caseId}/visits/${v.id}`, { version: v.version, ...body });
            else await api.post(`/api/cases/${props.caseId}/visits`, body);
            props.onDone();
          },
          props.onConflict,
        );
      }}
    >
      <DateField id="visit-on" label={t('cases.visits.visitedOn')} value={on} onChange={setOn} required error={byField['visitedOn']} />
      <TextField id="visit-participants" label={t('cases.visits.participants')} hint={t('cases.visits.participantsHint')} value={participants} onChange={setParticipants} required maxLength={1000} error={byField['participants']} />
      <TextField id="visit-observations" label={t('cases.visits.observations')} value={observations} onChange={setObservations} required multiline rows={5} maxLength={8000} error={byField['observations']} />
      <TextField id="visit-nextSteps" label={t('cases.visits.nextSteps')} value={nextSteps} onChange={setNextSteps} multiline maxLength={4000} error={byField['nextSteps']} />
    </FormDialog>
  );
}

function NoteDialog(props: { caseId: string; note: NoteView | null; onClose: () => void; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const n = props.note;
  const [kind, setKind] = useState<CaseNoteKind>(n?.kind ?? 'note');
  const [on, setOn] = useState(n ? toDisplayDate(n.occurredOn) : todayText());
  const [body, setBody] = useState(n?.body ?? '');
  const fields: FormField[] = [
    { key: 'kind', target: 'note-kind', label: t('cases.notes.kind') },
    { key: 'occurredOn', target: 'note-on', label: t('cases.notes.occurredOn'), date: true },
    { key: 'body', target: 'note-body', label: t('cases.notes.body') },
  ];
  const { form, byField, dialogProps } = useFormWithErrors(fields);
  return (
    <FormDialog
      id="note-form"
      wide
      title={n ? t('cases.notes.editTitle') : t('cases.notes.add')}
      submitLabel={n ? t('common.saveChanges') : t('cases.notes.save')}
      onClose={props.onClose}
      {...dialogProps}
      onSubmit={() => {
        const d = checkDate(on, { required: true });
        return form.run(
          () => ({ ...(d.error ? { occurredOn: t(`fieldErrors.${d.error}`) } : {}), ...(body.trim() ? {} : { body: t('fieldErrors.required') }) }),
          async () => {
            const payload = { kind, occurredOn: d.iso, body: body.trim() };
            if (n) await api.patch(`/api/cases/${props.caseId}/notes/${n.id}`, { version: n.version, ...payload });
            else await api.post(`/api/cases/${props.caseId}/notes`, payload);
            props.onDone();
          },
          props.onConflict,
        );
      }}
    >
      <Select id="note-kind" label={t('cases.notes.kind')} value={kind} options={CASE_NOTE_KINDS.map((k) => ({ value: k, label: t(`cases.noteKind.${k}`) }))} onChange={(v) => setKind(v as CaseNoteKind)} error={byField['kind']} />
      <DateField id="note-on" label={t('cases.notes.occurredOn')} value={on} onChange={setOn} required error={byField['occurredOn']} />
      <TextField id="note-body" label={t('cases.notes.body')} value={body} onChange={setBody} required multiline rows={5} maxLength={8000} error={byField['body']} />
    </FormDialog>
  );
}
