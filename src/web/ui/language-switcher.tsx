import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALES } from '../../shared/i18n/locales.ts';
import { useLocale } from '../i18n/i18n.ts';
import { LOCALE_NAMES } from '../i18n/language.ts';
import { useSession } from '../session/session.tsx';
import { errorText } from './errors.ts';
import { useToast } from './toast.tsx';

/**
 * The language menu, in the top bar and on the sign-in page. Each language is
 * written in itself (and marked with its `lang`), so anyone can find their own
 * whatever the current language is.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { changeLocale } = useSession();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const id = `lang-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return (
    <div className={`language-switcher ${className ?? ''}`}>
      <label htmlFor={id} className="language-switcher-label">
        {t('app.language')}
      </label>
      <select
        id={id}
        className="input select language-switcher-select"
        value={locale}
        disabled={busy}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLocale(next)) return;
          setBusy(true);
          changeLocale(next)
            .catch((error: unknown) => toast.show(errorText(t, error), 'error'))
            .finally(() => setBusy(false));
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
