/**
 * Script- and spelling-independent keys for Uzbek/Russian personal names,
 * used for search-as-you-type, blocking (candidate generation) and scoring of
 * possible duplicates. A high score marks a candidate for a person to review;
 * never merge records on it automatically.
 */
import { isApostrophe, uzCyrlToLatn } from './transliterate.ts';

/**
 * nameSimilarity() at or above this means "probably the same person".
 * Tuned on the reference pairs in uz-name-normalization.json and on
 * labelled-pairs.ts.
 */
export const NAME_MATCH_THRESHOLD = 0.85;

/**
 * How hard to fold. 'loose' also merges u with a/o, because ў is written
 * oʻ, o or u; it feeds keys and search, where an extra candidate is cheap.
 * 'fine' keeps u apart (oʻ → u) so that scoring can still tell Hasan from
 * Husan, a classic pair of twins' names.
 */
type FoldMode = 'loose' | 'fine';

// Letters of the proposed new Uzbek Latin alphabet and Turkic spellings.
const SPECIAL_LATIN: Readonly<Record<string, string>> = {
  ş: 'sh', ș: 'sh', ç: 'ch', ğ: 'g', ǵ: 'g', ö: 'oʻ', õ: 'oʻ', ó: 'oʻ', ñ: 'ng', ı: 'i',
};

interface Rule {
  re: RegExp;
  to: string;
}

// Order matters within a pass; passes repeat until nothing changes, which
// makes the fold idempotent. The h sound folds to x, not h, so that a folded
// z+x or s+x (Azizxon, Muqaddasxon) cannot be re-read as zh or sh.
const CONSONANT_RULES: readonly Rule[] = [
  { re: /dzh|dj|zh/g, to: 'j' },
  { re: /shch/g, to: 'sh' },
  { re: /kh/g, to: 'x' },
  { re: /gh/g, to: 'g' },
  { re: /(?<![sc])h/g, to: 'x' },
  { re: /ts/g, to: 's' },
  { re: /c(?!h)/g, to: 's' },
  { re: /q/g, to: 'k' },
  { re: /w/g, to: 'v' },
  { re: /ye/g, to: 'e' },
];
const VOWEL_RULE: Readonly<Record<FoldMode, Rule>> = {
  loose: { re: /[ou]/g, to: 'a' },
  fine: { re: /o/g, to: 'a' },
};
const SEMIVOWEL_RULES: Readonly<Record<FoldMode, readonly Rule[]>> = {
  // y before a consonant or at the end sounds like i (Boymurod/Boimurod);
  // i or j before a vowel is the y of я/ю/ё (Iusupov, Maryam/Mariam).
  loose: [
    { re: /y(?![aei])/g, to: 'i' },
    { re: /(?:iy|i|j)(?=a)/g, to: 'y' },
  ],
  fine: [
    { re: /y(?![aeiu])/g, to: 'i' },
    { re: /(?:iy|i|j)(?=[au])/g, to: 'y' },
  ],
};
const DOUBLED: Rule = { re: /(.)\1+/g, to: '$1' };

/**
 * Folds text to space-separated words. Parsing folds without collapsing
 * doubled letters first, so that a suffix keeps its own letters
 * (Ayub+bek, Gulnora+oy), and collapses them in the stems afterwards.
 */
function foldWords(text: string, mode: FoldMode, collapseDoubles = true): string {
  let s = uzCyrlToLatn(text.normalize('NFC').toLowerCase());
  s = s.replace(/[şșçğǵöõóñı]/g, (ch) => SPECIAL_LATIN[ch] ?? ch);
  // Accents are dropped; a Cyrillic letter that only then becomes Uzbek
  // (e.g. Udmurt ӝ → ж) gets a second transliteration.
  s = uzCyrlToLatn(s.normalize('NFD').replace(/\p{M}/gu, ''));
  let unmarked = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (isApostrophe(ch)) continue;
    unmarked += mode === 'fine' && ch === 'o' && isApostrophe(s[i + 1]) ? 'u' : ch;
  }
  s = unmarked.replace(/[^\p{L}]+/gu, ' ').trim();
  const rules = [...CONSONANT_RULES, VOWEL_RULE[mode], ...SEMIVOWEL_RULES[mode], ...(collapseDoubles ? [DOUBLED] : [])];
  for (let pass = 0; pass < 10; pass++) {
    const before = s;
    for (const rule of rules) s = s.replace(rule.re, rule.to);
    if (s === before) break;
  }
  return s;
}

