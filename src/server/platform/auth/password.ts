import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors/app-error.ts';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes).
// The library's default algorithm is argon2id; the test checks the hash says so.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let common: Set<string> | undefined;
/** The ~50,000 most common passwords, loaded on first use. */
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common']).map((p) => p.toLowerCase()));
  return common;
}

/**
 * Refuses a password that is too short, too long, or among the most common
 * ones (also when only its letters' case or a trailing number differ).
 *
 * @example assertAcceptablePassword('correct horse battery') // ok
 */
export function assertAcceptablePassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new AppError('password_too_short', `A password needs at least ${PASSWORD_MIN} characters.`);
  if (length > PASSWORD_MAX) throw new AppError('password_too_long', `A password may have at most ${PASSWORD_MAX} characters.`);
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d!?.]+$/u, '');
  const list = commonPasswords();
  if (list.has(lower) || (stem.length >= 6 && list.has(stem)) || /^(.)\1+$/u.test(password)) {
    throw new AppError('password_too_common', 'This password is among the most commonly used ones; choose another.');
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so the
// answer takes as long as for a real account and reveals nothing.
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoy, password);
  return false;
}
