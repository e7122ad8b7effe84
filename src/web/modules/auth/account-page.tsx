import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import { useSession, useUser } from '../../session/session.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';

/** The user's own account: password and two-factor sign-in. The language is in the top bar. */
export function AccountPage() {
  const { t } = useTranslation();
  const user = useUser();
  const { setState } = useSession();
  const toast = useToast();
  const [enrolling, setEnrolling] = useState(false);

  return (
    <>
      <PageHeader title={t('account.title')} subtitle={user.email} />
      <section className="card" aria-labelledby="account-password">
        <h2 id="account-password">{t('account.passwordTitle')}</h2>
        <ChangePasswordForm />
      </section>
      <section className="card" aria-labelledby="account-totp">
        <h2 id="account-totp">{t('account.totpTitle')}</h2>
        {user.totpEnabled ? (
          <p>
            <span className="badge badge--ok">{t('account.totpOn')}</span> {t('account.totpOnText')}
          </p>
        ) : enrolling ? (
          <TotpEnrolment
            headingId="account-enrol"
            headingLevel={3}
            onDone={(state) => {
              setState(state);
              setEnrolling(false);
              toast.show(t('account.totpEnabled'));
            }}
          />
        ) : (
          <>
            <p>
              <span className="badge badge--warning">{t('account.totpOff')}</span> {t('account.totpOffText')}
            </p>
            <Button variant="primary" onClick={() => setEnrolling(true)}>
              {t('account.totpSetUp')}
            </Button>
          </>
        )}
      </section>
    </>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems: Record<string, string> = {};
    if (!current) problems['currentPassword'] = t('fieldErrors.required');
    if (!next) problems['newPassword'] = t('fieldErrors.required');
    else if (next !== repeat) problems['repeat'] = t('account.passwordsDiffer');
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/me/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeat('');
      toast.show(t('account.passwordChanged'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fields = { ...fieldErrorsOf(t, error), ...local };
  if (isApiError(error)) {
    // Password-strength refusals are about the new password: show them there.
    if (error.code.startsWith('password_too')) fields['newPassword'] = errorText(t, error);
    // The server refuses a wrong current password as an invalid value of that field; say it plainly.
    const wrongCurrent = error.code === 'invalid_credentials' || error.fields.some((f) => f.path[0] === 'currentPassword' && f.code === 'invalid_value');
    if (wrongCurrent) fields['currentPassword'] = t('account.currentWrong');
  }
  const items: SummaryItem[] = (['currentPassword', 'newPassword', 'repeat'] as const)
    .filter((k) => fields[k])
    .map((k) => ({ target: `account-${k}`, message: fields[k]!, label: t(k === 'repeat' ? 'account.repeatPassword' : `account.${k}`) }));
  const message = error !== undefined && items.length === 0 ? errorText(t, error) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary message={message} items={items} attempt={attempt} />
      <TextField id="account-currentPassword" label={t('account.currentPassword')} type="password" autoComplete="current-password" value={current} onChange={setCurrent} required width="medium" error={fields['currentPassword']} />
      <TextField id="account-newPassword" label={t('account.newPassword')} hint={t('account.newPasswordHint')} type="password" autoComplete="new-password" value={next} onChange={setNext} required width="medium" error={fields['newPassword']} />
      <TextField id="account-repeat" label={t('account.repeatPassword')} type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} required width="medium" error={fields['repeat']} />
      <Button type="submit" variant="primary" busy={busy}>
        {t('account.changePassword')}
      </Button>
    </form>
  );
}