/**
 * Folds a name to a loose lower-case ASCII form in which Cyrillic, Latin,
 * passport and Soviet spellings coincide: х/ҳ/kh/h/x → x, ж/dj/dzh/zh → j,
 * қ/q → k, ў/oʻ/o/u and о/a → a, ю/ё/я/iu/ju/ia/ja → ya, ц/ts/c → s,
 * ye → e, й before a consonant → i, doubled letters collapsed, apostrophes
 * dropped. Words stay separated by single spaces. Not for display.
 *
 * @example foldName('Ғайрат Юсупов') === foldName('Gayrat Iusupov') // 'gairat yasapav'
 */
export function foldName(text: string): string {
  return foldWords(text, 'loose');
}

type Role = 'given' | 'family' | 'patronymic';
type Sex = 'male' | 'female';

interface Token {
  /** The folded word without its surname or patronymic ending. */
  stem: string;
  /** The stem without endearment suffixes: what is compared. */
  root: string;
  role: Role;
}

interface ParsedName {
  tokens: Token[];
  sex: Sex | null;
}

interface Ending {
  folded: string;
  sex: Sex | null;
}

interface FoldTables {
  givenSuffixes: string[];
  surnameEndings: Ending[];
  patronymicEndings: Ending[];
  sonOf: Set<string>;
  daughterOf: Set<string>;
}

// Endearment and honorific suffixes (Begmatov's list, the common subset).
const GIVEN_SUFFIXES = [
  'jon', 'djon', 'dzhon', 'zhon', 'ion', 'xon', 'khon', 'hon', 'kxon',
  'bek', 'beg', 'oy', 'ay', 'oi', 'ai', 'boy', 'bay', 'bai', 'boi',
];
const SURNAME_ENDINGS: ReadonlyArray<[string, Sex | null]> = [
  ['ov', 'male'], ['ev', 'male'], ['yev', 'male'],
  ['ova', 'female'], ['eva', 'female'], ['yeva', 'female'],
  ['zoda', null],
];
const PATRONYMIC_ENDINGS: ReadonlyArray<[string, Sex]> = [
  ['ovich', 'male'], ['evich', 'male'], ['yevich', 'male'],
  ['ovna', 'female'], ['evna', 'female'], ['yevna', 'female'],
];
const SON_OF = ['oʻgʻli', "o'g'li", 'ogli', 'ugli', "o'gli", "og'li", 'ўғли', 'угли', 'оглы', 'ogly'];
const DAUGHTER_OF = ['qizi', 'kizi', 'қизи', 'кизи', 'кызы', 'kyzy'];

function buildTables(mode: FoldMode): FoldTables {
  const fold = (w: string): string => foldWords(w, mode);
  const byLength = <T extends { folded: string }>(list: T[]): T[] =>
    list.sort((a, b) => b.folded.length - a.folded.length);
  return {
    givenSuffixes: [...new Set(GIVEN_SUFFIXES.map(fold))].sort((a, b) => b.length - a.length),
    surnameEndings: byLength(SURNAME_ENDINGS.map(([w, sex]) => ({ folded: fold(w), sex }))),
    patronymicEndings: byLength(PATRONYMIC_ENDINGS.map(([w, sex]) => ({ folded: fold(w), sex }))),
    sonOf: new Set(SON_OF.map(fold)),
    daughterOf: new Set(DAUGHTER_OF.map(fold)),
  };
}

const TABLES: Readonly<Record<FoldMode, FoldTables>> = {
  loose: buildTables('loose'),
  fine: buildTables('fine'),
};

/** Stems must keep at least this many letters, so "Oybek" stays whole. */
const MIN_STEM = 3;

/** Folded word (doubles kept) → comparable stem with doubles collapsed. */
function collapse(word: string, mode: FoldMode): string {
  return foldWords(word, mode);
}

