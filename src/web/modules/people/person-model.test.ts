import { describe, expect, it } from 'vitest';
import type { PersonView } from '../../api/types.ts';
import {
  changedFields, emptyPersonForm, formToPayload, guessScript, PERSON_FORM_FIELDS, personNames, personToForm, pinflProblem, validatePersonForm,
} from './person-model.ts';

const person: PersonView = {
  id: '7b0c1a2e-0000-4000-8000-000000000001',
  reference: 'P-0000001',
  givenName: 'Нилуфар',
  familyName: 'Камалова',
  patronymic: 'Азизовна',
  nameScript: 'cyrl',
  givenNameAlt: 'Nilufar',
  familyNameAlt: 'Kamalova',
  patronymicAlt: 'Azizovna',
  sex: 'female',
  birthDate: '2014-03-08',
  birthDateEstimated: false,
  disability: false,
  specialNeeds: null,
  healthNotes: null,
  pinfl: null,
  birthCertificate: null,
  phone: '+998901234567',
  regionId: null,
  districtId: null,
  mahallaId: null,
  addressLine: null,
  branchId: 'b0000000-0000-4000-8000-000000000001',
  assignedWorkerId: null,
  teamId: null,
  archivedAt: null,
  version: 3,
};

const all = new Set(PERSON_FORM_FIELDS);

describe('personToForm / formToPayload', () => {
  it('shows dates as dd.mm.yyyy and phones as +998 XX XXX XX XX', () => {
    const form = personToForm(person);
    expect(form.birthDate).toBe('08.03.2014');
    expect(form.phone).toBe('+998 90 123 45 67');
  });

  it('sends ISO dates, E.164 phones and null for empty optional fields', () => {
    const payload = formToPayload({ ...personToForm(person), phone: '8 90 765 43 21', specialNeeds: '  ' });
    expect(payload.birthDate).toBe('2014-03-08');
    expect(payload.phone).toBe('+998907654321');
    expect(payload.specialNeeds).toBeNull();
  });

  it('sends unreadable input as typed, so the server can point at it', () => {
    const payload = formToPayload({ ...emptyPersonForm(), birthDate: '31.02.2014', phone: '12345' });
    expect(payload.birthDate).toBe('31.02.2014');
    expect(payload.phone).toBe('12345');
  });
});

describe('changedFields', () => {
  it('is empty when nothing changed', () => {
    expect(changedFields(person, personToForm(person))).toEqual({});
  });

  it('does not count a phone retyped in another layout as a change', () => {
    expect(changedFields(person, { ...personToForm(person), phone: '+998901234567' })).toEqual({});
  });

  it('sends only what changed', () => {
    expect(changedFields(person, { ...personToForm(person), addressLine: 'Yunusobod 4-12', birthDateEstimated: true })).toEqual({
      addressLine: 'Yunusobod 4-12',
      birthDateEstimated: true,
    });
  });

  it('never sends a field the role does not see', () => {
    const partnerView: PersonView = { id: person.id, reference: person.reference, givenName: 'Нилуфар', familyName: 'Камалова', archivedAt: null, version: 1 };
    expect(changedFields(partnerView, { ...personToForm(partnerView), phone: '+998901234567', givenName: 'Нилуфара' })).toEqual({ givenName: 'Нилуфара' });
  });
});

describe('validatePersonForm', () => {
  it('requires names, sex and branch', () => {
    expect(validatePersonForm(emptyPersonForm(), all)).toEqual({ familyName: 'required', givenName: 'required', sex: 'required', branchId: 'required' });
  });

  it('refuses impossible and future dates of birth', () => {
    const base = { ...personToForm(person) };
    expect(validatePersonForm({ ...base, birthDate: '30.02.2014' }, all).birthDate).toBe('invalid_date');
    expect(validatePersonForm({ ...base, birthDate: '01.01.2030' }, all, new Date('2026-11-22')).birthDate).toBe('date_in_future');
    expect(validatePersonForm(base, all)).toEqual({});
  });

  it('checks the PINFL check digit, the phone and the birth certificate', () => {
    const base = personToForm(person);
    expect(validatePersonForm({ ...base, pinfl: '31505905901233' }, all).pinfl).toBeUndefined();
    expect(validatePersonForm({ ...base, pinfl: '31505905901234' }, all).pinfl).toBe('invalid_pinfl');
    expect(validatePersonForm({ ...base, phone: '+7 912 345 67 89' }, all).phone).toBe('invalid_phone');
    expect(validatePersonForm({ ...base, birthCertificate: 'I-TN 1234567' }, all).birthCertificate).toBeUndefined();
    expect(validatePersonForm({ ...base, birthCertificate: 'nonsense' }, all).birthCertificate).toBe('invalid_format');
  });

  it('checks only the fields on screen', () => {
    expect(validatePersonForm(emptyPersonForm(), new Set(['givenName']))).toEqual({ givenName: 'required' });
  });
});

describe('pinflProblem', () => {
  it('waits for 14 digits while typing, but not on leaving the field', () => {
    expect(pinflProblem('315059', false)).toBeNull();
    expect(pinflProblem('315059', true)).toBe('invalid_pinfl');
    expect(pinflProblem('3150 5905 9012 33', false)).toBeNull();
    expect(pinflProblem('31505x', false)).toBe('invalid_pinfl');
  });
});

describe('names', () => {
  it('guesses the script of typed names', () => {
    expect(guessScript('Нилуфар', 'Камалова')).toBe('cyrl');
    expect(guessScript('Gʻayrat', "O'ktam")).toBe('latn');
    expect(guessScript('', '')).toBeNull();
  });

  it("shows the name in the reader's script first, family name first", () => {
    expect(personNames(person, 'ru')).toEqual({ primary: 'Камалова Нилуфар Азизовна', secondary: 'Kamalova Nilufar Azizovna' });
    expect(personNames(person, 'uz-Latn')).toEqual({ primary: 'Kamalova Nilufar Azizovna', secondary: 'Камалова Нилуфар Азизовна' });
  });

  it('gives nothing when the role sees no names', () => {
    expect(personNames({ id: 'x', reference: 'P-1', archivedAt: null, version: 1 }, 'en')).toEqual({ primary: '', secondary: '' });
  });
});
