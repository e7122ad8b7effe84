/**
 * Labelled pairs of whole person records (names, date of birth, sex, and a
 * few identity numbers), for the duplicate quality benchmark. Two sources:
 *
 *  - the 201 name pairs of src/shared/names/labelled-pairs.ts, each given
 *    dates of birth and sexes the way such records really differ (the same
 *    child written twice: the same date, or a date estimated, swapped or
 *    missing on one record; siblings: years apart; twins: the same date;
 *    parent and child: a generation apart; namesakes: unrelated dates);
 *  - hand-written pairs of full records below: registrations as they reach
 *    the registry (Cyrillic and Latin, patronymics as -ovich/-ovna or
 *    o‘g‘li/qizi, passport spellings, suffixes, typing slips), and the near
 *    misses a registry holds (siblings with the same father, twins, cousins
 *    and namesakes of the same year, different PINFLs).
 *
 * `match` is the truth, not what the scorer says.
 */
import { LABELLED_PAIRS, REFERENCE_PAIRS, type LabelledPair } from '../../src/shared/names/labelled-pairs.ts';
import { nameTokens } from '../../src/shared/names/index.ts';

export interface BenchRecord {
  name: string;
  sex: 'female' | 'male';
  birthDate: string | null;
  birthDateEstimated?: boolean;
  pinfl?: string | null;
  birthCertificate?: string | null;
  mahalla?: string | null;
}

export interface RecordPair {
  a: BenchRecord;
  b: BenchRecord;
  match: boolean;
  why: string;
}

/** A small deterministic generator, so every run sees the same data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(Math.min(d, 28))}`;
}

const FEMALE_GIVEN = new Set([
  'nilufar', 'dilnoza', 'dilfuza', 'gulnoza', 'gulnora', 'zarina', 'madina', 'malika', 'lola', 'laziza', 'dildora', 'irina', 'elena', 'natalya', 'natalia',
  'tatyana', 'tatiana', 'olga', 'feruza', 'fotima', 'fatima', 'zuhra', 'hilola', 'xurshida', 'hurshida', 'sayyora', 'saida', 'shahnoza', 'shahlo',
  'kamola', 'kamila', 'komila', 'umida', 'nigora', 'maftuna', 'mahliyo', 'ugiloy', 'mukaddas', 'muqaddas', 'mukarram', 'iroda', 'oydin', 'zulfiya',
  'gulchehra', 'gulshan', 'hulkar', 'nodira', 'karima', 'ozoda', 'dilshoda',
]);

/** Sex of a labelled name: surname or patronymic endings, else a list of women's names. */
export function sexOf(name: string): 'female' | 'male' {
  const t = nameTokens(name);
  if (t.sex) return t.sex;
  const first = name.normalize('NFC').toLowerCase().replace(/[ʻ'‘’`]/g, '');
  const latin = first.split(/\s+/).map((w) => w.replace(/(xon|xan|khon|jon)$/, ''));
  for (const w of latin) if (FEMALE_GIVEN.has(w)) return 'female';
  // Cyrillic names of women in the labelled set.
  if (/(Нилуфар|Дилноза|Лазиза|Дилфуза|Ҳилола|Феруза|Лола|Хуршида|Шаҳноза|Мафтуна|Сайёра|Зарина|Мадина|Наталья|Татьяна|Ольга|Елена|Ирина|Фотима|Зуҳра|Маҳлиё|Умида|Комила|Ўғилой|Мукаддас|Нигора|Зулфия|Гулнора|Камола)/.test(name)) return 'female';
  return 'male';
}

/**
 * Dates and sexes for a labelled name pair, the way such records differ.
 * `i` picks the variant deterministically.
 */
function recordsForLabelled(a: string, b: string, match: boolean, why: string, i: number, rnd: () => number): RecordPair {
  const year = 2004 + Math.floor(rnd() * 18);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const dob = isoDate(year, month, day);
  const sexA = sexOf(a);
  const sexB = match ? sexA : sexOf(b);
  if (match) {
    // How the second registration's date differs from the first.
    switch (i % 8) {
      case 0: case 1: case 2: case 3:
        return { a: { name: a, sex: sexA, birthDate: dob }, b: { name: b, sex: sexB, birthDate: dob }, match, why };
      case 4:
        return { a: { name: a, sex: sexA, birthDate: dob }, b: { name: b, sex: sexB, birthDate: isoDate(year, 1, 1), birthDateEstimated: true }, match, why: `${why}; date estimated` };
      case 5:
        return { a: { name: a, sex: sexA, birthDate: dob }, b: { name: b, sex: sexB, birthDate: day <= 12 ? isoDate(year, day, month) : isoDate(year, month, day === 28 ? 27 : day + 1) }, match, why: `${why}; date slip` };
      case 6:
        return { a: { name: a, sex: sexA, birthDate: dob }, b: { name: b, sex: sexB, birthDate: null }, match, why: `${why}; no date on one` };
      default:
        return { a: { name: a, sex: sexA, birthDate: dob, mahalla: `m${i}` }, b: { name: b, sex: sexB, birthDate: dob, mahalla: `m${i}` }, match, why: `${why}; same mahalla` };
    }
  }
  if (/twin/.test(why)) {
    return { a: { name: a, sex: sexA, birthDate: dob, mahalla: `m${i}` }, b: { name: b, sex: sexB, birthDate: dob, mahalla: `m${i}` }, match, why };
  }
  if (/father|mother|parent/.test(why)) {
    return { a: { name: a, sex: sexA, birthDate: isoDate(year - 28, month, day) }, b: { name: b, sex: sexB, birthDate: dob }, match, why };
  }
  if (/brother|sister|sibling/.test(why)) {
    const gap = 1 + Math.floor(rnd() * 5);
    return { a: { name: a, sex: sexA, birthDate: dob, mahalla: `m${i}` }, b: { name: b, sex: sexB, birthDate: isoDate(year - gap, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)), mahalla: `m${i}` }, match, why };
  }
  // Namesakes and others: unrelated dates.
  const other = isoDate(2004 + Math.floor(rnd() * 18), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28));
  return { a: { name: a, sex: sexA, birthDate: dob }, b: { name: b, sex: sexB, birthDate: other }, match, why };
}

