import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isValidPinfl, makePinfl, pinflBirthDate, pinflSex } from './pinfl.ts';

describe('makePinfl', () => {
  it('encodes century and sex in the first digit', () => {
    expect(makePinfl({ birthDate: '1990-05-15', sex: 'male' })[0]).toBe('3');
    expect(makePinfl({ birthDate: '1990-05-15', sex: 'female' })[0]).toBe('4');
    expect(makePinfl({ birthDate: '2012-01-31', sex: 'male' })[0]).toBe('5');
    expect(makePinfl({ birthDate: '2012-01-31', sex: 'female' })[0]).toBe('6');
    expect(makePinfl({ birthDate: '1899-12-31', sex: 'female' })[0]).toBe('2');
  });

  it('lays out date, district, serial and the 7-3-1 check digit', () => {
    // 3·7 + 1·3 + 5·1 + 0·7 + 5·3 + 9·1 + 0·7 + 5·3 + 9·1 + 0·7 + 1·3 + 2·1 + 3·7 = 103 → 3
    expect(makePinfl({ birthDate: '1990-05-15', sex: 'male', district: 590, serial: 123 })).toBe('31505905901233');
  });

  it('rejects impossible input', () => {
    expect(() => makePinfl({ birthDate: '2023-02-29', sex: 'male' })).toThrow(RangeError);
    expect(() => makePinfl({ birthDate: '1799-01-01', sex: 'male' })).toThrow(RangeError);
    expect(() => makePinfl({ birthDate: '15.05.1990', sex: 'male' })).toThrow(RangeError);
    expect(() => makePinfl({ birthDate: '1990-05-15', sex: 'male', district: 1000 })).toThrow(RangeError);
    expect(() => makePinfl({ birthDate: '1990-05-15', sex: 'male', serial: -1 })).toThrow(RangeError);
  });
});

describe('isValidPinfl', () => {
  const valid = makePinfl({ birthDate: '1990-05-15', sex: 'male', district: 590, serial: 123 });

  it('accepts a valid number, with or without spaces', () => {
    expect(isValidPinfl(valid)).toBe(true);
    expect(isValidPinfl('3 150590 590 123 3')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidPinfl('31505905901234')).toBe(false);
  });

  it('rejects wrong length and non-digits', () => {
    expect(isValidPinfl('3150590590123')).toBe(false);
    expect(isValidPinfl('315059059012330')).toBe(false);
    expect(isValidPinfl('3150590590123a')).toBe(false);
    expect(isValidPinfl('')).toBe(false);
  });

  it('rejects a century digit outside 1–6', () => {
    for (const first of ['0', '7', '8', '9']) {
      const body = first + valid.slice(1, 13);
      const weights = [7, 3, 1];
      const check = [...body].reduce((sum, d, i) => sum + Number(d) * weights[i % 3]!, 0) % 10;
      expect(isValidPinfl(body + check)).toBe(false);
    }
  });

  it('rejects a birth date that does not exist', () => {
    // 30 February 1990 with a correct check digit.
    const body = '3300290590123';
    const weights = [7, 3, 1];
    const check = [...body].reduce((sum, d, i) => sum + Number(d) * weights[i % 3]!, 0) % 10;
    expect(isValidPinfl(body + check)).toBe(false);
  });

  it('catches every single-digit typo in the check digit', () => {
    for (let d = 0; d <= 9; d++) {
      const typo = valid.slice(0, 13) + d;
      expect(isValidPinfl(typo)).toBe(typo === valid);
    }
  });
});

describe('pinflBirthDate and pinflSex', () => {
  it('read back what makePinfl wrote', () => {
    const date = fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(date, fc.constantFrom('male' as const, 'female' as const), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }),
      (birthDate, sex, district, serial) => {
        const p = makePinfl({ birthDate, sex, district, serial });
        return isValidPinfl(p) && pinflBirthDate(p) === birthDate && pinflSex(p) === sex;
      }));
  });

  it('return null for an invalid PINFL', () => {
    expect(pinflBirthDate('31505905901234')).toBeNull();
    expect(pinflSex('31505905901234')).toBeNull();
  });

  it('handle 29 February in a leap year', () => {
    const p = makePinfl({ birthDate: '2020-02-29', sex: 'female' });
    expect(pinflBirthDate(p)).toBe('2020-02-29');
    expect(pinflSex(p)).toBe('female');
  });
});
