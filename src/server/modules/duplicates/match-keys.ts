/**
 * Indexed keys that find candidate duplicates and search hits without
 * comparing every pair: computed from a person's names and identifiers when
 * the person is saved, stored in person_match_key (exact keys, btree) and
 * person_match_fold (folded name, trigram index). Pure, so the migration's
 * backfill, the services and the benchmarks compute them the same way.
 *
 * Key kinds (the prefix before ':'):
 *   n:   sorted name stems (and the same without the patronymic)   nameMatchKeys()
 *   sk:  the same stems without vowels: survives vowel slips and swapped letters
 *        (the registration check looks it up; the scan does not)
 *   nq:  the n: keys again, for a record with no date of birth: the scan
 *        pairs a name-only key with these only, so namesakes with two known
 *        dates never meet by name alone
 *   ny:  the name without patronymic and the birth year (any known date)
 *   ne:  the same for the year before, of and after an estimated date: the
 *        scan pairs it with ny: keys, so an estimate meets the real date
 *   nd:  the name without patronymic and two of the three parts of the date
 *        of birth (year-month, year-day, month-day) or the day and month
 *        swapped: two records whose dates agree but for one slip share one;
 *        splits very common names into small blocks
 *   gd:  one given-name root and the full date of birth: catches a slip in the surname
 *   fd:  one surname stem and the full date of birth: catches a slip in the given name
 *   id:  PINFL
 *   bc:  birth certificate number
 *   t:   one folded word of any name, in both scripts: search-as-you-type by prefix
 */
import { foldName, nameTokens, searchFold, uzCyrlToLatn, type NameTokens } from '../../../shared/names/index.ts';

/**
 * Parsing a name is the costly part of keying and scoring, and registries
 * repeat names a lot: parsed names are kept, up to a bound.
 */
const MEMO_LIMIT = 50_000;
function memo<T>(fn: (name: string) => T): (name: string) => T {
  const cache = new Map<string, T>();
  return (name: string) => {
    let v = cache.get(name);
    if (v === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear();
      v = fn(name);
      cache.set(name, v);
    }
    return v;
  };
}
export const tokensOf: (fullName: string) => NameTokens = memo(nameTokens);
export const foldOf: (text: string) => string = memo(foldName);

/**
 * A stem without its vowels: vowel slips and swapped letters (Nilfuar,
 * Shavakt, Jamshdi) keep it, another consonant (Dilnoza/Dilfuza) does not.
 */
function skeleton(stem: string): string {
  return stem.replace(/[aeiouy]/g, '') || stem;
}

/** The consonant skeletons of the name keys. */
function skeletonKeysOf(fullName: string): string[] {
  const t = tokensOf(fullName);
  if (t.all.length === 0) return [];
  const keys = [t.all.map(skeleton).sort().join(' ')];
  if (t.patronymic.length > 0 && t.given.length + t.family.length > 0) keys.push([...t.given, ...t.family].map(skeleton).sort().join(' '));
  return keys;
}

/** nameMatchKeys() from the memoised tokens (the same rule: all stems sorted; and without the patronymic). */
function matchKeysOf(fullName: string): string[] {
  const t = tokensOf(fullName);
  if (t.all.length === 0) return [];
  const keys = [t.all.join(' ')];
  const withoutPatronymic = [...t.given, ...t.family].sort();
  if (t.patronymic.length > 0 && withoutPatronymic.length > 0) keys.push(withoutPatronymic.join(' '));
  return keys;
}

export interface MatchKeySource {
  given_name: string;
  family_name: string;
  patronymic: string | null;
  given_name_alt?: string | null;
  family_name_alt?: string | null;
  patronymic_alt?: string | null;
  birth_date: string | null;
  /** An estimated date also gets the ne: keys (its year, and one either side). */
  birth_date_estimated?: boolean;
  pinfl: string | null;
  birth_certificate: string | null;
}

/** Kinds used to find duplicate candidates (search tokens are not). */
export const CANDIDATE_KEY_KINDS = ['n', 'sk', 'nq', 'ny', 'ne', 'nd', 'gd', 'fd', 'id', 'bc'] as const;

/** The full name as typed, and its other-script form when it has one. */
export function fullNamesOf(p: Pick<MatchKeySource, 'given_name' | 'family_name' | 'patronymic' | 'given_name_alt' | 'family_name_alt' | 'patronymic_alt'>): string[] {
  const primary = [p.given_name, p.patronymic, p.family_name].filter(Boolean).join(' ');
  const hasAlt = p.given_name_alt || p.family_name_alt || p.patronymic_alt;
  if (!hasAlt) return [primary];
  const alt = [p.given_name_alt ?? p.given_name, p.patronymic_alt ?? p.patronymic, p.family_name_alt ?? p.family_name].filter(Boolean).join(' ');
  return alt === primary ? [primary] : [primary, alt];
}

