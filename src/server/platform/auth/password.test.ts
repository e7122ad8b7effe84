import { describe, expect, it } from 'vitest';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './password.ts';

describe('assertAcceptablePassword', () => {
  it.each([
    ['short1', 'password_too_short'],
    ['x'.repeat(129), 'password_too_long'],
    ['password1234', 'password_too_common'],
    ['Qwertyuiop12', 'password_too_common'],
    ['aaaaaaaaaaaaaaa', 'password_too_common'],
  ])('refuses %s', (pw, code) => {
    expect(() => assertAcceptablePassword(pw)).toThrow(expect.objectContaining({ code }));
  });
  it('accepts a long passphrase, counting characters not bytes', () => {
    expect(() => assertAcceptablePassword('Oʻzbekiston bogʻlari')).not.toThrow();
    expect(() => assertAcceptablePassword('ўўўўўўқққққғ')).not.toThrow();
  });
});

describe('argon2id hashing', () => {
  it('verifies the right password only, with a salted argon2id hash', async () => {
    const h = await hashPassword('tall mountains of Chimgan');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'tall mountains of Chimgan')).toBe(true);
    expect(await verifyPassword(h, 'tall mountains of chimgan')).toBe(false);
    expect(await hashPassword('tall mountains of Chimgan')).not.toBe(h);
  });
});
