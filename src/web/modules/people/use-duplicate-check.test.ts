import { describe, expect, it } from 'vitest';
import { makePinfl } from '../../../shared/validation/pinfl.ts';
import type { DuplicateCandidate } from '../../api/types.ts';
import { emptyPersonForm } from './person-model.ts';
import {
  checkKey, duplicateCheckBody, duplicateSaveDecision, identityChanged, mergeCandidates, needsDuplicateReason, stillRefused,
} from './use-duplicate-check.ts';

const today = new Date('2026-11-22T10:00:00Z');
const candidate = (id: string, band: 'likely' | 'possible'): DuplicateCandidate => ({
  person: { id, reference: `P-${id}`, archivedAt: null, version: 1 },
  score: band === 'likely' ? 0.9 : 0.6,
  band,
  reasons: [{ code: 'name_same', effect: 'agree' }],
});

describe('when the form has enough to check', () => {
  it('waits for a given and a family name of two letters or more', () => {
    expect(duplicateCheckBody(emptyPersonForm(), {}, today)).toBeNull();
    expect(duplicateCheckBody(emptyPersonForm({ givenName: 'Gayrat' }), {}, today)).toBeNull();
    expect(duplicateCheckBody(emptyPersonForm({ givenName: 'Gayrat', familyName: 'I' }), {}, today)).toBeNull();
    expect(duplicateCheckBody(emptyPersonForm({ givenName: ' Ғайрат ', familyName: 'Юсупов' }), {}, today)).toEqual({ givenName: 'Ғайрат', familyName: 'Юсупов' });
  });

  it('checks on a complete, valid PINFL or birth certificate alone', () => {
    const pinfl = makePinfl({ birthDate: '2012-05-14', sex: 'male', serial: 5 });
    expect(duplicateCheckBody(emptyPersonForm({ pinfl: pinfl.slice(0, 10) }), {}, today)).toBeNull();
    expect(duplicateCheckBody(emptyPersonForm({ pinfl: `${pinfl.slice(0, 13)}${(Number(pinfl[13]) + 1) % 10}` }), {}, today)).toBeNull();
    expect(duplicateCheckBody(emptyPersonForm({ pinfl: `${pinfl.slice(0, 7)} ${pinfl.slice(7)}` }), {}, today)).toEqual({ pinfl });
    const certificate = duplicateCheckBody(emptyPersonForm({ birthCertificate: 'i-tn 1234567' }), {}, today);
    expect(certificate?.birthCertificate).toMatch(/1234567$/);
  });
});

describe('what is sent', () => {
  const typed = emptyPersonForm({
    givenName: 'Gayrat', familyName: 'Iusupov', patronymic: 'A', givenNameAlt: 'Ғайрат', familyNameAlt: 'Юсупов', sex: 'male',
    birthDate: '14.05.2012', birthDateEstimated: true, regionId: 'r', districtId: 'd', mahallaId: 'm', phone: '+998 90 123 45 67', branchId: 'b',
  });

  it('sends the names, sex, date of birth and place typed so far, and nothing the check does not take', () => {
    expect(duplicateCheckBody(typed, {}, today)).toEqual({
      givenName: 'Gayrat', familyName: 'Iusupov', givenNameAlt: 'Ғайрат', familyNameAlt: 'Юсупов', sex: 'male',
      birthDate: '2012-05-14', birthDateEstimated: true, regionId: 'r', districtId: 'd', mahallaId: 'm',
    });
  });

  it('leaves out a date still being typed, an impossible one or one in the future', () => {
    for (const birthDate of ['14.05.20', '31.02.2012', '01.01.2027', '01.01.1850']) {
      expect(duplicateCheckBody({ ...typed, birthDate }, {}, today), birthDate).not.toHaveProperty('birthDate');
      expect(duplicateCheckBody({ ...typed, birthDate }, {}, today), birthDate).not.toHaveProperty('birthDateEstimated');
    }
  });

  it('takes the household address, caregivers and the person being edited from the context', () => {
    const body = duplicateCheckBody(typed, {
      address: { regionId: 'R', districtId: '', mahallaId: 'M' }, caregiverNames: ['Shahnoza Iusupova', ' ', 'X'], householdId: 'h', excludePersonId: 'p',
    }, today);
    expect(body).toMatchObject({ regionId: 'R', mahallaId: 'M', caregiverNames: ['Shahnoza Iusupova'], householdId: 'h', excludePersonId: 'p' });
    expect(body).not.toHaveProperty('districtId');
  });

  it('is the same body for the same input, so an unchanged form asks nothing new', () => {
    expect(JSON.stringify(duplicateCheckBody({ ...typed }, {}, today))).toBe(JSON.stringify(duplicateCheckBody(typed, {}, today)));
  });
});

describe('candidates and the save', () => {
  it('merges a refused save with the live answer, each person once, the refusal first', () => {
    const merged = mergeCandidates([candidate('a', 'likely')], [candidate('b', 'possible'), candidate('a', 'possible')]);
    expect(merged.map((c) => [c.person.id, c.band])).toEqual([['a', 'likely'], ['b', 'possible']]);
  });

  it('keeps a refused save\'s candidates only while the person typed is the one refused', () => {
    const typed = duplicateCheckBody(emptyPersonForm({ givenName: 'Gayrat', familyName: 'Iusupov', birthDate: '14.05.2012' }), {}, today);
    const refused = { key: checkKey(typed), candidates: [candidate('a', 'likely')] };
    expect(stillRefused(refused, { ...typed })).toEqual(refused.candidates);
    expect(stillRefused(refused, duplicateCheckBody(emptyPersonForm({ givenName: 'Gayrat', familyName: 'Iusupov', birthDate: '15.05.2012' }), {}, today))).toEqual([]);
    expect(stillRefused(undefined, typed)).toEqual([]);
    expect(checkKey(null)).toBe('');
  });

  it('asks a reason only when a candidate is likely, and then sends every candidate shown', () => {
    expect(needsDuplicateReason([candidate('a', 'possible')])).toBe(false);
    expect(duplicateSaveDecision([], '')).toEqual({ kind: 'plain' });
    expect(duplicateSaveDecision([candidate('a', 'possible')], '')).toEqual({ kind: 'plain' });
    const shown = [candidate('a', 'possible'), candidate('b', 'likely')];
    expect(duplicateSaveDecision(shown, '   ')).toEqual({ kind: 'reason_missing' });
    expect(duplicateSaveDecision(shown, ' Twins ')).toEqual({ kind: 'override', override: { reason: 'Twins', candidateIds: ['a', 'b'] } });
  });

  it('sends at most the twenty candidates the server takes', () => {
    const many = Array.from({ length: 25 }, (_, i) => candidate(String(i), 'likely'));
    const decision = duplicateSaveDecision(many, 'checked');
    expect(decision.kind === 'override' && decision.override.candidateIds).toHaveLength(20);
  });

  it('checks again on the edit form only when a name, the date of birth or an identity number changed', () => {
    const base = emptyPersonForm({ givenName: 'Gayrat', familyName: 'Iusupov', birthDate: '14.05.2012' });
    expect(identityChanged(base, { ...base, phone: '+998901234567', addressLine: 'x' })).toBe(false);
    expect(identityChanged(base, { ...base, givenName: 'Gayrat ' })).toBe(false);
    expect(identityChanged(base, { ...base, familyName: 'Yusupov' })).toBe(true);
    expect(identityChanged(base, { ...base, birthDate: '15.05.2012' })).toBe(true);
    expect(identityChanged(base, { ...base, pinfl: '1' })).toBe(true);
  });
});
