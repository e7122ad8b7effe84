import { generateSecret, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';
import { randomBytes } from 'node:crypto';
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
