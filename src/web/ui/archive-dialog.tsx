import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client.ts';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { errorText, fieldErrorsOf } from './errors.ts';
import { TextField } from './text-field.tsx';
import { useToast } from './toast.tsx';

/**
 * Archiving asks for a reason and names the version the user saw; if someone
 * changed the record meanwhile the page reloads it so they decide again on
 * what it is now.
 */
export function ArchiveDialog<T>(props: {
  title: string;
  text: string;
  path: string;
  version: number;
  onClose: () => void;
  onDone: (updated: T) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!reason.trim()) {
      setLocalError(t('fieldErrors.required'));
      return;
    }
    setLocalError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      props.onDone(await api.post<T>(props.path, { version: props.version, reason: reason.trim() }));
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict') {
        toast.show(t('common.changedMeanwhile'), 'error');
        props.onConflict();
        return;
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = localError ?? fieldErrorsOf(t, error)['reason'];
  return (
    <Dialog
      open
      title={props.title}
      onClose={props.onClose}
      actions={
        <>
          <Button type="submit" form="archive-form" variant="danger" busy={busy}>
            {t('common.archive')}
          </Button>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <form id="archive-form" onSubmit={submit} noValidate>
        <ErrorSummary
          message={error !== undefined && !fieldError ? errorText(t, error) : undefined}
          items={fieldError ? [{ target: 'archive-reason', message: fieldError, label: t('common.archiveReason') }] : []}
          attempt={attempt}
        />
        <p>{props.text}</p>
        <TextField id="archive-reason" label={t('common.archiveReason')} value={reason} onChange={setReason} required multiline maxLength={500} error={fieldError} />
      </form>
    </Dialog>
  );
}
