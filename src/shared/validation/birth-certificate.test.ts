import { describe, it, expect } from 'vitest';
import { isValidBirthCertificate, normalizeBirthCertificate } from './birth-certificate.ts';

describe('normalizeBirthCertificate', () => {
  it.each([
    ['I-TN 1234567', 'I-TN 1234567'],
    ['i-tn 1234567', 'I-TN 1234567'],
    ['I – TN  1234567', 'I-TN 1234567'],
    ['I‑TN1234567', 'I-TN 1234567'],
    ['I-TN-1234567', 'I-TN 1234567'],
    ['I-TN №1234567', 'I-TN 1234567'],
    ['ав 123456', 'АВ 123456'],
    [' BC   1234567 ', 'BC 1234567'],
    ['BC 123 456', 'BC 123 456'], // digit groups are not guessed at
    ['ITN 1234567', 'ITN 1234567'],
  ])('%s → %s', (input, output) => {
    expect(normalizeBirthCertificate(input)).toBe(output);
  });

  it('is idempotent', () => {
    for (const s of ['i – tn №1234567', 'ав 123456', 'nonsense', '', '123']) {
      const once = normalizeBirthCertificate(s);
      expect(normalizeBirthCertificate(once)).toBe(once);
    }
  });
});

describe('isValidBirthCertificate', () => {
  it.each(['I-TN 1234567', 'i-tn1234567', 'АВ 123456', 'BC 1234567', 'A 123456', 'I-ТН 1234567'.replace('I', 'І'), 'ҚҲ 123456'])(
    'accepts %s',
    (s) => {
      expect(isValidBirthCertificate(s)).toBe(true);
    },
  );

  it.each([
    ['', 'empty'],
    ['1234567', 'no series'],
    ['I-TN', 'no number'],
    ['I-TN 12345', 'five digits'],
    ['I-TN 12345678', 'eight digits'],
    ['ABCD 123456', 'four letters'],
    ['I-T-N 123456', 'two dashes'],
    ['I-ТН 1234567', 'Latin I with Cyrillic ТН'],
    ['A1 123456', 'digit in series'],
  ])('rejects %s (%s)', (s) => {
    expect(isValidBirthCertificate(s)).toBe(false);
  });
});
