import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../shared/i18n/format.ts';
import { isLocale, LOCALES, type Locale } from '../../shared/i18n/locales.ts';
import { langCookieValue } from './language.ts';
import { ensureUzbekPluralRules } from './plural-rules.ts';

type Resources = Record<string, unknown>;

/**
 * One chunk per language: a user downloads only the language they read. Each
 * bundle merges the app's main texts with the family-strengthening texts
 * (`locales/cases/*.json`, under the `cases` key).
 */
const loaders = import.meta.glob<Resources>('./bundles/*.ts', { import: 'default' });

async function loadResources(locale: Locale): Promise<Resources> {
  const load = loaders[`./bundles/${locale}.ts`];
  if (!load) throw new Error(`no translations for ${locale}`);
  return load();
}

function asLocale(lng: string | undefined): Locale {
  return isLocale(lng) ? lng : 'en';
}

/**
 * Starts i18next in one language. No fallback language: every key exists in
 * every locale (a unit test enforces it), and a missing one should show up as
 * its key, not as quietly English text.
 */
export async function initI18n(locale: Locale): Promise<I18n> {
  ensureUzbekPluralRules();
  const resources = await loadResources(locale);
  await i18next.use(initReactI18next).init({
    lng: locale,
    supportedLngs: [...LOCALES],
    load: 'currentOnly',
    fallbackLng: false,
    resources: { [locale]: { translation: resources } },
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    react: { useSuspense: false },
  });
  // `{{n, number}}` and `{{d, date}}` go through our formatters, which know Uzbek when the browser does not.
  const formatter = i18next.services.formatter;
  formatter?.add('number', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' ? formatNumber(asLocale(lng), value) : String(value));
  formatter?.add('date', (value: unknown, lng: string | undefined) =>
    typeof value === 'string' || value instanceof Date ? formatDate(asLocale(lng), value) : String(value));
  formatter?.add('datetime', (value: unknown, lng: string | undefined) =>
    typeof value === 'string' || value instanceof Date ? formatDateTime(asLocale(lng), value) : String(value));
  applyDocumentLanguage(locale);
  return i18next;
}

/** Switches the interface language, loading its translations first so nothing flashes untranslated. */
export async function changeLanguage(locale: Locale): Promise<void> {
  if (!i18next.hasResourceBundle(locale, 'translation')) {
    i18next.addResourceBundle(locale, 'translation', await loadResources(locale));
  }
  await i18next.changeLanguage(locale);
  applyDocumentLanguage(locale);
  document.cookie = langCookieValue(locale, location.protocol === 'https:');
}

function applyDocumentLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
}

/** The current interface language, typed. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return asLocale(i18n.resolvedLanguage ?? i18n.language);
}
