import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NAME_MATCH_THRESHOLD } from '../../../shared/names/index.ts';
import { bestNameSimilarity, cannotBeDuplicate, scoreDuplicate, type MatchRecord } from './duplicate-score.ts';
import type { ScanMember } from './duplicate.repository.ts';
import { ANY_CAREGIVER, ANY_HOUSEHOLD, BLOCK_CAP, blockPairs, hopeful, MAX_MEETINGS } from './duplicate-scan.ts';

let serial = 0;
function member(side: ScanMember['side'], district: string | null = null, id = `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`): ScanMember {
  return {
    block: 'k', side, id, given_name: 'Aziz', family_name: 'Karimov', patronymic: null, given_name_alt: null, family_name_alt: null, patronymic_alt: null,
    sex: 'male', birth_date: null, birth_date_estimated: false, pinfl: null, birth_certificate: null, mahalla_id: null, district_id: district,
  };
}
const ids = (pairs: ReturnType<typeof blockPairs>) => pairs.map(([a, b]) => `${a.id}|${b.id}`).sort();

describe('blockPairs', () => {
  it('pairs everyone of a block once, the smaller id first', () => {
    const [x, y, z] = [member('all'), member('all'), member('all')];
    const pairs = blockPairs([z, x, y, x], 3);
    expect(pairs).toHaveLength(3);
    expect(pairs.every(([a, b]) => a.id < b.id)).toBe(true);
    expect(ids(pairs)).toEqual([`${x.id}|${y.id}`, `${x.id}|${z.id}`, `${y.id}|${z.id}`]);
  });

  it('in a probe block pairs probes with targets only, never a person with themself', () => {
    const p = member('probe');
    const q = member('probe');
    const targets = [member('target'), member('target')];
    const pairs = blockPairs([p, q, { ...p, side: 'target' }, ...targets], 3);
    // p and q are both probes: they meet only because p is a target too.
    expect(ids(pairs)).toEqual(ids([[p, q], [p, targets[0]!], [p, targets[1]!], [q, targets[0]!], [q, targets[1]!]].map(([a, b]) => (a!.id < b!.id ? [a!, b!] : [b!, a!]))));
  });

  it('in a block larger than the cap compares only people of one district or of none', () => {
    const here = member('probe', 'd1');
    const nowhere = member('probe', null);
    const targets = [member('target', 'd1'), member('target', 'd2'), member('target', null)];
    const pairs = blockPairs([here, nowhere, ...targets], BLOCK_CAP + 1);
    const met = (p: ScanMember) => pairs.filter(([a, b]) => a.id === p.id || b.id === p.id).map(([a, b]) => (a.id === p.id ? b : a).district_id).sort();
    expect(met(here)).toEqual(['d1', null].sort());
    expect(met(nowhere)).toEqual(['d1', 'd2', null].sort());
    expect(blockPairs([here, ...targets], BLOCK_CAP)).toHaveLength(3);
  });

  it('lets nobody meet more than MAX_MEETINGS people in one block', () => {
    const crowd = Array.from({ length: MAX_MEETINGS + 1 }, () => member('target', 'd1'));
    expect(blockPairs([member('probe', null), ...crowd], crowd.length)).toHaveLength(0);
    expect(blockPairs([member('probe', null), ...crowd.slice(1)], crowd.length)).toHaveLength(MAX_MEETINGS);
  });
});

describe('the bounds the scan filters pairs with', () => {
  it('stand for agreeing caregivers with a name that agrees with itself', () => {
    expect(bestNameSimilarity(ANY_CAREGIVER, ANY_CAREGIVER)).toBeGreaterThanOrEqual(NAME_MATCH_THRESHOLD);
  });

  const name = fc.constantFrom('Aziz Karimov', 'Azizbek Karimov', 'Азиз Каримов', 'Aziza Karimova', 'Nilufar Kamalova', 'Нилуфархон Камалова',
    'Hasan Aliyev', 'Husan Aliyev', 'Sardor Nazarov', 'Sanjar Nazarov', 'Dilnoza Lazizova', 'Dilnaza Lazizova', 'Gʻayrat Anvarovich Yusupov');
  const record: fc.Arbitrary<MatchRecord> = fc.record({
    names: fc.array(name, { minLength: 1, maxLength: 2 }),
    sex: fc.constantFrom(null, 'male' as const, 'female' as const),
    // The same day, a slip of a digit, day and month swapped, a guess at New Year, another year, another generation.
    birthDate: fc.constantFrom(null, '2012-05-11', '2012-05-12', '2012-11-05', '2012-01-01', '2013-05-11', '1985-03-02'),
    birthDateEstimated: fc.boolean(),
    pinfl: fc.constantFrom(null, null, '61405125010013', '61405125010024'),
    birthCertificate: fc.constantFrom(null, null, 'I-TN 1234567', 'I-TN 7654321'),
    mahallaId: fc.constantFrom(null, 'm1', 'm2'),
    districtId: fc.constantFrom(null, 'd1', 'd2'),
    householdIds: fc.subarray(['h1', 'h2']),
    caregiverNames: fc.subarray(['Dilnoza Aliyeva', 'Дилноза Алиева', 'Anvar Karimov', 'Гулнора Носирова']),
    nameFrequency: fc.constantFrom(undefined, 1, 4, 40, 250),
  });
  const assumed = (r: MatchRecord): MatchRecord => ({ ...r, householdIds: ANY_HOUSEHOLD, caregiverNames: ANY_CAREGIVER });
  const rare = (r: MatchRecord): MatchRecord => ({ ...r, nameFrequency: undefined });
  // What the scan knows at each of its filters, from least to most.
  const relaxations: [string, (a: MatchRecord, b: MatchRecord) => [MatchRecord, MatchRecord]][] = [
    ['fields alone', (a, b) => [rare(assumed(a)), rare(assumed(b))]],
    ['one side\'s frequency', (a, b) => [assumed(a), rare(assumed(b))]],
    ['real households and caregivers', (a, b) => [rare(a), rare(b)]],
    ['caregivers assumed to agree', (a, b) => [hopeful(a), hopeful(b)]],
  ];

  it('never score a pair below its full score, so no pair they drop could have had a band', () => {
    fc.assert(fc.property(record, record, (a, b) => {
      const full = scoreDuplicate(a, b);
      for (const [, relax] of relaxations) {
        const [x, y] = relax(a, b);
        expect(scoreDuplicate(x, y).score).toBeGreaterThanOrEqual(full.score);
        if (full.band) expect(cannotBeDuplicate(x, y)).toBe(false);
      }
    }), { numRuns: 1500 });
  });
});
