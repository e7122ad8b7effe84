import { isLocale, negotiateLocale, type Locale } from '../../shared/i18n/locales.ts';

/** The cookie the server also reads, so pages it renders and the app agree before anyone signs in. */
export const LANG_COOKIE = 'oila_lang';

/** The `oila_lang` cookie's value when it names a supported locale. */
export function readLangCookie(cookieHeader: string): Locale | undefined {
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== LANG_COOKIE) continue;
    const value = decodeURIComponent(part.slice(eq + 1).trim());
    if (isLocale(value)) return value;
  }
  return undefined;
}

/**
 * The language to start in: the signed-in user's saved choice, else the
 * choice made on this device (cookie), else the browser's languages.
 *
 * @example pickLocale({ languages: ['uz', 'ru'] }) // 'uz-Latn'
 */
export function pickLocale(sources: { userLocale?: Locale | undefined; cookie?: string; languages?: readonly string[] }): Locale {
  if (sources.userLocale) return sources.userLocale;
  const fromCookie = readLangCookie(sources.cookie ?? '');
  if (fromCookie) return fromCookie;
  return negotiateLocale(sources.languages ?? []);
}

/** Each language named in itself, as a language switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  'uz-Latn': 'Oʻzbekcha',
  'uz-Cyrl': 'Ўзбекча',
};

/** `Set-Cookie` text for the language choice: a year, whole site, not sent cross-site. */
export function langCookieValue(locale: Locale, secure: boolean): string {
  return `${LANG_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`;
}
