import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import type { DuplicatePair } from '../../api/types.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { TextField } from '../../ui/text-field.tsx';
import { personLabel } from './merge-model.ts';

/**
 * "Not the same person": asks why (kept with the decision and in the audit
 * log) and sends the pair's version. If someone decided the pair or it
 * changed meanwhile, the queue is reloaded instead of guessing.
 */
export function DismissPairDialog(props: { pair: DuplicatePair; onClose: () => void; onDone: (pair: DuplicatePair) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const { pair } = props;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!reason.trim()) {
      setLocalError(t('fieldErrors.required'));
      return;
    }
    setLocalError(undefined);
    setError(undefined);
    setBusy(true);
    try {
      props.onDone(await api.post<DuplicatePair>(`/api/duplicates/pairs/${pair.id}/dismiss`, { version: pair.version, reason: reason.trim() }));
    } catch (e) {
      if (isApiError(e) && (e.code === 'version_conflict' || e.code === 'conflict' || e.code === 'not_found_or_no_access')) {
        props.onStale();
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
      title={t('review.dismiss.title')}
      onClose={props.onClose}
      actions={
        <>
          <Button type="submit" form="dismiss-pair-form" variant="primary" busy={busy}>
            {t('review.dismiss.submit')}
          </Button>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <form id="dismiss-pair-form" onSubmit={submit} noValidate>
        <ErrorSummary
          message={error !== undefined && !fieldError ? errorText(t, error) : undefined}
          items={fieldError ? [{ target: 'dismiss-reason', message: fieldError, label: t('review.dismiss.reason') }] : []}
          attempt={attempt}
        />
        <p>
          <strong>{t('review.pair.title', { first: personLabel(pair.personA, locale), second: personLabel(pair.personB, locale) })}</strong>
        </p>
        <p>{t('review.dismiss.text')}</p>
        <TextField
          id="dismiss-reason"
          label={t('review.dismiss.reason')}
          hint={t('review.dismiss.reasonHint')}
          value={reason}
          onChange={setReason}
          required
          multiline
          maxLength={500}
          error={fieldError}
        />
      </form>
    </Dialog>
  );
}
