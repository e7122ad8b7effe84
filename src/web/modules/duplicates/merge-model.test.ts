import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { MERGE_FIELDS } from '../../../shared/duplicates.ts';
import type { PersonView } from '../../api/types.ts';
import type { DisplayContext } from '../people/person-display.ts';
import {
  chosenRecord, compareRecords, completeness, isFilled, mergeFieldText, mergeRequest, movedLines, personLabel, personWithReference, sameValue, scriptLang, suggestSurvivor,
} from './merge-model.ts';

/** The same girl registered twice: once from her birth certificate in Cyrillic, once by a school in Latin with a phone. */
const cyrillic: PersonView = {
  id: '7b0c1a2e-0000-4000-8000-000000000001',
  reference: 'P-0000001',
  givenName: 'Нилуфар',
  familyName: 'Камалова',
  patronymic: null,
  nameScript: 'cyrl',
  givenNameAlt: 'Nilufar',
  familyNameAlt: 'Kamalova',
  patronymicAlt: null,
  sex: 'female',
  birthDate: '2014-03-08',
  birthDateEstimated: false,
  disability: false,
  specialNeeds: null,
  healthNotes: null,
  pinfl: null,
  birthCertificate: 'I-TN 1234567',
  phone: null,
  regionId: 'r1',
  districtId: 'd1',
  mahallaId: 'm1',
  addressLine: null,
  archivedAt: null,
  version: 3,
  createdAt: '2025-01-10T09:00:00Z',
};

const latin: PersonView = {
  ...cyrillic,
  id: '7b0c1a2e-0000-4000-8000-000000000002',
  reference: 'P-0000002',
  givenName: 'Nilufarxon',
  familyName: 'Kamalova',
  nameScript: 'latn',
  givenNameAlt: 'Нилуфархон',
  familyNameAlt: 'Камалова',
  birthCertificate: null,
  phone: '+998901234567',
  version: 1,
  createdAt: '2025-06-02T09:00:00Z',
};

describe('comparing two records', () => {
  it('treats a name typed first in the other script as the same name', () => {
    expect(sameValue(cyrillic, latin, 'familyName')).toBe(true);
    expect(sameValue(cyrillic, latin, 'givenName')).toBe(false);
  });

  it('finds the fields to choose and the fields both agree on, in merge order', () => {
    const { differing, same } = compareRecords(cyrillic, latin);
    expect(differing).toEqual(['givenName', 'birthCertificate', 'phone']);
    expect(same).toEqual(['familyName', 'patronymic', 'sex', 'birthDate', 'disability', 'specialNeeds', 'healthNotes', 'pinfl', 'address']);
    expect([...differing, ...same].sort()).toEqual([...MERGE_FIELDS].sort());
  });

  it('sees an estimated date as different from the same exact date, and blank text as no text', () => {
    expect(sameValue(cyrillic, { ...latin, birthDateEstimated: true }, 'birthDate')).toBe(false);
    expect(sameValue({ ...cyrillic, specialNeeds: '  ' }, latin, 'specialNeeds')).toBe(true);
    expect(sameValue(cyrillic, { ...latin, mahallaId: 'm2' }, 'address')).toBe(false);
  });

  it('leaves out fields neither record shows to the caller', () => {
    const { healthNotes: _a, specialNeeds: _b, ...restrictedA } = cyrillic;
    const { healthNotes: _c, specialNeeds: _d, ...restrictedB } = latin;
    const { differing, same } = compareRecords(restrictedA, restrictedB);
    expect([...differing, ...same]).not.toContain('healthNotes');
    expect([...differing, ...same]).not.toContain('specialNeeds');
  });
});

describe('the record suggested to stay', () => {
  it('is the more complete one', () => {
    const fuller = { ...latin, pinfl: '31403146010025', specialNeeds: 'Speech therapy' };
    expect(completeness(fuller)).toBeGreaterThan(completeness(cyrillic));
    expect(suggestSurvivor(cyrillic, fuller)).toEqual({ survivorId: fuller.id, reason: 'more_complete' });
    expect(suggestSurvivor(fuller, cyrillic)).toEqual({ survivorId: fuller.id, reason: 'more_complete' });
  });

  it('is the one registered first when both are as complete, whichever order they come in', () => {
    expect(completeness(cyrillic)).toBe(completeness(latin));
    expect(suggestSurvivor(latin, cyrillic)).toEqual({ survivorId: cyrillic.id, reason: 'older' });
    expect(suggestSurvivor(cyrillic, latin)).toEqual({ survivorId: cyrillic.id, reason: 'older' });
  });

  it('falls back to the lower reference when the registration times are unknown', () => {
    const { createdAt: _a, ...a } = cyrillic;
    const { createdAt: _b, ...b } = latin;
    expect(suggestSurvivor(b, a).survivorId).toBe(a.id);
  });

  it('counts a disability flag only when set', () => {
    expect(isFilled(cyrillic, 'disability')).toBe(false);
    expect(isFilled({ ...cyrillic, disability: true }, 'disability')).toBe(true);
  });
});

