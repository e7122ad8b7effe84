/**
 * Uzbek phone numbers: parse what people type, store E.164, show
 * "+998 XX XXX XX XX".
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Parses an Uzbek phone number in any common form — "+998 90 123 45 67",
 * "998901234567", "90 123-45-67", the Soviet-era trunk prefix "8 90 1234567"
 * or "00998…" — into E.164. Returns null if it is not a valid Uzbek number.
 *
 * @example parseUzPhone('8 90 123-45-67') // '+998901234567'
 */
export function parseUzPhone(input: string): string | null {
  const trimmed = input.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    digits = '+' + digits;
  } else if (digits.startsWith('00')) {
    digits = '+' + digits.slice(2);
  } else if (digits.length === 12 && digits.startsWith('998')) {
    digits = '+' + digits;
  } else if (digits.length === 10 && digits.startsWith('8')) {
    // Old domestic dialling put a trunk 8 before the 9-digit number.
    digits = digits.slice(1);
  }
  const phone = parsePhoneNumberFromString(digits, 'UZ');
  if (phone === undefined || phone.country !== 'UZ' || !phone.isValid()) return null;
  return phone.number;
}

/**
 * Formats an E.164 Uzbek number for display as "+998 90 123 45 67". Input
 * that is not a valid Uzbek number is returned unchanged, so display code
 * never loses what was stored.
 *
 * @example formatUzPhone('+998901234567') // '+998 90 123 45 67'
 */
export function formatUzPhone(e164: string): string {
  const parsed = parseUzPhone(e164);
  if (parsed === null) return e164;
  return parsePhoneNumberFromString(parsed)?.formatInternational() ?? e164;
}
