/**
 * Uzbek Cyrillic ⇄ Uzbek Latin transliteration (1995 alphabet) and the helpers
 * needed to pre-fill a person's name in the other script.
 *
 * The output is a suggestion: both directions are ambiguous in places
 * (ц, ъ, ь, t+s, s+h), so the UI must let the user correct it.
 */

/** Modifier letter turned comma: the mark in oʻ and gʻ. */
export const OKINA = '\u02BB';
/** Modifier letter apostrophe: the tutuq belgisi (Cyrillic ъ). */
export const TUTUQ = '\u02BC';

/** Every apostrophe-like character people type in Uzbek Latin text. */
export const APOSTROPHE_VARIANTS: readonly string[] = [
  '\u0027', // '
  '\u0060', // `
  '\u00B4', // ´
  '\u02B9', // ʹ
  '\u02BB', // ʻ
  '\u02BC', // ʼ
  '\u02BD', // ʽ
  '\u2018', // ‘
  '\u2019', // ’
  '\u201B', // ‛
  '\u2032', // ′
];

const APOSTROPHES = new Set(APOSTROPHE_VARIANTS);

/** True for any apostrophe-like character (see APOSTROPHE_VARIANTS). */
export function isApostrophe(ch: string | undefined): boolean {
  return ch !== undefined && APOSTROPHES.has(ch);
}

const LETTER = /\p{L}/u;
const CYRILLIC_LETTER = /[\p{Script=Cyrillic}]/u;
const LATIN_LETTER = /[\p{Script=Latin}]/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase();
}

// Russian letters (щ, ы, э) are included because Uzbek Cyrillic documents
// carry Russian names and loanwords.
const CYRL_TO_LATN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ж: 'j', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'x', ч: 'ch', ш: 'sh', щ: 'sh', ы: 'i', э: 'e',
  ю: 'yu', я: 'ya', ё: 'yo', ў: 'o' + OKINA, қ: 'q', ғ: 'g' + OKINA, ҳ: 'h',
};

const CYRL_VOWELS = new Set('аеёиоуэюяўы');

/**
 * Applies the case of a Cyrillic source letter to its Latin rendering.
 * A multi-letter rendering is all caps only inside an all-caps word, so
 * "Шавкат" gives "Shavkat" but "ШАВКАТ" gives "SHAVKAT".
 */
function withCase(latin: string, text: string, i: number): string {
  if (!isUpper(text[i]) || latin === '') return latin;
  if (latin.length === 1) return latin.toUpperCase();
  const next = text[i + 1];
  const prev = text[i - 1];
  const allCaps = isLetter(next) ? isUpper(next) : isLetter(prev) && isUpper(prev);
  return allCaps ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
}

/**
 * Uzbek Cyrillic → Uzbek Latin (1995 rules). Non-Cyrillic characters pass
 * through, so mixed text ends up fully Latin.
 *
 * @example uzCyrlToLatn('Ғайрат Ёқубов') // 'Gʻayrat Yoqubov'
 */
export function uzCyrlToLatn(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    const prev = text[i - 1]?.toLowerCase();
    const next = text[i + 1]?.toLowerCase();
    const wordStart = !isLetter(prev);
    let latin: string;
    switch (lower) {
      case 'е':
        latin = wordStart || (prev !== undefined && (CYRL_VOWELS.has(prev) || prev === 'ъ' || prev === 'ь')) ? 'ye' : 'e';
        break;
      case 'ц':
        // Uzbek pronounces ц as s except between vowels in loanwords.
        latin = wordStart || (prev !== undefined && !CYRL_VOWELS.has(prev)) ? 's' : 'ts';
        break;
      case 'ъ':
        // Before е the separation is already written by "ye" (объект → obyekt);
        // after ў the okina already stands there (мўъжиза → moʻjiza).
        latin = next === 'е' || prev === 'ў' ? '' : TUTUQ;
        break;
      case 'ь':
        latin = next === 'о' ? 'y' : '';
        break;
      case 'с':
        // Keeps s+h distinct from the digraph sh: Исҳоқ → Isʼhoq.
        latin = next === 'ҳ' ? 's' + TUTUQ : 's';
        break;
      default: {
        const mapped = CYRL_TO_LATN[lower];
        if (mapped === undefined) {
          out += ch;
          continue;
        }
        latin = mapped;
      }
    }
    out += withCase(latin, text, i);
  }
  return out;
}

const LATN_TO_CYRL: Readonly<Record<string, string>> = {
  a: 'а', b: 'б', c: 'ц', d: 'д', e: 'е', f: 'ф', g: 'г', h: 'ҳ', i: 'и',
  j: 'ж', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', q: 'қ', r: 'р',
  s: 'с', t: 'т', u: 'у', v: 'в', w: 'в', x: 'х', y: 'й', z: 'з',
};

function caseLike(cyrl: string, source: string | undefined): string {
  return isUpper(source) ? cyrl.toUpperCase() : cyrl;
}

/**
 * Uzbek Latin → Uzbek Cyrillic. Accepts any apostrophe variant for oʻ, gʻ and
 * the tutuq. "sh" is read as ш; write "sʼh" for с+ҳ (Isʼhoq → Исҳоқ).
 * "ts" is read as ц, which is wrong for verb forms such as "ketsa".
 *
 * @example uzLatnToCyrl("G'ayrat Yo'ldoshev") // 'Ғайрат Йўлдошев'
 */
