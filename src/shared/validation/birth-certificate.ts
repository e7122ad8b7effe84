/**
 * Uzbek birth certificate numbers: a series of 1–3 letters (Latin or
 * Cyrillic, possibly split by a dash: "I-TN", "АВ", "BC") followed by a
 * 6–7 digit number, e.g. "I-TN 1234567".
 */

// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus, and the
// like, which word processors put in place of "-".
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * Canonical form: upper case, "-" for every dash with no spaces around it,
 * single spaces, one space between series and number, no "№" sign.
 *
 * @example normalizeBirthCertificate(' i – tn №1234567 ') // 'I-TN 1234567'
 */
export function normalizeBirthCertificate(s: string): string {
  let t = s.normalize('NFC').toUpperCase().replace(DASHES, '-').replace(/[№#]|N°/g, ' ');
  t = t.replace(/\s+/g, ' ').trim();
  t = t.replace(/\s*-\s*/g, '-');
  // Split series from number however they were joined: "I-TN1234567",
  // "I-TN-1234567", "I-TN 1234567".
  const m = /^(.*?)[\s-]*(\d+)$/u.exec(t);
  if (m === null) return t;
  const [, series, number] = m;
  return series === '' ? number! : `${series} ${number}`;
}

const SERIES = {
  latn: /^\p{Script=Latin}+$/u,
  cyrl: /^\p{Script=Cyrillic}+$/u,
};

/**
 * True if the text, once normalised, is a series of 1–3 letters of one
 * script (at most one dash between them) and a 6–7 digit number. A series
 * mixing Latin and Cyrillic letters is rejected: it is almost always a
 * look-alike typed on the wrong keyboard layout.
 *
 * @example isValidBirthCertificate('I-TN 1234567') // true
 */
export function isValidBirthCertificate(s: string): boolean {
  const m = /^(\p{Lu}+(?:-\p{Lu}+)?) (\d{6,7})$/u.exec(normalizeBirthCertificate(s));
  if (m === null) return false;
  const letters = m[1]!.replace('-', '');
  if (letters.length < 1 || letters.length > 3) return false;
  return SERIES.latn.test(letters) || SERIES.cyrl.test(letters);
}
