import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { SessionState } from '../../api/types.ts';
import { useSession } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { LanguageSwitcher } from '../../ui/language-switcher.tsx';
import { usePageTitle } from '../../ui/page-title.ts';
import { TextField } from '../../ui/text-field.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';

/**
 * Sign-in in up to three steps: e-mail and password; then either the
 * authenticator code (or a recovery code), or, for someone whose role needs a
 * second factor and has none yet, setting one up.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const { state, setState, notice, clearNotice } = useSession();
  const step = state.stage === 'pending_totp' ? (state.totpEnrolled ? 'totp' : 'enrol') : 'password';
  const title = step === 'password' ? t('signIn.title') : step === 'totp' ? t('signIn.totpTitle') : t('signIn.enrolTitle');
  usePageTitle(title);

  return (
    <div className="sign-in-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="sign-in-header">
        <p className="brand brand--dark">
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </p>
        <LanguageSwitcher />
      </header>
      <main id="main" className="sign-in-main" tabIndex={-1}>
        <div className="sign-in-card">
          <h1 className="page-title">{title}</h1>
          {notice && step === 'password' && (
            <div className="notice notice--info" role="status">
              <p>{t(`errors.${notice}`)}</p>
            </div>
          )}
          {step === 'password' && (
            <PasswordStep
              onState={(s) => {
                clearNotice();
                setState(s);
              }}
            />
          )}
          {step === 'totp' && <TotpStep onState={setState} onCancel={() => setState({ stage: 'anonymous' })} />}
          {step === 'enrol' && (
            <>
              <p>{t('signIn.enrolIntro')}</p>
              <TotpEnrolment headingId="enrol-heading" onDone={setState} />
              <p>
                <Button variant="link" onClick={() => void cancelPending(setState)}>
                  {t('signIn.startOver')}
                </Button>
              </p>
            </>
          )}
        </div>
        <p className="sign-in-footer muted">{t('signIn.privacy')}</p>
      </main>
    </div>
  );
}

/** Leaves a half-finished sign-in: the pending session is ended on the server too. */
async function cancelPending(setState: (s: SessionState) => void): Promise<void> {
  await api.post('/api/auth/sign-out').catch(() => undefined);
  setState({ stage: 'anonymous' });
}

function PasswordStep({ onState }: { onState: (s: SessionState) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const missing: Record<string, string> = {};
    if (!email.trim()) missing['email'] = t('signIn.emailRequired');
    if (!password) missing['password'] = t('signIn.passwordRequired');
    setLocal(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    setError(undefined);
    try {
      onState(await api.post<SessionState>('/api/auth/sign-in', { email: email.trim(), password }));
    } catch (e) {
      setError(e);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const fields = { ...fieldErrorsOf(t, error), ...local };
  const items: SummaryItem[] = [];
  if (fields['email']) items.push({ target: 'sign-in-email', message: fields['email'], label: t('signIn.email') });
  if (fields['password']) items.push({ target: 'sign-in-password', message: fields['password'], label: t('signIn.password') });
  const message = error !== undefined && items.length === 0 ? errorText(t, error) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary message={message} items={items} attempt={attempt} />
      <TextField
        id="sign-in-email"
        label={t('signIn.email')}
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        required
        spellCheck={false}
        error={fields['email']}
      />
      <TextField
        id="sign-in-password"
        label={t('signIn.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        required
        error={fields['password']}
      />
      <Button type="submit" variant="primary" busy={busy}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}

function TotpStep({ onState, onCancel }: { onState: (s: SessionState) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const fieldId = useRecovery ? 'sign-in-recovery' : 'sign-in-code';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const value = code.trim();
    if (!useRecovery && !/^\d{6}$/.test(value.replace(/\s/g, ''))) {
      setLocalError(t('signIn.codeFormat'));
      return;
    }
    if (useRecovery && value.length < 8) {
      setLocalError(t('signIn.recoveryFormat'));
      return;
    }
    setLocalError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const body = useRecovery ? { recoveryCode: value } : { code: value.replace(/\s/g, '') };
      onState(await api.post<SessionState>('/api/auth/totp/verify', body));
    } catch (e) {
      setError(e);
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  const fieldError = localError ?? (fieldErrorsOf(t, error)['code'] || fieldErrorsOf(t, error)['recoveryCode']);
  const message = error !== undefined && !fieldError ? errorText(t, error) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <p>{useRecovery ? t('signIn.recoveryIntro') : t('signIn.totpIntro')}</p>
      <ErrorSummary message={message} items={fieldError ? [{ target: fieldId, message: fieldError, label: useRecovery ? t('signIn.recoveryCode') : t('signIn.code') }] : []} attempt={attempt} />
      {useRecovery ? (
        <TextField
          key="recovery"
          id={fieldId}
          label={t('signIn.recoveryCode')}
          value={code}
          onChange={setCode}
          autoComplete="off"
          spellCheck={false}
          width="medium"
          required
          error={fieldError}
        />
      ) : (
        <TextField
          key="code"
          id={fieldId}
          label={t('signIn.code')}
          hint={t('totp.codeHint')}
          value={code}
          onChange={setCode}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          width="narrow"
          required
          error={fieldError}
        />
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {t('signIn.verify')}
        </Button>
        <Button
          variant="link"
          onClick={() => {
            setUseRecovery((v) => !v);
            setCode('');
            setLocalError(undefined);
            setError(undefined);
          }}
        >
          {useRecovery ? t('signIn.useCode') : t('signIn.useRecovery')}
        </Button>
        <Button variant="link" onClick={() => void cancelPending(onState).then(onCancel)}>
          {t('signIn.startOver')}
        </Button>
      </div>
    </form>
  );
}
