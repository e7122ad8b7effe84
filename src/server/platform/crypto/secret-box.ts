/**
 * Secrets the server must read back (the TOTP seeds of two-factor sign-in)
 * are kept sealed with AES-256-GCM under a key that never enters the
 * database: a copy of the database or of a backup alone does not let anyone
 * compute sign-in codes. Each sealed value is bound to what it is for (the
 * `context`, e.g. the user it belongs to), so it cannot be moved to another
 * row and still open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const VERSION = 'v1.';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`A secret key has ${KEY_BYTES} bytes, not ${key.length}.`);
    this.#key = Buffer.from(key);
  }

  static isSealed(value: string): boolean {
    return value.startsWith(VERSION);
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The plain value, or null when it was sealed under another key or context, or altered. */
  open(sealed: string, context: string): string | null {
    if (!SecretBox.isSealed(sealed)) return null;
    const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/** Parses a key given as 64 hex digits or 43–44 characters of base64/base64url. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64url');
  if (key.length !== KEY_BYTES) throw new Error(`OILA_SECRET_KEY must be ${KEY_BYTES} bytes (64 hex digits or base64); this one has ${key.length}.`);
  return key;
}

export const SECRET_KEY_FILE = 'secret.key';

/**
 * The key from OILA_SECRET_KEY when set (several servers, or a key kept in a
 * secrets manager); otherwise from `<dataDir>/secret.key`, made on first
 * start with owner-only permissions. Back it up apart from the database.
 */
export async function loadSecretKey(options: { secretKey: string | undefined; dataDir: string }): Promise<Buffer> {
  if (options.secretKey) return parseSecretKey(options.secretKey);
  const file = path.join(options.dataDir, SECRET_KEY_FILE);
  try {
    return parseSecretKey(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // 'wx': two processes starting at once must not each write their own key.
  try {
    await writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return parseSecretKey(await readFile(file, 'utf8'));
    throw error;
  }
  await chmod(file, 0o600);
  return key;
}
