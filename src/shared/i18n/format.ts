import type { Locale } from './locales.ts';

/**
 * Dates, numbers and money in the four languages, computed here rather than
 * by `Intl` with the target locale: Chromium ships no Uzbek data and silently
 * falls back to a generic format while claiming support, and the server (Node,
 * full ICU) must print exactly what the browser prints. `Intl` is used only
 * with `en-US`, whose data every engine has, to split numbers and to read the
 * wall-clock time in a time zone.
 */

/** Uzbekistan has one time zone, UTC+5, without daylight saving since 1992. */
export const DEFAULT_TIME_ZONE = 'Asia/Tashkent';

const NBSP = '\u00A0';

interface Separators {
  group: string;
  decimal: string;
}

/** Russian and Uzbek group digits with a no-break space and use a decimal comma. */
const SEPARATORS: Record<Locale, Separators> = {
  en: { group: ',', decimal: '.' },
  ru: { group: NBSP, decimal: ',' },
  'uz-Latn': { group: NBSP, decimal: ',' },
  'uz-Cyrl': { group: NBSP, decimal: ',' },
};

/** Month names in the genitive/date form used after a day number. Uzbek per CLDR and the 1995 orthography. */
const MONTHS: Record<Locale, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  'uz-Latn': ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avgust', 'sentabr', 'oktabr', 'noyabr', 'dekabr'],
  'uz-Cyrl': ['январ', 'феврал', 'март', 'апрел', 'май', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'],
};

const SHORT_MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const UZS: Record<Locale, string> = { en: 'UZS', ru: 'сум', 'uz-Latn': 'soʻm', 'uz-Cyrl': 'сўм' };

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Wall-clock parts of an instant in a time zone; `en-US` numeric parts are the same in every engine. */
function zonedParts(instant: Date, timeZone: string): DateParts {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

/**
 * A calendar date as written in the interface. A plain `YYYY-MM-DD` is a
 * calendar date and is never shifted by a time zone; a full ISO timestamp is
 * shown as its date in `timeZone`. Returns '' for an empty or unreadable value.
 *
 * @example formatDate('ru', '2026-03-08') // '08.03.2026'
 * @example formatDate('en', '2026-03-08') // '8 Mar 2026'
 */
export function formatDate(locale: Locale, value: string | Date | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = toParts(value, timeZone);
  if (!p) return '';
  if (locale === 'en') return `${p.day} ${SHORT_MONTHS_EN[p.month - 1]} ${p.year}`;
  return `${pad2(p.day)}.${pad2(p.month)}.${p.year}`;
}

/**
 * A date with the month written out, for headings and letters.
 *
 * @example formatDateLong('uz-Latn', '2026-11-22') // '2026-yil 22-noyabr'
 */
export function formatDateLong(locale: Locale, value: string | Date | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = toParts(value, timeZone);
  if (!p) return '';
  const month = MONTHS[locale][p.month - 1];
  switch (locale) {
    case 'en':
      return `${p.day} ${month} ${p.year}`;
    case 'ru':
      return `${p.day} ${month} ${p.year}${NBSP}г.`;
    case 'uz-Latn':
      return `${p.year}-yil ${p.day}-${month}`;
    case 'uz-Cyrl':
      return `${p.year}-йил ${p.day}-${month}`;
  }
}

/**
 * An instant as date and 24-hour time in `timeZone` (Tashkent by default).
 *
 * @example formatDateTime('uz-Cyrl', '2026-11-22T09:05:00Z') // '22.11.2026 14:05'
 */
export function formatDateTime(locale: Locale, value: string | Date | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = toParts(value, timeZone);
  if (!p) return '';
  const time = `${pad2(p.hour)}:${pad2(p.minute)}`;
  if (locale === 'en') return `${p.day} ${SHORT_MONTHS_EN[p.month - 1]} ${p.year}, ${time}`;
  return `${pad2(p.day)}.${pad2(p.month)}.${p.year} ${time}`;
}

function toParts(value: string | Date | null | undefined, timeZone: string): DateParts | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const m = DATE_ONLY.exec(value);
    if (m) {
      const year = Number(m[1]);
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (!isRealDate(year, month, day)) return null;
      return { year, month, day, hour: 0, minute: 0 };
    }
  }
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return null;
  return zonedParts(instant, timeZone);
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export interface NumberOptions {
  minimumFractionDigits?: number;
  maximumFractionDigits?: number;
}

/**
 * A number with the locale's digit grouping and decimal sign.
 *
 * @example formatNumber('ru', 1234567.5) // '1 234 567,5' (no-break spaces)
 */
export function formatNumber(locale: Locale, value: number, options: NumberOptions = {}): string {
  if (!Number.isFinite(value)) return '';
  const sep = SEPARATORS[locale];
  const parts = new Intl.NumberFormat('en-US', {
    useGrouping: true,
    minimumFractionDigits: options.minimumFractionDigits ?? 0,
    maximumFractionDigits: options.maximumFractionDigits ?? 3,
  }).formatToParts(value);
  return parts
    .map((part) => (part.type === 'group' ? sep.group : part.type === 'decimal' ? sep.decimal : part.value))
    .join('');
}

/**
 * An amount in Uzbek soʻm: whole soʻm (tiyin are not in use), the currency
 * after the number in every language.
 *
 * @example formatMoneyUzs('uz-Latn', 1250000) // '1 250 000 soʻm'
 */
export function formatMoneyUzs(locale: Locale, amount: number): string {
  if (!Number.isFinite(amount)) return '';
  return `${formatNumber(locale, Math.round(amount), { maximumFractionDigits: 0 })}${NBSP}${UZS[locale]}`;
}

/**
 * Reads a date typed as dd.mm.yyyy (also with `/`, `-` or spaces, and a
 * two-digit day or month written with one digit) into `YYYY-MM-DD`. Returns
 * null when the text is not a real calendar date.
 *
 * @example parseDisplayDate('8.3.2026') // '2026-03-08'
 */
export function parseDisplayDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (!isRealDate(year, month, day)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * `YYYY-MM-DD` as dd.mm.yyyy, the form people type dates in (in every
 * language, so an input field reads the same for everyone).
 */
export function toDisplayDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = DATE_ONLY.exec(isoDate);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/**
 * The plural category of a whole or decimal number, by CLDR rules. Given
 * here because Chromium has no Uzbek plural data: Uzbek is `one` for exactly
 * 1 and `other` otherwise; Russian has one/few/many/other.
 */
export function pluralCategory(locale: Locale, n: number): 'one' | 'few' | 'many' | 'other' {
  const abs = Math.abs(n);
  const isInteger = Number.isInteger(abs);
  switch (locale) {
    case 'en':
      return isInteger && abs === 1 ? 'one' : 'other';
    case 'uz-Latn':
    case 'uz-Cyrl':
      return abs === 1 ? 'one' : 'other';
    case 'ru': {
      if (!isInteger) return 'other';
      const mod10 = abs % 10;
      const mod100 = abs % 100;
      if (mod10 === 1 && mod100 !== 11) return 'one';
      if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'few';
      return 'many';
    }
  }
}