type R = [name: string, sex: 'f' | 'm', birthDate: string | null, extra?: Partial<BenchRecord>];
const rec = ([name, sex, birthDate, extra]: R): BenchRecord => ({ name, sex: sex === 'f' ? 'female' : 'male', birthDate, ...extra });
const same = (a: R, b: R, why: string): RecordPair => ({ a: rec(a), b: rec(b), match: true, why });
const diff = (a: R, b: R, why: string): RecordPair => ({ a: rec(a), b: rec(b), match: false, why });
const est = { birthDateEstimated: true };

/** Whole records, written out by hand. */
export const FULL_RECORD_PAIRS: readonly RecordPair[] = [
  // The same person registered twice
  same(['Камалова Нилуфар Рустамовна', 'f', '2014-03-08'], ['Nilufarxon Kamalova', 'f', '2014-03-08'], 'patronymic on one, -xon, script'),
  same(['KAMALOVA NILUFAR', 'f', '2014-03-08'], ['Нилуфар Камалова', 'f', '2014-08-03'], 'caps, order, day and month swapped'),
  same(['Юсупов Ғайрат', 'm', '2012-05-14', { mahalla: 'chilonzor-5' }], ['Gayrat Iusupov', 'm', '2012-05-14', { mahalla: 'chilonzor-5' }], 'ICAO passport spelling'),
  same(['Юсупов Ғайрат Баҳодирович', 'm', '2012-05-14'], ["G'ayrat Bahodir o'g'li Yusupov", 'm', '2012-05-14'], '-ovich = oʻgʻli'),
  same(['Тошпўлатов Сардор Абдуллаевич', 'm', '2009-11-02'], ['Sardor Tashpulatov', 'm', '2009-01-01', est], 'estimated date, Russian spelling'),
  same(['Раҳимова Малика', 'f', '2016-07-21'], ['Malika Rakhimova', 'f', null], 'no date on one'),
  same(['Жўраев Ғулом Исмоилович', 'm', '1979-04-30'], ['Gulom Djuraev', 'm', '1979-04-30'], 'Soviet dj, adult'),
  same(['Хусанова Дилдора', 'f', '2010-02-10'], ['Khusanova Dildora', 'f', '2010-02-11'], 'one-digit slip in the date'),
  same(['Эргашев Баҳром', 'm', '2011-06-06'], ['Bakhrom Ergashev', 'm', '2011-06-06'], 'kh'),
  same(['Мирзаева Шоҳсанам', 'f', '2013-09-17'], ['Shokhsanam Mirzaeva', 'f', '2013-09-17'], 'kh, -aeva'),
  same(['Қурбонов Дилшод', 'm', '2008-12-25'], ['Kurbanov Dilshod', 'm', '2008-12-25'], 'Russian Курбанов'),
  same(['Қурбонов Дилшоджон', 'm', '2008-12-25'], ['Dilshod Qurbonov', 'm', '2008-12-25'], '-jon'),
  same(['Абдуллаева Нигора Шавкатовна', 'f', '1990-03-03'], ['Nigora Shavkat qizi Abdullayeva', 'f', '1990-03-03'], '-ovna = qizi, adult'),
  same(['Абдуллаева Нигора', 'f', '1990-03-03'], ['Abdulaeva Nigora', 'f', '1990-01-01', est], 'doubled l, estimated'),
  same(['Норматов Илҳом', 'm', '2015-05-05'], ['Ilkhom Normatov', 'm', '2015-05-05'], 'kh'),
  same(['Норматов Илҳомжон', 'm', '2015-05-05'], ['Ilxom Normatov', 'm', '2015-05-05'], 'x, -jon'),
  same(['Холматова Мафтуна', 'f', '2012-10-01'], ['Maftuna Halmatova', 'f', '2012-10-01'], 'h, о → a'),
  same(['Турсунов Ойбек', 'm', '2007-08-08'], ['Aybek Tursunov', 'm', '2007-08-08'], 'о → a'),
  same(['Турсунов Ойбек', 'm', '2007-08-08'], ['Oibek Tursunov', 'm', null], 'ICAO i, no date'),
  same(['Йўлдошева Зарина', 'f', '2014-01-20'], ['ZARINA IULDASHEVA', 'f', '2014-01-20'], 'ICAO iu'),
  same(['Йўлдошева Зарина', 'f', '2014-01-20'], ['Zarina Yuldasheva', 'f', '2014-01-02'], 'Russian, date slip'),
  same(['Ким Ирина Николаевна', 'f', '1984-11-11'], ['Irina Kim', 'f', '1984-11-11'], 'Korean surname, patronymic'),
  same(['Цой Елена', 'f', '2009-04-04'], ['Tsoy Yelena', 'f', '2009-04-04'], 'ts, ye'),
  same(['Пак Ольга Викторовна', 'f', '1978-02-14'], ["Ol'ga Pak", 'f', '1978-02-14'], 'soft sign'),
  same(['Иванова Наталья Сергеевна', 'f', '1982-07-07'], ['Natalia Ivanova', 'f', '1982-07-07'], 'ia'),
  same(['Мўминов Жаҳонгир', 'm', '2010-03-30'], ["Mo'minov Jahongir", 'm', '2010-03-30'], 'oʻ'),
  same(['Мўминов Жаҳонгир', 'm', '2010-03-30'], ['Muminov Jakhongir', 'm', '2010-01-01', est], 'Russian, estimated'),
  same(['Саттарова Ўғилой', 'f', '2016-02-29'], ["O'g'iloy Sattorova", 'f', '2016-02-28'], 'leap day typed as 28'),
  same(['Саттарова Ўғилой', 'f', '2016-02-28'], ['Ugiloy Sattarova', 'f', '2016-02-28'], 'ў → u'),
  same(['Рашидова Мукаддасхон', 'f', '2011-11-30'], ['Muqaddas Rashidova', 'f', '2011-11-30'], '-xon, қ'),
  same(['Жумаев Азизбек', 'm', '2013-06-15'], ['Aziz Jumayev', 'm', '2013-06-15'], '-bek'),
  same(['Жумаев Азизжон', 'm', '2013-06-15'], ['Azizdzhon Dzhumaev', 'm', '2013-06-15'], '-jon, dzh'),
  same(['Юлдашев Мухаммаджон', 'm', '2012-12-12'], ['Muhammad Yuldashev', 'm', '2012-12-12'], '-jon after d'),
  same(['Олимов Шерзоджон', 'm', '2014-04-14'], ['Sherzod Olimov', 'm', '2014-04-14'], '-jon after d'),
  same(['Эшматов Турсунбой', 'm', '2006-09-09'], ['Tursun Eshmatov', 'm', '2006-09-09'], '-boy'),
  same(['Собиров Нодирбек', 'm', '2008-05-25'], ['Nodir Sabirov', 'm', '2008-05-25'], '-bek, о → a'),
  same(['Қосимов Рустамбек', 'm', '2009-10-10'], ['Rustam Kasimov', 'm', '2009-10-10'], '-bek, Russian'),
  same(['Содиқов Аюббек', 'm', '2015-12-01'], ['Ayub Sodiqov', 'm', '2015-12-01'], '-bek after b'),
  same(['Маматюсупов Шавкат', 'm', '2005-05-05'], ['Shavakt Mamatyusupov', 'm', '2005-05-05'], 'transposed letters'),
  same(['Камалова Нилуфар', 'f', '2014-03-08'], ['Nilfuar Kamalova', 'f', '2014-03-08'], 'transposed letters'),
  same(['Усмонов Жамшид', 'm', '2011-01-11'], ['Jamshdi Usmonov', 'm', '2011-01-11'], 'transposed letters'),
  same(['Исмоилов Муҳаммад', 'm', '2010-08-18'], ['Muhammed Ismoilov', 'm', '2010-08-18'], 'a/e'),
  same(['Саъдуллаев Маъруф', 'm', '2007-07-17'], ['Maruf Sadullaev', 'm', '2007-07-17'], 'tutuq'),
  same(['Неъматов Хайрулла', 'm', '1988-06-21'], ['Khairulla Nematov', 'm', '1988-06-21'], 'kh, ICAO i'),
  same(['Расулов Одил', 'm', '2012-02-02'], ['Адил Расулов', 'm', '2012-02-02'], 'Russian Адил'),
  same(['Саидова Фотима', 'f', '2013-03-13'], ['Fatima Saidova', 'f', '2013-03-13'], 'о → a'),
  same(['Каримова Зуҳра', 'f', '2016-06-16'], ['Zukhra Karimova', 'f', '2016-06-16'], 'kh'),
  same(['Тўраева Маҳлиё', 'f', '2014-09-19'], ['Makhliyo Turaeva', 'f', '2014-09-19'], 'kh, ў → u'),
  same(['Аҳмедова Умида', 'f', '2010-10-20'], ['Umida Akhmedova', 'f', '2010-10-20'], 'kh'),
  same(['Рашидова Комила', 'f', '2012-04-24'], ['Kamila Rashidova', 'f', '2012-04-24'], 'Russian Камила'),
  same(['Саидов Эркин', 'm', '2011-05-15'], ['Erkin Sayidov', 'm', '2011-05-15'], 'Саидов/Сайидов'),
  same(['Эргашева Гулнора', 'f', '1992-12-02'], ['Гульнара Эргашева', 'f', '1992-12-02'], 'Russian Гульнара'),
  same(['Норова Зулфия Икромовна', 'f', '1987-01-27'], ['Zulfiya Ikrom qizi Norova', 'f', '1987-01-27'], 'qizi'),
  same(['Ёқубов Ботир', 'm', '2009-09-29'], ['Yakubov Batyr', 'm', '2009-09-29'], 'Russian Якубов Батыр'),
  same(['Ибрагимов Рустам', 'm', '2004-04-04'], ['Ibrohimov Rustam', 'm', '2004-04-04'], 'г for ҳ'),
  same(['Исмоилов Жасур Улуғбек ўғли', 'm', '2013-08-08'], ["Ismoilov Jasur Ulug'bekovich", 'm', '2013-08-08'], 'ўғли, suffix in patronymic'),
  same(['Усмонов Бобур Ҳамид ўғли', 'm', '2012-03-03'], ['Усмонов Бобур Хамидович', 'm', '2012-03-03'], 'х for ҳ in patronymic'),
  same(['Каримов Алишер Анварович', 'm', '2011-07-27'], ['Karimov Alisher', 'm', '2011-07-27'], 'patronymic missing'),
  same(['Юнусова Мадина', 'f', '2015-05-25', { birthCertificate: 'I-TN 1234567' }], ['Madina Iunusova', 'f', null, { birthCertificate: 'I-TN 1234567' }], 'same birth certificate'),
  same(['Алиев Ҳасан', 'm', '2015-09-01', { pinfl: '50109150010015' }], ['Khasan Aliev', 'm', '2015-09-01', { pinfl: '50109150010015' }], 'same PINFL'),
  same(['Ҳасанова Хуршида', 'f', '2011-11-01'], ['Hurshida Xasanova', 'f', '2011-11-01'], 'x/h swapped'),
  same(['Насирова Ҳилола', 'f', '2014-04-01'], ['Hilola Nasirova', 'f', '2014-04-01'], 'Latin'),
  same(['Солиев Отабек', 'm', '2008-08-28'], ['Otabek Saliev', 'm', '2008-01-01', est], 'о → a, estimated'),
  same(['Раҳмонов Акмал', 'm', '2013-10-13'], ['Akmal Rahmanov', 'm', '2013-10-13'], 'Russian Рахманов'),
  same(['Мирзаев Шоҳрух', 'm', '2010-06-30'], ['Shakhrukh Mirzaev', 'm', '2010-06-30'], 'Russian Шахрух'),
  same(['Тошматов Жасур', 'm', '2012-01-31'], ['Dzhasur Tashmatov', 'm', '2012-01-31'], 'dzh, о → a'),
  same(['Усмонов Жамшид', 'm', '2009-02-19'], ['Zhamshid Usmanov', 'm', '2009-02-19'], 'ICAO zh'),
  same(['Ҳасанжонов Бекзод', 'm', '1995-05-15'], ['BEKZOD KHASANDJANOV', 'm', '1995-05-15'], 'passport English page'),
  same(['Нурматов Жалолиддин', 'm', '2014-11-14'], ['Jalolliddin Nurmatov', 'm', '2014-11-14'], 'doubled l'),
  same(['Исмоилов Муҳаммадали', 'm', '2012-02-12'], ['Muhamadali Ismoilov', 'm', '2012-02-12'], 'doubled m'),
  same(['Рустамова Дилноза', 'f', '2013-12-13'], ['Дилноза Рустамова', 'f', '2013-12-13'], 'order'),
  same(['Султонова Лазиза', 'f', '2015-03-15'], ['Laziza Sultonova', 'f', '2015-03-15'], 'script'),

  // Different people whose records look alike
  diff(['Каримов Азиз Анварович', 'm', '2010-04-04'], ['Каримов Азим Анварович', 'm', '2012-09-09'], 'brothers, same father'),
  diff(['Каримов Азиз Анварович', 'm', '2010-04-04'], ['Каримова Азиза Анваровна', 'f', '2010-04-04'], 'twins, brother and sister'),
  diff(['Aliyev Hasan', 'm', '2015-09-01', { mahalla: 'yunusobod-2' }], ['Aliyev Husan', 'm', '2015-09-01', { mahalla: 'yunusobod-2' }], 'twins'),
  diff(['Алиева Фотима', 'f', '2015-09-01'], ['Алиева Зуҳра', 'f', '2015-09-01'], 'twins'),
  diff(['Nilufar Kamalova', 'f', '2014-03-08'], ['Nilufar Kamalova', 'f', '2009-10-19'], 'cousins named after one grandmother'),
  diff(['Sardor Aliyev', 'm', '2012-01-15'], ['Sardor Aliyev', 'm', '2006-09-30'], 'namesakes, six years apart'),
  diff(['Юсупов Ғайрат', 'm', '2012-05-14'], ['Юсупов Ғайрат', 'm', '1968-02-02'], 'grandson named after grandfather'),
  diff(['Yusupov Gayrat', 'm', '2012-05-14', { pinfl: '31405120010011' }], ['Yusupov Gayrat', 'm', '2012-05-14', { pinfl: '31405120020027' }], 'namesakes born the same day, different PINFLs'),
  diff(['Раҳимова Малика', 'f', '2016-07-21'], ['Раҳимова Мадина', 'f', '2014-02-11'], 'sisters'),
  diff(['Karimova Dilnoza Rustamovna', 'f', '2008-06-06'], ['Karimova Dilfuza Rustamovna', 'f', '2010-03-03'], 'sisters, one letter apart'),
  diff(['Ergasheva Gulnoza', 'f', '2011-01-01'], ['Ergasheva Gulnora', 'f', '2013-05-05'], 'sisters'),
  diff(['Тошпўлатов Сардор Абдуллаевич', 'm', '2009-11-02'], ['Тошпўлатов Санжар Абдуллаевич', 'm', '2011-04-17'], 'brothers with patronymic'),
  diff(['Норова Зарина Рустам қизи', 'f', '2012-12-12'], ['Норова Зулфия Рустам қизи', 'f', '2014-02-14'], 'sisters with patronymic'),
  diff(['Karimov Anvar', 'm', '1980-01-01'], ['Karimov Alisher Anvarovich', 'm', '2011-07-27'], 'father and son'),
  diff(['Karimov Rustam', 'm', '1975-05-05'], ['Karimova Dilnoza Rustamovna', 'f', '2008-06-06'], 'father and daughter'),
  diff(['Ivanova Natalya', 'f', '1982-07-07'], ['Natalya Ivanovna Petrova', 'f', '1982-07-07'], 'surname vs patronymic, same day'),
  diff(['Nazarov Sardor', 'm', '2010-10-10'], ['Nazirov Sardor', 'm', '2010-10-10'], 'namesakes one letter apart, same day'),
  diff(['Salimov Jasur', 'm', '2013-03-03'], ['Halimov Jasur', 'm', '2013-03-03'], 'namesakes one letter apart, same day'),
  diff(['Qodirov Otabek', 'm', '2009-09-09'], ['Qobilov Otabek', 'm', '2009-09-09'], 'namesakes, same day'),
  diff(['Yusupov Shavkat', 'm', '2008-08-08'], ['Yunusov Shavkat', 'm', '2008-08-08'], 'namesakes, same day'),
  diff(['Rasulova Nilufar', 'f', '2012-02-02'], ['Rashidova Nilufar', 'f', '2012-02-02'], 'namesakes, same day'),
  diff(['Toshmatov Jasur', 'm', '2011-11-11'], ['Eshmatov Jasur', 'm', '2011-11-11'], 'namesakes, same day'),
  diff(['Mamatov Shavkat', 'm', '2005-05-05'], ['Mamatyusupov Shavkat', 'm', '2005-05-05'], 'namesakes, same day'),
  diff(['Tsoy Elena', 'f', '2009-04-04'], ['Kim Elena', 'f', '2009-04-04'], 'namesakes, same day'),
  diff(['Aziz Aliyev', 'm', '2010-02-02'], ['Aziz Valiyev', 'm', '2010-02-02'], 'namesakes, same day'),
  diff(['Ismoilov Muhammad', 'm', '2010-08-18'], ['Ismoilov Mahmud', 'm', '2012-12-01'], 'brothers'),
  diff(['Qodirov Abdulla', 'm', '2006-06-06'], ['Qodirov Abdulaziz', 'm', '2008-08-08'], 'brothers'),
  diff(['Qodirov Abdurahmon', 'm', '2007-07-07'], ['Qodirov Abdurahim', 'm', '2009-09-09'], 'brothers'),
  diff(['Ergashev Bahrom', 'm', '2011-06-06'], ['Ergashev Bahodir', 'm', '2011-06-06'], 'twins'),
  diff(['Nazarova Mukaddas', 'f', '2012-12-12'], ['Nazarova Mukarram', 'f', '2012-12-12'], 'twins'),
  diff(['Sultonova Laziza', 'f', '2015-03-15'], ['Sultonova Lola', 'f', '2017-07-17'], 'sisters'),
  diff(['Nosirova Hilola', 'f', '2014-04-01'], ['Nosirova Hulkar', 'f', '2016-06-01'], 'sisters'),
  diff(['Valiyev Ali', 'm', '2009-09-09'], ['Valiyev Vali', 'm', '2011-11-11'], 'brothers'),
  diff(['Sodiqov Ismoil', 'm', '2010-10-10'], ['Sodiqov Ismat', 'm', '2012-12-12'], 'brothers'),
  diff(['Jumayev Azizbek', 'm', '2013-06-15'], ['Jumayev Azamat', 'm', '2015-05-05'], 'brothers'),
  diff(['Tursunov Oybek', 'm', '2007-08-08'], ['Tursunova Oydin', 'f', '2009-09-09'], 'brother and sister'),
  diff(['Nazarova Gulchehra', 'f', '2010-01-10'], ['Nazarova Gulshan', 'f', '2010-01-10'], 'twins'),
  diff(['Qosimov Shahzod', 'm', '2011-02-02'], ['Qosimov Shahboz', 'm', '2013-03-03'], 'brothers'),
  diff(['Karimov Yusuf', 'm', '2012-04-04'], ['Karimov Yunus', 'm', '2012-04-04'], 'twins'),
  diff(['Rahmonov Akmal', 'm', '2013-10-13'], ['Rahmonov Akbar', 'm', '2011-01-11'], 'brothers'),
  diff(['Olimov Jahongir', 'm', '2014-04-14'], ['Olimov Jahon', 'm', '2016-06-16'], 'brothers'),
  diff(['Karimov Aziz', 'm', '2010-04-04'], ['Karimov Azim', 'm', '2010-04-04'], 'twins, one letter apart'),
  diff(['Saidova Iroda', 'f', '2013-03-13'], ['Saidova Irina', 'f', '2013-03-13'], 'twins'),
  diff(['Rasulov Sherzod', 'm', '2011-11-01'], ['Rasulov Shahzod', 'm', '2011-11-01'], 'twins'),
  diff(['Tursunov Farhod', 'm', '2008-08-18'], ['Tursunov Farrux', 'm', '2010-10-20'], 'brothers'),
  diff(['Ismoilov Ulugbek', 'm', '2009-09-19'], ['Ismoilov Oybek', 'm', '2009-09-19'], 'twins'),
  diff(['Salimov Otabek', 'm', '2008-08-28'], ['Salimov Oybek', 'm', '2010-01-01', est], 'brothers, one date estimated'),
  diff(['Rahimova Sayyora', 'f', '2015-05-05'], ['Rahimova Saida', 'f', '2015-05-05'], 'twins'),
  diff(['Yusupova Shahnoza', 'f', '2012-02-22'], ['Yusupova Shahlo', 'f', '2014-04-24'], 'sisters'),
  diff(['Mirzayev Bobur', 'm', '2010-10-01'], ['Mirzayev Botir', 'm', '2010-10-01'], 'twins'),
  diff(['Nazarov Zafar', 'm', '2009-09-01'], ['Nazarov Safar', 'm', '2009-09-01'], 'twins, one letter apart'),
  diff(['Kamalova Nilufar', 'f', '2014-03-08'], ['Kamalova Nodira', 'f', '2016-06-06'], 'sisters'),
  diff(['Karimov Karim', 'm', '2011-01-01'], ['Karimova Karima', 'f', '2011-01-01'], 'twins, brother and sister'),
  diff(['Yusupov Kamol', 'm', '2013-03-03'], ['Yusupova Kamola', 'f', '2013-03-03'], 'twins, brother and sister'),
  diff(['Madina Yunusova', 'f', '2015-05-25'], ['Madina Yusupova', 'f', '2015-05-25'], 'namesakes, same day'),
  diff(['Madina Yunusova', 'f', '2015-05-25', { birthCertificate: 'I-TN 1234567' }], ['Madina Yunusova', 'f', '2015-05-25', { birthCertificate: 'I-TN 7654321' }], 'namesakes born the same day, different certificates'),
];

