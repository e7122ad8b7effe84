import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  OKINA,
  TUTUQ,
  detectScript,
  normalizeApostrophes,
  otherScriptSuggestion,
  uzCyrlToLatn,
  uzLatnToCyrl,
} from './transliterate.ts';

describe('uzCyrlToLatn', () => {
  it.each([
    ['Ёқубов', 'Yoqubov'],
    ['Маъруф', `Ma${TUTUQ}ruf`],
    ['Ўктам', `O${OKINA}ktam`],
    ['Ғайрат', `G${OKINA}ayrat`],
    ['Эргашева', 'Ergasheva'],
    ['Юлдашев', 'Yuldashev'],
    ['Сайёра', 'Sayyora'],
    ['Шавкат', 'Shavkat'],
    ['Чўлпон', `Cho${OKINA}lpon`],
    ['Қодиров', 'Qodirov'],
    ['Ҳилола Хасанова', 'Hilola Xasanova'],
    ['Жамшид', 'Jamshid'],
  ])('%s → %s', (cyrl, latn) => {
    expect(uzCyrlToLatn(cyrl)).toBe(latn);
  });

  it('keeps an all-caps word all caps and title-cases digraphs otherwise', () => {
    expect(uzCyrlToLatn('ШАВКАТ')).toBe('SHAVKAT');
    expect(uzCyrlToLatn('ЁҚУБОВ ЧОРИ')).toBe('YOQUBOV CHORI');
    expect(uzCyrlToLatn('Ш.')).toBe('Sh.');
    expect(uzCyrlToLatn('ЎКТАМ')).toBe(`O${OKINA}KTAM`);
  });

  it('writes е as ye at word start, after a vowel and after ъ/ь, else e', () => {
    expect(uzCyrlToLatn('Елена')).toBe('Yelena');
    expect(uzCyrlToLatn('Алиев')).toBe('Aliyev');
    expect(uzCyrlToLatn('Мирзаев')).toBe('Mirzayev');
    expect(uzCyrlToLatn('Васильев')).toBe('Vasilyev');
    expect(uzCyrlToLatn('объект')).toBe('obyekt');
    expect(uzCyrlToLatn('Эркин Ергашев')).toBe('Erkin Yergashev');
  });

  it('writes ц as s at word start or after a consonant, ts after a vowel', () => {
    // 1995 rules; documents often write the Korean surname Цой as "Tsoy",
    // which the name keys treat as the same.
    expect(uzCyrlToLatn('Цой')).toBe('Soy');
    expect(uzCyrlToLatn('концерт')).toBe('konsert');
    expect(uzCyrlToLatn('Лукоцкий')).toBe('Lukotskiy');
  });

  it('handles ъ, ь and с+ҳ', () => {
    expect(uzCyrlToLatn('маъно')).toBe(`ma${TUTUQ}no`);
    expect(uzCyrlToLatn('мўъжиза')).toBe(`mo${OKINA}jiza`);
    expect(uzCyrlToLatn('Ольга')).toBe('Olga');
    expect(uzCyrlToLatn('павильон')).toBe('pavilyon');
    expect(uzCyrlToLatn('Исҳоқ')).toBe(`Is${TUTUQ}hoq`);
  });

  it('converts Russian-only letters and passes other text through', () => {
    expect(uzCyrlToLatn('Щукин Рыбаков')).toBe('Shukin Ribakov');
    expect(uzCyrlToLatn('Эльмира, 12 лет')).toBe('Elmira, 12 let');
    expect(uzCyrlToLatn('Aziz Каримов')).toBe('Aziz Karimov');
  });
});

describe('uzLatnToCyrl', () => {
  it.each([
    ['Yoqubov', 'Ёқубов'],
    ['Tsoy', 'Цой'],
    ["Ma'ruf", 'Маъруф'],
    ['Oʻktam', 'Ўктам'],
    ["G'ayrat", 'Ғайрат'],
    ['Ergasheva', 'Эргашева'],
    ['Yuldashev', 'Юлдашев'],
    ['Sayyora', 'Сайёра'],
    ['Shavkat', 'Шавкат'],
    ['SHAVKAT', 'ШАВКАТ'],
    ["Yo'ldoshev", 'Йўлдошев'],
    ['Yelena', 'Елена'],
    ['Aliyev', 'Алиев'],
    ['Vasilyev', 'Васильев'],
    ['Xurshida Hasanova', 'Хуршида Ҳасанова'],
    ['Chorshanba', 'Чоршанба'],
    ['poema', 'поэма'],
  ])('%s → %s', (latn, cyrl) => {
    expect(uzLatnToCyrl(latn)).toBe(cyrl);
  });

  it('accepts every apostrophe variant for oʻ and gʻ', () => {
    for (const mark of ["'", '`', '´', 'ʹ', 'ʻ', 'ʼ', 'ʽ', '‘', '’', '‛', '′']) {
      expect(uzLatnToCyrl(`O${mark}g${mark}iloy`)).toBe('Ўғилой');
    }
  });

  it('prefers ш for sh, and reads sʼh as с+ҳ', () => {
    expect(uzLatnToCyrl('Ishoq')).toBe('Ишоқ');
    expect(uzLatnToCyrl("Is'hoq")).toBe('Исҳоқ');
  });

  it('leaves quotes that are not inside a word alone', () => {
    expect(uzLatnToCyrl('‘Aziz’')).toBe('‘Азиз’');
  });
});

