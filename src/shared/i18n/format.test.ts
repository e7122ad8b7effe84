import { describe, expect, it } from 'vitest';
import {
  formatDate, formatDateLong, formatDateTime, formatMoneyUzs, formatNumber, parseDisplayDate, pluralCategory, toDisplayDate,
} from './format.ts';
import { LOCALES } from './locales.ts';

const NBSP = '\u00A0';

describe('formatDate', () => {
  it('writes dd.mm.yyyy in Russian and both Uzbek scripts', () => {
    expect(formatDate('ru', '2026-03-08')).toBe('08.03.2026');
    expect(formatDate('uz-Latn', '2026-03-08')).toBe('08.03.2026');
    expect(formatDate('uz-Cyrl', '2026-03-08')).toBe('08.03.2026');
  });

  it('writes an unambiguous day-month-year in English', () => {
    expect(formatDate('en', '2026-03-08')).toBe('8 Mar 2026');
  });

  it('never shifts a calendar date by the time zone', () => {
    expect(formatDate('ru', '2026-01-01', 'America/Los_Angeles')).toBe('01.01.2026');
    expect(formatDate('ru', '2026-01-01', 'Pacific/Kiritimati')).toBe('01.01.2026');
  });

  it('shows a timestamp as its date in Tashkent', () => {
    // 20:30 UTC on 31 December is already 1 January in Tashkent (UTC+5).
    expect(formatDate('ru', '2025-12-31T20:30:00Z')).toBe('01.01.2026');
    expect(formatDate('ru', new Date('2025-12-31T18:30:00Z'))).toBe('31.12.2025');
  });

  it('returns an empty string for empty or impossible dates', () => {
    expect(formatDate('ru', null)).toBe('');
    expect(formatDate('ru', '')).toBe('');
    expect(formatDate('ru', '2026-02-30')).toBe('');
    expect(formatDate('ru', 'yesterday')).toBe('');
  });
});

describe('formatDateLong', () => {
  it('writes correct month names in each language', () => {
    expect(formatDateLong('en', '2026-11-22')).toBe('22 November 2026');
    expect(formatDateLong('ru', '2026-11-22')).toBe(`22 ноября 2026${NBSP}г.`);
    expect(formatDateLong('uz-Latn', '2026-09-01')).toBe('2026-yil 1-sentabr');
    expect(formatDateLong('uz-Cyrl', '2026-07-15')).toBe('2026-йил 15-июл');
  });
});

describe('formatDateTime', () => {
  it('writes 24-hour Tashkent time', () => {
    expect(formatDateTime('uz-Cyrl', '2026-11-22T09:05:00Z')).toBe('22.11.2026 14:05');
    expect(formatDateTime('ru', '2026-11-22T19:00:00Z')).toBe('23.11.2026 00:00');
    expect(formatDateTime('en', '2026-11-22T09:05:00Z')).toBe('22 Nov 2026, 14:05');
  });

  it('honours another time zone', () => {
    expect(formatDateTime('ru', '2026-11-22T09:05:00Z', 'UTC')).toBe('22.11.2026 09:05');
  });
});

describe('formatNumber', () => {
  it('groups digits with a no-break space and uses a decimal comma in ru and uz', () => {
    for (const locale of ['ru', 'uz-Latn', 'uz-Cyrl'] as const) {
      expect(formatNumber(locale, 1234567.5)).toBe(`1${NBSP}234${NBSP}567,5`);
      expect(formatNumber(locale, 1234)).toBe(`1${NBSP}234`);
    }
  });

  it('uses commas and a decimal point in English', () => {
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
  });

  it('keeps small numbers, negatives and fixed decimals', () => {
    expect(formatNumber('ru', 7)).toBe('7');
    expect(formatNumber('ru', -1500)).toBe(`-1${NBSP}500`);
    expect(formatNumber('uz-Latn', 0.5, { minimumFractionDigits: 2 })).toBe('0,50');
    expect(formatNumber('en', Number.NaN)).toBe('');
  });
});

describe('formatMoneyUzs', () => {
  it('writes whole soʻm with the currency after the amount', () => {
    expect(formatMoneyUzs('uz-Latn', 1250000)).toBe(`1${NBSP}250${NBSP}000${NBSP}soʻm`);
    expect(formatMoneyUzs('uz-Cyrl', 1250000)).toBe(`1${NBSP}250${NBSP}000${NBSP}сўм`);
    expect(formatMoneyUzs('ru', 1250000.4)).toBe(`1${NBSP}250${NBSP}000${NBSP}сум`);
    expect(formatMoneyUzs('en', 1250000)).toBe(`1,250,000${NBSP}UZS`);
  });

  it('uses the modifier letter turned comma (U+02BB) in soʻm', () => {
    expect(formatMoneyUzs('uz-Latn', 1)).toContain('\u02BB');
  });
});

describe('parseDisplayDate / toDisplayDate', () => {
  it('reads dd.mm.yyyy and its common variants', () => {
    expect(parseDisplayDate('08.03.2026')).toBe('2026-03-08');
    expect(parseDisplayDate('8.3.2026')).toBe('2026-03-08');
    expect(parseDisplayDate(' 08/03/2026 ')).toBe('2026-03-08');
    expect(parseDisplayDate('08-03-2026')).toBe('2026-03-08');
  });

  it('refuses impossible or partial dates', () => {
    expect(parseDisplayDate('29.02.2025')).toBeNull();
    expect(parseDisplayDate('29.02.2024')).toBe('2024-02-29');
    expect(parseDisplayDate('32.01.2026')).toBeNull();
    expect(parseDisplayDate('2026-03-08')).toBeNull();
    expect(parseDisplayDate('08.03.26')).toBeNull();
  });

  it('round-trips', () => {
    expect(toDisplayDate('2026-03-08')).toBe('08.03.2026');
    expect(parseDisplayDate(toDisplayDate('1999-12-31'))).toBe('1999-12-31');
    expect(toDisplayDate(null)).toBe('');
  });
});

describe('pluralCategory', () => {
  it('follows the Russian one/few/many rule', () => {
    const cases: [number, string][] = [[1, 'one'], [21, 'one'], [2, 'few'], [24, 'few'], [5, 'many'], [11, 'many'], [12, 'many'], [14, 'many'], [111, 'many'], [0, 'many'], [1.5, 'other']];
    for (const [n, cat] of cases) expect(pluralCategory('ru', n), String(n)).toBe(cat);
  });

  it('matches Node ICU for every locale on whole numbers', () => {
    for (const locale of LOCALES) {
      const rules = new Intl.PluralRules(locale);
      for (let n = 0; n <= 130; n++) expect(pluralCategory(locale, n), `${locale} ${n}`).toBe(rules.select(n));
    }
  });
});
