import { describe, expect, it } from 'vitest';
import { paddedCaseNumber, parseQuery, rankCaseNumber } from './search.service.ts';

describe('a case number in the search box', () => {
  it('is recognised from "FS-" and a digit on, in any letter case and with stray spaces', () => {
    for (const [typed, start] of [
      ['FS-2026-000123', 'FS-2026-000123'],
      ['fs-2026-000123', 'FS-2026-000123'],
      [' fs-2026-12 ', 'FS-2026-12'],
      ['FS-2', 'FS-2'],
      ['Fs-2026-', 'FS-2026-'],
      ['FS - 2026 - 1', 'FS-2026-1'],
    ] as const) {
      expect(parseQuery(typed, 10), typed).toMatchObject({ caseNumber: start, words: [] });
    }
  });

  it('is not taken for a name, a reference or a PINFL', () => {
    for (const typed of ['FS', 'FS-', 'Fsonov', 'FS-2026-0000001', 'FS-20261', 'P-000012', '12345678901234', 'Nilufar']) {
      expect(parseQuery(typed, 10).caseNumber, typed).toBeUndefined();
    }
  });

  it('pads a short serial to the stored form once the year is complete', () => {
    expect(paddedCaseNumber('FS-2026-12')).toBe('FS-2026-000012');
    expect(paddedCaseNumber('FS-2026-000012')).toBe('FS-2026-000012');
    expect(paddedCaseNumber('FS-2026-')).toBeUndefined();
    expect(paddedCaseNumber('FS-202')).toBeUndefined();
  });

  it('ranks the whole number 1 and a beginning by how much of the number it covers', () => {
    expect(rankCaseNumber('FS-2026-000012', 'FS-2026-000012')).toBe(1);
    expect(rankCaseNumber('FS-2026-12', 'FS-2026-000012')).toBe(1);
    const longer = rankCaseNumber('FS-2026-0000', 'FS-2026-000012');
    const shorter = rankCaseNumber('FS-2026', 'FS-2026-000012');
    expect(longer).toBeLessThan(1);
    expect(shorter).toBeLessThan(longer);
    expect(shorter).toBeGreaterThanOrEqual(0.5);
  });
});
