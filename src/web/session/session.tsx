import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '../../shared/i18n/locales.ts';
import type { Permission } from '../../shared/permissions.ts';
import { api, onSignInNeeded, type ClientErrorCode } from '../api/client.ts';
import type { SessionState, SessionUser } from '../api/types.ts';
import { changeLanguage } from '../i18n/i18n.ts';
import { clearCache } from '../api/cache.ts';
import { forgetAll } from './memory.ts';

interface SessionValue {
  state: SessionState;
  /** Why the user is back at sign-in (an ended session), shown there once. */
  notice: ClientErrorCode | null;
  setState: (state: SessionState) => void;
  clearNotice: () => void;
  signOut: () => Promise<void>;
  /** Changes the interface language, and saves it to the account when signed in. */
  changeLocale: (locale: Locale) => Promise<void>;
}

/** Forgets everything the last user looked at: remembered searches and cached reference data. */
function endOfSession(): void {
  forgetAll();
  clearCache();
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ initial, children }: { initial: SessionState; children: ReactNode }) {
  const [state, setStateRaw] = useState<SessionState>(initial);
  const [notice, setNotice] = useState<ClientErrorCode | null>(null);

  // A language picked on the sign-in page is a fresh, explicit choice: it wins over the saved one
  // and is saved to the account once signed in. Otherwise the account's saved language applies.
  const chosenBeforeSignIn = useRef<Locale | null>(null);

  const setState = useCallback((next: SessionState) => {
    if (next.stage !== 'active') {
      setStateRaw(next);
      return;
    }
    setNotice(null);
    const chosen = chosenBeforeSignIn.current;
    chosenBeforeSignIn.current = null;
    if (chosen && chosen !== next.user.locale) {
      setStateRaw({ stage: 'active', user: { ...next.user, locale: chosen } });
      void api.put('/api/me/locale', { locale: chosen }).catch(() => undefined);
      return;
    }
    setStateRaw(next);
    void changeLanguage(next.user.locale);
  }, []);

  useEffect(() => {
    onSignInNeeded((error) => {
      endOfSession();
      setStateRaw({ stage: 'anonymous' });
      setNotice(error.code);
    });
    return () => onSignInNeeded(undefined);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/sign-out');
    } finally {
      endOfSession();
      setStateRaw({ stage: 'anonymous' });
      setNotice(null);
    }
  }, []);

  const changeLocale = useCallback(
    async (locale: Locale) => {
      await changeLanguage(locale);
      if (state.stage !== 'active') chosenBeforeSignIn.current = locale;
      if (state.stage === 'active') {
        setStateRaw({ stage: 'active', user: { ...state.user, locale } });
        await api.put('/api/me/locale', { locale });
      }
    },
    [state],
  );

  const value = useMemo(
    () => ({ state, notice, setState, clearNotice: () => setNotice(null), signOut, changeLocale }),
    [state, notice, setState, signOut, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only pages behind sign-in call this. */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.stage !== 'active') throw new Error('useUser without an active session');
  return state.user;
}

/** The same rule the server enforces, used here only to hide what cannot be used. */
export function can(user: SessionUser, permission: Permission): boolean {
  return user.permissions.includes(permission);
}