/**
 * Several hand-written pairs reuse one name and date (Nilufar Kamalova, born
 * 2014-03-08); each pair is meant as its own family, so each pair's dates
 * move by its own whole number of leap cycles (4 years: 29 February stays a
 * date), which keeps the differences within a pair as written.
 */
function ownYears(p: RecordPair, k: number): RecordPair {
  const shift = 4 * ((k * 3) % 7) - 12;
  const move = (r: BenchRecord): BenchRecord => {
    if (!r.birthDate) return r;
    let y = Number(r.birthDate.slice(0, 4)) + shift;
    if (y > 2024) y -= 28;
    return { ...r, birthDate: `${y}${r.birthDate.slice(4)}` };
  };
  return { ...p, a: move(p.a), b: move(p.b) };
}

/** The association's reference pairs not already in the labelled set. */
function referenceOnly(): LabelledPair[] {
  const known = new Set(LABELLED_PAIRS.map((p) => `${p.a}|${p.b}`));
  const pairs = [...REFERENCE_PAIRS.match.map(([a, b]) => ({ a, b, match: true })), ...REFERENCE_PAIRS.noMatch.map(([a, b]) => ({ a, b, match: false }))];
  return pairs.filter((p) => !known.has(`${p.a}|${p.b}`)).map((p) => ({ ...p, why: 'the association’s reference pair' }));
}

/** Every labelled record pair: the name pairs (ours and the association's) with dates and sexes, then the full records. */
export function recordPairs(): RecordPair[] {
  const rnd = seeded(20_240_404);
  const fromNames = [...LABELLED_PAIRS, ...referenceOnly()].map((p, i) => recordsForLabelled(p.a, p.b, p.match, p.why, i, rnd));
  return [...fromNames, ...FULL_RECORD_PAIRS.map(ownYears)];
}
