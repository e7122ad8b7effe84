import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { SessionState, TotpEnableResult, TotpSetup } from '../../api/types.ts';
import { Button } from '../../ui/button.tsx';
import { Checkbox } from '../../ui/checkbox.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { TextField } from '../../ui/text-field.tsx';

/** The secret in groups of four, easier to type into an authenticator by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();
}

export interface TotpEnrolmentProps {
  /** Called with the new session state once the recovery codes are confirmed as saved. */
  onDone: (state: SessionState) => void;
  headingId: string;
  /** 2 on the sign-in page (under its h1), 3 on the account page (inside a section). */
  headingLevel?: 2 | 3;
}

/**
 * Setting up two-factor sign-in: scan the QR code (or type the secret),
 * confirm with a first code, then keep the ten recovery codes, which are shown
 * this one time only.
 */
export function TotpEnrolment({ onDone, headingId, headingLevel = 2 }: TotpEnrolmentProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [setupError, setSetupError] = useState<unknown>(undefined);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<TotpEnableResult | null>(null);
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    let live = true;
    api.post<TotpSetup>('/api/auth/totp/setup').then(
      (s) => live && setSetup(s),
      (e: unknown) => live && setSetupError(e),
    );
    return () => {
      live = false;
    };
  }, []);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!/^\d{6}$/.test(code.trim())) {
      setError('local');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api.post<TotpEnableResult>('/api/auth/totp/enable', { code: code.trim() }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (setupError !== undefined) {
    return <ErrorSummary message={errorText(t, setupError)} items={[]} />;
  }
  if (!setup) return <Loading />;

  if (result) {
    return (
      <section aria-labelledby={`${headingId}-codes`}>
        <Heading id={`${headingId}-codes`}>{t('totp.recoveryTitle')}</Heading>
        <p>{t('totp.recoveryText')}</p>
        <ol className="recovery-codes" aria-label={t('totp.recoveryListLabel')}>
          {result.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <p>
          <Button
            onClick={() => {
              void navigator.clipboard?.writeText(result.recoveryCodes.join('\n')).then(() => setCopied(true));
            }}
          >
            {t('totp.copyCodes')}
          </Button>{' '}
          <span role="status">{copied ? t('totp.copied') : ''}</span>
        </p>
        <Checkbox label={t('totp.savedConfirm')} checked={saved} onChange={setSaved} />
        <Button variant="primary" disabled={!saved} onClick={() => onDone(result.state)}>
          {t('totp.continue')}
        </Button>
      </section>
    );
  }

  const fieldErrors = error === 'local' ? { code: t('fieldErrors.invalid_format') } : fieldErrorsOf(t, error);
  const message = error !== undefined && error !== 'local' && !fieldErrors['code'] ? errorText(t, error) : undefined;
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId}>{t('totp.enrolTitle')}</Heading>
      <ErrorSummary
        message={message}
        items={fieldErrors['code'] ? [{ target: 'totp-enrol-code', message: fieldErrors['code'], label: t('totp.codeLabel') }] : []}
        attempt={attempt}
      />
      <ol className="steps">
        <li>{t('totp.stepInstall')}</li>
        <li>
          {t('totp.stepScan')}
          <div className="qr">
            <img src={setup.qrSvgDataUrl} alt={t('totp.qrAlt')} width={200} height={200} />
          </div>
          <p>{t('totp.manualEntry')}</p>
          <p className="secret">{groupSecret(setup.secret)}</p>
        </li>
        <li>
          <form onSubmit={confirm} noValidate>
            <TextField
              id="totp-enrol-code"
              label={t('totp.codeLabel')}
              hint={t('totp.codeHint')}
              value={code}
              onChange={setCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              width="narrow"
              required
              error={fieldErrors['code']}
            />
            <Button type="submit" variant="primary" busy={busy}>
              {t('totp.enable')}
            </Button>
          </form>
        </li>
      </ol>
    </section>
  );
}
