import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  NAME_MATCH_THRESHOLD,
  foldName,
  matchesSearch,
  nameMatchKeys,
  nameSimilarity,
  nameTokens,
  searchFold,
} from './name-key.ts';
import { uzLatnToCyrl } from './transliterate.ts';
import { LABELLED_PAIRS, REFERENCE_PAIRS } from './labelled-pairs.ts';

// The association's reference file of name rules, beside the repository when it is there.
const referenceFile = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/uz-name-normalization.json');

describe('reference pairs (the association\'s uz-name-normalization.json)', () => {
  it.each(REFERENCE_PAIRS.match)('%s ≈ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(NAME_MATCH_THRESHOLD);
    // Blocking must bring the pair together for scoring to see it.
    expect(nameMatchKeys(a).some((k) => nameMatchKeys(b).includes(k))).toBe(true);
  });

  it.each(REFERENCE_PAIRS.noMatch)('%s ≠ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeLessThan(NAME_MATCH_THRESHOLD);
  });

  it.skipIf(!existsSync(referenceFile))('are the pairs of the file, where the file is at hand', () => {
    const file = JSON.parse(readFileSync(referenceFile, 'utf8')) as { test_pairs_should_match: [string, string][]; test_pairs_should_not_match: [string, string][] };
    expect(REFERENCE_PAIRS.match).toEqual(file.test_pairs_should_match);
    expect(REFERENCE_PAIRS.noMatch).toEqual(file.test_pairs_should_not_match);
  });
});

describe('labelled pairs', () => {
  it('has at least 150 pairs with both kinds', () => {
    expect(LABELLED_PAIRS.length).toBeGreaterThanOrEqual(150);
    expect(LABELLED_PAIRS.filter((p) => !p.match).length).toBeGreaterThanOrEqual(50);
  });

  it.each(LABELLED_PAIRS.map((p) => [p.a, p.match ? '≈' : '≠', p.b, p.why, p.match] as const))(
    '%s %s %s (%s)',
    (a, _, b, _why, match) => {
      const score = nameSimilarity(a, b);
      if (match) expect(score).toBeGreaterThanOrEqual(NAME_MATCH_THRESHOLD);
      else expect(score).toBeLessThan(NAME_MATCH_THRESHOLD);
    },
  );
});

describe('foldName', () => {
  it('collapses script, passport and Soviet variants', () => {
    expect(foldName('Ғайрат Юсупов')).toBe(foldName('Gayrat Iusupov'));
    expect(foldName('Хуршида')).toBe(foldName('Khurshida'));
    expect(foldName('Жумаев')).toBe(foldName('Dzhumaev'));
    expect(foldName('Жумаев')).toBe(foldName('Djumayev'));
    expect(foldName('Ўктам Қодиров')).toBe(foldName('Uktam Kadirov'));
    expect(foldName('Şavkat')).toBe(foldName('Шавкат'));
    expect(foldName('Sayyora')).toBe(foldName('Saiora'));
    expect(foldName('Елена Цой')).toBe(foldName('Elena Tsoi'));
    expect(foldName('Õktam Ğayrat')).toBe(foldName("O'ktam G'ayrat"));
  });

  it('keeps word boundaries and drops punctuation', () => {
    expect(foldName('  Abdul-Aziz,  Karimov ')).toBe('abdal aziz karimav');
  });

  it('keeps the digraphs sh and ch apart from s/c + x', () => {
    expect(foldName('Ravshan')).toBe('ravshan');
    expect(foldName('Muqaddasxon')).toBe('makadasxan');
    expect(foldName('Azizxon')).not.toBe(foldName('Azijon'));
  });

  const nameChars = [...'abdefghijklmnopqrstuvwxyzʻʼ\'`’ -абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳşçğöñéАОШЁ'];
  const nameLike = fc.array(fc.constantFrom(...nameChars), { maxLength: 24 }).map((a) => a.join(''));

  it('is idempotent', () => {
    fc.assert(fc.property(nameLike, (s) => foldName(foldName(s)) === foldName(s)), { numRuns: 3000 });
    fc.assert(fc.property(fc.string(), (s) => foldName(foldName(s)) === foldName(s)));
  });
});

describe('nameTokens', () => {
  it('gives the same token set for oʻgʻli and -ovich forms in any order', () => {
    const a = nameTokens('Alisher Anvar o‘g‘li Karimov');
    const b = nameTokens('Каримов Алишер Анварович');
    expect(a).toEqual(b);
    expect(a).toEqual({ given: ['alisher'], family: ['karim'], patronymic: ['anvar'], all: ['alisher', 'anvar', 'karim'], sex: 'male' });
  });

  it('reads qizi and -ovna as a daughter', () => {
    expect(nameTokens('Dilnoza Rustam qizi')).toMatchObject({ patronymic: ['rastam'], sex: 'female' });
    expect(nameTokens('Дилноза Рустамовна')).toMatchObject({ patronymic: ['rastam'], sex: 'female' });
    expect(nameTokens('Дилноза Рустам кизи').patronymic).toEqual(['rastam']);
  });

  it('strips given-name suffixes only when three letters remain', () => {
    expect(nameTokens('Azizbek').given).toEqual(['aziz']);
    expect(nameTokens('Nilufarxon').given).toEqual(['nilafar']);
    expect(nameTokens('Tursunboy').given).toEqual(['tarsan']);
    expect(nameTokens('Oybek').given).toEqual(['aibek']);
    expect(nameTokens('Ravshan').given).toEqual(['ravshan']);
  });

  it('strips surname endings and reads sex from them', () => {
    expect(nameTokens('Kamalova Nilufar')).toMatchObject({ family: ['kamal'], sex: 'female' });
    expect(nameTokens('Aliyev Sardor')).toMatchObject({ family: ['ali'], sex: 'male' });
    expect(nameTokens('Tsoy Yelena')).toMatchObject({ family: [], given: ['sai', 'elena'], sex: null });
  });

  it('ignores a marker with no name before it', () => {
    expect(nameTokens("o'g'li Karimov").all).toEqual(['karim']);
  });
});

