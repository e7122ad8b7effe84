import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { langCookieValue, pickLocale, readLangCookie } from './language.ts';

describe('pickLocale', () => {
  it("prefers the signed-in user's saved language", () => {
    expect(pickLocale({ userLocale: 'uz-Cyrl', cookie: 'oila_lang=ru', languages: ['en'] })).toBe('uz-Cyrl');
  });

  it("falls back to this device's choice, then the browser's languages", () => {
    expect(pickLocale({ cookie: 'a=1; oila_lang=ru', languages: ['en'] })).toBe('ru');
    expect(pickLocale({ cookie: 'oila_lang=xx', languages: ['ru-RU', 'en'] })).toBe('ru');
    expect(pickLocale({ languages: ['de-DE', 'en-GB'] })).toBe('en');
    expect(pickLocale({})).toBe('en');
  });

  it('reads plain uz as Uzbek Latin and uz-Cyrl as Cyrillic', () => {
    expect(pickLocale({ languages: ['uz'] })).toBe('uz-Latn');
    expect(pickLocale({ languages: ['uz-UZ'] })).toBe('uz-Latn');
    expect(pickLocale({ languages: ['uz-Cyrl-UZ'] })).toBe('uz-Cyrl');
  });
});

describe('language cookie', () => {
  it('round-trips and ignores unknown values', () => {
    expect(readLangCookie('oila_lang=uz-Latn')).toBe('uz-Latn');
    expect(readLangCookie('oila_lang=fr')).toBeUndefined();
    expect(langCookieValue('uz-Cyrl', true)).toBe('oila_lang=uz-Cyrl; Path=/; Max-Age=31536000; SameSite=Lax; Secure');
  });
});

describe('translations at run time', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const load = (l: string) => JSON.parse(readFileSync(path.join(here, 'locales', `${l}.json`), 'utf8')) as Record<string, unknown>;

  it('picks the Russian plural forms', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ru', resources: { ru: { translation: load('ru') } }, interpolation: { escapeValue: false } });
    expect(i18n.t('person.ageYears', { count: 1 })).toBe('(1 год)');
    expect(i18n.t('person.ageYears', { count: 3 })).toBe('(3 года)');
    expect(i18n.t('person.ageYears', { count: 11 })).toBe('(11 лет)');
    expect(i18n.t('person.ageYears', { count: 21 })).toBe('(21 год)');
    expect(i18n.t('errors.retryInMinutes', { count: 5 })).toBe('Повторите через 5 минут.');
  });

  it('uses the one/other forms in Uzbek', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'uz-Latn', load: 'currentOnly', resources: { 'uz-Latn': { translation: load('uz-Latn') } }, interpolation: { escapeValue: false } });
    expect(i18n.t('households.membersCount', { count: 1 })).toBe('1 ta aʼzo');
    expect(i18n.t('households.membersCount', { count: 4 })).toBe('4 ta aʼzo');
  });
});
