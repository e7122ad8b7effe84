import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSecretKey, parseSecretKey, SecretBox } from './secret-box.ts';

const box = new SecretBox(Buffer.alloc(32, 7));

describe('SecretBox', () => {
  it('opens what it sealed, and each sealing looks different', () => {
    const a = box.seal('JBSWY3DPEHPK3PXP', 'totp:u1');
    const b = box.seal('JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(SecretBox.isSealed(a)).toBe(true);
    expect(box.open(a, 'totp:u1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another context, another key, an altered value and plain text', () => {
    const sealed = box.seal('secret', 'totp:u1');
    expect(box.open(sealed, 'totp:u2')).toBeNull();
    expect(new SecretBox(Buffer.alloc(32, 8)).open(sealed, 'totp:u1')).toBeNull();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(box.open(`v1.${raw.toString('base64url')}`, 'totp:u1')).toBeNull();
    expect(box.open('secret', 'totp:u1')).toBeNull();
    expect(box.open('v1.abc', 'totp:u1')).toBeNull();
  });

  it('takes only 32-byte keys', () => {
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow(/32 bytes/);
    expect(parseSecretKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseSecretKey(Buffer.alloc(32, 1).toString('base64'))).toHaveLength(32);
    expect(() => parseSecretKey('short')).toThrow(/OILA_SECRET_KEY/);
  });
});

describe('loadSecretKey', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'oila-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes an owner-only key file once and reads the same key afterwards', async () => {
    const dataDir = path.join(dir, 'data');
    const first = await loadSecretKey({ secretKey: undefined, dataDir });
    const file = path.join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.toString('hex'));
    expect(await loadSecretKey({ secretKey: undefined, dataDir })).toEqual(first);
  });

  it('prefers OILA_SECRET_KEY and writes no file then', async () => {
    const dataDir = path.join(dir, 'env');
    const key = await loadSecretKey({ secretKey: 'cd'.repeat(32), dataDir });
    expect(key.toString('hex')).toBe('cd'.repeat(32));
    expect(() => statSync(path.join(dataDir, 'secret.key'))).toThrow();
  });
});
