import { describe, expect, it } from 'vitest';
import { LABELLED_PAIRS } from '../../../shared/names/labelled-pairs.ts';
import { DUPLICATE_REASONS } from '../../../shared/duplicates.ts';
import { blankMatchRecord, bandOf, cannotBeDuplicate, LIKELY_SCORE, POSSIBLE_SCORE, scoreDuplicate, type MatchRecord } from './duplicate-score.ts';
import { candidateKeys, matchFold, personMatchData, searchWords } from './match-keys.ts';

const rec = (name: string, more: Partial<MatchRecord> = {}): MatchRecord => ({ ...blankMatchRecord([name]), ...more });
const codes = (a: MatchRecord, b: MatchRecord) => scoreDuplicate(a, b).reasons.map((r) => r.code);

describe('scoreDuplicate', () => {
  it('calls the same child written in two scripts, same birth date and mahalla, likely', () => {
    const s = scoreDuplicate(
      rec('Ғайрат Юсупов', { birthDate: '2012-05-14', sex: 'male', mahallaId: 'm1' }),
      rec('Gayrat Iusupov', { birthDate: '2012-05-14', sex: 'male', mahallaId: 'm1' }),
    );
    expect(s.band).toBe('likely');
    expect(s.score).toBeGreaterThan(0.98);
    expect(s.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['name_same', 'birth_date_same', 'mahalla_same', 'sex_same']));
    expect(s.reasons.every((r) => r.effect === 'agree')).toBe(true);
  });

  it('never calls brother and sister (Aziz/Aziza) a duplicate, even on the same birth date', () => {
    const s = scoreDuplicate(rec('Aziz Karimov', { birthDate: '2012-05-14', sex: 'male' }), rec('Aziza Karimova', { birthDate: '2012-05-14', sex: 'female' }));
    expect(s.band).toBeNull();
    expect(s.reasons).toContainEqual({ code: 'name_different', effect: 'disagree' });
    expect(s.reasons).toContainEqual({ code: 'sex_different', effect: 'disagree' });
  });

  it('keeps twins apart though they share birth date, household and mahalla', () => {
    const shared = { birthDate: '2015-09-01', sex: 'male' as const, householdIds: ['h1'], mahallaId: 'm1', caregiverNames: ['Dilnoza Aliyeva'] };
    expect(scoreDuplicate(rec('Hasan Aliyev', shared), rec('Husan Aliyev', shared)).band).toBeNull();
    expect(scoreDuplicate(rec('Ҳасан Алиев', shared), rec('Husan Aliyev', shared)).band).toBeNull();
  });

  it('treats an equal PINFL or birth certificate as decisive, and different PINFLs as nearly excluding', () => {
    expect(scoreDuplicate(rec('Nilufar Kamalova', { pinfl: '61403140010012' }), rec('Nodira Kamalova', { pinfl: '61403140010012' })).band).toBe('likely');
    expect(scoreDuplicate(rec('Nilufar Kamalova', { birthCertificate: 'I-TN 1234567' }), rec('Нилуфархон Камалова', { birthCertificate: 'I-TN 1234567' })).score).toBeGreaterThanOrEqual(0.99);
    const different = scoreDuplicate(
      rec('Nilufar Kamalova', { pinfl: '61403140010012', birthDate: '2014-03-08', mahallaId: 'm' }),
      rec('Nilufar Kamalova', { pinfl: '61403140010023', birthDate: '2014-03-08', mahallaId: 'm' }),
    );
    expect(different.band).toBeNull();
    expect(different.reasons[0]).toEqual({ code: 'pinfl_different', effect: 'disagree' });
  });

  it('weighs the date of birth: equal, a typing slip, within an estimate, the year only, different', () => {
    const a = (birthDate: string, birthDateEstimated = false) => rec('Madina Yusupova', { birthDate, birthDateEstimated, sex: 'female' });
    const same = scoreDuplicate(a('2013-04-07'), a('2013-04-07'));
    const swapped = scoreDuplicate(a('2013-04-07'), a('2013-07-04'));
    const slip = scoreDuplicate(a('2013-04-07'), a('2013-04-08'));
    const estimated = scoreDuplicate(a('2013-01-01', true), a('2013-09-20'));
    const wideEstimate = scoreDuplicate(a('2011-07-01', true), a('2013-04-07'));
    const yearOnly = scoreDuplicate(a('2013-04-07'), a('2013-11-25'));
    const different = scoreDuplicate(a('2013-04-07'), a('2009-11-25'));
    expect(codes(a('2013-04-07'), a('2013-07-04'))).toContain('birth_date_close');
    expect(codes(a('2013-01-01', true), a('2013-09-20'))).toContain('birth_date_close');
    expect(codes(a('2013-04-07'), a('2013-11-25'))).toContain('birth_year_same');
    expect(codes(a('2013-04-07'), a('2009-11-25'))).toContain('birth_date_different');
    expect(same.score).toBeGreaterThan(swapped.score);
    expect(swapped.score).toBe(slip.score);
    expect(estimated.score).toBeGreaterThan(wideEstimate.score);
    expect(wideEstimate.score).toBeGreaterThan(yearOnly.score);
    expect(yearOnly.score).toBeGreaterThan(different.score);
    expect(same.band).toBe('likely');
    expect(different.band).toBeNull();
  });

  it('lets the name alone reach "possible", and household, caregivers and place lift it', () => {
    const alone = scoreDuplicate(rec('Nilufar Kamalova'), rec('KAMALOVA NILUFAR'));
    expect(alone.band).toBe('possible');
    const withHousehold = scoreDuplicate(rec('Nilufar Kamalova', { householdIds: ['h1'] }), rec('KAMALOVA NILUFAR', { householdIds: ['h1', 'h2'] }));
    const withCaregiver = scoreDuplicate(rec('Nilufar Kamalova', { caregiverNames: ['Dilnoza Rustamovna Kamalova'] }), rec('KAMALOVA NILUFAR', { caregiverNames: ['Камалова Дилноза'] }));
    const withMahalla = scoreDuplicate(rec('Nilufar Kamalova', { mahallaId: 'm1' }), rec('KAMALOVA NILUFAR', { mahallaId: 'm1' }));
    const otherDistrict = scoreDuplicate(rec('Nilufar Kamalova', { districtId: 'd1' }), rec('KAMALOVA NILUFAR', { districtId: 'd2' }));
    for (const lifted of [withHousehold, withCaregiver, withMahalla]) expect(lifted.score).toBeGreaterThan(alone.score);
    expect(otherDistrict.score).toBeLessThan(alone.score);
    expect(withCaregiver.reasons.map((r) => r.code)).toContain('caregiver_same');
    expect(withHousehold.reasons.map((r) => r.code)).toContain('household_shared');
  });

  it('compares other-script forms too, and is symmetric', () => {
    const a = { ...blankMatchRecord(['Нилуфархон Камалова', 'Nilufarxon Kamalova']), birthDate: '2014-03-08' };
    const b = rec('Nilufar Kamalova', { birthDate: '2014-03-08' });
    expect(scoreDuplicate(a, b)).toEqual(scoreDuplicate(b, a));
  });

  it('answers only reason codes the UI knows, strongest first, and scores within 0..1', () => {
    for (const p of LABELLED_PAIRS) {
      const s = scoreDuplicate(rec(p.a, { birthDate: '2010-01-01' }), rec(p.b, { birthDate: '2010-01-01' }));
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(1);
      for (const r of s.reasons) expect(DUPLICATE_REASONS[r.code]).toBe(r.effect);
      expect(s.band).toBe(bandOf(s.score));
    }
    expect(bandOf(LIKELY_SCORE)).toBe('likely');
    expect(bandOf(POSSIBLE_SCORE)).toBe('possible');
    expect(bandOf(POSSIBLE_SCORE - 0.001)).toBeNull();
  });

  it('separates the labelled name pairs when the other fields agree', () => {
    const wrong = LABELLED_PAIRS.filter((p) => {
      const s = scoreDuplicate(rec(p.a, { birthDate: '2010-01-01' }), rec(p.b, { birthDate: '2010-01-01' }));
      return p.match ? s.band !== 'likely' : s.band === 'likely';
    });
    expect(wrong.map((p) => `${p.a} / ${p.b}`)).toEqual([]);
  });
});

