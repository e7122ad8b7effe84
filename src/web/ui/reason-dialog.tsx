import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../api/client.ts';
import { Button } from './button.tsx';
import { Dialog } from './dialog.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { errorText, fieldErrorsOf } from './errors.ts';
import { TextField } from './text-field.tsx';
import { useToast } from './toast.tsx';

export interface ReasonDialogProps<T> {
  title: string;
  text: string;
  /** POSTed with `{ ...body, reason }`. */
  path: string;
  /** Sent with the reason, e.g. the version the user saw. */
  body?: Record<string, unknown>;
  reasonLabel: string;
  reasonHint?: string;
  submitLabel: string;
  /** Archiving and removing are red; a decision such as "not the same person" is not. */
  submitVariant?: 'danger' | 'primary';
  /** Shown above the text, e.g. what is being decided on. */
  children?: ReactNode;
  onClose: () => void;
  onDone: (answer: T) => void;
  /**
   * Someone changed or decided the record meanwhile (an answer with one of
   * `conflictCodes`): the message is shown and the page reloads it, so the
   * user decides again on what it is now.
   */
  onConflict?: () => void;
  conflictCodes?: readonly string[];
  conflictMessage?: string;
}

/**
 * An action that must be explained — archiving, removing a document, telling
 * two records apart — asks for a required reason, which the server records
 * with the change.
 */
export function ReasonDialog<T>(props: ReasonDialogProps<T>) {
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
      props.onDone(await api.post<T>(props.path, { ...props.body, reason: reason.trim() }));
    } catch (e) {
      if (isApiError(e) && (props.conflictCodes ?? ['version_conflict']).includes(e.code) && props.onConflict) {
        toast.show(props.conflictMessage ?? t('common.changedMeanwhile'), 'error');
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
          <Button type="submit" form="reason-form" variant={props.submitVariant ?? 'danger'} busy={busy}>
            {props.submitLabel}
          </Button>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <form id="reason-form" onSubmit={submit} noValidate>
        <ErrorSummary
          message={error !== undefined && !fieldError ? errorText(t, error) : undefined}
          items={fieldError ? [{ target: 'reason-text', message: fieldError, label: props.reasonLabel }] : []}
          attempt={attempt}
        />
        {props.children}
        <p>{props.text}</p>
        <TextField id="reason-text" label={props.reasonLabel} hint={props.reasonHint} value={reason} onChange={setReason} required multiline maxLength={500} error={fieldError} />
      </form>
    </Dialog>
  );
}
