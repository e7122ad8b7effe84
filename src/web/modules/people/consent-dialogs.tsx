import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDisplayDate, toDisplayDate } from '../../../shared/i18n/format.ts';
import { api } from '../../api/client.ts';
import { CONSENT_PURPOSES, DATA_CATEGORIES, type ConsentView, type DataCategory } from '../../api/types.ts';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { DateField } from '../../ui/date-field.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';

function todayIso(): string {
  // The calendar date in Tashkent (UTC+5), where the consent is given.
  return new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
}

const FIELD_ORDER = ['purpose', 'purposeNote', 'dataCategories', 'transfersTo', 'grantedOn', 'expiresOn'] as const;
type ConsentField = (typeof FIELD_ORDER)[number];
const target = (f: ConsentField) => (f === 'dataCategories' ? 'consent-cat-identity' : `consent-${f}`);

/**
 * Recording a consent as the personal data law asks: its purpose, the data
 * it covers, to whom data may be passed and for how long.
 */
export function RecordConsentDialog({ personId, onClose, onSaved }: { personId: string; onClose: () => void; onSaved: (c: ConsentView) => void }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState('');
  const [purposeNote, setPurposeNote] = useState('');
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [transfersTo, setTransfersTo] = useState('');
  const [grantedOn, setGrantedOn] = useState(toDisplayDate(todayIso()));
  const [expiresOn, setExpiresOn] = useState('');
  const [local, setLocal] = useState<Partial<Record<ConsentField, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems: Partial<Record<ConsentField, string>> = {};
    const granted = parseDisplayDate(grantedOn);
    const expires = expiresOn.trim() ? parseDisplayDate(expiresOn) : null;
    if (!purpose) problems.purpose = t('fieldErrors.required');
    if (purpose === 'other' && !purposeNote.trim()) problems.purposeNote = t('fieldErrors.required');
    if (categories.length === 0) problems.dataCategories = t('consent.chooseCategory');
    if (!grantedOn.trim()) problems.grantedOn = t('fieldErrors.required');
    else if (!granted) problems.grantedOn = t('fieldErrors.invalid_date');
    else if (granted > todayIso()) problems.grantedOn = t('fieldErrors.date_in_future');
    if (expiresOn.trim() && !expires) problems.expiresOn = t('fieldErrors.invalid_date');
    else if (expires && granted && expires <= granted) problems.expiresOn = t('consent.expiresAfterGranted');
    setLocal(problems);
    setError(undefined);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const saved = await api.post<ConsentView>(`/api/people/${personId}/consents`, {
        purpose,
        purposeNote: purposeNote.trim() || null,
        dataCategories: categories,
        transfersTo: transfersTo.trim() || null,
        grantedOn: granted,
        expiresOn: expires,
      });
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const server = fieldErrorsOf(t, error);
  const fields: Partial<Record<ConsentField, string>> = { ...local };
  for (const f of FIELD_ORDER) {
    const fromServer = server[f] ?? Object.entries(server).find(([k]) => k.startsWith(`${f}.`))?.[1];
    if (fromServer) fields[f] = fromServer;
  }
  const items: SummaryItem[] = FIELD_ORDER.filter((f) => fields[f]).map((f) => ({ target: target(f), message: fields[f]!, label: t(`consent.${f}`) }));

  return (
    <Dialog
      open
      title={t('consent.recordTitle')}
      onClose={onClose}
      wide
      actions={
        <>
          <Button type="submit" form="consent-form" variant="primary" busy={busy}>
            {t('consent.record')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <form id="consent-form" onSubmit={submit} noValidate>
        <ErrorSummary message={error !== undefined && items.length === 0 ? errorText(t, error) : undefined} items={items} attempt={attempt} />
        <Select
          id="consent-purpose"
          label={t('consent.purpose')}
          value={purpose}
          required
          emptyLabel={t('common.choose')}
          options={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`consent.purposes.${p}`) }))}
          error={fields.purpose}
          onChange={setPurpose}
        />
        <TextField id="consent-purposeNote" label={t('consent.purposeNote')} value={purposeNote} onChange={setPurposeNote} required={purpose === 'other'} maxLength={500} error={fields.purposeNote} />
        <fieldset className={`field fieldset ${fields.dataCategories ? 'field--error' : ''}`} aria-describedby={fields.dataCategories ? 'consent-categories-error' : undefined}>
          <legend className="field-label">
            {t('consent.dataCategories')}
            <span className="required-mark" aria-hidden="true">*</span>
          </legend>
          {fields.dataCategories && (
            <p className="field-error" id="consent-categories-error">
              {fields.dataCategories}
            </p>
          )}
          <div className="checkbox-grid">
            {DATA_CATEGORIES.map((c) => (
              <Checkbox
                key={c}
                id={`consent-cat-${c}`}
                label={t(`consent.categories.${c}`)}
                checked={categories.includes(c)}
                onChange={(on) => setCategories((list) => (on ? [...list, c] : list.filter((x) => x !== c)))}
              />
            ))}
          </div>
        </fieldset>
        <TextField id="consent-transfersTo" label={t('consent.transfersTo')} hint={t('consent.transfersToHint')} value={transfersTo} onChange={setTransfersTo} maxLength={500} error={fields.transfersTo} />
        <DateField id="consent-grantedOn" label={t('consent.grantedOn')} value={grantedOn} onChange={setGrantedOn} required error={fields.grantedOn} />
        <DateField id="consent-expiresOn" label={t('consent.expiresOn')} hint={t('consent.expiresOnHint')} value={expiresOn} onChange={setExpiresOn} error={fields.expiresOn} />
      </form>
    </Dialog>
  );
}

/** Withdrawing a consent: it stays on record, marked withdrawn, with an optional note. */
export function WithdrawConsentDialog({ consent, onClose, onSaved }: { consent: ConsentView; onClose: () => void; onSaved: (c: ConsentView) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await api.post<ConsentView>(`/api/consents/${consent.id}/withdraw`, { version: consent.version, ...(note.trim() ? { note: note.trim() } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={t('consent.withdrawTitle')}
      onClose={onClose}
      actions={
        <>
          <Button type="submit" form="withdraw-form" variant="danger" busy={busy}>
            {t('consent.withdraw')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <form id="withdraw-form" onSubmit={submit} noValidate>
        <ErrorSummary message={error !== undefined ? errorText(t, error) : undefined} items={[]} />
        <p>{t('consent.withdrawText', { purpose: t(`consent.purposes.${consent.purpose}`, { defaultValue: consent.purpose }) })}</p>
        <TextField id="withdraw-note" label={t('consent.withdrawNote')} value={note} onChange={setNote} multiline maxLength={500} error={fieldErrorsOf(t, error)['note']} />
      </form>
    </Dialog>
  );
}
