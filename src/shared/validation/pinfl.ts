/**
 * PINFL (JShShIR), the 14-digit personal identification number of Uzbekistan:
 *   digit 1       century and sex (1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd = male)
 *   digits 2–7    birth date DDMMYY
 *   digits 8–10   district code
 *   digits 11–13  serial number
 *   digit 14      check digit: Σ digit × 7,3,1,7,3,1… over digits 1–13, mod 10
 */

export type PinflSex = 'male' | 'female';

const WEIGHTS = [7, 3, 1] as const;
const CENTURY_BY_DIGIT: Readonly<Record<string, number>> = { 1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000 };

function checkDigit(first13: string): number {
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(first13[i]) * WEIGHTS[i % 3]!;
  return sum % 10;
}

function compact(s: string): string {
  // People copy PINFLs from documents with spaces between digit groups.
  return s.replace(/\s+/g, '');
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Birth date as ISO "YYYY-MM-DD" if the first seven digits make a real date. */
function birthDateOf(p: string): string | null {
  const century = CENTURY_BY_DIGIT[p[0]!];
  if (century === undefined) return null;
  const day = Number(p.slice(1, 3));
  const month = Number(p.slice(3, 5));
  const year = century + Number(p.slice(5, 7));
  if (!isRealDate(year, month, day)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * True for a well-formed PINFL: 14 digits, a known century digit, a real
 * birth date and a correct check digit. Whitespace is ignored.
 *
 * @example isValidPinfl('31505905901233') // true
 */
export function isValidPinfl(s: string): boolean {
  const p = compact(s);
  if (!/^\d{14}$/.test(p)) return false;
  if (birthDateOf(p) === null) return false;
  return checkDigit(p.slice(0, 13)) === Number(p[13]);
}

/**
 * Birth date encoded in a valid PINFL, as ISO "YYYY-MM-DD"; null if invalid.
 *
 * @example pinflBirthDate('31505905901233') // '1990-05-15'
 */
export function pinflBirthDate(s: string): string | null {
  return isValidPinfl(s) ? birthDateOf(compact(s)) : null;
}

/**
 * Sex encoded in a valid PINFL (odd first digit = male); null if invalid.
 *
 * @example pinflSex('31505905901233') // 'male'
 */
export function pinflSex(s: string): PinflSex | null {
  if (!isValidPinfl(s)) return null;
  return Number(compact(s)[0]) % 2 === 1 ? 'male' : 'female';
}

export interface MakePinflInput {
  /** ISO date "YYYY-MM-DD", years 1800–2099. */
  birthDate: string;
  sex: PinflSex;
  /** 0–999; defaults to 0. */
  district?: number;
  /** 0–999; defaults to 1. */
  serial?: number;
}

/**
 * Builds a valid PINFL, for demo data and tests (not a real person's number).
 * Throws RangeError on an impossible date or out-of-range parts.
 *
 * @example makePinfl({ birthDate: '1990-05-15', sex: 'male', district: 590, serial: 123 }) // '31505905901233'
 */
export function makePinfl(input: MakePinflInput): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.birthDate);
  if (match === null) throw new RangeError(`birthDate must be YYYY-MM-DD: ${input.birthDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1800 || year > 2099 || !isRealDate(year, month, day)) {
    throw new RangeError(`Not a date a PINFL can encode: ${input.birthDate}`);
  }
  const district = input.district ?? 0;
  const serial = input.serial ?? 1;
  for (const [name, value] of [['district', district], ['serial', serial]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > 999) throw new RangeError(`${name} must be 0–999: ${value}`);
  }
  const centuryIndex = Math.floor((year - 1800) / 100); // 0, 1, 2
  const first = 1 + centuryIndex * 2 + (input.sex === 'female' ? 1 : 0);
  const first13 = `${first}${pad(day, 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(district, 3)}${pad(serial, 3)}`;
  return first13 + String(checkDigit(first13));
}