/**
 * The folded name compared by trigram similarity: the sorted stems without
 * surname endings or given-name suffixes, so that the -ova/-ov every surname
 * shares does not make all names look alike.
 *
 * @example matchFold('Нилуфархон Камалова') // 'kamal nilufar'
 */
export function matchFold(fullName: string): string {
  return tokensOf(fullName).all.join(' ');
}

/** Candidate keys for a record being typed or saved (no search tokens). */
export function candidateKeys(p: Omit<MatchKeySource, 'given_name' | 'family_name'> & { given_name: string; family_name: string }): string[] {
  const keys = new Set<string>();
  const [y, m, d] = p.birth_date ? (p.birth_date.split('-') as [string, string, string]) : [];
  for (const name of distinctNames(fullNamesOf(p))) {
    const nameKeys = matchKeysOf(name);
    for (const k of nameKeys) {
      keys.add(`n:${k}`);
      if (!p.birth_date) keys.add(`nq:${k}`);
    }
    const core = nameKeys[nameKeys.length - 1];
    if (core && y) {
      keys.add(`ny:${core}|${y}`);
      if (p.birth_date_estimated) for (const year of [Number(y) - 1, Number(y), Number(y) + 1]) keys.add(`ne:${core}|${year}`);
    }
    if (core && y && m && d) {
      keys.add(`nd:${core}|${y}-${m}-*`);
      keys.add(`nd:${core}|${y}-*-${d}`);
      keys.add(`nd:${core}|*-${m}-${d}`);
      if (m !== d && Number(d) <= 12) keys.add(`nd:${core}|${y}~${[m, d].sort().join('/')}`);
    }
    for (const k of skeletonKeysOf(name)) keys.add(`sk:${k}`);
    if (p.birth_date) {
      const t = tokensOf(name);
      for (const g of t.given) keys.add(`gd:${g}|${p.birth_date}`);
      for (const f of t.family) keys.add(`fd:${f}|${p.birth_date}`);
    }
  }
  if (p.pinfl) keys.add(`id:${p.pinfl}`);
  if (p.birth_certificate) keys.add(`bc:${p.birth_certificate}`);
  return [...keys];
}

/**
 * The key whose frequency tells how common a name is: the name as typed,
 * without patronymic (see MatchRecord.nameFrequency).
 */
export function coreNameKey(p: Pick<MatchKeySource, 'given_name' | 'family_name' | 'patronymic'>): string | null {
  const keys = matchKeysOf([p.given_name, p.patronymic, p.family_name].filter(Boolean).join(' '));
  const core = keys[keys.length - 1];
  return core ? `n:${core}` : null;
}

/** Every word of every name, folded (both scripts fold alike): the prefixes search-as-you-type looks up. */
export function searchTokens(p: MatchKeySource): string[] {
  const words = new Set<string>();
  for (const name of distinctNames(fullNamesOf(p))) for (const w of foldOf(name).split(' ')) if (w) words.add(`t:${w}`);
  return [...words];
}

/**
 * The names that differ once in one script: an other-script form that is
 * only the transliteration of the name as typed adds nothing to keys or
 * scores (every fold starts with this same step).
 */
export function distinctNames(names: readonly string[]): string[] {
  if (names.length < 2) return [...names];
  const seen = new Set<string>();
  return names.filter((n) => {
    const f = uzCyrlToLatn(n.normalize('NFC').toLowerCase());
    if (seen.has(f)) return false;
    seen.add(f);
    return true;
  });
}

/** Everything stored for one person: candidate keys, search tokens and the trigram fold. */
export function personMatchData(p: MatchKeySource): { keys: string[]; fold: string } {
  const names = distinctNames(fullNamesOf(p));
  const folds = new Set(names.map(matchFold).filter(Boolean));
  return { keys: [...candidateKeys(p), ...searchTokens(p)], fold: [...folds].join(' ') };
}

/**
 * The query side of search-as-you-type: the folded words, the last one maybe
 * unfinished. Words are prefixes of stored `t:` tokens.
 *
 * @example searchWords('Gayrat Iusu') // ['gairat', 'yasa']
 */
export function searchWords(query: string): string[] {
  return searchFold(query).split(' ').filter(Boolean);
}