describe('match keys', () => {
  const person = (given: string, family: string, more: Record<string, string | null> = {}) => ({
    given_name: given, family_name: family, patronymic: null, given_name_alt: null, family_name_alt: null, patronymic_alt: null,
    birth_date: null, pinfl: null, birth_certificate: null, ...more,
  });

  it('gives the same name key to every script, spelling, word order and suffix', () => {
    const key = (g: string, f: string) => candidateKeys(person(g, f)).filter((k) => k.startsWith('n:'));
    expect(key('Нилуфар', 'Камалова')).toEqual(key('Nilufarxon', 'Kamalova'));
    expect(key('Нилуфар', 'Камалова')).toEqual(key('KAMALOVA', 'NILUFAR'));
    expect(key('Ғайрат', 'Юсупов')).toEqual(key('Gayrat', 'Iusupov'));
  });

  it('adds birth-date keys that survive a slip in one name, and identity keys', () => {
    const a = candidateKeys(person('Nilufar', 'Kamalova', { birth_date: '2014-03-08', pinfl: '61403140010012', birth_certificate: 'I-TN 1234567' }));
    const b = candidateKeys(person('Nilfuar', 'Kamalova', { birth_date: '2014-03-08' }));
    expect(a).toEqual(expect.arrayContaining(['id:61403140010012', 'bc:I-TN 1234567', 'nd:kamal nilafar|2014-03-*', 'nd:kamal nilafar|2014~03/08']));
    expect(a.filter((k) => b.includes(k)).sort()).toEqual(['fd:kamal|2014-03-08', 'sk:kml nlfr']);
  });

  it('stores search tokens and a fold without surname endings', () => {
    const data = personMatchData(person('Нилуфархон', 'Камалова', { given_name_alt: 'Nilufarxon' }));
    expect(data.keys).toEqual(expect.arrayContaining(['t:nilafarxan', 't:kamalava']));
    expect(data.fold).toBe('kamal nilafar');
    expect(matchFold('KAMALOVA NILUFAR')).toBe('kamal nilafar');
    expect(searchWords('Nilu kam')).toEqual(['nila', 'kam']);
  });
});

