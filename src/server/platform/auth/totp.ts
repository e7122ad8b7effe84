import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
import type { Executor } from '../http/context.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { sha256Hex } from './tokens.ts';

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address and its QR code (an SVG data URL: no third party sees the secret). */
export async function totpEnrolment(secret: string, accountLabel: string): Promise<{ otpauthUri: string; qrSvgDataUrl: string }> {
  const otpauthUri = generateURI({ issuer: 'Oila', label: accountLabel, secret });
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { otpauthUri, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Checks a 6-digit code, allowing one 30-second step of clock drift either
 * way. A code at or before `lastStep` is refused, so a code is used once.
 * Returns the accepted time step, or null.
 */
export function verifyTotp(secret: string, code: string, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = verifySync({ secret, token: code, epochTolerance: 30, ...(lastStep !== null ? { afterTimeStep: lastStep } : {}) }) as { valid: boolean; timeStep?: number };
    return result.valid && result.timeStep !== undefined ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** Ten one-time recovery codes, shown once; only their hashes are kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const codes = Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.trim().toLowerCase().replace(/\s+/g, ''));
}

/** A TOTP seed as stored: sealed, and bound to its user so it cannot be copied to another account. */
export const sealTotpSecret = (box: SecretBox, userId: string, secret: string): string => box.seal(secret, `totp:${userId}`);

/** The seed of a user, or null when it cannot be opened (another key, altered). */
export const openTotpSecret = (box: SecretBox, userId: string, stored: string): string | null => box.open(stored, `totp:${userId}`);

/**
 * Seals seeds still stored in plain text: rows from before sealing, and the
 * demo accounts, which are seeded with a published secret. Runs at start.
 */
export async function sealPlainTotpSecrets(db: Executor, box: SecretBox): Promise<number> {
  const plain = await db.selectFrom('app_user').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).where('totp_secret', 'not like', 'v1.%').execute();
  for (const row of plain) {
    await db.updateTable('app_user').set({ totp_secret: sealTotpSecret(box, row.id, row.totp_secret!) }).where('id', '=', row.id).where('totp_secret', '=', row.totp_secret).execute();
  }
  return plain.length;
}
