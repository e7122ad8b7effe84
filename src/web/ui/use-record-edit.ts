import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, isApiError } from '../api/client.ts';
import { reapplyChanges } from './conflict.ts';
import { useToast } from './toast.tsx';

export interface RecordEditOptions<R, V, F extends string> {
  initial: R;
  toForm: (record: R) => V;
  /** The fields to send: those the values change in the record. */
  changes: (base: R, values: V) => object;
  /** Problems found before sending, by field, already translated. */
  check: (values: V) => Partial<Record<F, string>>;
  /** The record's address in the API, e.g. `/api/people/…`. */
  apiPath: string;
  /** The record's page, where a save (or nothing to save) leads back to. */
  pagePath: string;
  /** The fields the user edits: after a conflict, their own changes are put back on these. */
  editableKeys: readonly (keyof R)[];
}

/**
 * Changing a registered record (a person, a household): only changed fields
 * are sent, with the version the user opened. When someone else saved first
 * (409 version_conflict) `conflict` holds both versions, for a ConflictDialog
 * whose choices are `takeCurrent` and `reapply`.
 */
export function useRecordEdit<R extends { id: string; version: number }, V, F extends string>(options: RecordEditOptions<R, V, F>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const [base, setBase] = useState<R>(options.initial);
  const [values, setValues] = useState<V>(() => options.toForm(options.initial));
  // A new key remounts the form, so its fields show values set from outside (after a conflict).
  const [formKey, setFormKey] = useState(0);
  const [local, setLocal] = useState<Partial<Record<F, string>>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState<{ mine: R; current: R } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const problems = options.check(values);
    setLocal(problems);
    setError(undefined);
    if (Object.keys(problems).length) return;
    const changes = options.changes(base, values);
    if (Object.keys(changes).length === 0) {
      toast.show(t('common.noChanges'), 'info');
      void navigate(options.pagePath);
      return;
    }
    setBusy(true);
    try {
      await api.patch<R>(options.apiPath, { version: base.version, ...changes });
      toast.show(t('common.saved'));
      void navigate(options.pagePath);
    } catch (e) {
      if (isApiError(e) && e.code === 'version_conflict' && e.current) setConflict({ mine: { ...base, ...(changes as Partial<R>) }, current: e.current as R });
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  /** Continues from the current record: `from` is it, or it with the user's changes put back. */
  function restart(current: R, from: R) {
    setBase(current);
    setValues(options.toForm(from));
    setFormKey((k) => k + 1);
    setConflict(null);
    setError(undefined);
  }

  return {
    base,
    values,
    setValues,
    formKey,
    local,
    error,
    busy,
    attempt,
    conflict,
    submit,
    closeConflict: () => setConflict(null),
    takeCurrent: () => conflict && restart(conflict.current, conflict.current),
    reapply: () => conflict && restart(conflict.current, reapplyChanges(base, conflict.mine, conflict.current, options.editableKeys)),
  };
}