describe('cannotBeDuplicate', () => {
  it('is true only where scoreDuplicate gives no band, whatever the names', () => {
    const dates = ['2013-04-07', '2013-07-04', '2013-04-08', '2013-11-25', '2009-11-25', null];
    const names = ['Madina Yusupova', 'Мадина Юсупова', 'Madina Yunusova', 'Dilnoza Karimova'];
    for (const da of dates) for (const db of dates) for (const na of names) for (const nb of names) for (const est of [false, true]) {
      const a = rec(na, { birthDate: da, birthDateEstimated: est, sex: 'female', caregiverNames: ['Rustam Yusupov'] });
      const b = rec(nb, { birthDate: db, sex: 'female', mahallaId: 'm', caregiverNames: ['Rustam Yusupov'] });
      if (cannotBeDuplicate(a, b)) expect(scoreDuplicate(a, b).band, `${na} ${da} / ${nb} ${db}`).toBeNull();
    }
    expect(cannotBeDuplicate(rec('Madina Yusupova', { birthDate: '2013-04-07' }), rec('Madina Yusupova', { birthDate: '2009-11-25' }))).toBe(true);
    expect(cannotBeDuplicate(rec('Madina Yusupova', { birthDate: '2013-04-07', pinfl: '1' }), rec('Madina Yusupova', { birthDate: '2009-11-25', pinfl: '1' }))).toBe(false);
  });
});

describe('the scan\'s blocking of exact dates', () => {
  it('never drops a pair of exact dates that could be "likely", and keeps every slip', () => {
    // Exact dates pair up only through the date keys: when no date key is shared, the two dates differ in at least two of year, month and day.
    // Such a pair can still be "possible" when the household, caregivers and mahalla agree (the registration check shows it; the scan does not).
    const most = { sex: 'female' as const, mahallaId: 'm', householdIds: ['h'], caregiverNames: ['Rustam Karimov'] };
    const keysOf = (birth_date: string) => new Set(candidateKeys({ given_name: 'Dilnoza', family_name: 'Karimova', patronymic: null, birth_date, pinfl: null, birth_certificate: null }).filter((k) => /^(nd|gd|fd):/.test(k)));
    const dates = ['2013-04-07', '2013-07-04', '2013-04-08', '2013-04-17', '2012-04-07', '2013-11-25', '2009-11-25', '2014-04-09', '2013-05-08'];
    for (const x of dates) for (const y of dates) for (const households of [['h'], ['h2']]) {
      const a = rec('Dilnoza Karimova', { ...most, birthDate: x });
      const b = rec('Dilnoza Karimova', { ...most, householdIds: households, birthDate: y });
      // The scan also compares the members of one household with each other.
      const shared = [...keysOf(x)].some((k) => keysOf(y).has(k)) || a.householdIds.some((h) => b.householdIds.includes(h));
      const s = scoreDuplicate(a, b);
      if (!shared && s.band === 'likely') expect.fail(`${x} / ${y} would be missed by the scan`);
      if (s.reasons.some((r) => r.code === 'birth_date_close' || r.code === 'birth_date_same')) expect(shared, `${x} / ${y}`).toBe(true);
    }
  });
});
