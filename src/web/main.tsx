import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client.ts';
import type { SessionState } from './api/types.ts';
import { App } from './app.tsx';
import { initI18n } from './i18n/i18n.ts';
import { pickLocale } from './i18n/language.ts';
import './ui/app.css';

/**
 * Start-up: ask who is signed in, pick the language (their saved one, else
 * this device's choice, else the browser's), load only that language, then
 * render. Nothing is shown before the language is known, so nothing flashes
 * in the wrong language.
 */
async function start(): Promise<void> {
  const session = await api.get<SessionState>('/api/auth/session').catch((): SessionState => ({ stage: 'anonymous' }));
  const locale = pickLocale({
    userLocale: session.stage === 'active' ? session.user.locale : undefined,
    cookie: document.cookie,
    languages: navigator.languages,
  });
  await initI18n(locale);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App initial={session} />
    </StrictMode>,
  );
}

void start();