export function uzLatnToCyrl(text: string): string {
  let out = '';
  const lc = (k: number): string => (text[k] ?? '').toLowerCase();
  const lastOutIsVowel = (): boolean => {
    const last = out.at(-1)?.toLowerCase();
    return last !== undefined && CYRL_VOWELS.has(last);
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const c = ch.toLowerCase();
    const n1 = lc(i + 1);
    const wordStart = !isLetter(text[i - 1]);
    if ((c === 'o' || c === 'g') && isApostrophe(text[i + 1])) {
      out += caseLike(c === 'o' ? 'ў' : 'ғ', ch);
      i += 2;
      continue;
    }
    if (c === 's' && isApostrophe(text[i + 1]) && lc(i + 2) === 'h') {
      out += caseLike('с', ch) + caseLike('ҳ', text[i + 2]);
      i += 3;
      continue;
    }
    if ((c === 's' || c === 'c') && n1 === 'h') {
      out += caseLike(c === 's' ? 'ш' : 'ч', ch);
      i += 2;
      continue;
    }
    if (c === 't' && n1 === 's') {
      out += caseLike('ц', ch);
      i += 2;
      continue;
    }
    if (c === 'y') {
      // "yoʻ" is й + ў (Yoʻldosh), not ё + an apostrophe.
      if (n1 === 'o' && !isApostrophe(text[i + 2])) {
        out += caseLike('ё', ch);
        i += 2;
        continue;
      }
      if (n1 === 'u' || n1 === 'a') {
        out += caseLike(n1 === 'u' ? 'ю' : 'я', ch);
        i += 2;
        continue;
      }
      if (n1 === 'e') {
        // After a consonant "ye" comes from ье in Russian names (Vasilyev).
        out += wordStart || lastOutIsVowel()
          ? caseLike('е', ch)
          : caseLike('ь', ch) + caseLike('е', text[i + 1]);
        i += 2;
        continue;
      }
    }
    if (c === 'e') {
      out += caseLike(wordStart || lastOutIsVowel() ? 'э' : 'е', ch);
      i += 1;
      continue;
    }
    if (isApostrophe(ch)) {
      // Only a mark inside a word is a tutuq; others are quotes or primes.
      const inWord = isLetter(text[i - 1]) && isLetter(text[i + 1]);
      out += inWord || (ch === TUTUQ && isLetter(text[i - 1])) ? 'ъ' : ch;
      i += 1;
      continue;
    }
    const mapped = LATN_TO_CYRL[c];
    out += mapped === undefined ? ch : caseLike(mapped, ch);
    i += 1;
  }
  return out;
}

/** Which script(s) a text is written in. */
export type Script = 'cyrl' | 'latn' | 'mixed' | 'none';

/**
 * Detects the script of the letters in a text; digits, spaces and
 * apostrophes are ignored.
 *
 * @example detectScript('Aziz Каримов') // 'mixed'
 */
export function detectScript(text: string): Script {
  let cyrl = false;
  let latn = false;
  for (const ch of text) {
    if (CYRILLIC_LETTER.test(ch)) cyrl = true;
    else if (LATIN_LETTER.test(ch) && !isApostrophe(ch)) latn = true;
  }
  if (cyrl && latn) return 'mixed';
  if (cyrl) return 'cyrl';
  if (latn) return 'latn';
  return 'none';
}

/** A text rendered in the other Uzbek script. */
export interface ScriptSuggestion {
  script: 'latn' | 'cyrl';
  text: string;
}

function countLetters(text: string, re: RegExp): number {
  let count = 0;
  for (const ch of text) if (re.test(ch) && !isApostrophe(ch)) count++;
  return count;
}

/**
 * Suggests the same text in the other script, to pre-fill a person's
 * other-script name. Mixed text (often a homoglyph typo) is converted to the
 * script its majority is not in. Returns null when there are no letters.
 *
 * @example otherScriptSuggestion('Нилуфар') // { script: 'latn', text: 'Nilufar' }
 */
export function otherScriptSuggestion(text: string): ScriptSuggestion | null {
  let script = detectScript(text);
  if (script === 'none') return null;
  if (script === 'mixed') {
    script = countLetters(text, CYRILLIC_LETTER) >= countLetters(text, LATIN_LETTER) ? 'cyrl' : 'latn';
  }
  return script === 'cyrl'
    ? { script: 'latn', text: uzCyrlToLatn(text) }
    : { script: 'cyrl', text: uzLatnToCyrl(text) };
}

/**
 * Unifies apostrophe variants that follow a letter: U+02BB (ʻ) after o/g,
 * U+02BC (ʼ) after any other letter. Marks not after a letter (opening
 * quotes, primes after digits) are left alone.
 *
 * @example normalizeApostrophes("O'g`li Ma’ruf") // 'Oʻgʻli Maʼruf'
 */
export function normalizeApostrophes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = text[i - 1];
    if (isApostrophe(ch) && isLetter(prev) && !isApostrophe(prev)) {
      const p = prev!.toLowerCase();
      out += p === 'o' || p === 'g' ? OKINA : TUTUQ;
    } else {
      out += ch;
    }
  }
  return out;
}
