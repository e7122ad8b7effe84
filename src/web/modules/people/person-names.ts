import type { Locale } from '../../../shared/i18n/locales.ts';
import type { NameScript, PersonView } from '../../api/types.ts';

/**
 * A person's name as the reader writes it. Apart from person-model.ts (which
 * re-exports it) because the app shell's search box needs only this, and the
 * form helpers there bring the phone number library with them.
 */

/** Which script the interface reads in: Russian and Uzbek Cyrillic read Cyrillic names first. */
export function readerScript(locale: Locale): NameScript {
  return locale === 'ru' || locale === 'uz-Cyrl' ? 'cyrl' : 'latn';
}

export interface NameParts {
  familyName?: string | null | undefined;
  givenName?: string | null | undefined;
  patronymic?: string | null | undefined;
}

function joinName(p: NameParts): string {
  return [p.familyName, p.givenName, p.patronymic].filter((x) => x && x.trim()).join(' ');
}

/**
 * A person's name as the reader would write it: in the reader's script when
 * the record has it, family name first (the local convention). Returns the
 * other-script form separately so both can be shown. Empty when the role sees
 * no names.
 */
export function personNames(p: Partial<PersonView>, locale: Locale): { primary: string; secondary: string } {
  const original = joinName(p);
  const alt = joinName({ familyName: p.familyNameAlt, givenName: p.givenNameAlt, patronymic: p.patronymicAlt });
  if (!original) return { primary: '', secondary: '' };
  const altScript: NameScript | null = p.nameScript === 'cyrl' ? 'latn' : p.nameScript === 'latn' ? 'cyrl' : null;
  if (alt && altScript === readerScript(locale)) return { primary: alt, secondary: original };
  return { primary: original, secondary: alt };
}
