import { describe, it, expect } from 'vitest';
import { formatUzPhone, parseUzPhone } from './phone.ts';

describe('parseUzPhone', () => {
  it.each([
    '+998 90 123 45 67',
    '+998901234567',
    '998901234567',
    '90 123-45-67',
    '(90) 123 45 67',
    '901234567',
    '8 90 1234567',
    '8 (90) 123-45-67',
    '00998 90 123 45 67',
    ' +998-90-123-45-67 ',
  ])('reads %s', (input) => {
    expect(parseUzPhone(input)).toBe('+998901234567');
  });

  it('reads landlines', () => {
    expect(parseUzPhone('+998 71 234 56 78')).toBe('+998712345678');
    expect(parseUzPhone('8 71 2345678')).toBe('+998712345678');
  });

  it.each([
    '',
    'abc',
    '12345',
    '+998 90 123 45 6',
    '+998 90 123 45 678',
    '+998 11 123 45 67',
    '+7 900 123 45 67',
    '8 900 123 45 67',
  ])('rejects %s', (input) => {
    expect(parseUzPhone(input)).toBeNull();
  });
});

describe('formatUzPhone', () => {
  it('formats as +998 XX XXX XX XX', () => {
    expect(formatUzPhone('+998901234567')).toBe('+998 90 123 45 67');
    expect(formatUzPhone('+998712345678')).toBe('+998 71 234 56 78');
  });

  it('round-trips with parseUzPhone', () => {
    expect(parseUzPhone(formatUzPhone('+998331234567'))).toBe('+998331234567');
  });

  it('returns input it cannot read unchanged', () => {
    expect(formatUzPhone('not a phone')).toBe('not a phone');
    expect(formatUzPhone('+79001234567')).toBe('+79001234567');
  });
});