function givenRoot(word: string, mode: FoldMode): string {
  const tables = TABLES[mode];
  let root = word;
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of tables.givenSuffixes) {
      const rest = root.slice(0, -suffix.length);
      if (root.endsWith(suffix) && rest.length >= MIN_STEM) {
        root = rest;
        changed = true;
        break;
      }
    }
  }
  root = collapse(root, mode);
  // Muhammad+jon folds like Muhamma+djon (the Russian spelling), so a key
  // cannot trust a final d; scoring checks for it instead (see tokenScore).
  if (mode === 'loose' && root.endsWith('d') && root.length > MIN_STEM) root = root.slice(0, -1);
  return root;
}

function matchEnding(word: string, endings: Ending[]): Ending | undefined {
  return endings.find((e) => word.endsWith(e.folded) && word.length - e.folded.length >= MIN_STEM);
}

/**
 * Parsed names, kept: duplicate scans and search ranking compare the same
 * names many times. Results are read-only; the cache empties when full.
 */
const PARSED: Readonly<Record<FoldMode, Map<string, ParsedName>>> = { loose: new Map(), fine: new Map() };
const PARSED_LIMIT = 20_000;

function parseName(fullName: string, mode: FoldMode): ParsedName {
  const cache = PARSED[mode];
  let parsed = cache.get(fullName);
  if (parsed === undefined) {
    if (cache.size >= PARSED_LIMIT) cache.clear();
    parsed = parseNameUncached(fullName, mode);
    cache.set(fullName, parsed);
  }
  return parsed;
}

function parseNameUncached(fullName: string, mode: FoldMode): ParsedName {
  const tables = TABLES[mode];
  const tokens: Token[] = [];
  const sexes = new Set<Sex>();
  for (const word of foldWords(fullName, mode, false).split(' ')) {
    if (word === '') continue;
    const whole = collapse(word, mode);
    const marker: Sex | null = tables.sonOf.has(whole) ? 'male' : tables.daughterOf.has(whole) ? 'female' : null;
    if (marker !== null) {
      // "Anvar oʻgʻli": the word before the marker is the father's name.
      const father = tokens.at(-1);
      if (father !== undefined && father.role !== 'patronymic') {
        if (father.role === 'family') father.root = givenRoot(father.stem, mode);
        father.role = 'patronymic';
        sexes.add(marker);
      }
      continue;
    }
    const patronymic = matchEnding(word, tables.patronymicEndings);
    if (patronymic !== undefined) {
      const stem = word.slice(0, -patronymic.folded.length);
      tokens.push({ stem: collapse(stem, mode), root: givenRoot(stem, mode), role: 'patronymic' });
      if (patronymic.sex !== null) sexes.add(patronymic.sex);
      continue;
    }
    const surname = matchEnding(word, tables.surnameEndings);
    if (surname !== undefined) {
      const stem = collapse(word.slice(0, -surname.folded.length), mode);
      tokens.push({ stem, root: stem, role: 'family' });
      if (surname.sex !== null) sexes.add(surname.sex);
      continue;
    }
    tokens.push({ stem: whole, root: givenRoot(word, mode), role: 'given' });
  }
  const [sex] = sexes;
  return { tokens, sex: sexes.size === 1 ? sex! : null };
}

/** The comparable parts of a name; every list holds folded stems. */
export interface NameTokens {
  /** Given names without endearment suffixes (-jon, -xon, -bek, -oy, -boy). */
  given: string[];
  /** Surnames without -ov/-ova/-yev/-yeva/-zoda; surnames without such an ending land in given. */
  family: string[];
  /** Fathers' names from -ovich/-ovna or "X oʻgʻli"/"X qizi". */
  patronymic: string[];
  /** All stems, sorted, so word order does not matter. */
  all: string[];
  /** Sex implied by surname or patronymic endings; null if unknown or contradictory. */
  sex: Sex | null;
}

/**
 * Splits a full name (any order, any script) into folded stems.
 *
 * @example nameTokens('Alisher Anvar o‘g‘li Karimov')
 * // { given: ['alisher'], family: ['karim'], patronymic: ['anvar'], all: ['alisher', 'anvar', 'karim'], sex: 'male' }
 */
