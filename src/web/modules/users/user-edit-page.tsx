import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../shared/i18n/format.ts';
import { LOCALES, type Locale } from '../../../shared/i18n/locales.ts';
import { PROGRAMMES, ROLES } from '../../../shared/permissions.ts';
import { api, isApiError } from '../../api/client.ts';
import type { OrganisationInfo, RoleAssignment, UserView } from '../../api/types.ts';
import { useResource } from '../../api/use-resource.ts';
import { useLocale } from '../../i18n/i18n.ts';
import { LOCALE_NAMES } from '../../i18n/language.ts';
import { useUser } from '../../session/session.tsx';
import { RecordLoadFailed } from '../../shell/status-pages.tsx';
import { Breadcrumbs } from '../../ui/breadcrumbs.tsx';
import { Button } from '../../ui/button.tsx';
import { ConflictDialog } from '../../ui/conflict-dialog.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../ui/error-summary.tsx';
import { errorText, fieldErrorsOf } from '../../ui/errors.ts';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useToast } from '../../ui/toast.tsx';
import { valueText } from '../../ui/value-text.ts';
import { branchName, branchOptions, teamName, teamOptions, useOrganisation } from '../organisation/organisation.ts';
import {
  assignmentProblems, assignmentsKey, needsBranch, needsTeam, newAssignment, takesPlacement, toAssignment, toDraft, type AssignmentDraft,
} from './user-model.ts';

const localeOptions = LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l }));