describe('the value each field keeps', () => {
  it('is the survivor’s, unless the survivor has nothing there', () => {
    expect(chosenRecord('givenName', cyrillic, latin, {})).toBe(cyrillic.id);
    expect(chosenRecord('birthCertificate', cyrillic, latin, {})).toBe(cyrillic.id);
    expect(chosenRecord('phone', cyrillic, latin, {})).toBe(latin.id);
  });

  it('is the user’s choice when made, and ignores a choice naming neither record', () => {
    expect(chosenRecord('givenName', cyrillic, latin, { givenName: latin.id })).toBe(latin.id);
    expect(chosenRecord('phone', cyrillic, latin, { phone: cyrillic.id })).toBe(cyrillic.id);
    expect(chosenRecord('givenName', cyrillic, latin, { givenName: 'someone-else' })).toBe(cyrillic.id);
  });

  it('keeps a choice on the same record when the survivor is switched', () => {
    const choices = { givenName: latin.id };
    expect(chosenRecord('givenName', latin, cyrillic, choices)).toBe(latin.id);
    expect(chosenRecord('birthCertificate', latin, cyrillic, choices)).toBe(cyrillic.id);
  });
});

describe('the merge request', () => {
  it('names every differing field with the side its value comes from, and the versions compared', () => {
    expect(mergeRequest(cyrillic, latin, { givenName: latin.id })).toEqual({
      survivorId: cyrillic.id,
      mergedId: latin.id,
      survivorVersion: 3,
      mergedVersion: 1,
      fields: { givenName: 'merged', birthCertificate: 'survivor', phone: 'merged' },
    });
  });

  it('works the other way round', () => {
    expect(mergeRequest(latin, cyrillic, {}).fields).toEqual({ givenName: 'survivor', birthCertificate: 'merged', phone: 'survivor' });
  });
});

describe('showing values', () => {
  const t = ((key: string, vars?: Record<string, unknown>) => (vars ? `${key}${JSON.stringify(vars)}` : key)) as unknown as TFunction;
  const places: Record<string, string> = { r1: 'Toshkent shahri', d1: 'Yunusobod tumani', m1: 'Bogʻishamol' };
  const ctx: DisplayContext = { t, locale: 'uz-Latn', location: (id) => (id ? (places[id] ?? '') : ''), org: undefined };

  it('shows a name with its other-script spelling, a date as the reader writes it, the address in words', () => {
    expect(mergeFieldText(ctx, cyrillic, 'givenName')).toBe('Нилуфар (Nilufar)');
    expect(mergeFieldText(ctx, cyrillic, 'patronymic')).toBe('');
    expect(mergeFieldText(ctx, cyrillic, 'birthDate')).toBe('08.03.2014');
    expect(mergeFieldText(ctx, { ...cyrillic, birthDateEstimated: true }, 'birthDate')).toBe('review.merge.fields.estimatedDate{"date":"08.03.2014"}');
    expect(mergeFieldText(ctx, cyrillic, 'address')).toBe('Toshkent shahri, Yunusobod tumani, Bogʻishamol');
    expect(mergeFieldText(ctx, cyrillic, 'sex')).toBe('sex.female');
    expect(mergeFieldText(ctx, cyrillic, 'disability')).toBe('common.no');
    expect(mergeFieldText(ctx, latin, 'phone')).toBe('+998 90 123 45 67');
    expect(mergeFieldText(ctx, latin, 'birthCertificate')).toBe('');
  });

  it('names a person in the reader’s script, and tags a name with its script', () => {
    expect(personLabel(cyrillic, 'ru')).toBe('Камалова Нилуфар');
    expect(personLabel(cyrillic, 'en')).toBe('Kamalova Nilufar');
    const { givenName: _g, familyName: _f, ...nameless } = cyrillic;
    expect(personLabel({ ...nameless, givenNameAlt: undefined, familyNameAlt: undefined }, 'en')).toBe('P-0000001');
    expect(personWithReference(cyrillic, 'ru')).toBe('Камалова Нилуфар (P-0000001)');
    expect(personWithReference({ ...nameless, givenNameAlt: undefined, familyNameAlt: undefined }, 'en')).toBe('P-0000001');
    expect(scriptLang('Камалова Нилуфар')).toBe('uz-Cyrl');
    expect(scriptLang('Gʻayrat Yusupov')).toBe('uz-Latn');
  });
});

describe('what a merge moved', () => {
  it('lists known tables in a fixed order and folds the others into one line', () => {
    expect(movedLines({ consent: 2, household_member: 1, 'casework.case_link': 2, referral: 0, audit_note: 1 })).toEqual([
      { table: 'household_member', count: 1 },
      { table: 'consent', count: 2 },
      { table: 'other', count: 3 },
    ]);
    expect(movedLines({})).toEqual([]);
  });
});