describe('nameMatchKeys', () => {
  it('is order- and script-independent', () => {
    expect(nameMatchKeys('Nilufar Kamalova')).toEqual(nameMatchKeys('КАМАЛОВА НИЛУФАР'));
  });

  it('adds a key without the patronymic', () => {
    expect(nameMatchKeys('Каримов Алишер Анварович')).toEqual(['alisher anvar karim', 'alisher karim']);
    expect(nameMatchKeys('Karimov Alisher')).toEqual(['alisher karim']);
  });

  it('is empty for a name without letters', () => {
    expect(nameMatchKeys(' - ')).toEqual([]);
  });
});

describe('search', () => {
  it('finds Cyrillic names from Latin queries and back', () => {
    expect(matchesSearch('Nilufar', 'Нилуфар Камалова')).toBe(true);
    expect(matchesSearch('Gayrat Iusupov', 'Ғайрат Юсупов')).toBe(true);
    expect(matchesSearch('Юсупов Ғай', "G'ayrat Yusupov")).toBe(true);
    expect(matchesSearch('kamalova nil', 'Нилуфархон Камалова')).toBe(true);
  });

  it('does not find other names', () => {
    expect(matchesSearch('Nodira', 'Нилуфар Камалова')).toBe(false);
    expect(matchesSearch('Aziz Aziz', 'Aziz Karimov')).toBe(false);
  });

  it('leaves off an unfinished letter group at the end of the query', () => {
    expect(searchFold('Gayrat Iusupov')).toBe(foldName('Ғайрат Юсупов'));
    expect(searchFold('Say')).toBe('sa');
    expect(searchFold('Kh')).toBe('x');
    expect(searchFold('Dilshod ')).toBe('dilshad');
    expect(matchesSearch('Say', 'Сайёра')).toBe(true);
    expect(matchesSearch('Kh', 'Хуршида')).toBe(true);
    expect(matchesSearch('Dj', 'Жасур')).toBe(true);
  });

  const onsets = ['', 'b', 'd', 'g', 'gʻ', 'h', 'j', 'k', 'l', 'm', 'n', 'q', 'r', 's', 'sh', 'ch', 't', 'x', 'y', 'z'];
  const nuclei = ['a', 'e', 'i', 'o', 'oʻ', 'u'];
  const codas = ['', '', 'b', 'd', 'k', 'l', 'm', 'n', 'r', 's', 't', 'x', 'y', 'z'];
  const syllable = fc.tuple(fc.constantFrom(...onsets), fc.constantFrom(...nuclei), fc.constantFrom(...codas)).map((p) => p.join(''));
  const word = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join('')).filter((w) => !w.includes('ts'));

  it('matches every prefix of a name, typed in Latin, against its Cyrillic form', () => {
    fc.assert(fc.property(word, fc.nat(), (w, cut) => {
      const prefix = w.slice(0, 1 + (cut % w.length));
      return matchesSearch(prefix, uzLatnToCyrl(w)) && matchesSearch(prefix, w);
    }), { numRuns: 20000 });
  });
});

describe('nameSimilarity', () => {
  it('exposes one threshold', () => {
    expect(NAME_MATCH_THRESHOLD).toBe(0.85);
  });

  it('scores a suffix-only difference as a strong candidate below certainty', () => {
    const s = nameSimilarity('Aziz Karimov', 'Azizbek Karimov');
    expect(s).toBeGreaterThanOrEqual(NAME_MATCH_THRESHOLD);
    expect(s).toBeLessThan(1);
  });

  it('separates the reference near misses clearly', () => {
    expect(nameSimilarity('Aziz Karimov', 'Aziza Karimova')).toBeLessThan(0.5);
    expect(nameSimilarity('Ҳасан Алиев', 'Ҳусан Алиев')).toBeLessThan(NAME_MATCH_THRESHOLD);
  });

  it('is 0 when either name has no letters', () => {
    expect(nameSimilarity('', 'Aziz')).toBe(0);
    expect(nameSimilarity('—', '')).toBe(0);
  });

  const names = fc.constantFrom(...LABELLED_PAIRS.flatMap((p) => [p.a, p.b]));

  it('is symmetric, bounded, and 1 for the same name', () => {
    fc.assert(fc.property(names, names, (a, b) => {
      const s = nameSimilarity(a, b);
      return s >= 0 && s <= 1 && Math.abs(s - nameSimilarity(b, a)) < 1e-12 && nameSimilarity(a, a) === 1;
    }), { numRuns: 1000 });
  });
});
