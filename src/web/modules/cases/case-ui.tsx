import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RISK_LEVELS, type CaseStatus, type RiskLevel } from '../../../shared/cases/case-codes.ts';
import { todayInUzbekistan } from '../../../shared/cases/case-dates.ts';
import { formatMoneyUzs, toDisplayDate } from '../../../shared/i18n/format.ts';
import { ApiError, isApiError, readCsrfToken, toApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { uzsNumber } from './case-model.ts';
import './cases.css';

/** Today as a date field shows it (dd.mm.yyyy), in Uzbekistan's calendar. */
export const todayText = (): string => toDisplayDate(todayInUzbekistan());

const STATUS_TONE: Partial<Record<CaseStatus, 'ok' | 'warning'>> = {
  active: 'ok',
  plan_approved: 'ok',
  exited: 'ok',
  suspended: 'warning',
  not_eligible: 'warning',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const tone = STATUS_TONE[status];
  return <span className={`badge ${tone ? `badge--${tone}` : ''} badge--status`}>{t(`cases.status.${status}`)}</span>;
}

export function RiskBadge({ risk }: { risk: RiskLevel }) {
  const { t } = useTranslation();
  return <span className={`badge risk risk--${risk}`}>{t('cases.riskShort', { risk: t(`cases.risk.${risk}`) })}</span>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <span className="badge badge--warning">{t('cases.overdue')}</span>;
}

/** An amount of soʻm (a decimal string from the API) in the interface language. */
export function Money({ value }: { value: string | null | undefined }) {
  const locale = useLocale();
  if (value === null || value === undefined) return null;
  return <span className="num-text">{formatMoneyUzs(locale, uzsNumber(value))}</span>;
}

/** A field of a form: its key (as in the API's error paths), the control to move to, and its label. */
export interface FormField {
  key: string;
  target: string;
  label: string;
  /** A date: "too small" from the server means "too early" (before the referral or the last change). */
  date?: boolean;
}

/**
 * The state of one form: busy, the last failure, its attempts (so the error
 * summary takes focus each time) and the problems found before sending.
 */
export function useFormState() {
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [local, setLocal] = useState<Record<string, string>>({});

  /**
   * Checks first (problems by field key, already translated), then sends; a
   * failure is kept to show, except a version conflict when `onConflict` is
   * given (the caller reloads what someone else changed first).
   */
  async function run(check: () => Record<string, string | undefined>, send: () => Promise<void>, onConflict?: () => void): Promise<void> {
    setAttempt((n) => n + 1);
    const problems = Object.fromEntries(Object.entries(check()).filter((e): e is [string, string] => e[1] !== undefined));
    setLocal(problems);
    setError(undefined);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await send();
    } catch (e) {
      if (onConflict && isVersionConflict(e)) onConflict();
      else setError(e);
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, busy, attempt, local, run };
}

/**
 * Field messages of a form (what was found before sending, then the
 * server's, by path) and its error summary: one item per field that has a
 * message, and the failure itself when no field explains it.
 */
export function formErrors(t: TFunction, fields: readonly FormField[], local: Record<string, string>, error: unknown, explain?: (error: unknown) => string | undefined) {
  const server = fieldErrorsOf(t, error);
  const byField: Record<string, string> = { ...local };
  const tooEarly = new Set(isApiError(error) ? error.fields.filter((fe) => fe.code === 'too_small').map((fe) => fe.path.join('.')) : []);
  for (const f of fields) {
    const fromServer = server[f.key] ?? Object.entries(server).find(([k]) => k.startsWith(`${f.key}.`))?.[1];
    if (fromServer) byField[f.key] = f.date && tooEarly.has(f.key) ? t('cases.dateTooEarly') : fromServer;
  }
  const items: SummaryItem[] = fields.filter((f) => byField[f.key]).map((f) => ({ target: f.target, message: byField[f.key]!, label: f.label }));
  let message: string | undefined;
  if (error !== undefined && items.length === 0) message = explain?.(error) ?? errorText(t, error);
  else if (isApiError(error) && error.code === 'version_conflict') message = t('errors.version_conflict');
  return { byField, items, message };
}

/**
 * A form's state with its messages worked out each render: `byField` for the
 * controls, `summaryProps` to spread on its ErrorSummary, `dialogProps` (the
 * same and busy) to spread on its FormDialog.
 */
export function useFormWithErrors(fields: readonly FormField[], explain?: (error: unknown) => string | undefined) {
  const { t } = useTranslation();
  const form = useFormState();
  const { byField, items, message } = formErrors(t, fields, form.local, form.error, explain);
  const summaryProps = { message, items, attempt: form.attempt };
  return { form, byField, summaryProps, dialogProps: { ...summaryProps, busy: form.busy } };
}

export interface FormDialogProps {
  id: string;
  title: string;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => Promise<void>;
  busy: boolean;
  message: string | undefined;
  items: readonly SummaryItem[];
  attempt: number;
  wide?: boolean;
  danger?: boolean;
  /** Shown above the fields (what the form does). */
  intro?: ReactNode;
  children: ReactNode;
}

/** "Edit" on one row of a list; screen readers hear which row (`context`), as many rows carry one. */
export function EditButton({ context, onClick }: { context: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button onClick={onClick}>
      {t('common.edit')}
      <span className="visually-hidden"> — {context}</span>
    </Button>
  );
}

/** A dialog holding one form: its error summary on top, the submit and cancel buttons at the bottom. */
export function FormDialog(props: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open
      wide={props.wide}
      title={props.title}
      onClose={props.onClose}
      actions={
        <>
          <Button type="submit" form={props.id} variant={props.danger ? 'danger' : 'primary'} busy={props.busy}>
            {props.submitLabel}
          </Button>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <form
        id={props.id}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void props.onSubmit();
        }}
      >
        <ErrorSummary message={props.message} items={props.items} attempt={props.attempt} />
        {props.intro}
        {props.children}
      </form>
    </Dialog>
  );
}

/** A section of a page with its heading and, on the right, its buttons. */
export function Section({ id, title, actions, children, className }: { id: string; title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`} aria-labelledby={id}>
      <div className="section-header">
        <h2 id={id}>{title}</h2>
        {actions && <div className="section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/**
 * Downloads a file the server makes on a POST (an export): the browser's own
 * download, with the CSRF header every state-changing request carries.
 */
export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: '*/*' };
  const csrf = readCsrfToken(document.cookie);
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError({ status: 0, code: 'network', message: 'The server could not be reached.' });
  }
  if (!response.ok) {
    throw toApiError(response.status, await response.json().catch(() => undefined), response.headers.get('retry-after'));
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The risk levels as choices, in order. */
export const riskOptions = (t: TFunction) => RISK_LEVELS.map((r) => ({ value: r, label: t(`cases.risk.${r}`) }));

/** True when an error says someone changed the record first. */
export const isVersionConflict = (e: unknown): boolean => isApiError(e) && e.code === 'version_conflict';

/** A horizontal bar for a value out of `max`; decorative, the number beside it says the same in words. */
export function Bar({ value, max, tone }: { value: number; max: number; tone?: 'first' | 'latest' | 'plain' }) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <svg className={`bar bar--${tone ?? 'plain'}`} viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect className="bar-track" x="0" y="0" width="100" height="10" />
      <rect className="bar-fill" x="0" y="0" width={width} height="10" />
    </svg>
  );
}