export function nameTokens(fullName: string): NameTokens {
  const { tokens, sex } = parseName(fullName, 'loose');
  const of = (role: Role): string[] => tokens.filter((t) => t.role === role).map((t) => t.root);
  return {
    given: of('given'),
    family: of('family'),
    patronymic: of('patronymic'),
    all: tokens.map((t) => t.root).sort(),
    sex,
  };
}

/**
 * Keys for an indexed lookup of possible duplicates: the sorted stems, and
 * the same without the patronymic (often missing on one record). Two names
 * are candidates when they share a key.
 *
 * @example nameMatchKeys('Каримов Алишер Анварович') // ['alisher anvar karim', 'alisher karim']
 */
export function nameMatchKeys(fullName: string): string[] {
  const t = nameTokens(fullName);
  if (t.all.length === 0) return [];
  const keys = [t.all.join(' ')];
  const withoutPatronymic = [...t.given, ...t.family].sort();
  if (t.patronymic.length > 0 && withoutPatronymic.length > 0) keys.push(withoutPatronymic.join(' '));
  return keys;
}

// Last letters that may start a multi-letter group still being typed
// (kh, dj, dzh, zh, ch, ts, ya, iu, ye...). Folding them early would stop the
// prefix from matching, so they are left off until the next letter arrives.
const UNFINISHED_TAIL = /[yijkdzct]+$/;
// Folded letters whose fold depends on the next letter (j or i before a is
// y, y before a consonant is i).
const UNSETTLED_FOLD = /[yij]+$/;

/**
 * Folds a search-as-you-type query like foldName, keeping words apart and
 * leaving off an unfinished last letter group. Each word of the result is
 * meant as a prefix of a word of foldName(storedName); see matchesSearch.
 *
 * @example searchFold('Gayrat Iusu') // 'gairat yasa'
 */
export function searchFold(query: string): string {
  const latin = uzCyrlToLatn(query.normalize('NFC').toLowerCase());
  if (/\s$/.test(latin)) return foldName(latin);
  return foldName(latin.replace(UNFINISHED_TAIL, '')).replace(UNSETTLED_FOLD, '');
}

/**
 * True when every word of the query is a prefix of a different word of the
 * name, in any order.
 *
 * @example matchesSearch('nilu', 'Нилуфар Камалова') // true
 */
export function matchesSearch(query: string, fullName: string): boolean {
  const wanted = searchFold(query).split(' ').filter((w) => w !== '');
  const words = foldName(fullName).split(' ').filter((w) => w !== '');
  const used = new Array<boolean>(words.length).fill(false);
  // Longest query words first, so a short one does not take the word a
  // longer one needs.
  for (const q of [...wanted].sort((a, b) => b.length - a.length)) {
    const i = words.findIndex((w, k) => !used[k] && w.startsWith(q));
    if (i < 0) return false;
    used[i] = true;
  }
  return true;
}

const VOWELS = new Set('aeiu');

function substitutionCost(x: string, y: string): number {
  if (x === y) return 0;
  // Called for every cell of every edit distance: no array to sort.
  const pair = x < y ? x + y : y + x;
  // Slips between close vowels are spelling variants (Ahmad/Ahmed); a↔u is
  // dearer because it also separates names (Hasan/Husan). Russian writes
  // Arabic h (folded to x) as g in some names (Ibragim).
  if (pair === 'ae' || pair === 'ei' || pair === 'gx') return 0.5;
  if (pair === 'au') return 0.75;
  return 1;
}

// Vowels, y and a final h (Abdulla/Abdullah) come and go between spellings.
function indelCost(x: string): number {
  return VOWELS.has(x) || x === 'x' || x === 'y' ? 0.5 : 1;
}

