import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../../shared/cases/case-codes.ts';
import { formatDateTime, formatNumber } from '../../../shared/i18n/format.ts';
import { api, ApiError, readCsrfToken, toApiError } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { can, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText } from '../../ui/errors.ts';
import { FieldErrorText, FieldHint } from '../../ui/field.tsx';
import { LoadedList } from '../../ui/loaded-list.tsx';
import { ReasonDialog } from '../../ui/reason-dialog.tsx';
import { Select } from '../../ui/select.tsx';
import { RowsTable } from '../../ui/table.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { ATTACHMENT_TYPES, checkFile, sizeParts } from './case-model.ts';
import type { CaseTabProps } from './case-page.tsx';
import type { AttachmentView } from './case-types.ts';
import { Section } from './case-ui.tsx';

/** Sends one file as multipart/form-data with the CSRF header (the JSON client cannot). */
async function upload(caseId: string, file: File, kind: string, description: string): Promise<AttachmentView> {
  const data = new FormData();
  if (kind) data.append('kind', kind);
  if (description.trim()) data.append('description', description.trim());
  data.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = readCsrfToken(document.cookie);
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/cases/${caseId}/attachments`, { method: 'POST', body: data, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: 'The server could not be reached.' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, body, response.headers.get('retry-after'));
  return body as AttachmentView;
}

/** Documents and photos of the case: uploaded with a type check and size limit, downloaded through an audited link. */
export function AttachmentsTab({ detail }: CaseTabProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useUser();
  const toast = useToast();
  const c = detail.case;
  const list = useResource((signal) => api.get<AttachmentView[]>(`/api/cases/${c.id}/attachments`, { signal }), [c.id]);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<AttachmentKind | ''>('');
  const [description, setDescription] = useState('');
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [removing, setRemoving] = useState<AttachmentView | null>(null);
  const mayUpload = can(user, 'case.update') && !['not_eligible', 'follow_up_closed'].includes(c.status);
  const canDownload = user.fieldView === 'full';
  const mayRemove = mayUpload && canDownload;

  const fileProblem = (f: File | null): string | undefined => {
    if (!f) return t('cases.attachments.chooseFile');
    const problem = checkFile(f);
    return problem ? t(`cases.attachments.problem.${problem}`) : undefined;
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problem = fileProblem(file);
    setFileError(problem);
    setError(undefined);
    if (problem || !file) return;
    setBusy(true);
    try {
      await upload(c.id, file, kind, description);
      toast.show(t('cases.attachments.uploaded', { name: file.name }));
      setFile(null);
      setDescription('');
      setKind('');
      if (fileRef.current) fileRef.current.value = '';
      list.reload();
    } catch (e) {
      // The server's own checks, in the user's words: too large, a type it does not take.
      if (e instanceof ApiError && (e.code === 'payload_too_large' || e.code === 'unsupported_media_type')) {
        setFileError(t(`cases.attachments.problem.${e.code === 'payload_too_large' ? 'too_big' : 'unsupported'}`));
      } else setError(e);
    } finally {
      setBusy(false);
    }
  }

  const size = (bytes: number) => {
    const s = sizeParts(bytes);
    return t(`cases.attachments.size.${s.unit}`, { value: formatNumber(locale, s.value) });
  };
  const accept = [...Object.keys(ATTACHMENT_TYPES), ...Object.values(ATTACHMENT_TYPES).flat().map((e) => `.${e}`)].join(',');

  return (
    <>
      {mayUpload && (
        <Section id="attachment-upload" title={t('cases.attachments.uploadTitle')}>
          <form onSubmit={submit} noValidate className="form">
            <ErrorSummary
              message={error !== undefined ? errorText(t, error) : undefined}
              items={fileError ? [{ target: 'attachment-file', message: fileError, label: t('cases.attachments.file') }] : []}
              attempt={attempt}
            />
            <div className={`field ${fileError ? 'field--error' : ''}`}>
              <div className="field-label-row">
                <label className="field-label" htmlFor="attachment-file">
                  {t('cases.attachments.file')}
                </label>
                <span className="required-mark" aria-hidden="true">
                  *
                </span>
              </div>
              <FieldHint id="attachment-file-hint" hint={t('cases.attachments.fileHint')} />
              <FieldErrorText id="attachment-file-error" error={fileError} />
              <input
                ref={fileRef}
                id="attachment-file"
                name="file"
                type="file"
                className="input input--full"
                accept={accept}
                required
                aria-invalid={fileError ? true : undefined}
                aria-describedby={['attachment-file-hint', fileError ? 'attachment-file-error' : ''].filter(Boolean).join(' ')}
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  setFileError(f ? fileProblem(f) : undefined);
                }}
              />
            </div>
            <Select
              id="attachment-kind"
              label={t('cases.attachments.kind')}
              value={kind}
              emptyLabel={t('cases.attachments.kindAuto')}
              options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`cases.attachmentKind.${k}`) }))}
              onChange={(v) => setKind(v as AttachmentKind | '')}
            />
            <TextField id="attachment-description" label={t('cases.attachments.description')} value={description} onChange={setDescription} maxLength={500} />
            <div className="form-actions">
              <Button type="submit" variant="primary" busy={busy}>
                {t('cases.attachments.upload')}
              </Button>
            </div>
          </form>
        </Section>
      )}
      <Section id="attachment-list" title={t('cases.attachments.title')}>
        <LoadedList resource={list} count={(list.data ?? []).length} emptyText={t('cases.attachments.none')}>
          <RowsTable caption={t('cases.attachments.title')} columns={[t('cases.attachments.file'), t('cases.attachments.kind'), t('cases.attachments.sizeLabel'), t('cases.attachments.uploadedBy')]} actions={mayRemove}>
            {(list.data ?? []).map((a) => {
              const name = a.fileName ?? t(`cases.attachmentKind.${a.kind}`);
              return (
                <tr key={a.id}>
                  <th scope="row" data-label={t('cases.attachments.file')}>
                    {canDownload ? (
                      <a href={`/api/cases/${c.id}/attachments/${a.id}/download`} download={a.fileName}>
                        {name}
                        <span className="visually-hidden"> {t('cases.attachments.download')}</span>
                      </a>
                    ) : (
                      name
                    )}
                    {a.description && <span className="cell-secondary">{a.description}</span>}
                  </th>
                  <td data-label={t('cases.attachments.kind')}>{t(`cases.attachmentKind.${a.kind}`)}</td>
                  <td data-label={t('cases.attachments.sizeLabel')}>{size(a.sizeBytes)}</td>
                  <td data-label={t('cases.attachments.uploadedBy')}>
                    {a.uploadedByName ?? ''}
                    <span className="cell-secondary">{formatDateTime(locale, a.uploadedAt)}</span>
                  </td>
                  {mayRemove && (
                    <td data-label={t('common.actions')}>
                      <Button variant="secondary" onClick={() => setRemoving(a)}>
                        {t('cases.attachments.remove')}
                        <span className="visually-hidden"> {name}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              );
            })}
          </RowsTable>
        </LoadedList>
      </Section>
      {removing && (
        <ReasonDialog<{ removed: true }>
          title={t('cases.attachments.removeTitle', { name: removing.fileName ?? t(`cases.attachmentKind.${removing.kind}`) })}
          text={t('cases.attachments.removeText')}
          path={`/api/cases/${c.id}/attachments/${removing.id}/remove`}
          reasonLabel={t('cases.attachments.removeReason')}
          reasonHint={t('cases.attachments.removeReasonHint')}
          submitLabel={t('cases.attachments.remove')}
          onClose={() => setRemoving(null)}
          onDone={() => {
            toast.show(t('cases.attachments.removed', { name: removing.fileName ?? t(`cases.attachmentKind.${removing.kind}`) }));
            setRemoving(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}
