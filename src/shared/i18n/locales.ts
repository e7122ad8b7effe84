/** The four languages Oila speaks everywhere, as BCP 47 tags. */
export const LOCALES = ['en', 'ru', 'uz-Latn', 'uz-Cyrl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header or a list of
 * browser languages. Plain `uz` means Latin script, the official one since 1995.
 *
 * @example negotiateLocale(['ru-RU', 'en']) // 'ru'
 */
export function negotiateLocale(preferred: readonly string[] | string | undefined): Locale {
  const list = typeof preferred === 'string' ? parseAcceptLanguage(preferred) : (preferred ?? []);
  for (const raw of list) {
    const tag = raw.trim().toLowerCase();
    if (tag.startsWith('uz')) return tag.includes('cyrl') ? 'uz-Cyrl' : 'uz-Latn';
    if (tag.startsWith('ru')) return 'ru';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((x) => x.tag);
}