/** Opening an account: who, language, a first password, and at least one role with its scope. */
export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const org = useOrganisation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [locale, setLocale] = useState<Locale>('uz-Latn');
  const [password, setPassword] = useState('');
  const [assignments, setAssignments] = useState<AssignmentDraft[]>(() => [newAssignment()]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const fields = { ...local, ...serverFields(t, error) };
  const order = ['email', 'displayName', 'locale', 'password', ...assignmentPaths(assignments)];
  const items: SummaryItem[] = order.filter((k) => fields[k]).map((k) => ({ target: `user-${k.replace(/\./g, '-')}`, message: fields[k]!, label: userFieldLabel(t, k) }));
  const message = error !== undefined && items.length === 0 ? errorText(t, error) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems: Record<string, string> = {};
    if (!email.trim()) problems['email'] = t('fieldErrors.required');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) problems['email'] = t('fieldErrors.invalid_format');
    if (!displayName.trim()) problems['displayName'] = t('fieldErrors.required');
    if (!password) problems['password'] = t('fieldErrors.required');
    for (const [k, code] of Object.entries(assignmentProblems(assignments))) problems[`assignments.${k}`] = t(`fieldErrors.${code}`);
    setLocal(problems);
    setError(undefined);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const created = await api.post<UserView>('/api/users', {
        email: email.trim(),
        displayName: displayName.trim(),
        locale,
        password,
        assignments: assignments.map(toAssignment),
      });
      toast.show(t('users.created', { name: created.displayName }));
      void navigate(`/users/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('users.newTitle')} breadcrumbs={<Breadcrumbs items={[{ to: '/users', label: t('nav.users') }]} />} />
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary message={message} items={items} attempt={attempt} />
        <p className="field-hint">{t('common.requiredLegend')}</p>
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('users.groupAccount')}</legend>
          <TextField id="user-email" label={t('users.fields.email')} type="email" autoComplete="off" spellCheck={false} value={email} onChange={setEmail} required width="medium" error={fields['email']} />
          <TextField id="user-displayName" label={t('users.fields.displayName')} autoComplete="off" value={displayName} onChange={setDisplayName} required maxLength={120} width="medium" error={fields['displayName']} />
          <Select id="user-locale" label={t('users.fields.locale')} value={locale} options={localeOptions} onChange={(l) => setLocale(l as Locale)} width="medium" error={fields['locale']} />
          <TextField id="user-password" label={t('users.fields.password')} hint={t('users.passwordHint')} type="password" autoComplete="new-password" value={password} onChange={setPassword} required width="medium" error={fields['password']} />
        </fieldset>
        <AssignmentsEditor list={assignments} onChange={setAssignments} errors={fields} org={org.data} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('users.create')}
          </Button>
          <Link to="/users" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** Server field errors, with password-rule refusals placed on the password field. */
function serverFields(t: (k: string) => string, error: unknown): Record<string, string> {
  const out = fieldErrorsOf(t as never, error);
  if (isApiError(error) && error.code.startsWith('password_too')) out['password'] = t(`errors.${error.code}`);
  if (isApiError(error) && error.code === 'conflict' && !out['email']) out['email'] = t('users.emailTaken');
  return out;
}

/** Label of a field of the user form by its path, e.g. `assignments.1.branchId` → "Role 2, Branch". */
function userFieldLabel(t: (k: string, o?: Record<string, unknown>) => string, path: string): string {
  const m = /^assignments\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (path === 'assignments') return t('users.roles');
  if (!m) return t(`users.fields.${path}`);
  const row = t('users.assignmentLabel', { number: Number(m[1]) + 1 });
  const field = m[2] === 'role' ? t('users.role') : m[2] === 'branchId' ? t('common.branch') : m[2] === 'programme' ? t('users.programme') : m[2] === 'teamId' ? t('common.team') : '';
  return field ? `${row}, ${field}` : row;
}

function assignmentPaths(list: readonly AssignmentDraft[]): string[] {
  return list.flatMap((_, i) => [`assignments.${i}`, `assignments.${i}.role`, `assignments.${i}.branchId`, `assignments.${i}.programme`, `assignments.${i}.teamId`]);
}

function AssignmentsEditor({ list, onChange, errors, org }: { list: AssignmentDraft[]; onChange: (l: AssignmentDraft[]) => void; errors: Record<string, string>; org: OrganisationInfo | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const set = (key: string, patch: Partial<AssignmentDraft>) => onChange(list.map((d) => (d.key === key ? { ...d, ...patch } : d)));
  return (
    <fieldset className="form-group">
      <legend className="form-group-legend">{t('users.roles')}</legend>
      <p className="field-hint">{t('users.rolesHint')}</p>
      {errors['assignments'] && <p className="field-error">{errors['assignments']}</p>}
      {list.map((d, i) => {
        const placed = d.role !== '' && takesPlacement(d.role);
        const id = (f: string) => `user-assignments-${i}${f ? `-${f}` : ''}`;
        return (
          <div className="assignment-row" key={d.key} role="group" aria-label={t('users.assignmentLabel', { number: i + 1 })}>
            {errors[`assignments.${i}`] && (
              <p className="field-error" id={id('')} tabIndex={-1}>
                {errors[`assignments.${i}`]}
              </p>
            )}
            <Select
              id={id('role')}
              label={t('users.role')}
              value={d.role}
              required
              emptyLabel={t('common.choose')}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              error={errors[`assignments.${i}.role`]}
              onChange={(role) => set(d.key, { role: role as AssignmentDraft['role'] })}
            />
            {placed && (
              <Select
                id={id('branchId')}
                label={t('common.branch')}
                value={d.branchId}
                required={d.role !== '' && needsBranch(d.role)}
                emptyLabel={t('common.choose')}
                options={branchOptions(org, locale)}
                error={errors[`assignments.${i}.branchId`]}
                onChange={(branchId) => set(d.key, { branchId, teamId: '' })}
              />
            )}
            <Select
              id={id('programme')}
              label={t('users.programme')}
              value={d.programme}
              emptyLabel={t('users.allProgrammes')}
              options={PROGRAMMES.map((p) => ({ value: p, label: t(`programmes.${p}`) }))}
              error={errors[`assignments.${i}.programme`]}
              onChange={(programme) => set(d.key, { programme: programme as AssignmentDraft['programme'] })}
            />
            {placed && (
              <Select
                id={id('teamId')}
                label={t('common.team')}
                value={d.teamId}
                required={d.role !== '' && needsTeam(d.role)}
                emptyLabel={t('common.noTeam')}
                options={teamOptions(org, d.branchId)}
                error={errors[`assignments.${i}.teamId`]}
                onChange={(teamId) => set(d.key, { teamId })}
              />
            )}
            {list.length > 1 && (
              <Button variant="link" onClick={() => onChange(list.filter((x) => x.key !== d.key))}>
                {t('users.removeRole')}
                <span className="visually-hidden"> {t('users.assignmentLabel', { number: i + 1 })}</span>
              </Button>
            )}
          </div>
        );
      })}
      <Button onClick={() => onChange([...list, newAssignment()])}>{t('users.addRole')}</Button>
    </fieldset>
  );
}

/** An account: change its name, language and roles; disable, enable, reset its password or second factor. */
export function UserEditPage() {
  const { userId = '' } = useParams();
  const user = useResource((signal) => api.get<UserView>(`/api/users/${userId}`, { signal }), [userId]);
  if (user.loading && !user.data) return <Loading />;
  if (user.error !== undefined || !user.data) return <RecordLoadFailed error={user.error} />;
  return <UserEditor key={`${user.data.id}:${user.data.version}`} initial={user.data} onUpdated={user.setData} />;
}

type AccountAction = 'disable' | 'enable' | 'reset-password' | 'reset-totp';

function UserEditor({ initial, onUpdated }: { initial: UserView; onUpdated: (u: UserView) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useUser();
  const toast = useToast();
  const org = useOrganisation();
  const [base, setBase] = useState(initial);
  const [displayName, setDisplayName] = useState(initial.displayName);
  const [userLocale, setUserLocale] = useState<Locale>(initial.locale);
  const [assignments, setAssignments] = useState<AssignmentDraft[]>(() => initial.assignments.map(toDraft));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<{ mine: UserView; current: UserView } | null>(null);
  const [action, setAction] = useState<AccountAction | null>(null);
  const isSelf = me.id === base.id;

  const fields = { ...local, ...serverFields(t, error) };
  const order = ['displayName', 'locale', ...assignmentPaths(assignments)];
  const items: SummaryItem[] = order.filter((k) => fields[k]).map((k) => ({ target: `user-${k.replace(/\./g, '-')}`, message: fields[k]!, label: userFieldLabel(t, k) }));
  const isConflict = isApiError(error) && error.code === 'version_conflict';
  const message = isConflict ? t('errors.version_conflict') : error !== undefined && items.length === 0 ? errorText(t, error) : undefined;

  function load(u: UserView) {
    setBase(u);
    setDisplayName(u.displayName);
    setUserLocale(u.locale);
    setAssignments(u.assignments.map(toDraft));
    setError(undefined);
    setConflict(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems: Record<string, string> = {};
    if (!displayName.trim()) problems['displayName'] = t('fieldErrors.required');
    if (assignments.length === 0) problems['assignments'] = t('users.oneRoleAtLeast');
    for (const [k, code] of Object.entries(assignmentProblems(assignments))) problems[`assignments.${k}`] = t(`fieldErrors.${code}`);
    setLocal(problems);
    setError(undefined);
    if (Object.keys(problems).length) return;
    const next = assignments.map(toAssignment);
    const body: { version: number; displayName?: string; locale?: Locale; assignments?: RoleAssignment[] } = { version: base.version };
    if (displayName.trim() !== base.displayName) body.displayName = displayName.trim();
    if (userLocale !== base.locale) body.locale = userLocale;
    if (assignmentsKey(next) !== assignmentsKey(base.assignments)) body.assignments = next;
    if (Object.keys(body).length === 1) {
      toast.show(t('common.noChanges'), 'info');
      return;
    }
    setBusy(true);
    try {
      const saved = await api.patch<UserView>(`/api/users/${base.id}`, body);
      onUpdated(saved);
      toast.show(t('common.saved'));
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict' && e.current) {
        setConflict({ mine: { ...base, displayName: displayName.trim(), locale: userLocale, assignments: next }, current: e.current as UserView });
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const assignmentText = (value: unknown) =>
    (Array.isArray(value) ? (value as RoleAssignment[]) : [])
      .map((a) => [t(`roles.${a.role}`), branchName(org.data, locale, a.branchId), a.programme ? t(`programmes.${a.programme}`) : '', teamName(org.data, a.teamId)].filter(Boolean).join(' — '))
      .sort()
      .join('; ');

  return (
    <>
      <PageHeader
        title={base.displayName}
        subtitle={
          <>
            {base.email}{' '}
            <span className={`badge ${base.disabledAt ? 'badge--warning' : 'badge--ok'}`}>{base.disabledAt ? t('users.disabled') : t('users.active')}</span>
          </>
        }
        breadcrumbs={<Breadcrumbs items={[{ to: '/users', label: t('nav.users') }]} />}
      />
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary message={message} items={items} attempt={attempt} />
        <fieldset className="form-group">
          <legend className="form-group-legend">{t('users.groupAccount')}</legend>
          <TextField id="user-displayName" label={t('users.fields.displayName')} value={displayName} onChange={setDisplayName} required maxLength={120} width="medium" error={fields['displayName']} />
          <Select id="user-locale" label={t('users.fields.locale')} value={userLocale} options={localeOptions} onChange={(l) => setUserLocale(l as Locale)} width="medium" error={fields['locale']} />
        </fieldset>
        <AssignmentsEditor list={assignments} onChange={setAssignments} errors={fields} org={org.data} />
        <p className="field-hint">{t('users.rolesChangeEndsSessions')}</p>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={busy}>
            {t('common.saveChanges')}
          </Button>
          <Link to="/users" className="button button--secondary">
            {t('common.cancel')}
          </Link>
        </div>
      </form>

      <section className="card" aria-labelledby="user-security">
        <h2 id="user-security">{t('users.security')}</h2>
        <dl className="details">
          <div className="details-row">
            <dt>{t('users.twoFactor')}</dt>
            <dd>{base.totpEnabled ? t('users.totpOn') : t('users.totpOff')}</dd>
          </div>
          <div className="details-row">
            <dt>{t('users.lastSignIn')}</dt>
            <dd>{base.lastSignInAt ? formatDateTime(locale, base.lastSignInAt) : t('users.never')}</dd>
          </div>
          <div className="details-row">
            <dt>{t('common.created')}</dt>
            <dd>{formatDateTime(locale, base.createdAt)}</dd>
          </div>
        </dl>
        <div className="form-actions">
          <Button onClick={() => setAction('reset-password')}>{t('users.resetPassword')}</Button>
          {base.totpEnabled && <Button onClick={() => setAction('reset-totp')}>{t('users.resetTotp')}</Button>}
          {base.disabledAt ? (
            <Button onClick={() => setAction('enable')}>{t('users.enable')}</Button>
          ) : (
            !isSelf && (
              <Button variant="danger" onClick={() => setAction('disable')}>
                {t('users.disable')}
              </Button>
            )
          )}
        </div>
      </section>

      {action && (
        <AccountActionDialog
          action={action}
          user={base}
          onClose={() => setAction(null)}
          onDone={(u) => {
            setAction(null);
            onUpdated(u);
            toast.show(t(`users.done.${action}`));
          }}
          onConflict={(current) => {
            setAction(null);
            load(current);
            toast.show(t('common.changedMeanwhile'), 'error');
          }}
        />
      )}
      {conflict && (
        <ConflictDialog
          open
          fields={[
            { key: 'displayName', label: t('users.fields.displayName'), format: valueText },
            { key: 'locale', label: t('users.fields.locale'), format: (v) => (typeof v === 'string' && v in LOCALE_NAMES ? LOCALE_NAMES[v as Locale] : '') },
            { key: 'assignments', label: t('users.roles'), format: assignmentText },
          ]}
          base={base as unknown as Record<string, unknown>}
          mine={conflict.mine as unknown as Record<string, unknown>}
          current={conflict.current as unknown as Record<string, unknown>}
          onClose={() => setConflict(null)}
          onTakeCurrent={() => load(conflict.current)}
          onReapply={() => {
            const { mine, current } = conflict;
            load(current);
            if (mine.displayName !== base.displayName) setDisplayName(mine.displayName);
            if (mine.locale !== base.locale) setUserLocale(mine.locale);
            if (assignmentsKey(mine.assignments) !== assignmentsKey(base.assignments)) setAssignments(mine.assignments.map(toDraft));
          }}
        />
      )}
    </>
  );
}

function AccountActionDialog(props: { action: AccountAction; user: UserView; onClose: () => void; onDone: (u: UserView) => void; onConflict: (current: UserView) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const needsPassword = props.action === 'reset-password';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (needsPassword && !password) {
      setLocal(t('fieldErrors.required'));
      return;
    }
    setLocal(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const body = needsPassword ? { version: props.user.version, password } : { version: props.user.version };
      props.onDone(await api.post<UserView>(`/api/users/${props.user.id}/${props.action}`, body));
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict' && e.current) {
        props.onConflict(e.current as UserView);
        return;
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const passwordError = local ?? serverFields(t, error)['password'];
  return (
    <Dialog
      open
      title={t(`users.confirm.${props.action}.title`, { name: props.user.displayName })}
      onClose={props.onClose}
      actions={
        <>
          <Button type="submit" form="account-action-form" variant={props.action === 'disable' ? 'danger' : 'primary'} busy={busy}>
            {t(`users.confirm.${props.action}.button`)}
          </Button>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <form id="account-action-form" onSubmit={submit} noValidate>
        <ErrorSummary
          message={error !== undefined && !passwordError ? errorText(t, error) : undefined}
          items={passwordError ? [{ target: 'action-password', message: passwordError, label: t('users.newPassword') }] : []}
          attempt={attempt}
        />
        <p>{t(`users.confirm.${props.action}.text`, { name: props.user.displayName })}</p>
        {needsPassword && (
          <TextField id="action-password" label={t('users.newPassword')} hint={t('users.passwordHint')} type="password" autoComplete="new-password" value={password} onChange={setPassword} required width="medium" error={passwordError} />
        )}
      </form>
    </Dialog>
  );
}