describe('round trips', () => {
  it.each(['Ёқубов', 'Маъруф', 'Ўктам', 'Ғайрат', 'Эргашева', 'Юлдашев', 'Сайёра', 'Шавкат', 'ШАВКАТ', 'Исҳоқ', 'Алиев', 'Васильев', 'Чўлпон', 'Йўлдошев'])(
    'Cyrillic %s survives Cyrl → Latn → Cyrl',
    (word) => {
      expect(uzLatnToCyrl(uzCyrlToLatn(word))).toBe(word);
    },
  );

  it('documents the lossy cases', () => {
    expect(uzLatnToCyrl(uzCyrlToLatn('Цой'))).toBe('Сой'); // ц → s at word start
    expect(uzLatnToCyrl(uzCyrlToLatn('мўъжиза'))).toBe('мўжиза'); // ъ after ў is not written
  });

  const onsets = ['', 'b', 'd', 'f', 'g', 'gʻ', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 'sh', 'ch', 't', 'v', 'x', 'y', 'z'];
  const nuclei = ['a', 'e', 'i', 'o', 'oʻ', 'u'];
  const codas = ['', '', '', 'b', 'd', 'g', 'k', 'l', 'm', 'n', 'ng', 'r', 's', 'sh', 't', 'x', 'y', 'z'];
  const syllable = fc.tuple(fc.constantFrom(...onsets), fc.constantFrom(...nuclei), fc.constantFrom(...codas)).map((p) => p.join(''));
  // t+s is read back as ц, which is not what a Latin "ts" across syllables means.
  const latinWord = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join('')).filter((w) => !w.includes('ts'));
  const capitalised = latinWord.map((w) => w[0]!.toUpperCase() + w.slice(1));

  it('Latn → Cyrl → Latn is stable on generated Uzbek Latin words', () => {
    fc.assert(fc.property(fc.oneof(latinWord, capitalised), (word) => uzCyrlToLatn(uzLatnToCyrl(word)) === word), { numRuns: 5000 });
  });

  it('Cyrl → Latn → Cyrl is stable on Cyrillic produced from such words', () => {
    fc.assert(fc.property(latinWord, (word) => {
      const cyrl = uzLatnToCyrl(word);
      return uzLatnToCyrl(uzCyrlToLatn(cyrl)) === cyrl;
    }), { numRuns: 5000 });
  });
});

describe('detectScript', () => {
  it.each([
    ['Нилуфар', 'cyrl'],
    ['Nilufar', 'latn'],
    ["O'ktam", 'latn'],
    ['Aziz Каримов', 'mixed'],
    ['Кaримов', 'mixed'], // Latin "a" typed inside a Cyrillic word
    ['', 'none'],
    ['12-34 ʻ', 'none'],
  ] as const)('%s → %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
});

describe('otherScriptSuggestion', () => {
  it('suggests Latin for Cyrillic and Cyrillic for Latin', () => {
    expect(otherScriptSuggestion('Нилуфар Камалова')).toEqual({ script: 'latn', text: 'Nilufar Kamalova' });
    expect(otherScriptSuggestion("G'ayrat Yusupov")).toEqual({ script: 'cyrl', text: 'Ғайрат Юсупов' });
  });

  it('converts mixed text away from its majority script', () => {
    expect(otherScriptSuggestion('Кaримов')).toEqual({ script: 'latn', text: 'Karimov' });
    expect(otherScriptSuggestion('Karimov Аз')).toEqual({ script: 'cyrl', text: 'Каримов Аз' });
  });

  it('returns null when there is nothing to transliterate', () => {
    expect(otherScriptSuggestion(' 123 ')).toBeNull();
  });
});

describe('normalizeApostrophes', () => {
  it('uses U+02BB after o and g, U+02BC after other letters', () => {
    expect(normalizeApostrophes("O'g`li Ma’ruf")).toBe(`O${OKINA}g${OKINA}li Ma${TUTUQ}ruf`);
    expect(normalizeApostrophes('G‘ayrat Sa´dulla')).toBe(`G${OKINA}ayrat Sa${TUTUQ}dulla`);
  });

  it('unifies every listed variant', () => {
    for (const mark of ["'", '`', '´', 'ʹ', 'ʻ', 'ʼ', 'ʽ', '‘', '’', '‛', '′']) {
      expect(normalizeApostrophes(`o${mark}g${mark}li ma${mark}no`)).toBe(`o${OKINA}g${OKINA}li ma${TUTUQ}no`);
    }
  });

  it('leaves marks that do not follow a letter', () => {
    expect(normalizeApostrophes("‘Aziz' 5′")).toBe(`‘Aziz${TUTUQ} 5′`);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeApostrophes(normalizeApostrophes(s)) === normalizeApostrophes(s)));
  });
});