/** Weighted optimal-string-alignment distance. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j]!;
  for (let i = 1; i < rows; i++) d[i * cols] = at(i - 1, 0) + indelCost(a[i - 1]!);
  for (let j = 1; j < cols; j++) d[j] = at(0, j - 1) + indelCost(b[j - 1]!);
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      let best = Math.min(
        at(i - 1, j) + indelCost(x),
        at(i, j - 1) + indelCost(y),
        at(i - 1, j - 1) + substitutionCost(x, y),
      );
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y && x !== y) {
        best = Math.min(best, at(i - 2, j - 2) + 0.5);
      }
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * 1 − distance / (0.8 × length): one wrong consonant in a 7-letter name
 * gives 0.82 (below the threshold: Dilnoza/Dilfuza), a vowel slip 0.91.
 */
function stemSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 0;
  return Math.max(0, 1 - editDistance(a, b) / (0.8 * len));
}

/** Score of a suffix-only difference (Aziz/Azizbek): a strong candidate, not certain. */
const SUFFIX_ONLY = 0.95;
/** Aziz/Aziza, Nodir/Nodira: the feminine form of a name is another person. */
const OTHER_GENDER_FORM = 0.5;
/** A patronymic aligned with a given name or surname. */
const ROLE_MISMATCH = 0.7;
/** A missing patronymic is common; a missing given name or surname is not. */
const UNMATCHED_PATRONYMIC = 0.95;
const UNMATCHED_OTHER = 0.75;
/** Surname or patronymic endings disagree on sex. */
const SEX_MISMATCH = 0.5;

function tokenScore(x: Token, y: Token): number {
  let score: number;
  if (x.root === y.root) {
    // Surname endings (Karimov/Karimova) are left to the sex check.
    score = x.stem === y.stem ? 1 : SUFFIX_ONLY;
  } else if ((x.root === y.root + 'd' && y.stem !== y.root) || (y.root === x.root + 'd' && x.stem !== x.root)) {
    // Muhammad vs Muhammadjon, whose fold lost the d (see givenRoot).
    score = SUFFIX_ONLY;
  } else if (x.role !== 'family' && y.role !== 'family'
    && (x.root === y.root + 'a' || y.root === x.root + 'a')) {
    score = OTHER_GENDER_FORM;
  } else {
    score = stemSimilarity(x.root, y.root);
  }
  const xp = x.role === 'patronymic';
  const yp = y.role === 'patronymic';
  return xp === yp ? score : score * ROLE_MISMATCH;
}

/** Longest names considered word by word; longer tails are ignored. */
const MAX_TOKENS = 7;

/**
 * Best one-to-one alignment of the words; the score is the weakest aligned
 * pair (averaging would let siblings, who share surname and patronymic, look
 * alike), lowered for words left unaligned.
 */
function alignedScore(a: Token[], b: Token[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return 0;
  const used = new Array<boolean>(long.length).fill(false);
  let best = 0;
  const search = (i: number, weakest: number): void => {
    if (weakest <= best) return;
    if (i === short.length) {
      let score = weakest;
      long.forEach((t, k) => {
        if (!used[k]) score *= t.role === 'patronymic' ? UNMATCHED_PATRONYMIC : UNMATCHED_OTHER;
      });
      best = Math.max(best, score);
      return;
    }
    for (let k = 0; k < long.length; k++) {
      if (used[k]) continue;
      used[k] = true;
      search(i + 1, Math.min(weakest, tokenScore(short[i]!, long[k]!)));
      used[k] = false;
    }
  };
  search(0, 1);
  return best;
}

/**
 * Similarity of two full names in [0, 1], independent of script, spelling
 * variant and word order; compare with NAME_MATCH_THRESHOLD.
 *
 * @example nameSimilarity('Каримов Алишер Анварович', 'Alisher Anvar o‘g‘li Karimov') // 1
 * @example nameSimilarity('Aziz Karimov', 'Aziza Karimova') // 0.25
 */
export function nameSimilarity(a: string, b: string): number {
  const pa = parseName(a, 'fine');
  const pb = parseName(b, 'fine');
  let score = alignedScore(pa.tokens.slice(0, MAX_TOKENS), pb.tokens.slice(0, MAX_TOKENS));
  if (pa.sex !== null && pb.sex !== null && pa.sex !== pb.sex) score *= SEX_MISMATCH;
  return Math.min(1, Math.max(0, score));
}
